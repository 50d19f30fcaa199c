import { expect, test, type Page } from '@playwright/test';
import { course } from './support/course.ts';
import { closeCourse, courseFrame, launch, openStandIn } from './support/stand-in.ts';
import { courseViolations, pageViolations } from './support/axe.ts';

const stepping = course.modules.find((m) => m.meta.id === 'u219-lo3')!;
const writing = course.modules.find((m) => m.meta.id === 'writing')!;
const ANSWERS = {
  [stepping.meta.id]: '<script>document.title="hacked"</script> I let Mrs Khan click each button herself and said why each screen was needed.',
  [writing.meta.id]: 'I replied by email using our template, with short sentences and no jargon.',
};

async function writeReflection(page: Page, zip: string, mod: typeof stepping, learner: { id: string; name: string }): Promise<void> {
  await launch(page, { version: zip.includes('2004') ? '2004' : '1.2', zip, sco: `item-${mod.meta.id}`, learner });
  const frame = courseFrame(page);
  await frame.getByRole('link', { name: /^Your reflective account/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Your reflective account' })).toBeFocused();
  const box = frame.getByLabel(mod.meta.reflection[0]!.prompt);
  await expect(box).toBeEnabled();
  // By keyboard: Tab reaches the first box from the heading; typing fills it.
  await box.focus();
  await page.keyboard.type(ANSWERS[mod.meta.id]!);
  await expect(frame.getByText(`${Array.from(ANSWERS[mod.meta.id]!).length} of ${mod.meta.reflection[0]!.max_length} characters used`)).toBeVisible();
  expect(await courseViolations(page), `${mod.meta.id} reflection view`).toEqual([]);
  await closeCourse(page);
}

for (const version of ['1.2', '2004'] as const) {
  const zip = `${course.meta.id}-scorm${version === '1.2' ? '12' : '2004'}.zip`;

  test(`SCORM ${version}: reflections in two modules survive a relaunch, gather on one page and print`, async ({ page }, testInfo) => {
    const learner = { id: `reflect-${version}`, name: 'Sam Student' };
    await openStandIn(page);
    await writeReflection(page, zip, stepping, learner);
    await writeReflection(page, zip, writing, learner);

    // Relaunch the first module: the answer comes back (SCORM 2004 from suspend_data, 1.2 from this browser).
    await launch(page, { version, zip, sco: `item-${stepping.meta.id}`, learner });
    const frame = courseFrame(page);
    await frame.getByRole('button', { name: 'Resume where I left off' }).click();
    await frame.getByRole('link', { name: /^Your reflective account/ }).click();
    await expect(frame.getByLabel(stepping.meta.reflection[0]!.prompt)).toHaveValue(ANSWERS[stepping.meta.id]!);
    if (version === '1.2') await expect(frame.getByRole('status')).toContainText('cannot store written reflections');
    await closeCourse(page);

    await page.goto(`/packages/${zip}/reflective-account.html`);
    for (const mod of [stepping, writing]) {
      const answer = page.locator(`[data-answer="${mod.meta.id}/${mod.meta.reflection[0]!.id}"]`);
      await expect(answer).toHaveText(ANSWERS[mod.meta.id]!);
    }
    await expect(page.locator('[data-answer-count]')).toHaveText('2');
    await expect(page.getByText(stepping.meta.reflection[0]!.criteria[0]!, { exact: true }).first()).toBeVisible();
    expect(await page.title()).not.toBe('hacked');
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
    expect(await pageViolations(page), 'reflective account').toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await page.setViewportSize({ width: 900, height: 1200 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByText('Learner: Sam Student')).toBeVisible();
    for (const mod of [stepping, writing]) await expect(page.locator(`[data-answer="${mod.meta.id}/${mod.meta.reflection[0]!.id}"]`)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`printed-account-${version}.png`), fullPage: true });
    await page.pdf({ path: testInfo.outputPath(`reflective-account-${version}.pdf`) });
    await page.emulateMedia({ media: 'screen' });

    // The course home shows what this browser saw, and the certificate the LMS's name.
    await page.goto(`/packages/${zip}/index.html`);
    await expect(page.locator(`[data-module-status="${stepping.meta.id}"]`)).toHaveText(/^Your status: In progress/);
    await expect(page.locator(`[data-module-status="rules"]`)).toHaveText('Your status: Not started in this browser');
    expect(await pageViolations(page), 'course home').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`course-home-${version}.png`), fullPage: true });
    await page.goto(`/packages/${zip}/certificate.html`);
    await expect(page.locator('#certificate-name')).toHaveText('Sam Student');
    await expect(page.getByText('It is not a qualification')).toBeVisible();
    expect(await pageViolations(page), 'certificate').toEqual([]);
    if (version === '2004') {
      await page.goto(`/packages/${zip}/tutor-guide.html`);
      await expect(page.getByRole('heading', { name: 'Where to find these reports' })).toBeVisible();
      expect(await pageViolations(page), 'tutor guide').toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('tutor-guide.png'), fullPage: true });
    }
  });
}

test('at 320 px the reflection view fits, works by keyboard and shows the counter', async ({ page }) => {
  await openStandIn(page);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/packages/${course.meta.id}-scorm2004.zip/${stepping.meta.id}.html#reflection-account`);
  const box = page.getByLabel(stepping.meta.reflection[1]!.prompt);
  await expect(box).toBeEnabled();
  await page.getByRole('heading', { level: 1, name: 'Your reflective account' }).focus();
  // Tab order: the first prompt's box comes before the second's.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(stepping.meta.reflection[0]!.prompt)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type('I summed up: the refund is on its way.');
  await expect(page.getByText(`38 of ${stepping.meta.reflection[1]!.max_length} characters used`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const width = await box.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(200);
});

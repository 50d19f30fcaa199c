import { expect, test, type Page } from '@playwright/test';
import { firstModule } from './support/course.ts';
import { courseFrame, launch, openStandIn, packages } from './support/stand-in.ts';

const moduleFile = `${firstModule.meta.id}.html`;

async function standaloneUrl(page: Page, query = ''): Promise<string> {
  await openStandIn(page);
  const zip = (await packages(page)).find((p) => p.scormVersion === '1.2')!.file;
  return `/packages/${zip}/${moduleFile}${query}`;
}

test('opened outside an LMS, the module works and says results are not sent anywhere', async ({ page }) => {
  await page.goto(await standaloneUrl(page));
  await expect(page.getByRole('status')).toContainText('No learning system was found');
  await expect(page.getByRole('contentinfo')).toContainText('Progress is kept in this browser only.');
});

test('?debug shows the adapter in use and LMS errors for centres', async ({ page }) => {
  await page.goto(await standaloneUrl(page, '?debug'));
  const panel = page.getByRole('complementary', { name: 'Diagnostics' });
  await expect(panel).toContainText('adapter: standalone');
  await expect(panel).toContainText('LMS errors (0)');
});

test('Ctrl+Alt+D toggles the diagnostics inside an LMS', async ({ page }) => {
  await openStandIn(page);
  await launch(page, { version: '2004', learner: { id: 'diagnostics' } });
  const frame = courseFrame(page);
  const heading = frame.getByRole('heading', { level: 1, name: firstModule.lessons[0]!.meta.title });
  await expect(heading).toBeVisible();
  await heading.focus();
  await page.keyboard.press('Control+Alt+KeyD');
  await expect(frame.getByRole('complementary', { name: 'Diagnostics' })).toContainText('adapter: scorm2004');
  await expect(frame.getByRole('complementary', { name: 'Diagnostics' })).toContainText('entry: ab-initio');
});

test('printing a module prints every lesson, without navigation or the quiz', async ({ page }) => {
  await page.goto(await standaloneUrl(page));
  await page.emulateMedia({ media: 'print' });
  for (const lesson of firstModule.lessons) await expect(page.getByRole('heading', { level: 1, name: lesson.meta.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Module contents' })).toBeHidden();
  await expect(page.locator('.quiz')).toBeHidden();
});

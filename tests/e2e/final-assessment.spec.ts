import { expect, test, type Page } from '@playwright/test';
import { attemptSize } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { answerItems, course } from './support/course.ts';
import { apiCalls, courseFrame, launch, liveCmi, openStandIn } from './support/stand-in.ts';

/**
 * The final assessment (module `final`, its own SCO) in the stand-in, both SCORM versions: a pass and a fail,
 * the review listing outcomes and criteria with lesson links, and a link that opens the lesson read-only
 * in a new tab without touching the final SCO's LMS data. Runs after `npm run package`.
 */

type Cmi = Record<string, unknown>;
const final = course.modules.find((m) => m.meta.id === 'final')!;
const quiz = toRuntimeQuiz(final.meta.id, final.quiz!, final.meta.pass_mark, final.meta.outcomes);
const total = attemptSize(quiz);
const objectiveIds = final.meta.outcomes.map((o) => `final-${o.id}`);

function objectives(cmi: Cmi): Cmi[] {
  const value = cmi['objectives'] as Cmi | Cmi[] | undefined;
  const list = Array.isArray(value) ? value : ((value?.['childArray'] as Cmi[] | undefined) ?? Object.values(value ?? {}));
  return list.filter((e): e is Cmi => typeof e === 'object' && e !== null && 'id' in e);
}

function status(version: '1.2' | '2004', cmi: Cmi): unknown {
  return version === '1.2' ? (cmi['core'] as Cmi)['lesson_status'] : cmi['success_status'];
}

/** The SCO's LMS data without the clocks, which move on their own. */
async function lmsData(page: Page): Promise<string> {
  const live = await liveCmi(page);
  return JSON.stringify(live!.cmi, (key, value) => (/time$/.test(key) ? undefined : value));
}

async function takeFinal(page: Page, version: '1.2' | '2004', right: (i: number) => boolean) {
  await openStandIn(page);
  const zip = `${course.meta.id}-scorm${version === '1.2' ? '12' : '2004'}.zip`;
  await launch(page, { version, zip, sco: 'item-final', learner: { id: `final-${version}-${Date.now()}`, name: 'Student, Sam' } });
  const frame = courseFrame(page);
  await expect(frame.getByRole('heading', { level: 1, name: 'About the final assessment' })).toBeVisible();
  await frame.getByRole('link', { name: `Next: ${quiz.title}` }).click();
  const view = frame.locator('.view.current');
  await expect(view.getByText('Pass mark: 75%')).toBeVisible();
  await view.getByRole('button', { name: 'Start the quiz' }).click();
  await answerItems(view, 0, total, right, quiz.items, quiz.mode);
  return view;
}

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: a pass reports passed and one objective per module; the review lists the missed criteria with lesson links`, async ({ page }) => {
    const view = await takeFinal(page, version, (i) => i !== 0);
    await expect(view.getByRole('heading', { level: 2, name: 'You passed' })).toBeVisible();
    await expect(view.getByText(`You scored ${Math.round(((total - 1) / total) * 100)}%`)).toBeVisible();
    const revisit = view.locator('.revisit');
    await expect(revisit.locator('.revisit-outcome')).toHaveCount(1);
    await expect(revisit.locator('.revisit-criterion').first()).toBeVisible();
    await expect(revisit.getByRole('link').first()).toHaveAttribute('href', /^[a-z0-9-]+\.html\?read#lesson-[a-z0-9-]+$/);
    // No answer key in the page: the review says which were wrong, not what was right.
    await expect(view.getByText('Right answer:')).toHaveCount(0);
    const cmi = (await liveCmi(page))!.cmi as Cmi;
    expect(status(version, cmi)).toBe('passed');
    expect(objectives(cmi).map((o) => o['id']).sort()).toEqual([...objectiveIds].sort());
  });

  test(`SCORM ${version}: a fail lists outcomes and criteria to revisit; a lesson link opens read-only and leaves the final SCO's LMS data unchanged`, async ({ page }) => {
    const view = await takeFinal(page, version, (i) => i % 3 !== 0);
    await expect(view.getByRole('heading', { level: 2, name: 'Not passed yet' })).toBeVisible();
    const revisit = view.locator('.revisit');
    await expect(revisit.getByRole('heading', { name: 'What to revisit' })).toBeVisible();
    expect(await revisit.locator('.revisit-outcome').count()).toBeGreaterThan(1);
    for (const outcome of await revisit.locator('.revisit-outcome').all()) expect(objectiveIds).toContain(await outcome.getAttribute('data-objective'));
    await revisit.getByRole('heading', { name: 'What to revisit' }).scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: `test-results/final-review-scorm${version}.png` });
    const cmi = (await liveCmi(page))!.cmi as Cmi;
    expect(status(version, cmi)).toBe('failed');

    const before = await lmsData(page);
    const initialisesBefore = (await apiCalls(page)).filter((c) => /Initialize$/.test(c.method)).length;
    const link = revisit.getByRole('link').first();
    const lessonTitle = (await link.textContent())!.replace(/\s*\(opens in a new tab\)$/, '').trim();
    const [reader] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(/\.html\?read#lesson-/);
    await expect(reader.locator('#reading-only')).toContainText('Reading only');
    await expect(reader.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
    await expect(reader.locator('#tracking-mode')).toContainText('Reading only');
    await reader.close();
    expect(await lmsData(page)).toBe(before);
    expect((await apiCalls(page)).filter((c) => /Initialize$/.test(c.method)).length).toBe(initialisesBefore);
  });
}

import { expect, test } from '@playwright/test';
import { answerItems, firstModule, guessThenPass, perAttempt, quiz } from './support/course.ts';
import { apiCalls, closeCourse, commitCount, courseFrame, launch, liveCmi, openStandIn, storedCmi } from './support/stand-in.ts';

type Cmi = Record<string, unknown>;
const total = perAttempt;
/** The budget for the journey below; the course makes far fewer. */
const MAX_JOURNEY_COMMITS = 15;

function results(version: '1.2' | '2004', cmi: Cmi) {
  if (version === '1.2') {
    const core = cmi['core'] as Cmi;
    return { status: core['lesson_status'], raw: (core['score'] as Cmi)['raw'] };
  }
  return { status: cmi['success_status'], raw: (cmi['score'] as Cmi)['raw'] };
}

function objectiveStatuses(version: '1.2' | '2004', cmi: Cmi): unknown[] {
  const value = cmi['objectives'] as Cmi | Cmi[] | undefined;
  const entries = Array.isArray(value) ? value : ((value?.['childArray'] as Cmi[] | undefined) ?? Object.values(value ?? {}));
  return entries.filter((e): e is Cmi => typeof e === 'object' && e !== null && 'id' in e).map((o) => (version === '1.2' ? o['status'] : o['success_status']));
}

for (const version of ['1.2', '2004'] as const) {
  test.describe(`LMS rules, SCORM ${version}`, () => {
    test.beforeEach(async ({ page }) => {
      await openStandIn(page);
    });

    test(`read, guess, pass, close: at most ${MAX_JOURNEY_COMMITS} commits`, async ({ page }) => {
      const launched = await launch(page, { version, learner: { id: `commits-${version}` } });
      await guessThenPass(courseFrame(page));
      await closeCourse(page);
      const commits = await commitCount(page);
      test.info().annotations.push({ type: 'commits', description: `SCORM ${version}: ${commits} commits for the journey` });
      console.log(`SCORM ${version}: read 4 lessons, guess, pass, close = ${commits} commits`);
      expect(commits).toBeLessThanOrEqual(MAX_JOURNEY_COMMITS);
      expect(results(version, (await storedCmi(page, launched))!.cmi as Cmi)).toEqual({ status: 'passed', raw: '100' });
    });

    test('pass, relaunch, start again and fail: the LMS keeps the pass, the score 100 and the objectives', async ({ page }) => {
      const learner = { id: `keep-pass-${version}` };
      const launched = await launch(page, { version, learner });
      // Straight to the quiz and pass it: with lessons unread the module is unfinished, so the attempt stays open (exit suspend).
      const first = courseFrame(page);
      await first.getByRole('link', { name: quiz.title }).first().click();
      await first.getByRole('button', { name: 'Start the quiz' }).click();
      await answerItems(first, 0, total, () => true);
      await closeCourse(page);
      expect(results(version, (await storedCmi(page, launched))!.cmi as Cmi)).toEqual({ status: 'passed', raw: '100' });
      const objectivesAfterPass = objectiveStatuses(version, (await storedCmi(page, launched))!.cmi as Cmi);

      await launch(page, { version, learner });
      const frame = courseFrame(page);
      await frame.getByRole('button', { name: 'Start again' }).click();
      await frame.getByRole('link', { name: quiz.title }).first().click();
      await frame.getByRole('button', { name: /Try the quiz again|Start the quiz/ }).click();
      await answerItems(frame, 0, total, () => false);
      await expect(frame.getByRole('heading', { name: 'Not passed yet' })).toBeVisible();
      await closeCourse(page);
      const stored = (await storedCmi(page, launched))!.cmi as Cmi;
      expect(results(version, stored)).toEqual({ status: 'passed', raw: '100' });
      expect(objectiveStatuses(version, stored)).toEqual(objectivesAfterPass);
    });

    test('a launch in review mode writes nothing and tells the learner', async ({ page }) => {
      const learner = { id: `review-${version}` };
      await launch(page, { version, learner });
      await guessThenPass(courseFrame(page));
      await closeCourse(page);
      await launch(page, { version, learner, settings: { mode: 'review' } });
      const frame = courseFrame(page);
      await expect(frame.getByText('You are reviewing this module')).toBeVisible();
      await frame.getByRole('link', { name: `Next: ${firstModule.lessons[1]!.meta.title}` }).click();
      await closeCourse(page);
      const writes = (await apiCalls(page)).filter((c) => /SetValue$/.test(c.method) && !/session_time$/.test(c.args[0] ?? ''));
      expect(writes).toEqual([]);
      expect(await commitCount(page)).toBeLessThanOrEqual(1);
    });
  });
}

for (const arrangement of ['nested-frame', 'cross-origin-frame', 'popup'] as const) {
  test(`finds the LMS API when the course is opened in a ${arrangement.replace(/-/g, ' ')}`, async ({ page }) => {
    await openStandIn(page);
    const popupOpened = arrangement === 'popup' ? page.waitForEvent('popup') : null;
    await launch(page, { version: '2004', learner: { id: `found-${arrangement}` }, settings: { arrangement } });
    if (popupOpened) {
      const popup = await popupOpened;
      await expect(popup.getByRole('heading', { level: 1, name: firstModule.lessons[0]!.meta.title })).toBeVisible();
      await expect(popup.getByText('Progress is sent to your learning system (SCORM 2004).')).toBeVisible();
    } else {
      const inner = courseFrame(page).frameLocator('iframe');
      await expect(inner.getByText('Progress is sent to your learning system (SCORM 2004).')).toBeVisible();
    }
    const live = (await liveCmi(page))!;
    expect(live.state).toBe('initialized');
    expect((await apiCalls(page)).some((c) => c.method === 'Initialize' && c.result === 'true')).toBe(true);
    await closeCourse(page);
  });
}

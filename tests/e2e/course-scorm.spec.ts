import { expect, test } from '@playwright/test';
import { answerItems, firstModule, moduleContents, openQuiz, perAttempt, quiz, readLessons } from './support/course.ts';
import { closeCourse, courseFrame, launch, liveCmi, openStandIn, storedCmi } from './support/stand-in.ts';

type Cmi = Record<string, unknown>;
const total = perAttempt;

/** Status and score fields in each version's own vocabulary. */
function results(version: '1.2' | '2004', cmi: Cmi) {
  if (version === '1.2') {
    const core = cmi['core'] as Cmi;
    const score = core['score'] as Cmi;
    return { status: core['lesson_status'], raw: score['raw'], max: score['max'], exit: core['exit'] };
  }
  const score = cmi['score'] as Cmi;
  return { status: `${cmi['completion_status']}/${cmi['success_status']}`, raw: score['raw'], max: score['max'], exit: cmi['exit'], scaled: score['scaled'] };
}

function list(cmi: Cmi, key: 'objectives' | 'interactions'): Cmi[] {
  const value = cmi[key] as Cmi | Cmi[] | undefined;
  if (!value) return [];
  const entries = Array.isArray(value) ? value : (value['childArray'] as Cmi[] | undefined) ?? Object.values(value);
  return entries.filter((e): e is Cmi => typeof e === 'object' && e !== null && 'id' in e);
}

/** Objective ids the LMS holds, sorted: exactly one per module outcome (the stand-in adds none from the manifest). */
function objectiveIds(cmi: Cmi): string[] {
  return list(cmi, 'objectives').map((o) => String(o['id'])).sort();
}
const outcomeObjectiveIds = quiz.outcomes.map((o) => o.objectiveId).sort();

for (const version of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${version} package in the LMS stand-in`, () => {
    test.beforeEach(async ({ page }) => {
      await openStandIn(page);
    });

    test('a learner who reads every lesson and passes the quiz is recorded as passed and completed', async ({ page }) => {
      const launched = await launch(page, { version, learner: { id: `pass-${version}` } });
      const frame = courseFrame(page);
      await readLessons(frame, firstModule.lessons.length);
      await frame.getByRole('link', { name: `Next: ${quiz.title}` }).click();
      await expect(frame.getByRole('heading', { level: 1, name: quiz.title })).toBeFocused();
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      await answerItems(frame, 0, total, () => true);
      await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
      await expect(frame.getByText(`You scored 100%`)).toBeVisible();

      const live = (await liveCmi(page))!;
      expect(results(version, live.cmi as Cmi)).toMatchObject(
        version === '1.2' ? { status: 'passed', raw: '100', max: '100', exit: '' } : { status: 'completed/passed', raw: '100', max: '100', exit: 'normal', scaled: '1' },
      );
      expect(list(live.cmi as Cmi, 'interactions')).toHaveLength(total);
      expect(objectiveIds(live.cmi as Cmi)).toEqual(outcomeObjectiveIds);
      await closeCourse(page);
      const stored = (await storedCmi(page, launched))!;
      expect(stored.terminated).toBe(true);
      expect(results(version, stored.cmi as Cmi).raw).toBe('100');
      // Each answer is reported with its response, result, latency and time in the version's own vocabulary.
      const interactions = list(stored.cmi as Cmi, 'interactions');
      expect(interactions.map((i) => i['result'])).toEqual(Array.from({ length: total }, () => 'correct'));
      for (const interaction of interactions) {
        expect(interaction[version === '1.2' ? 'student_response' : 'learner_response']).not.toBe('');
        expect(String(interaction['latency'])).toMatch(version === '1.2' ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/);
        expect(String(interaction[version === '1.2' ? 'time' : 'timestamp'])).toMatch(version === '1.2' ? /^\d{2}:\d{2}:\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      }
      const where = version === '1.2' ? ((stored.cmi as Cmi)['core'] as Cmi) : (stored.cmi as Cmi);
      expect(where[version === '1.2' ? 'lesson_location' : 'location']).not.toBe('');
      // Time spent reaches the LMS: the session took seconds, so neither total is zero.
      expect(String(where['total_time'])).not.toMatch(version === '1.2' ? /^0{2,4}:00:00(\.0+)?$/ : /^PT0*(\.0+)?S$|^PT0H0M0S$/);
    });

    test('a learner below the pass mark is recorded as failed with the right score', async ({ page }) => {
      await launch(page, { version, learner: { id: `fail-${version}` } });
      const frame = courseFrame(page);
      await openQuiz(frame);
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      const rightCount = 3;
      await answerItems(frame, 0, total, (i) => i < rightCount);
      const percent = Math.round((rightCount / total) * 100);
      await expect(frame.getByRole('heading', { name: 'Not passed yet' })).toBeVisible();
      await expect(frame.getByText(`You scored ${percent}%`)).toBeVisible();
      const live = (await liveCmi(page))!;
      expect(results(version, live.cmi as Cmi)).toMatchObject(
        version === '1.2' ? { status: 'failed', raw: String(percent) } : { status: 'incomplete/failed', raw: String(percent) },
      );
    });

    test('a learner who leaves mid-module is offered to resume exactly where they were', async ({ page }) => {
      const learner = { id: `resume-${version}` };
      await launch(page, { version, learner });
      let frame = courseFrame(page);
      await readLessons(frame, 2);
      await openQuiz(frame);
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      const half = Math.floor(total / 2);
      await answerItems(frame, 0, half, (i) => i % 2 === 0);
      await closeCourse(page);

      const stored = (await storedCmi(page))!;
      expect(results(version, stored.cmi as Cmi).exit).toBe('suspend');
      expect(list(stored.cmi as Cmi, 'interactions')).toHaveLength(half);
      expect(objectiveIds(stored.cmi as Cmi)).toEqual(outcomeObjectiveIds);

      await launch(page, { version, learner });
      expect((await liveCmi(page))!.entry).toBe('resume');
      frame = courseFrame(page);
      await expect(frame.getByRole('heading', { name: 'Welcome back' })).toBeFocused();
      await expect(frame.getByText(`You were on the quiz. Resume where you left off?`)).toBeVisible();
      await frame.getByRole('button', { name: 'Resume where I left off' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
      const nav = await moduleContents(frame);
      await expect(nav.getByRole('link', { name: `${firstModule.lessons[0]!.meta.title} (seen)` })).toBeVisible();
      await expect(nav.getByRole('link', { name: `${firstModule.lessons[1]!.meta.title} (seen)` })).toBeVisible();
      await expect(nav.getByRole('link', { name: firstModule.lessons[2]!.meta.title, exact: true })).toBeVisible();
      await frame.getByRole('button', { name: `Continue the quiz (question ${half + 1})` }).click();
      await expect(frame.getByText(`Question ${half + 1} of ${total}`)).toBeVisible();
      // Finishing the attempt scores the answers given before the break too.
      await answerItems(frame, half, total, () => true);
      const rightBefore = Math.ceil(half / 2);
      const percent = Math.round(((rightBefore + (total - half)) / total) * 100);
      await expect(frame.getByText(`You scored ${percent}%`)).toBeVisible();
      expect(list((await liveCmi(page))!.cmi as Cmi, 'interactions')).toHaveLength(total);
    });
  });
}

import { expect, test, type Page } from '@playwright/test';
import { attemptLayout } from '../../src/lib/quiz-draw.ts';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import { newSeed } from '../../src/lib/quiz-random.ts';
import { answerCurrent, answerItems, currentItem, firstModule, openQuiz, perAttempt, quiz } from './support/course.ts';
import { ALL_TYPES, coveringRandom, fixRandom, serveQuizAs } from './support/quiz-page.ts';
import { closeCourse, courseFrame, launch, liveCmi, openStandIn } from './support/stand-in.ts';

type Cmi = Record<string, unknown>;

/** The entries of a CMI list (stored as an array, a childArray or an indexed object). */
function entries(value: unknown): Cmi[] {
  if (!value || typeof value !== 'object') return [];
  const list = Array.isArray(value) ? value : ((value as Cmi)['childArray'] as unknown[] | undefined) ?? Object.values(value);
  return list.filter((e): e is Cmi => typeof e === 'object' && e !== null);
}

function interactions(cmi: Cmi): Cmi[] {
  return entries(cmi['interactions']).filter((e) => 'id' in e);
}

function patterns(interaction: Cmi): string[] {
  return entries(interaction['correct_responses']).flatMap((e) => (typeof e['pattern'] === 'string' ? [e['pattern']] : []));
}

/** The option labels (or answers, steps) of the question on screen, in the order shown. */
async function shownOrder(page: Page): Promise<string[]> {
  const form = courseFrame(page).locator('form.question');
  return form.locator('label, .step-text, option').allTextContents();
}

const FORMATS = {
  '1.2': { response: 'student_response', choice: /^[a-h](,[a-h])*$/, trueFalse: /^[tf]$/, matching: /^\d\.[a-j](,\d\.[a-j])*$/, sequencing: /^[a-h](,[a-h]){2,}$/ },
  '2004': { response: 'learner_response', choice: /^[a-h](\[,\][a-h])*$/, trueFalse: /^(true|false)$/, matching: /^\d\[\.\][a-j](\[,\]\d\[\.\][a-j])*$/, sequencing: /^[a-h](\[,\][a-h]){2,}$/ },
} as const;

for (const version of ['1.2', '2004'] as const) {
  test.describe(`quiz in the LMS stand-in, SCORM ${version}`, () => {
    test.beforeEach(async ({ page }) => {
      await openStandIn(page);
    });

    test('an assessment attempt with every item type: no feedback until the end, each interaction stored with its type, response and pattern', async ({ page }) => {
      await fixRandom(page, coveringRandom);
      await launch(page, { version, learner: { id: `quiz-assess-${version}` } });
      const frame = courseFrame(page);
      await openQuiz(frame);
      await expect(frame.getByText('You see your results at the end, not after each question.')).toBeVisible();
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      const shown: RuntimeItem[] = [];
      for (let i = 0; i < perAttempt; i++) {
        await expect(frame.getByText(`Question ${i + 1} of ${perAttempt}`)).toBeVisible();
        const item = await currentItem(frame);
        shown.push(item);
        await answerCurrent(frame, item, i % 2 === 0);
        await frame.getByRole('button', { name: i === perAttempt - 1 ? 'Finish the quiz' : 'Next question' }).click();
        if (i < perAttempt - 1) await expect(frame.locator('.feedback')).toHaveCount(0);
      }
      expect(new Set(shown.map((item) => item.type))).toEqual(new Set(ALL_TYPES));
      expect(shown.map((item) => item.id)).toEqual(attemptLayout(quiz, newSeed(() => coveringRandom)).items.map((i) => quiz.items[i]!.id));
      await expect(frame.getByRole('heading', { level: 2, name: /You passed|Not passed yet/ })).toBeVisible();
      await expect(frame.locator('.review-item')).toHaveCount(perAttempt);
      await expect(frame.getByText('Right answer:')).toHaveCount(0);

      const stored = interactions((await liveCmi(page))!.cmi as Cmi);
      expect(stored.map((s) => s['id'])).toEqual(shown.map((item) => item.interactionId));
      const format = FORMATS[version];
      for (const [i, item] of shown.entries()) {
        const entry = stored[i]!;
        const response = String(entry[format.response]);
        const type = { single: 'choice', multiple: 'choice', 'best-reply': 'choice', 'true-false': 'true-false', matching: 'matching', ordering: 'sequencing', 'fill-in': 'fill-in' }[item.type];
        expect(entry['type'], item.id).toBe(type);
        const right = i % 2 === 0;
        expect(entry['result'], item.id).toBe(right ? 'correct' : version === '1.2' ? 'wrong' : 'incorrect');
        if (type === 'choice') expect(response, item.id).toMatch(format.choice);
        if (type === 'true-false') expect(response, item.id).toMatch(format.trueFalse);
        if (type === 'matching') expect(response, item.id).toMatch(format.matching);
        if (type === 'sequencing') expect(response, item.id).toMatch(format.sequencing);
        if (type === 'fill-in') expect(response, item.id).toBe(right ? 'date of birth' : 'no idea');
        // The page holds no readable key: the pattern is known (and stored) only when the learner's answer shows it.
        const expected = type === 'fill-in' && version === '2004' ? `{case_matters=false}${response}` : response;
        if (right) expect(patterns(entry)[0], item.id).toBe(type === 'choice' ? expected.split(version === '1.2' ? ',' : '[,]').sort().join(version === '1.2' ? ',' : '[,]') : expected);
        else expect(patterns(entry), item.id).toEqual([]);
      }
    });

    test('resume in the middle of a drawn, shuffled attempt shows the same items in the same order', async ({ page }) => {
      const learner = { id: `quiz-resume-${version}` };
      await fixRandom(page, 0.123);
      await launch(page, { version, learner });
      let frame = courseFrame(page);
      await openQuiz(frame);
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      const before: string[] = [];
      for (let i = 0; i < 4; i++) {
        before.push((await currentItem(frame)).id);
        await answerCurrent(frame, await currentItem(frame), true);
        await frame.getByRole('button', { name: 'Next question' }).click();
      }
      await expect(frame.getByText(`Question 5 of ${perAttempt}`)).toBeVisible();
      const fifth = (await currentItem(frame)).id;
      const fifthOrder = await shownOrder(page);
      await closeCourse(page);

      // A different random source on relaunch: only the saved seed can rebuild the same attempt.
      await page.unrouteAll();
      await fixRandom(page, 0.987);
      await launch(page, { version, learner });
      frame = courseFrame(page);
      await frame.getByRole('button', { name: 'Resume where I left off' }).click();
      await frame.getByRole('button', { name: 'Continue the quiz (question 5)' }).click();
      await expect(frame.getByText(`Question 5 of ${perAttempt}`)).toBeVisible();
      expect((await currentItem(frame)).id).toBe(fifth);
      expect(await shownOrder(page)).toEqual(fifthOrder);
      const layout = attemptLayout(quiz, newSeed(() => 0.123)).items.map((i) => quiz.items[i]!.id);
      expect([...before, fifth]).toEqual(layout.slice(0, 5));
      await answerItems(frame, 4, perAttempt, () => true);
      await expect(frame.getByText('You scored 100%')).toBeVisible();
      expect(interactions((await liveCmi(page))!.cmi as Cmi).map((s) => s['id'])).toEqual(layout.map((id) => `${firstModule.meta.id}-quiz-${id}`));
    });

    test('a practice attempt with every item type gives feedback after each item and stores readable patterns', async ({ page }) => {
      const practice = await serveQuizAs(page, { mode: 'practice', draw: undefined, max_attempts: 0 });
      await launch(page, { version, learner: { id: `quiz-practice-${version}` } });
      const frame = courseFrame(page);
      await openQuiz(frame);
      await expect(frame.getByText('You see feedback after each question.')).toBeVisible();
      await frame.getByRole('button', { name: 'Start the quiz' }).click();
      const total = practice.items.length;
      await answerItems(frame, 0, total, (i) => i % 3 !== 0, practice.items, 'practice');
      await expect(frame.getByRole('heading', { level: 2, name: 'Not passed yet' })).toBeVisible();
      await expect(frame.getByText('Right answer:').first()).toBeVisible();
      const stored = interactions((await liveCmi(page))!.cmi as Cmi);
      expect(stored).toHaveLength(total);
      expect(new Set(stored.map((s) => s['type']))).toEqual(new Set(['choice', 'true-false', 'matching', 'sequencing', 'fill-in']));
      // Practice keys are readable, so every interaction carries its correct pattern, right or wrong.
      for (const entry of stored) expect(patterns(entry).length, String(entry['id'])).toBeGreaterThan(0);
      const fill = stored.find((s) => s['type'] === 'fill-in')!;
      expect(patterns(fill)).toEqual(version === '1.2' ? ['date of birth', 'your date of birth'] : ['{case_matters=false}date of birth', '{case_matters=false}your date of birth']);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { attemptLayout } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { scoreAttempt } from '../../src/lib/quiz-scoring.ts';
import { guess } from '../support/quiz-guessing.ts';
import { realCourse } from '../support/real-course.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => (i + 1) * 104729);
const quizModules = realCourse().modules.filter((mod) => mod.quiz !== null);

/** What a centre relies on in every module quiz, not only the first: banks, draws and no free pass for guessing. */
describe.each(quizModules.map((mod) => [mod.meta.id, mod] as const))('%s quiz', (_, mod) => {
  const authored = mod.quiz!;
  const quiz = toRuntimeQuiz(mod.meta.id, authored, mod.meta.pass_mark, mod.meta.outcomes);

  it('is an assessment drawn from banks at least 1.5 times each draw', () => {
    expect(authored.mode).toBe('assessment');
    expect(quiz.draw?.length).toBeGreaterThan(0);
    for (const { bank, count } of quiz.draw!) expect(quiz.items.filter((item) => item.bank === bank).length, bank).toBeGreaterThanOrEqual(1.5 * count);
  });

  it('never lets a learner who always picks the first or the last option pass (20 seeds)', () => {
    for (const pick of ['first', 'last'] as const) {
      const percents = SEEDS.map((seed) => {
        const layout = attemptLayout(quiz, seed);
        const items = layout.items.map((i) => quiz.items[i]!);
        return scoreAttempt(items, items.map((item, i) => guess(item, layout.orders[i]!, pick))).percent;
      });
      expect(Math.max(...percents), `always ${pick}: ${percents.join(', ')}`).toBeLessThan(quiz.passMark);
    }
  });

  it('never makes the key of a single-choice item the longest option', () => {
    for (const item of authored.items) {
      if (item.type !== 'single' && item.type !== 'best-reply') continue;
      const key = item.options.find((o) => o.correct)!;
      const longestOther = Math.max(...item.options.filter((o) => !o.correct).map((o) => o.text.length));
      expect(key.text.length, `${mod.meta.id} ${item.id}: the key is longer than every distractor`).toBeLessThanOrEqual(longestOther);
    }
  });

  it('has no "always", "never" or "usually" cue in true/false statements', () => {
    for (const item of authored.items) if (item.type === 'true-false') expect(item.prompt, item.id).not.toMatch(/\b(always|never|usually)\b/i);
  });
});

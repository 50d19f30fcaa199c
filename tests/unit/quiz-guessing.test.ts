import { describe, expect, it } from 'vitest';
import { attemptLayout } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz, type RuntimeItem } from '../../src/lib/quiz-model.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { scoreAttempt } from '../../src/lib/quiz-scoring.ts';
import { realCourse } from '../support/real-course.ts';

const mod = realCourse().modules[0]!;
const quiz = toRuntimeQuiz(mod.meta.id, mod.quiz, mod.meta.pass_mark, mod.meta.outcomes);
const SEEDS = Array.from({ length: 20 }, (_, i) => (i + 1) * 7919);

/** A learner who does not read the question: always the option in the same screen position. */
function guess(item: RuntimeItem, order: number[], pick: 'first' | 'last'): QuizResponse {
  const at = (list: number[]) => (pick === 'first' ? list[0]! : list[list.length - 1]!);
  switch (item.type) {
    case 'matching':
      return { kind: 'matching', answers: item.prompts.map(() => at(order)) };
    case 'ordering':
      return { kind: 'ordering', order: pick === 'first' ? order : [...order].reverse() };
    case 'fill-in':
      return { kind: 'text', text: 'not sure' };
    default:
      return { kind: 'choice', chosen: [at(order)] };
  }
}

function meanScore(pick: 'first' | 'last'): number {
  const scores = SEEDS.map((seed) => {
    const layout = attemptLayout(quiz, seed);
    const items = layout.items.map((i) => quiz.items[i]!);
    return scoreAttempt(items, items.map((item, i) => guess(item, layout.orders[i]!, pick))).percent;
  });
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

describe('module 1 quiz against a guessing learner (20 seeds)', () => {
  it.each(['first', 'last'] as const)('always choosing the %s option scores well below the pass mark', (pick) => {
    const mean = meanScore(pick);
    console.log(`always-${pick}: mean ${mean.toFixed(1)}% over ${SEEDS.length} seeds (pass mark ${quiz.passMark}%)`);
    expect(mean).toBeLessThan(quiz.passMark / 2);
  });

  it('no single seed lets a guesser pass', () => {
    for (const pick of ['first', 'last'] as const)
      for (const seed of SEEDS) {
        const layout = attemptLayout(quiz, seed);
        const items = layout.items.map((i) => quiz.items[i]!);
        expect(scoreAttempt(items, items.map((item, i) => guess(item, layout.orders[i]!, pick))).percent).toBeLessThan(quiz.passMark);
      }
  });
});

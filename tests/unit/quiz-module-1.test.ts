import { describe, expect, it } from 'vitest';
import { attemptLayout } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz, type RuntimeItem } from '../../src/lib/quiz-model.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { scoreAttempt } from '../../src/lib/quiz-scoring.ts';
import { realCourse } from '../support/real-course.ts';

const mod = realCourse().modules[0]!;
const quiz = toRuntimeQuiz(mod.meta.id, mod.quiz!, mod.meta.pass_mark, mod.meta.outcomes);
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

/** The guesser the issue measured before shuffling: always option a, the first options, True. */
function authoredFirst(item: RuntimeItem): QuizResponse {
  return guess(item, item.type === 'matching' ? item.answers.map((_, i) => i) : item.type === 'ordering' ? item.steps.map((_, i) => i) : 'options' in item ? item.options.map((_, i) => i) : [], 'first');
}

function scores(answer: (item: RuntimeItem, order: number[]) => QuizResponse): number[] {
  return SEEDS.map((seed) => {
    const layout = attemptLayout(quiz, seed);
    const items = layout.items.map((i) => quiz.items[i]!);
    return scoreAttempt(items, items.map((item, i) => answer(item, layout.orders[i]!))).percent;
  });
}

function meanScore(pick: 'first' | 'last'): number {
  const all = scores((item, order) => guess(item, order, pick));
  console.log(`always-${pick}: min ${Math.min(...all)}%, max ${Math.max(...all)}% over ${all.length} seeds`);
  return all.reduce((a, b) => a + b, 0) / all.length;
}

describe('module 1 quiz against a guessing learner (20 seeds)', () => {
  it.each(['first', 'last'] as const)('always choosing the %s option scores well below the pass mark', (pick) => {
    const mean = meanScore(pick);
    console.log(`always-${pick}: mean ${mean.toFixed(1)}% over ${SEEDS.length} seeds (pass mark ${quiz.passMark}%)`);
    expect(mean).toBeLessThan(quiz.passMark / 2);
  });

  it('always option a, the first options and True no longer reaches the pass mark', () => {
    const all = scores((item) => authoredFirst(item));
    console.log(`always-a: mean ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(1)}%, max ${Math.max(...all)}%`);
    for (const percent of all) expect(percent).toBeLessThan(quiz.passMark / 2);
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

describe('module 1 quiz as written', () => {
  const authored = mod.quiz!;

  it('draws from banks at least 1.5 times the draw, and uses at least four item types', () => {
    const perAttempt = quiz.draw!.reduce((sum, bank) => sum + bank.count, 0);
    expect(authored.items.length).toBeGreaterThanOrEqual(1.5 * perAttempt);
    for (const { bank, count } of quiz.draw!) expect(quiz.items.filter((item) => item.bank === bank).length, bank).toBeGreaterThanOrEqual(1.5 * count);
    expect(new Set(authored.items.map((item) => item.type)).size).toBeGreaterThanOrEqual(4);
    expect(authored.mode).toBe('assessment');
  });

  it('never makes the key the longest option (no length cue)', () => {
    for (const item of authored.items) {
      if (item.type !== 'single' && item.type !== 'best-reply') continue;
      const key = item.options.find((o) => o.correct)!;
      const longestOther = Math.max(...item.options.filter((o) => !o.correct).map((o) => o.text.length));
      expect(key.text.length, `${item.id}: the key is longer than every distractor`).toBeLessThanOrEqual(longestOther);
    }
  });

  it('has no absolute or frequency word cues in true/false statements', () => {
    for (const item of authored.items)
      if (item.type === 'true-false') expect(item.prompt, item.id).not.toMatch(/\b(always|never|every|usually|all|none|only)\b/i);
  });

  it('spreads keys over option ids, so ids in the page give nothing away', () => {
    const keys = authored.items.flatMap((item) => (item.type === 'single' || item.type === 'best-reply' ? [item.options.find((o) => o.correct)!.id] : []));
    for (const letter of new Set(keys)) expect(keys.filter((k) => k === letter).length / keys.length, `key "${letter}"`).toBeLessThanOrEqual(0.4);
    for (const item of authored.items)
      if (item.type === 'matching') {
        const sameSlot = item.prompts.filter((prompt, i) => item.answers.filter((a) => !a.distractor)[i]?.id === prompt.answer).length;
        expect(sameSlot, `${item.id}: prompts paired with the answer in the same position`).toBeLessThan(item.prompts.length / 2);
      }
  });
});

import type { RuntimeItem, RuntimeQuiz } from './quiz-model.ts';
import { deriveSeed, indexes, seededShuffle } from './quiz-random.ts';
import { isCorrect } from './quiz-scoring.ts';

/**
 * What one attempt shows, rebuilt from its seed: which items were drawn, in
 * which order, and each item's option order. Only the seed is saved, so a
 * resumed attempt shows exactly the same thing.
 */
export interface AttemptLayout {
  /** Indexes into quiz.items, in the order the learner meets them. */
  items: number[];
  /**
   * Per drawn item, the display order: option indexes (choice), answer
   * indexes (matching) or the starting order of the steps (ordering).
   */
  orders: number[][];
}

export function attemptLayout(quiz: RuntimeQuiz, seed: number): AttemptLayout {
  const drawn = drawItems(quiz, seed);
  const items = quiz.shuffleItems ? seededShuffle(drawn, deriveSeed(seed, 'items')) : drawn;
  return { items, orders: items.map((index) => displayOrder(quiz.items[index]!, seed)) };
}

/** Item indexes taken by the draw, in authored order. */
export function drawItems(quiz: RuntimeQuiz, seed: number): number[] {
  const all = indexes(quiz.items.length);
  if (!quiz.draw) return all;
  const taken = new Set<number>();
  for (const { bank, count } of quiz.draw) {
    const pool = all.filter((i) => quiz.items[i]!.bank === bank);
    for (const i of seededShuffle(pool, deriveSeed(seed, `bank:${bank}`)).slice(0, count)) taken.add(i);
  }
  return all.filter((i) => taken.has(i));
}

/** Each item's order comes from its own id, so it does not change with the other items drawn. */
export function displayOrder(item: RuntimeItem, seed: number): number[] {
  const itemSeed = deriveSeed(seed, `item:${item.id}`);
  switch (item.type) {
    case 'matching':
      return item.shuffle ? seededShuffle(indexes(item.answers.length), itemSeed) : indexes(item.answers.length);
    case 'ordering': {
      const order = seededShuffle(indexes(item.steps.length), itemSeed);
      // Never start with the steps already in the right order.
      return isCorrect(item, { kind: 'ordering', order }) ? [...order.slice(1), order[0]!] : order;
    }
    case 'fill-in':
      return [];
    default:
      return item.shuffle ? seededShuffle(indexes(item.options.length), itemSeed) : indexes(item.options.length);
  }
}

/** Items in every attempt: the draw's total, or every item. */
export function attemptSize(quiz: RuntimeQuiz): number {
  return quiz.draw ? quiz.draw.reduce((sum, bank) => sum + bank.count, 0) : quiz.items.length;
}

/** The layout of a stored attempt: its own drawn items, the option orders from its seed. */
export function storedLayout(quiz: RuntimeQuiz, seed: number, items: readonly number[]): AttemptLayout {
  return { items: [...items], orders: items.map((index) => displayOrder(quiz.items[index]!, seed)) };
}

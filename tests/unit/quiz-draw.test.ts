import { describe, expect, it } from 'vitest';
import { attemptLayout, attemptSize, drawItems, storedLayout } from '../../src/lib/quiz-draw.ts';
import { deriveSeed, seededRandom, seededShuffle } from '../../src/lib/quiz-random.ts';
import { itemScore } from '../../src/lib/quiz-scoring.ts';
import { allTypesRuntime } from '../support/quiz-fixture.ts';

const SEEDS = Array.from({ length: 50 }, (_, i) => deriveSeed(i, 'test'));

describe('seeded shuffle', () => {
  it('is deterministic for a seed and a permutation of the input', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(seededShuffle(items, 42)).toEqual(seededShuffle(items, 42));
    expect([...seededShuffle(items, 42)].sort((a, b) => a - b)).toEqual(items);
    expect(new Set(SEEDS.map((seed) => seededShuffle(items, seed).join())).size).toBeGreaterThan(40);
  });

  it('puts every option first about as often as the others', () => {
    const firsts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) firsts[seededShuffle([0, 1, 2, 3], deriveSeed(seed, 'spread'))[0]!]! += 1;
    for (const count of firsts) expect(count).toBeGreaterThan(850);
  });
});

describe('attempt layout', () => {
  const quiz = allTypesRuntime();

  it('uses every item when there is no draw, in a new order per seed', () => {
    expect(attemptSize(quiz)).toBe(7);
    for (const seed of SEEDS) expect([...attemptLayout(quiz, seed).items].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(SEEDS.map((seed) => attemptLayout(quiz, seed).items.join())).size).toBeGreaterThan(30);
  });

  it('keeps authored item order when the quiz turns item shuffling off', () => {
    const fixed = allTypesRuntime({ shuffle_items: false });
    for (const seed of SEEDS.slice(0, 5)) expect(attemptLayout(fixed, seed).items).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('draws N per outcome bank, differently per seed, and is the same when rebuilt from the seed', () => {
    const drawn = allTypesRuntime({ draw: { per_outcome: 2 } });
    expect(drawn.draw).toEqual([
      { bank: 'systems', count: 2 },
      { bank: 'navigating', count: 2 },
    ]);
    const sets = new Set<string>();
    for (const seed of SEEDS) {
      const items = drawItems(drawn, seed);
      expect(items.filter((i) => drawn.items[i]!.bank === 'systems')).toHaveLength(2);
      expect(items.filter((i) => drawn.items[i]!.bank === 'navigating')).toHaveLength(2);
      sets.add(items.join());
      const layout = attemptLayout(drawn, seed);
      expect(attemptLayout(drawn, seed)).toEqual(layout);
      // Resume: the saved seed and drawn items rebuild the same screen.
      expect(storedLayout(drawn, seed, layout.items)).toEqual(layout);
    }
    expect(sets.size).toBeGreaterThan(10);
  });

  it('shuffles options unless the item opts out, and never starts an ordering item already in order', () => {
    const fixed = allTypesRuntime();
    const single = fixed.items.findIndex((i) => i.id === 'single');
    const order = fixed.items.findIndex((i) => i.id === 'order');
    const orders = new Set<string>();
    for (const seed of SEEDS) {
      const layout = attemptLayout(fixed, seed);
      orders.add(layout.orders[layout.items.indexOf(single)]!.join());
      const start = layout.orders[layout.items.indexOf(order)]!;
      expect(itemScore(fixed.items[order]!, { kind: 'ordering', order: start })).toBeLessThan(1);
    }
    expect(orders.size).toBe(6);
    const trueFalse = fixed.items.findIndex((i) => i.id === 'truefalse');
    for (const seed of SEEDS) {
      const layout = attemptLayout(fixed, seed);
      expect(layout.orders[layout.items.indexOf(trueFalse)], 'True stays before False').toEqual([0, 1]);
    }
  });
});

describe('attempt layout is pinned to its seed', () => {
  it('rebuilds exactly this layout from seed 12345, so an attempt saved by an earlier release resumes unchanged', () => {
    expect(attemptLayout(allTypesRuntime({ shuffle_items: true }), 12345)).toEqual({
      items: [0, 5, 3, 4, 2, 1, 6],
      orders: [[1, 2, 0], [2, 3, 0, 1], [0, 1], [0, 1, 2, 3], [0, 1], [0, 1, 3, 2], []],
    });
  });

  it('starts an ordering item on every step exactly once, even when the shuffle had to be moved on', () => {
    const quiz = allTypesRuntime();
    const order = quiz.items.findIndex((i) => i.id === 'order');
    for (const seed of SEEDS) {
      const layout = attemptLayout(quiz, seed);
      expect([...layout.orders[layout.items.indexOf(order)]!].sort()).toEqual([0, 1, 2, 3]);
    }
  });
});

describe('seeds and random numbers match the reference algorithms (values from a Python FNV-1a / mulberry32)', () => {
  it('derives FNV-1a seeds over every character of the label', () => {
    expect(deriveSeed(7, 'items')).toBe(4099705374);
    expect(deriveSeed(0, 'bank:systems')).toBe(1851576767);
  });

  it('draws the mulberry32 sequence', () => {
    const random = seededRandom(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });
});

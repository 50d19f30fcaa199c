/**
 * Seeded randomness for quiz attempts. The seed is kept in the learner state,
 * so a resumed attempt rebuilds exactly the same draw and option order.
 */

/** Seeds are stored in 32 bits. */
export function newSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 32) >>> 0;
}

/** A seed for one purpose (the draw, one item's options) that does not depend on the others. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** mulberry32: small, fast and well spread; enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Fisher–Yates with a seeded source; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  // Stryker disable next-line EqualityOperator: equivalent, an extra pass at i = 0 can only swap the first item with itself
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** 0..count-1 */
export function indexes(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

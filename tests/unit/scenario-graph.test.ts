import { describe, expect, it } from 'vitest';
import { bestPathFrom, longestDecisions, type ScenarioGraph } from '../../src/lib/scenario-graph.ts';

const best = (next: string) => ({ next, score: 2 });
const poor = (next: string) => ({ next, score: 0 });

describe('bestPathFrom', () => {
  // start → (0) left | (1) right; both lead to `mid`, which has two best endings.
  const twoWays: ScenarioGraph = {
    start: 'start',
    nodes: {
      start: { choices: [best('left'), best('right')] },
      left: { choices: [best('mid')] },
      right: { choices: [poor('end-a'), best('mid')] },
      mid: { choices: [best('end-a'), best('end-b')] },
      'end-a': { ending: 'A' },
      'end-b': { ending: 'B' },
    },
  };

  it('takes the first best choice at each node when there is no preference', () => {
    expect(bestPathFrom(twoWays)).toEqual([0, 0, 0]);
  });

  it('follows the learner’s own choices where they were best, at every depth', () => {
    expect(bestPathFrom(twoWays, 'start', [1, 1, 1])).toEqual([1, 1, 1]);
    expect(bestPathFrom(twoWays, 'start', [0, 0, 1])).toEqual([0, 0, 1]);
    // A preferred choice that is not best (right's choice 0) is passed over.
    expect(bestPathFrom(twoWays, 'start', [1, 0, 1])).toEqual([1, 1, 1]);
  });

  it('ignores a preference beyond the node’s choices', () => {
    expect(bestPathFrom(twoWays, 'start', [5, 5, 5])).toEqual([0, 0, 0]);
  });

  it('passes over a choice leading to a missing node', () => {
    const graph: ScenarioGraph = { start: 's', nodes: { s: { choices: [best('missing'), best('e')] }, e: { ending: 'E' } } };
    expect(bestPathFrom(graph)).toEqual([1]);
  });

  it('does not loop in an unlinted graph with a cycle', () => {
    const graph: ScenarioGraph = {
      start: 'a',
      nodes: { a: { choices: [best('b'), best('e')] }, b: { choices: [best('a')] }, e: { ending: 'E' } },
    };
    expect(bestPathFrom(graph)).toEqual([1]);
  });

  it('is null when no path of best choices reaches an ending', () => {
    const graph: ScenarioGraph = { start: 's', nodes: { s: { choices: [poor('e')] }, e: { ending: 'E' } } };
    expect(bestPathFrom(graph)).toBeNull();
  });
});

describe('longestDecisions', () => {
  it('counts a choice leading to a missing node as one decision', () => {
    const graph: ScenarioGraph = { start: 's', nodes: { s: { choices: [best('missing')] } } };
    expect(longestDecisions(graph)).toBe(1);
  });
});

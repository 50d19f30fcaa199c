import type { RuntimeChoice, RuntimeNode, RuntimeScenario } from './scenario-model.ts';
import { BEST_SCORE, bestPathFrom } from './scenario-graph.ts';

/**
 * The scenario engine: pure functions over a scenario and a path (the choice index taken at each
 * decision, in order). The path is all that is saved, so everything else is derived from it.
 */

export interface Decision {
  /** 0-based position on the path. */
  index: number;
  node: RuntimeNode;
  choiceIndex: number;
  choice: RuntimeChoice;
}

export interface Walk {
  decisions: Decision[];
  /** Where the learner is now: a decision node or an ending. */
  current: RuntimeNode;
  /** The part of the given path that fits the scenario (all of it unless the path was damaged). */
  path: number[];
}

/** Follows a path from the start; stops at the first step that does not fit, so bad saved data never breaks play. */
export function walk(scenario: RuntimeScenario, path: readonly number[]): Walk {
  const decisions: Decision[] = [];
  let current = scenario.nodes[scenario.start]!;
  for (const choiceIndex of path) {
    const choice = current.choices[choiceIndex];
    const next = choice && scenario.nodes[choice.next];
    if (!choice || !next) break;
    decisions.push({ index: decisions.length, node: current, choiceIndex, choice });
    current = next;
  }
  return { decisions, current, path: decisions.map((d) => d.choiceIndex) };
}

export function isEnding(node: RuntimeNode): boolean {
  return node.ending !== undefined;
}

/** The path after choosing `choiceIndex` at the current node; throws if that is not a choice there. */
export function choose(scenario: RuntimeScenario, path: readonly number[], choiceIndex: number): number[] {
  const { current, path: valid } = walk(scenario, path);
  if (!Number.isInteger(choiceIndex) || !current.choices[choiceIndex])
    throw new RangeError(`scenario ${scenario.id}: node "${current.id}" has no choice ${choiceIndex}; expected 0-${current.choices.length - 1}`);
  return [...valid, choiceIndex];
}

/** The path to replay from decision `index` (0 = from the start): the decisions before it are kept. */
export function replayFrom(path: readonly number[], index: number): number[] {
  return path.slice(0, Math.max(0, Math.min(index, path.length)));
}

export interface PathScore {
  earned: number;
  possible: number;
  /** 0-100, rounded; points earned / (2 x decisions on the path taken). */
  percent: number;
  passed: boolean;
}

export function scorePath(scenario: RuntimeScenario, path: readonly number[]): PathScore {
  const { decisions } = walk(scenario, path);
  const earned = decisions.reduce((sum, d) => sum + d.choice.score, 0);
  const possible = BEST_SCORE * decisions.length;
  const percent = possible === 0 ? 0 : Math.round((earned / possible) * 100);
  return { earned, possible, percent, passed: percent >= scenario.passMark };
}

/** The LMS result of a choice: best-path choices are correct, acceptable ones neutral, poor ones incorrect. */
export function choiceResult(choice: RuntimeChoice): 'correct' | 'neutral' | 'incorrect' {
  return choice.score === BEST_SCORE ? 'correct' : choice.score === 0 ? 'incorrect' : 'neutral';
}

/** One line of the conversation as the transcript shows it. */
export type TranscriptEntry =
  | { kind: 'customer'; nodeId: string; text: string }
  | { kind: 'note'; nodeId: string; text: string }
  | { kind: 'adviser'; nodeId: string; text: string; decision: number };

export function transcript(scenario: RuntimeScenario, path: readonly number[]): TranscriptEntry[] {
  const { decisions, current } = walk(scenario, path);
  const entries: TranscriptEntry[] = [];
  const said = (node: RuntimeNode) => {
    if (node.note) entries.push({ kind: 'note', nodeId: node.id, text: node.note });
    for (const text of node.customer) entries.push({ kind: 'customer', nodeId: node.id, text });
  };
  for (const d of decisions) {
    said(d.node);
    entries.push({ kind: 'adviser', nodeId: d.node.id, text: d.choice.say, decision: d.index });
  }
  said(current);
  return entries;
}

export interface DebriefStep {
  index: number;
  node: RuntimeNode;
  choice: RuntimeChoice;
}

export interface Debrief {
  score: PathScore;
  ending: RuntimeNode;
  /** The learner's decisions, with the feedback on each. */
  yours: DebriefStep[];
  /** A path of best choices from the start, lined up with the learner's for as long as they matched. */
  best: DebriefStep[];
  /** Criteria the learner's decisions practised: met with a best choice, or to look at again. */
  criteriaDoneWell: string[];
  criteriaToReview: string[];
}

/** The debrief at an ending; null while the conversation is still going. */
export function debrief(scenario: RuntimeScenario, path: readonly number[]): Debrief | null {
  const { decisions, current, path: valid } = walk(scenario, path);
  if (!isEnding(current)) return null;
  // Stryker disable next-line ArrayDeclaration: equivalent, a non-numeric step fits no choice, so the walk stops at the start just as with an empty path
  const bestPath = bestPathFrom(scenario, scenario.start, valid) ?? [];
  const best = walk(scenario, bestPath).decisions.map(({ index, node, choice }) => ({ index, node, choice }));
  const toReview = new Set(decisions.filter((d) => d.choice.score < BEST_SCORE).flatMap((d) => d.choice.criteria));
  // Every criterion of a weaker choice is in toReview, so what is left came only from best choices.
  const doneWell = new Set(decisions.flatMap((d) => d.choice.criteria).filter((c) => !toReview.has(c)));
  return {
    score: scorePath(scenario, valid),
    ending: current,
    yours: decisions.map(({ index, node, choice }) => ({ index, node, choice })),
    best,
    criteriaDoneWell: [...doneWell].sort(),
    criteriaToReview: [...toReview].sort(),
  };
}

export interface ScoreRange {
  min: number;
  max: number;
}

/** Lowest and highest percentage over every path from start to an ending (for authors and reports). */
export function scoreRange(scenario: RuntimeScenario): ScoreRange {
  // Every (points, decisions) pair a path from each node to an ending can give, memoised per node:
  // scenarios have no loops, so this is linear in nodes x pairs, where listing every path would be exponential.
  const suffixes = new Map<string, Set<string>>();
  const pairsFrom = (id: string): Set<string> => {
    const known = suffixes.get(id);
    if (known) return known;
    const node = scenario.nodes[id]!;
    const pairs = new Set<string>();
    if (isEnding(node)) pairs.add('0,0');
    else
      for (const choice of node.choices)
        for (const pair of pairsFrom(choice.next)) {
          const [earned, decisions] = pair.split(',').map(Number) as [number, number];
          pairs.add(`${earned + choice.score},${decisions + 1}`);
        }
    suffixes.set(id, pairs);
    return pairs;
  };
  let min = 100;
  let max = 0;
  for (const pair of pairsFrom(scenario.start)) {
    const [earned, decisions] = pair.split(',').map(Number) as [number, number];
    const percent = decisions === 0 ? 0 : Math.round((earned / (BEST_SCORE * decisions)) * 100);
    min = Math.min(min, percent);
    max = Math.max(max, percent);
  }
  return { min, max };
}

/**
 * The order a node's choices are shown in: a fixed shuffle per scenario and
 * node (the same for every learner and every visit, so a resumed or replayed
 * conversation looks the same), so the best reply is not always where the
 * author happened to write it. Returns indexes into the node's choices.
 */
export function choiceDisplayOrder(scenarioId: string, nodeId: string, count: number): number[] {
  let seed = 0x811c9dc5;
  for (const char of `${scenarioId}/${nodeId}`) seed = Math.imul(seed ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const order = Array.from({ length: count }, (_, i) => i);
  // Stryker disable next-line EqualityOperator: equivalent, a step at i = 0 can only swap the first choice with itself
  for (let i = count - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

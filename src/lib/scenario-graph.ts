/** The parts of a scenario the graph rules need; the build lint (file data) and the engine (runtime data) share them. */
export interface GraphNode {
  choices?: readonly { next: string; score: number }[];
  ending?: string;
}
export interface ScenarioGraph {
  start: string;
  nodes: Readonly<Record<string, GraphNode>>;
}

export const BEST_SCORE = 2;

function nextIds(node: GraphNode | undefined): string[] {
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent, callers skip a missing node before asking for its next ids, and an extra next id that names no node is skipped the same way
  return (node?.choices ?? []).map((c) => c.next);
}

/** Node ids reachable from `start` (including it), following choices to existing nodes. */
export function reachableFrom(graph: ScenarioGraph, start = graph.start): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !graph.nodes[id]) continue;
    seen.add(id);
    stack.push(...nextIds(graph.nodes[id]));
  }
  return seen;
}

/** The first cycle found from `start`, as node ids with the first repeated at the end, or null. */
export function findCycle(graph: ScenarioGraph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  // Stryker disable next-line ArrayDeclaration: equivalent, a cycle is cut from the repeated id's own place in the trail, so an extra entry before the start is never part of it
  const trail: string[] = [];
  const visit = (id: string): string[] | null => {
    // Stryker disable next-line ConditionalExpression: equivalent, a missing node has no next ids, so visiting it returns null all the same
    if (!graph.nodes[id]) return null;
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'open');
    trail.push(id);
    for (const next of nextIds(graph.nodes[id])) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(id, 'done');
    return null;
  };
  return visit(graph.start);
}

/** Most decisions on any path from `from` to an ending (the graph must have no cycle). */
export function longestDecisions(graph: ScenarioGraph, from = graph.start): number {
  const memo = new Map<string, number>();
  const walk = (id: string): number => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const node = graph.nodes[id];
    const choices = node?.choices ?? [];
    const value = choices.length === 0 ? 0 : 1 + Math.max(...choices.map((c) => walk(c.next)));
    memo.set(id, value);
    return value;
  };
  return walk(from);
}

/**
 * A path of best choices (score 2) from `from` to an ending, as choice indexes, or null if there is none.
 * Where several exist, it prefers the choice order of `prefer` (the learner's own path), so the debrief
 * lines the best path up with theirs for as long as they matched.
 */
export function bestPathFrom(graph: ScenarioGraph, from = graph.start, prefer: readonly number[] = []): number[] | null {
  // Per node: a node is only looked up again after it failed (a found path ends the search), and whether a best
  // path exists from a node does not depend on the order its choices are tried in.
  const memo = new Map<string, number[] | null>();
  const walk = (id: string, depth: number): number[] | null => {
    if (memo.has(id)) return memo.get(id)!;
    memo.set(id, null); // guards against cycles in unlinted graphs
    const node = graph.nodes[id];
    let result: number[] | null = null;
    if (node?.ending) result = [];
    else if (node?.choices) {
      const order = node.choices.map((_, i) => i);
      // The learner's choice at this depth goes first; splice takes nothing when it is not a choice here.
      order.unshift(...order.splice(prefer[depth] ?? 0, 1));
      for (const i of order) {
        const choice = node.choices[i]!;
        if (choice.score !== BEST_SCORE) continue;
        const rest = walk(choice.next, depth + 1);
        if (rest) {
          result = [i, ...rest];
          break;
        }
      }
    }
    // Stryker disable next-line CallExpression: equivalent, a found path goes straight up to the caller and is never looked up again, and a dead end is already memoised as null
    memo.set(id, result);
    return result;
  };
  return walk(from, 0);
}

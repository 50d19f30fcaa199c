import { walk } from '../../src/lib/scenario-engine.ts';
import type { RuntimeScenario } from '../../src/lib/scenario-model.ts';

/** A path a careless adviser might take: the first poor (score 0) reply wherever there is one, else the first reply. */
export function poorPath(scenario: RuntimeScenario): number[] {
  const path: number[] = [];
  for (let node = walk(scenario, path).current; !node.ending; node = walk(scenario, path).current) {
    const poor = node.choices.findIndex((c) => c.score === 0);
    path.push(poor >= 0 ? poor : 0);
  }
  return path;
}

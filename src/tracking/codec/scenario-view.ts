import type { ScenarioProgress, ScenarioShape } from '../learner-state.ts';
import { bitsFor, clampInt, type BitReader, type BitWriter } from './bits.ts';

export function writeScenarioView(out: BitWriter, progress: ScenarioProgress, shape: ScenarioShape): void {
  const path = progress.path.slice(0, shape.maxDepth);
  out.flag(progress.ended);
  out.optionalPercent(progress.best);
  out.write(path.length, bitsFor(shape.maxDepth + 1));
  for (const choice of path) out.write(clampInt(choice, 0, shape.maxChoices - 1), bitsFor(shape.maxChoices));
}

export function readScenarioView(input: BitReader, shape: ScenarioShape): ScenarioProgress {
  const ended = input.flag();
  const best = input.optionalPercent();
  const length = input.index(shape.maxDepth + 1, 'scenario path length');
  const path = Array.from({ length }, () => input.index(shape.maxChoices, 'scenario choice'));
  return { path, ended, best };
}

/** The largest scenario record: the longest path, the last choice at every node. */
export function worstCaseScenarioView(shape: ScenarioShape): ScenarioProgress {
  // Stryker disable next-line BooleanLiteral: "ended" takes one bit either way; the worst case is only measured for its size
  return { path: Array.from({ length: shape.maxDepth }, () => shape.maxChoices - 1), ended: true, best: 100 };
}

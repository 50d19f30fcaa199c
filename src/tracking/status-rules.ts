import { viewDone } from '../lib/module-views.ts';
import { quizOf, type LearnerState } from './learner-state.ts';
import type { SuccessStatus } from './lms-adapter.ts';

export interface StatusPolicy {
  passMark: number;
  allowPassDowngrade: boolean;
  maxAttempts: number;
  /** Which quiz attempt the score follows (quiz.yaml `counts`); the latest when left out. */
  counts?: 'best' | 'last';
}

/**
 * Complete = every lesson seen and every scored view (quiz, scenario) attempted at least once: the same
 * "done" the contents list shows. Reflection prompts are optional, so they never hold completion back.
 */
export function isComplete(state: LearnerState): boolean {
  return state.views.every((view) => view.kind === 'reflection' || viewDone(view));
}

/** Success follows the reported score; a pass is kept unless the module allows downgrades. */
export function successStatus(state: LearnerState, policy: StatusPolicy, previous: SuccessStatus): SuccessStatus {
  const score = reportedScore(state, policy);
  if (previous === 'passed' && !policy.allowPassDowngrade) return 'passed';
  if (score === null) return previous;
  return score >= policy.passMark ? 'passed' : 'failed';
}

/**
 * The score the LMS should hold. A quiz gives its best attempt when it counts the best;
 * otherwise its latest attempt, or the best one once the learner has passed and the module
 * keeps passes (so score and status agree). A module with scenarios scores the mean of its
 * scored views (module.yaml `scenario_scoring: mean`), each scenario at its best finished
 * play-through and 0 until it has one; null until any has a result.
 */
export function reportedScore(state: LearnerState, policy: StatusPolicy): number | null {
  const quiz = quizOf(state)?.quiz;
  const keepsBest = policy.counts === 'best' || (quiz?.everPassed === true && !policy.allowPassDowngrade);
  // best and last are set together, so before any attempt both are null.
  const quizScore = !quiz ? null : keepsBest ? (quiz.best ?? quiz.last) : quiz.last;
  const scenarios = state.views.flatMap((v) => (v.kind === 'scenario' ? [v.scenario.best] : []));
  // A quiz alone is the mean of one part: quiz percentages are whole numbers, so rounding keeps them as they are.
  const parts = quiz ? [quizScore, ...scenarios] : scenarios;
  if (parts.every((p) => p === null)) return null;
  return Math.round(parts.reduce<number>((sum, p) => sum + (p ?? 0), 0) / parts.length);
}

export function attemptsLeft(state: LearnerState, policy: StatusPolicy): number {
  const attempts = quizOf(state)?.quiz.attempts ?? 0;
  return policy.maxAttempts === 0 ? Infinity : Math.max(0, policy.maxAttempts - attempts);
}

/** Leave with exit=suspend while there is more to do, so the LMS offers resume. */
export function isFinished(state: LearnerState, policy: StatusPolicy, success: SuccessStatus): boolean {
  return isComplete(state) && (success === 'passed' || attemptsLeft(state, policy) === 0);
}

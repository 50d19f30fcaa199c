import type { LearnerState } from './learner-state.ts';
import type { SuccessStatus } from './lms-adapter.ts';

export interface StatusPolicy {
  passMark: number;
  allowPassDowngrade: boolean;
  maxAttempts: number;
}

/** Complete = every lesson seen and the quiz attempted at least once. */
export function isComplete(state: LearnerState): boolean {
  return state.lessonsSeen.every(Boolean) && state.quiz.attempts > 0;
}

/** Success follows the reported score; a pass is kept unless the module allows downgrades. */
export function successStatus(state: LearnerState, policy: StatusPolicy, previous: SuccessStatus): SuccessStatus {
  const score = reportedScore(state, policy);
  if (score === null) return previous === 'passed' && !policy.allowPassDowngrade ? 'passed' : previous;
  if (previous === 'passed' && !policy.allowPassDowngrade) return 'passed';
  return score >= policy.passMark ? 'passed' : 'failed';
}

/**
 * The score the LMS should hold: the latest attempt, or the best one once the
 * learner has passed and the module keeps passes (so score and status agree).
 */
export function reportedScore(state: LearnerState, policy: StatusPolicy): number | null {
  const { last, best, everPassed } = state.quiz;
  if (last === null) return null;
  return everPassed && !policy.allowPassDowngrade ? (best ?? last) : last;
}

export function attemptsLeft(state: LearnerState, policy: StatusPolicy): number {
  return policy.maxAttempts === 0 ? Infinity : Math.max(0, policy.maxAttempts - state.quiz.attempts);
}

/** Leave with exit=suspend while there is more to do, so the LMS offers resume. */
export function isFinished(state: LearnerState, policy: StatusPolicy, success: SuccessStatus): boolean {
  return isComplete(state) && (success === 'passed' || attemptsLeft(state, policy) === 0);
}

import type { LearnerState, ModuleShape } from './learner-state.ts';
import { encodeState, viewCount } from './suspend-codec.ts';

/**
 * The largest state a module can produce: every lesson seen, the maximum
 * attempts, every option of every item ticked, every scenario at its longest
 * path, every reflection at its limit in 4-byte characters. The size budget
 * test and the benchmark encode this from the real content.
 */
export function worstCaseState(shape: ModuleShape): LearnerState {
  return {
    position: viewCount(shape) - 1,
    lessonsSeen: shape.lessons.map(() => true),
    quiz: {
      attempts: 255,
      best: 100,
      last: 100,
      everPassed: true,
      current: {
        position: Math.max(0, shape.quiz.optionCounts.length - 1),
        answers: shape.quiz.optionCounts.map((n) => (1 << n) - 1),
        submitted: true,
      },
    },
    scenarios: shape.scenarios.map((s) => ({ path: Array.from({ length: s.maxDepth }, () => s.maxChoices - 1), ended: true })),
    reflections: shape.reflections.map((r) => '😀'.repeat(r.maxLength)),
  };
}

/** Worst-case suspend_data length per SCORM version (1.2 keeps free text out of suspend_data). */
export function worstCaseSuspendLength(shape: ModuleShape): { scorm12: number; scorm2004: number } {
  const state = worstCaseState(shape);
  return {
    scorm12: encodeState(state, shape, { includeText: false }).length,
    scorm2004: encodeState(state, shape, { includeText: true }).length,
  };
}

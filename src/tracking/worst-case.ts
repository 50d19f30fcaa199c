import type { LearnerState, ModuleShape, ViewShape, ViewState } from './learner-state.ts';
import { encodeState } from './codec/index.ts';
import { worstCaseQuizView } from './codec/quiz-view.ts';
import { worstCaseReflectionView } from './codec/reflection-view.ts';
import { worstCaseScenarioView } from './codec/scenario-view.ts';

/**
 * The largest state a module can produce: every view seen, the maximum quiz
 * attempts with every option ticked, every scenario at its longest path, every
 * reflection at its limit in 4-byte characters. The size budget test and the
 * benchmark encode this from the real content.
 */
export function worstCaseState(shape: ModuleShape): LearnerState {
  // Stryker disable next-line BooleanLiteral: the fallback-id flag is one bit either way, so the length is the same
  return { position: shape.views.length - 1, saveCount: 2 ** 24 - 1, fallbackIds: true, views: shape.views.map(worstCaseView) };
}

function worstCaseView(view: ViewShape): ViewState {
  // Stryker disable next-line BooleanLiteral: a view's seen flag is one bit either way, so the length is the same
  const seen = true;
  switch (view.kind) {
    case 'lesson':
      return { kind: 'lesson', seen };
    case 'quiz':
      return { kind: 'quiz', seen, quiz: worstCaseQuizView(view) };
    case 'scenario':
      return { kind: 'scenario', seen, scenario: worstCaseScenarioView(view) };
    case 'reflection':
      return { kind: 'reflection', seen, texts: worstCaseReflectionView(view) };
  }
}

/** Worst-case suspend_data length per SCORM version (1.2 keeps free text out of suspend_data). */
export function worstCaseSuspendLength(shape: ModuleShape): { scorm12: number; scorm2004: number } {
  const state = worstCaseState(shape);
  return {
    // Stryker disable next-line ObjectLiteral: the codec reads a missing includeText as false
    scorm12: encodeState(state, shape, { includeText: false }).length,
    scorm2004: encodeState(state, shape, { includeText: true }).length,
  };
}

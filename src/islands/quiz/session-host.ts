import type { ModuleSession } from '../../tracking/module-session.ts';
import { attemptsLeft } from '../../tracking/status-rules.ts';
import type { QuizHost } from './quiz-state.svelte.ts';

/** The quiz island's view of the module session. */
export function sessionHost(session: ModuleSession): QuizHost {
  return {
    progress: () => (session.pendingResume ? null : session.quiz),
    attemptsLeft: () => attemptsLeft(session.state, session.policy),
    startAttempt: () => session.startQuizAttempt(),
    answer: (position, response, shownAt) => void session.answer(position, response, shownAt),
    moveTo: (position) => session.setQuizPosition(position),
    submit: () => session.submitAttempt(),
    subscribe: (listener) => session.subscribe(() => listener()),
  };
}

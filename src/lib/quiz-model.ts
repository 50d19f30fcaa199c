import type { Quiz, QuizItem } from '../schemas/quiz.ts';
import type { ResponseMask } from '../tracking/learner-state.ts';
import { objectiveId, quizInteractionId } from './lms-ids.ts';

/** A quiz item as the browser sees it: every type reduced to options + a correct mask. */
export interface RuntimeItem {
  id: string;
  /** LMS interaction id, e.g. `u219-lo1-quiz-q03`. */
  interactionId: string;
  type: QuizItem['type'];
  prompt: string;
  options: { id: string; text: string }[];
  correctMask: ResponseMask;
  feedback: { correct: string; incorrect: string };
  criteria: string[];
  /** LMS objective ids (module outcomes) this item counts towards. */
  objectives: string[];
}

export interface RuntimeOutcome {
  /** LMS objective id, `<module>-<outcome>`. */
  objectiveId: string;
  title: string;
  criteria: string[];
}

export interface RuntimeQuiz {
  title: string;
  intro: string;
  passMark: number;
  maxAttempts: number;
  items: RuntimeItem[];
  outcomes: RuntimeOutcome[];
}

export function toRuntimeQuiz(
  moduleId: string,
  quiz: Quiz,
  passMark: number,
  outcomes: readonly { id: string; title: string; criteria: readonly string[] }[],
): RuntimeQuiz {
  const runtimeOutcomes = outcomes.map((o) => ({ objectiveId: objectiveId(moduleId, o.id), title: o.title, criteria: [...o.criteria] }));
  return {
    title: quiz.title,
    intro: quiz.intro ?? '',
    passMark,
    maxAttempts: quiz.max_attempts,
    outcomes: runtimeOutcomes,
    items: quiz.items.map((item) => {
      const options =
        item.type === 'true-false'
          ? [
              { id: 'true', text: 'True' },
              { id: 'false', text: 'False' },
            ]
          : item.options.map(({ id, text }) => ({ id, text }));
      const correctMask =
        item.type === 'true-false'
          ? item.answer ? 0b01 : 0b10
          : item.options.reduce((mask, option, i) => (option.correct ? mask | (1 << i) : mask), 0);
      return {
        id: item.id,
        interactionId: quizInteractionId(moduleId, item.id),
        type: item.type,
        prompt: item.prompt,
        options,
        correctMask,
        feedback: item.feedback,
        criteria: [...item.criteria],
        objectives: runtimeOutcomes.filter((o) => o.criteria.some((c) => item.criteria.includes(c))).map((o) => o.objectiveId),
      };
    }),
  };
}

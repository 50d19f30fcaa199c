import type { InteractionReport } from '../tracking/lms-adapter.ts';
import { revealOf } from './quiz-key.ts';
import type { RuntimeItem } from './quiz-model.ts';
import { orderFromPairs, type QuizResponse } from './quiz-response.ts';
import { itemScore } from './quiz-scoring.ts';

type Reported = Pick<InteractionReport, 'type' | 'response' | 'correct' | 'alternatives' | 'result'>;

/**
 * One answered item as the LMS sees it: the SCORM interaction type, the
 * learner's response and the correct response in neutral form (the adapters
 * write each version's format). Matching prompts are reported by position
 * (1, 2, 3…) because SCORM 1.2 allows only single characters there.
 *
 * An assessment key that the review may not show is not in the page, so the
 * correct response is reported only when the learner's answer shows it.
 */
export function interactionFor(item: RuntimeItem, response: QuizResponse): Reported {
  const score = itemScore(item, response);
  const result: Reported['result'] = score === 1 ? 'correct' : score === 0 ? 'incorrect' : Math.round(score * 100) / 100;
  const parts = revealOf(item)?.parts ?? null;
  switch (item.type) {
    case 'true-false': {
      // Stryker disable next-line UnaryOperator: equivalent, with no choice made option 1 is the fixed "false" option, reported as false just like no choice, and an incomplete answer never scores 1
      const chosen = response.kind === 'choice' ? item.options[response.chosen[0] ?? -1]?.id : undefined;
      const right = parts?.[0] ?? (score === 1 ? chosen : undefined);
      return { type: 'true-false', response: chosen === 'true', correct: right === undefined ? undefined : right === 'true', result };
    }
    case 'matching': {
      // Stryker disable next-line ArrayDeclaration: equivalent, a non-numeric entry names no answer, so each prompt is still reported with none
      const answers = response.kind === 'matching' ? response.answers : [];
      const pairs = item.prompts.map((_, i) => [String(i + 1), item.answers[answers[i] ?? -1]?.id ?? ''] as const);
      const right = parts
        ? parts.map((part) => {
            const [prompt, answer] = part.split('=');
            return [String(item.prompts.findIndex((p) => p.id === prompt) + 1), answer ?? ''] as const;
          })
        : score === 1
          ? pairs
          : undefined;
      return { type: 'matching', response: pairs, correct: right, result };
    }
    case 'ordering': {
      const order = response.kind === 'ordering' ? response.order.map((i) => item.steps[i]?.id ?? '') : [];
      const right = parts ? orderFromPairs(parts) : score === 1 ? order : undefined;
      return { type: 'sequencing', response: order, correct: right, result };
    }
    case 'fill-in': {
      const text = response.kind === 'text' ? response.text : '';
      const right = parts ?? (score === 1 ? [text] : []);
      return { type: 'fill-in', response: text, correct: right[0], alternatives: right.slice(1), result };
    }
    default: {
      const chosen = response.kind === 'choice' ? response.chosen.map((i) => item.options[i]?.id ?? '') : [];
      return { type: 'choice', response: chosen, correct: parts ?? (score === 1 ? chosen : undefined), result };
    }
  }
}

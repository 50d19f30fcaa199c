import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';

/** A learner who does not read the question: always the option in the same screen position. */
export function guess(item: RuntimeItem, order: number[], pick: 'first' | 'last'): QuizResponse {
  const at = (list: number[]) => (pick === 'first' ? list[0]! : list[list.length - 1]!);
  switch (item.type) {
    case 'matching':
      return { kind: 'matching', answers: item.prompts.map(() => at(order)) };
    case 'ordering':
      return { kind: 'ordering', order: pick === 'first' ? order : [...order].reverse() };
    case 'fill-in':
      return { kind: 'text', text: 'not sure' };
    default:
      return { kind: 'choice', chosen: [at(order)] };
  }
}


import type { ItemReveal, RuntimeItem } from './quiz-model.ts';
import { orderFromPairs, type QuizResponse } from './quiz-response.ts';

/** The learner's answer in words, for the review screen. */
export function describeResponse(item: RuntimeItem, response: QuizResponse | null): string {
  if (!response) return 'Not answered';
  switch (response.kind) {
    case 'choice':
      return 'options' in item ? response.chosen.map((i) => item.options[i]?.text ?? '').join('; ') : '';
    case 'matching':
      return item.type === 'matching'
        ? item.prompts.map((prompt, i) => `${prompt.text} → ${item.answers[response.answers[i] ?? -1]?.text ?? 'no answer'}`).join('; ')
        : '';
    case 'ordering':
      return item.type === 'ordering' ? response.order.map((i, n) => `${n + 1}. ${item.steps[i]?.text ?? ''}`).join(' ') : '';
    case 'text':
      return response.text;
  }
}

/** The right answer in words, from what the key reveals. */
export function describeCorrect(item: RuntimeItem, reveal: ItemReveal): string {
  const { parts } = reveal;
  switch (item.type) {
    case 'matching':
      return parts
        .map((part) => {
          const [prompt, answer] = part.split('=');
          return `${item.prompts.find((p) => p.id === prompt)?.text ?? ''} → ${item.answers.find((a) => a.id === answer)?.text ?? ''}`;
        })
        .join('; ');
    case 'ordering':
      return orderFromPairs(parts)
        .map((id, n) => `${n + 1}. ${item.steps.find((s) => s.id === id)?.text ?? ''}`)
        .join(' ');
    case 'fill-in':
      return parts.join(' or ');
    default:
      return item.options.filter((o) => parts.includes(o.id)).map((o) => o.text).join('; ');
  }
}

/** "Correct", "Part right (2 of 3 marks)"… as the review and feedback headings say it. */
export function scoreLabel(score: number): string {
  if (score === 1) return 'Correct';
  if (score === 0) return 'Not correct';
  return `Partly correct (${Math.round(score * 100)}% of the mark)`;
}

import type { QuizItem } from '../schemas/quiz.ts';
import type { ItemReveal, RuntimeItem } from './quiz-model.ts';
import { saltedHash, unseal } from './quiz-hash.ts';
import { adjacentPairs, normaliseText } from './quiz-response.ts';

/**
 * The correct response of an authored item as canonical parts (see
 * responseParts): the build hashes these for assessment quizzes.
 */
export function authoredKeyParts(item: QuizItem, salt: string): string[] {
  switch (item.type) {
    case 'true-false':
      return [String(item.answer)];
    case 'single':
    case 'multiple':
    case 'best-reply':
      return item.options.filter((o) => o.correct).map((o) => o.id);
    case 'matching':
      return item.prompts.map((p) => `${p.id}=${p.answer}`);
    case 'ordering': {
      const idOf = new Map(orderingSteps(item.steps, salt).map((step) => [step.text, step.id]));
      return adjacentPairs(item.steps.map((text) => idOf.get(text)!));
    }
    case 'fill-in':
      return [...new Set(item.accepted.map(normaliseText))];
  }
}

/** Whether one canonical response part is in the key (compared as hashes when the key is sealed). */
export function keyHas(item: RuntimeItem, part: string): boolean {
  const { key } = item;
  return key.sealed ? key.hashes.includes(saltedHash(key.salt, part)) : key.parts.includes(part);
}

/** Number of parts in the key (correct options, pairs, adjacent steps, accepted variants). */
export function keySize(item: RuntimeItem): number {
  return item.key.sealed ? item.key.hashes.length : item.key.parts.length;
}

/** The answers and feedback the learner may see: always in practice mode, after the attempt in assessment mode if allowed. */
export function revealOf(item: RuntimeItem): ItemReveal | null {
  const { key } = item;
  if (!key.sealed) return { parts: key.parts, feedback: item.feedback!, optionFeedback: optionFeedbackOf(item) };
  if (key.reveal === null) return null;
  return JSON.parse(unseal(key.reveal, key.salt)) as ItemReveal;
}

function optionFeedbackOf(item: RuntimeItem): Record<string, string> {
  if (!('options' in item)) return {};
  return Object.fromEntries(item.options.flatMap((o) => (o.feedback ? [[o.id, o.feedback]] : [])));
}

/** Step ids name a fixed, content-derived order, so neither ids nor list order give the right order away. */
export function orderingSteps(steps: readonly string[], salt: string): { id: string; text: string }[] {
  return [...steps]
    .sort((a, b) => saltedHash(salt, a).localeCompare(saltedHash(salt, b)))
    .map((text, i) => ({ id: String.fromCharCode(97 + i), text }));
}

import type { RuntimeItem } from './quiz-model.ts';

/**
 * A learner's answer to one item, as indexes into the runtime item's lists
 * (never display positions, so it survives reshuffling and fits the codec).
 * null = not answered yet.
 */
export type QuizResponse =
  | { kind: 'choice'; chosen: number[] }
  /** Per prompt (item order), the index of the chosen answer, or -1. */
  | { kind: 'matching'; answers: number[] }
  /** Step indexes in the order the learner put them. */
  | { kind: 'ordering'; order: number[] }
  | { kind: 'text'; text: string };

export type ResponseKind = QuizResponse['kind'];

export function responseKind(item: RuntimeItem): ResponseKind {
  switch (item.type) {
    case 'matching':
      return 'matching';
    case 'ordering':
      return 'ordering';
    case 'fill-in':
      return 'text';
    default:
      return 'choice';
  }
}

/** Case, spacing and punctuation do not matter in a typed answer. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    // Dashes and slashes separate words; other punctuation (D.O.B, it's) is dropped.
    .replace(/[-\u2010-\u2015/\\]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the learner has given a complete answer that can be checked. */
export function isComplete(item: RuntimeItem, response: QuizResponse | null): boolean {
  if (!response) return false;
  switch (response.kind) {
    case 'choice':
      return response.chosen.length > 0;
    case 'matching':
      return item.type === 'matching' && response.answers.length === item.prompts.length && response.answers.every((a) => a >= 0);
    case 'ordering':
      return item.type === 'ordering' && response.order.length === item.steps.length;
    case 'text':
      return normaliseText(response.text).length > 0;
  }
}

/**
 * The response as the same canonical parts the key is made of: chosen option
 * ids, `prompt=answer` pairs, `step>next` adjacent steps, the normalised text.
 */
export function responseParts(item: RuntimeItem, response: QuizResponse): string[] {
  if (response.kind === 'choice' && 'options' in item) return response.chosen.map((i) => item.options[i]?.id ?? '');
  if (response.kind === 'matching' && item.type === 'matching')
    return item.prompts.map((prompt, i) => `${prompt.id}=${item.answers[response.answers[i] ?? -1]?.id ?? ''}`);
  if (response.kind === 'ordering' && item.type === 'ordering') return adjacentPairs(response.order.map((i) => item.steps[i]?.id ?? ''));
  if (response.kind === 'text') return [normaliseText(response.text)];
  return [];
}

export function adjacentPairs(ids: readonly string[]): string[] {
  return ids.slice(1).map((id, i) => `${ids[i]}>${id}`);
}

/** Rebuilds the full order from `a>b` adjacent pairs (for review and the LMS pattern). */
export function orderFromPairs(pairs: readonly string[]): string[] {
  const next = new Map(pairs.map((pair) => pair.split('>') as [string, string]));
  const targets = new Set(next.values());
  let current = [...next.keys()].find((id) => !targets.has(id));
  const order: string[] = [];
  while (current !== undefined && order.length <= pairs.length) {
    order.push(current);
    current = next.get(current);
  }
  return order;
}

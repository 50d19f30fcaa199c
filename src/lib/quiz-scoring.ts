import type { RuntimeItem, RuntimeOutcome } from './quiz-model.ts';
import { keyHas, keySize } from './quiz-key.ts';
import { isComplete, responseParts, type QuizResponse } from './quiz-response.ts';

/**
 * Marks per item, 0–1. Partial credit where it is fair:
 * - multiple response: (right options chosen − wrong options chosen) ÷ right options, never below 0;
 * - matching: the share of prompts paired correctly;
 * - ordering: the share of neighbouring steps in the right order (one step out of place costs little);
 * - single choice, best reply, true/false, fill-in: all or nothing.
 */
export function itemScore(item: RuntimeItem, response: QuizResponse | null): number {
  if (!response || !isComplete(item, response)) return 0;
  const parts = responseParts(item, response);
  const hits = parts.filter((part) => keyHas(item, part)).length;
  switch (item.type) {
    case 'multiple':
      return Math.max(0, (hits - (parts.length - hits)) / keySize(item));
    case 'matching':
    case 'ordering':
      return hits / keySize(item);
    default:
      // Single choice, best reply, true/false, and fill-in (a typed answer is always one part).
      return parts.length === 1 && hits === 1 ? 1 : 0;
  }
}

export function isCorrect(item: RuntimeItem, response: QuizResponse | null): boolean {
  return itemScore(item, response) === 1;
}

/** Shown in the quiz intro, for the item types the quiz uses. */
export function scoringRules(types: ReadonlySet<RuntimeItem['type']>): string[] {
  const rules: string[] = [];
  if (types.has('multiple'))
    rules.push('Choose all that apply: you get a share of the mark for each right option you choose, minus one for each wrong one.');
  if (types.has('matching')) rules.push('Matching: you get a share of the mark for each pair you match correctly.');
  if (types.has('ordering')) rules.push('Putting steps in order: you get a share of the mark for each step that comes straight after the right one.');
  if (types.has('fill-in')) rules.push('Typed answers: capital letters, spaces and punctuation do not matter.');
  return rules;
}

export interface ScoreSummary {
  /** Marks earned (may include part marks). */
  marks: number;
  /** Items fully right. */
  correct: number;
  total: number;
  /** 0–100, rounded to a whole number as LMS reports show it. */
  percent: number;
}

export function summarise(scores: readonly number[]): ScoreSummary {
  const marks = scores.reduce((sum, score) => sum + score, 0);
  const total = scores.length;
  return {
    marks: Math.round(marks * 100) / 100,
    correct: scores.filter((score) => score === 1).length,
    total,
    percent: total === 0 ? 0 : Math.round((marks / total) * 100),
  };
}

export function scoreAttempt(items: readonly RuntimeItem[], responses: readonly (QuizResponse | null)[]): ScoreSummary {
  return summarise(items.map((item, i) => itemScore(item, responses[i] ?? null)));
}

export function isPass(percent: number, passMark: number): boolean {
  return percent >= passMark;
}

export interface OutcomeResult extends ScoreSummary {
  objectiveId: string;
  title: string;
  passed: boolean;
}

/** Per module outcome (LMS objective): the items of this attempt that count towards it. */
export function scoreOutcomes(
  items: readonly RuntimeItem[],
  responses: readonly (QuizResponse | null)[],
  outcomes: readonly RuntimeOutcome[],
  passMark: number,
): OutcomeResult[] {
  return outcomes.map((outcome) => {
    const scores = items.flatMap((item, i) => (item.objectives.includes(outcome.objectiveId) ? [itemScore(item, responses[i] ?? null)] : []));
    const summary = summarise(scores);
    return { ...summary, objectiveId: outcome.objectiveId, title: outcome.title, passed: summary.total > 0 && isPass(summary.percent, passMark) };
  });
}

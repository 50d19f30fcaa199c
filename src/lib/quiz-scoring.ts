import type { ResponseMask } from '../tracking/learner-state.ts';
import type { RuntimeItem, RuntimeOutcome } from './quiz-model.ts';

export interface ScoreSummary {
  correct: number;
  total: number;
  /** 0–100, rounded to a whole number as LMS reports show it. */
  percent: number;
}

/** An answer is right only when exactly the correct options are chosen. */
export function isCorrect(item: RuntimeItem, answer: ResponseMask): boolean {
  return answer !== 0 && answer === item.correctMask;
}

export function summarise(results: readonly boolean[]): ScoreSummary {
  const correct = results.filter(Boolean).length;
  const total = results.length;
  return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

export function scoreAttempt(items: readonly RuntimeItem[], answers: readonly ResponseMask[]): ScoreSummary {
  return summarise(items.map((item, i) => isCorrect(item, answers[i] ?? 0)));
}

export function isPass(percent: number, passMark: number): boolean {
  return percent >= passMark;
}

export interface OutcomeResult extends ScoreSummary {
  objectiveId: string;
  title: string;
  passed: boolean;
}

/** Per module outcome (LMS objective): the items that count towards it. */
export function scoreOutcomes(
  items: readonly RuntimeItem[],
  answers: readonly ResponseMask[],
  outcomes: readonly RuntimeOutcome[],
  passMark: number,
): OutcomeResult[] {
  return outcomes.map((outcome) => {
    const results = items.flatMap((item, i) =>
      item.objectives.includes(outcome.objectiveId) ? [isCorrect(item, answers[i] ?? 0)] : [],
    );
    const summary = summarise(results);
    return { ...summary, objectiveId: outcome.objectiveId, title: outcome.title, passed: summary.total > 0 && isPass(summary.percent, passMark) };
  });
}

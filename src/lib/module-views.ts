/** A module page shows one view at a time: each lesson, then the quiz. */
export const QUIZ_VIEW_ID = 'quiz';

export function viewIds(lessonSlugs: readonly string[]): string[] {
  return [...lessonSlugs.map((slug) => `lesson-${slug}`), QUIZ_VIEW_ID];
}

/** Position for a URL hash like `#lesson-live-chat`, or null if it names no view. */
export function positionForHash(hash: string, lessonSlugs: readonly string[]): number | null {
  const index = viewIds(lessonSlugs).indexOf(hash.replace(/^#/, ''));
  return index >= 0 ? index : null;
}

export interface ProgressSummary {
  seen: number;
  total: number;
  /** Lessons seen plus a quiz attempt, as a share of all steps (0–100). */
  percent: number;
}

export function progressSummary(lessonsSeen: readonly boolean[], quizAttempted: boolean): ProgressSummary {
  const seen = lessonsSeen.filter(Boolean).length;
  const steps = lessonsSeen.length + 1;
  return { seen, total: lessonsSeen.length, percent: Math.round(((seen + (quizAttempted ? 1 : 0)) / steps) * 100) };
}

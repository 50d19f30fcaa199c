import type { ModuleConfig } from '../../src/tracking/module-session.ts';
import type { ModuleSession } from '../../src/tracking/module-session.ts';
import { answerBook, attemptItems } from './quiz-answers.ts';
import { fixtureCourse, moduleConfig } from './real-course.ts';

/**
 * The minimal fixture course's module m1 (lessons "systems" and "navigating", then a four-item
 * quiz: q01 and q03 count towards m1-systems, q02 and q04 towards m1-navigating; pass mark 50),
 * with quiz settings and module fields overridden. Loads in a fraction of the real course's time.
 */
export function fixtureModule(overrides: { counts?: 'best' | 'last'; maxAttempts?: number } & Partial<ModuleConfig> = {}): ModuleConfig {
  const { counts, maxAttempts, ...moduleFields } = overrides;
  const base = moduleConfig(fixtureCourse(), undefined, moduleFields);
  const views = base.views.map((v) =>
    v.kind === 'quiz' ? { ...v, quiz: { ...v.quiz, counts: counts ?? v.quiz.counts, maxAttempts: maxAttempts ?? v.quiz.maxAttempts } } : v,
  );
  return { ...base, views };
}

/** Starts an attempt and answers every item: those whose id is listed right, the others wrong; submits unless told not to. */
export function takeAttempt(session: ModuleSession, rightIds: readonly string[], options: { submit?: boolean } = {}): void {
  const { right, wrong } = answerBook(fixtureCourse());
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => session.answer(i, rightIds.includes(item.id) ? right(item) : wrong(item), 0));
  if (options.submit !== false) session.submitAttempt();
}

/** Item ids for an attempt scoring 100, 75, 50 (m1-systems right), 50 (m1-navigating right), 25 and 0. */
export const SCORES = {
  all: ['q01', 'q02', 'q03', 'q04'],
  threeQuarters: ['q01', 'q02', 'q03'],
  systemsOnly: ['q01', 'q03'],
  navigatingOnly: ['q02', 'q04'],
  quarter: ['q01'],
  none: [],
} as const;

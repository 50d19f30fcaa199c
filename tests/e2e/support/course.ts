import { expect, type FrameLocator } from '@playwright/test';
import { join } from 'node:path';
import { loadCourse } from '../../../src/course/load-course.ts';
import { toRuntimeQuiz, type RuntimeItem } from '../../../src/lib/quiz-model.ts';

const root = join(import.meta.dirname, '../../..');
export const course = loadCourse(join(root, 'content'), root);
export const firstModule = course.modules[0]!;
export const quiz = toRuntimeQuiz(firstModule.meta.id, firstModule.quiz!, firstModule.meta.pass_mark, firstModule.meta.outcomes);

/** Where the course is: the stand-in's frame, or a page that opened the course directly (the cmi5 test). */
export type CourseScope = Pick<FrameLocator, 'getByRole' | 'getByText' | 'getByLabel' | 'locator'>;

/** Option labels to tick for a right (or deliberately wrong) answer. */
export function optionsFor(item: RuntimeItem, right: boolean): string[] {
  const correct = item.options.filter((_, i) => (item.correctMask >> i) & 1);
  const wrong = item.options.filter((_, i) => !((item.correctMask >> i) & 1));
  return (right ? correct : [wrong[0]!]).map((o) => o.text);
}

/** Reads the first `count` lessons, moving on with each lesson's "Next" link; stays on the last one read. */
export async function readLessons(frame: CourseScope, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (i > 0) await frame.getByRole('link', { name: `Next: ${firstModule.lessons[i]!.meta.title}` }).click();
    await expect(frame.getByRole('heading', { level: 1, name: firstModule.lessons[i]!.meta.title })).toBeVisible();
  }
}

/** The module's contents list, unfolded first where a narrow frame folds it. */
export async function moduleContents(frame: CourseScope) {
  const nav = frame.getByRole('navigation', { name: 'Module contents' });
  if (!(await nav.locator('details').evaluate((details: HTMLDetailsElement) => details.open))) await nav.locator('summary').click();
  return nav;
}

export async function openQuiz(frame: CourseScope): Promise<void> {
  await (await moduleContents(frame)).getByRole('link', { name: quiz.title }).click();
  await expect(frame.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
}

/** Answers items [from, to) of the current attempt; `right(i)` says which to get right. */
export async function answerItems(frame: CourseScope, from: number, to: number, right: (i: number) => boolean): Promise<void> {
  for (let i = from; i < to; i++) {
    const item = quiz.items[i]!;
    await expect(frame.getByText(`Question ${i + 1} of ${quiz.items.length}`)).toBeVisible();
    for (const text of optionsFor(item, right(i))) await frame.getByLabel(text, { exact: true }).check();
    await frame.getByRole('button', { name: 'Check answer' }).click();
    await expect(frame.getByRole('heading', { level: 2, name: right(i) ? 'Correct' : 'Not quite' })).toBeVisible();
    await frame.getByRole('button', { name: i === quiz.items.length - 1 ? 'See your result' : 'Next question' }).click();
  }
}

/** Reads every lesson, then takes the quiz once guessing (about two thirds right) and once knowing every answer. */
export async function guessThenPass(frame: CourseScope): Promise<void> {
  await readLessons(frame, firstModule.lessons.length);
  await frame.getByRole('link', { name: `Next: ${quiz.title}` }).click();
  await frame.getByRole('button', { name: 'Start the quiz' }).click();
  await answerItems(frame, 0, quiz.items.length, (i) => i % 3 !== 0);
  await expect(frame.getByRole('heading', { name: 'Not passed yet' })).toBeVisible();
  await frame.getByRole('button', { name: 'Try the quiz again' }).click();
  await answerItems(frame, 0, quiz.items.length, () => true);
  await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
}

import { expect, type FrameLocator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { loadCourse } from '../../../src/course/load-course.ts';
import { attemptSize } from '../../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz, type RuntimeItem } from '../../../src/lib/quiz-model.ts';
import { answerBook } from '../../support/quiz-answers.ts';

const root = join(import.meta.dirname, '../../..');
export const course = loadCourse(join(root, 'content'), root);
export const firstModule = course.modules[0]!;
export const quiz = toRuntimeQuiz(firstModule.meta.id, firstModule.quiz!, firstModule.meta.pass_mark, firstModule.meta.outcomes);
/** Items in one attempt (module 1 draws from its banks). */
export const perAttempt = attemptSize(quiz);
export const answers = answerBook(course);

/** Where the course is: the stand-in's frame, or a page that opened the course directly (the cmi5 test). */
export type CourseScope = Pick<FrameLocator, 'getByRole' | 'getByText' | 'getByLabel' | 'locator'>;

/** The item on screen, found by the id the question form carries. */
export async function currentItem(frame: CourseScope | Page, items: readonly RuntimeItem[] = quiz.items): Promise<RuntimeItem> {
  const id = await frame.locator('form.question').getAttribute('data-item-id');
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no quiz item "${id}" on screen`);
  return item;
}

/** Gives a right (or a wrong, 0-mark) answer to the item on screen; does not submit it. */
export async function answerCurrent(frame: CourseScope, item: RuntimeItem, right: boolean): Promise<void> {
  const response = right ? answers.right(item) : answers.wrong(item);
  const form = frame.locator('form.question');
  switch (response.kind) {
    case 'choice':
      if ('options' in item) for (const i of response.chosen) await form.getByLabel(item.options[i]!.text, { exact: true }).check();
      return;
    case 'matching':
      if (item.type === 'matching')
        for (const [p, prompt] of item.prompts.entries())
          await form.getByLabel(prompt.text, { exact: true }).selectOption({ label: item.answers[response.answers[p]!]!.text });
      return;
    case 'ordering':
      if (item.type === 'ordering')
        for (const [target, step] of response.order.entries()) {
          const text = item.steps[step]!.text;
          const at = async () => (await form.locator('.step-text').allTextContents()).indexOf(text);
          for (let now = await at(); now > target; now--) await form.getByRole('button', { name: `Move up: ${text}`, exact: true }).click();
        }
      return;
    case 'text':
      await form.getByRole('textbox').fill(response.text);
  }
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
export async function answerItems(frame: CourseScope, from: number, to: number, right: (i: number) => boolean, items: readonly RuntimeItem[] = quiz.items, mode = quiz.mode): Promise<void> {
  const total = await frame.locator('.question-count').textContent().then((t) => Number(/of (\d+)/.exec(t ?? '')?.[1]));
  for (let i = from; i < to; i++) {
    await expect(frame.getByText(`Question ${i + 1} of ${total}`)).toBeVisible();
    await answerCurrent(frame, await currentItem(frame, items), right(i));
    const last = i === total - 1;
    if (mode === 'practice') {
      await frame.getByRole('button', { name: 'Check answer' }).click();
      await expect(frame.getByRole('heading', { level: 2, name: right(i) ? 'Correct' : 'Not quite' })).toBeVisible();
      await frame.getByRole('button', { name: last ? 'See your result' : 'Next question' }).click();
    } else {
      await frame.getByRole('button', { name: last ? 'Finish the quiz' : 'Next question' }).click();
    }
  }
}

/** Reads every lesson, then takes the quiz once guessing (about two thirds right) and once knowing every answer. */
export async function guessThenPass(frame: CourseScope): Promise<void> {
  await readLessons(frame, firstModule.lessons.length);
  await frame.getByRole('link', { name: `Next: ${quiz.title}` }).click();
  await frame.getByRole('button', { name: 'Start the quiz' }).click();
  await answerItems(frame, 0, perAttempt, (i) => i % 3 !== 0);
  await expect(frame.getByRole('heading', { name: 'Not passed yet' })).toBeVisible();
  await frame.getByRole('button', { name: 'Try the quiz again' }).click();
  await answerItems(frame, 0, perAttempt, () => true);
  await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
}

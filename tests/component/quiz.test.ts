// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import QuizView from '../../src/islands/quiz/quiz-view.svelte';
import { QuizState } from '../../src/islands/quiz/quiz-state.svelte.ts';
import { sessionHost } from '../../src/islands/quiz/session-host.ts';
import type { RuntimeItem, RuntimeQuiz } from '../../src/lib/quiz-model.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { memoryStore } from '../support/memory-store.ts';
import { answerBook } from '../support/quiz-answers.ts';
import { allTypesQuiz, allTypesRuntime } from '../support/quiz-fixture.ts';
import { fixtureCourse, moduleConfig } from '../support/real-course.ts';

const book = answerBook([{ moduleId: 'm1', quiz: allTypesQuiz() }]);
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
  document.body.innerHTML = '';
});

function mountQuiz(quiz: RuntimeQuiz) {
  const base = moduleConfig(fixtureCourse());
  const config = { ...base, views: base.views.map((v) => (v.kind === 'quiz' ? { ...v, quiz } : v)) };
  const store = memoryStore();
  const session = new ModuleSession(config, new StandaloneAdapter(store, 'k'), store, { random: () => 0.5 });
  const state = new QuizState(quiz);
  const disconnect = state.connect(sessionHost(session));
  const target = document.createElement('div');
  document.body.append(target);
  const island = mount(QuizView, { target, props: { state } });
  flushSync();
  cleanup.push(() => (unmount(island), disconnect()));
  return { target, session, state };
}

/**
 * happy-dom has no keyboard default actions, so this does what a browser does
 * for a key on a native control, and only on the focused element: that keeps
 * the test to what a keyboard user can reach and operate.
 */
function press(element: Element | null | undefined, key: 'Enter' | ' ' | 'ArrowDown'): void {
  if (!(element instanceof HTMLElement)) throw new Error(`nothing to press ${key} on`);
  element.focus();
  expect(document.activeElement, 'the control takes keyboard focus').toBe(element);
  const input = element instanceof HTMLInputElement ? element : null;
  if (key === ' ' && input && (input.type === 'checkbox' || input.type === 'radio')) element.click();
  else if (key === 'Enter' && element instanceof HTMLButtonElement) element.click();
  else if (key === 'Enter' && input) input.form?.requestSubmit();
  else if (key === 'ArrowDown' && element instanceof HTMLSelectElement) {
    element.selectedIndex = Math.min(element.options.length - 1, element.selectedIndex + 1);
    element.dispatchEvent(new Event('change', { bubbles: true }));
  } else throw new Error(`no default action for ${key} on ${element.tagName}`);
  flushSync();
}

function typeText(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  flushSync();
}

const buttonNamed = (root: ParentNode, name: RegExp) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

/** Answers the item on screen with `response`, using only the keyboard. */
function answerByKeyboard(form: HTMLFormElement, item: RuntimeItem, response: QuizResponse): void {
  if (response.kind === 'choice' && 'options' in item)
    for (const index of response.chosen) press(form.querySelector(`#q-${item.id}-${item.options[index]!.id}`), ' ');
  if (response.kind === 'matching' && item.type === 'matching')
    item.prompts.forEach((prompt, p) => {
      const select = form.querySelector<HTMLSelectElement>(`#q-${item.id}-${prompt.id}`)!;
      while (select.value !== String(response.answers[p])) press(select, 'ArrowDown');
    });
  if (response.kind === 'ordering' && item.type === 'ordering') {
    // Put each step in place from the top, moving it up with its own button.
    response.order.forEach((step, target) => {
      const rows = () => [...form.querySelectorAll('.ordering li')];
      let at = rows().findIndex((row) => row.querySelector('.step-text')?.textContent === item.steps[step]!.text);
      while (at > target) {
        press(rows()[at]!.querySelector('button[data-direction="up"]'), 'Enter');
        at -= 1;
        expect(rows()[at]!.querySelector('.step-text')?.textContent).toBe(item.steps[step]!.text);
      }
    });
  }
  if (response.kind === 'text') typeText(form.querySelector('input[type="text"]')!, response.text);
}

function itemOnScreen(target: HTMLElement, quiz: RuntimeQuiz): { form: HTMLFormElement; item: RuntimeItem } {
  const form = target.querySelector<HTMLFormElement>('form.question')!;
  return { form, item: quiz.items.find((i) => i.id === form.dataset['itemId'])! };
}

describe('quiz island, practice mode', () => {
  it('answers every item type by keyboard, with feedback announced in a live region after each', () => {
    const quiz = allTypesRuntime();
    const { target, session } = mountQuiz(quiz);
    expect(target.textContent).toContain('7 questions');
    expect(target.textContent).toContain('you get a share of the mark for each pair you match correctly');
    press(buttonNamed(target, /Start the quiz/), 'Enter');
    const seen: string[] = [];
    for (let n = 1; n <= 7; n++) {
      expect(target.querySelector('.question-count')?.textContent).toBe(`Question ${n} of 7`);
      const { form, item } = itemOnScreen(target, quiz);
      seen.push(item.type);
      const live = form.querySelector('[role="status"]')!;
      expect(live.textContent?.trim()).toBe('');
      answerByKeyboard(form, item, book.right(item));
      press(buttonNamed(form, /Check answer/), 'Enter');
      expect(live.querySelector('h2')?.textContent).toBe('Correct');
      expect(live.textContent).toContain('Well done.');
      press(buttonNamed(form, n === 7 ? /See your result/ : /Next question/), 'Enter');
    }
    expect(new Set(seen)).toEqual(new Set(['single', 'multiple', 'true-false', 'best-reply', 'matching', 'ordering', 'fill-in']));
    expect(target.querySelector('.result h2')?.textContent).toBe('You passed');
    expect(target.textContent).toContain('You scored 100%');
    expect(session.quiz).toMatchObject({ attempts: 1, last: 100 });
  });

  it('says what is missing, and gives per-option feedback and part marks', () => {
    const quiz = allTypesRuntime({ shuffle_items: false });
    const { target } = mountQuiz(quiz);
    press(buttonNamed(target, /Start the quiz/), 'Enter');
    let { form, item } = itemOnScreen(target, quiz);
    press(buttonNamed(form, /Check answer/), 'Enter');
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Choose an answer.');
    answerByKeyboard(form, item, book.wrong(item));
    press(buttonNamed(form, /Check answer/), 'Enter');
    expect(form.querySelector('[role="status"] h2')?.textContent).toBe('Not quite');
    expect(form.querySelector('[role="status"]')?.textContent).toMatch(/Wrong one: This is why it is wrong\.|Other wrong one/);
    expect(form.textContent).toContain('correct answer');
    press(buttonNamed(form, /Next question/), 'Enter');
    ({ form, item } = itemOnScreen(target, quiz));
    expect(item.type).toBe('multiple');
    if (item.type !== 'multiple') return;
    press(form.querySelector(`#q-multiple-a`), ' ');
    press(buttonNamed(form, /Check answer/), 'Enter');
    expect(form.querySelector('[role="status"] h2')?.textContent).toBe('Partly right: 50% of the mark');
  });
});

describe('quiz island, assessment mode', () => {
  it('shows nothing about right or wrong until the end, then a review without the answers', () => {
    const quiz = allTypesRuntime({ mode: 'assessment', show_answers: false });
    const { target } = mountQuiz(quiz);
    expect(target.textContent).toContain('You see your results at the end');
    press(buttonNamed(target, /Start the quiz/), 'Enter');
    for (let n = 1; n <= 7; n++) {
      const { form, item } = itemOnScreen(target, quiz);
      answerByKeyboard(form, item, n % 3 === 0 ? book.right(item) : book.wrong(item));
      press(buttonNamed(form, n === 7 ? /Finish the quiz/ : /Next question/), 'Enter');
      if (n < 7) {
        const text = target.textContent ?? '';
        for (const word of ['Correct', 'Not quite', 'correct answer', 'Well done', 'Have another look']) expect(text).not.toContain(word);
        expect(target.querySelector('.question-count')?.textContent).toBe(`Question ${n + 1} of 7`);
      }
    }
    expect(target.querySelector('.result h2')?.textContent).toBe('Not passed yet');
    const review = [...target.querySelectorAll('.review-item')];
    expect(review).toHaveLength(7);
    expect(review.filter((r) => r.textContent?.includes('Not correct'))).toHaveLength(5);
    expect(target.textContent).not.toContain('Right answer:');
    expect(target.textContent).toContain('Criteria: U219.1.');
    expect(target.textContent).toContain('does not show the right answers');
  });

  it('shows the right answers and feedback in the review when the quiz allows it', () => {
    const quiz = allTypesRuntime({ mode: 'assessment', show_answers: true });
    const { target } = mountQuiz(quiz);
    press(buttonNamed(target, /Start the quiz/), 'Enter');
    for (let n = 1; n <= 7; n++) {
      const { form, item } = itemOnScreen(target, quiz);
      answerByKeyboard(form, item, book.wrong(item));
      press(buttonNamed(form, n === 7 ? /Finish the quiz/ : /Next question/), 'Enter');
    }
    const fill = [...target.querySelectorAll('.review-item')].find((r) => r.textContent?.includes('Type the words.'))!;
    expect(fill.textContent).toContain('Your answer: no idea');
    expect(fill.textContent).toContain('Right answer: date of birth or dob');
    expect(fill.textContent).toContain('Have another look.');
  });
});

// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import Quiz from '../../src/islands/quiz/quiz.svelte';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { provideSession } from '../../src/tracking/session-registry.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { memoryStore } from '../support/memory-store.ts';
import { fixtureCourse, moduleConfig } from '../support/real-course.ts';


const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const button = (target: HTMLElement, name: RegExp) => {
  const found = [...target.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name} in: ${target.textContent}`);
  return found;
};
const choose = (target: HTMLElement, optionText: string) => {
  const label = [...target.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(optionText));
  if (!label) throw new Error(`no option "${optionText}"`);
  const input = target.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
};

describe('quiz island', () => {
  it('runs a whole attempt: feedback per item, then the result with outcomes', async () => {
    const store = memoryStore();
    const session = new ModuleSession(moduleConfig(fixtureCourse()), new StandaloneAdapter(store, 'k'), store);
    session.goTo(0);
    provideSession(session);
    const target = document.createElement('div');
    document.body.append(target);
    const island = mount(Quiz, { target });
    await tick();
    flushSync();
    expect(target.textContent).toContain('3 questions');
    expect(target.textContent).toContain('Pass mark: 50%');

    button(target, /Start the quiz/).click();
    flushSync();
    expect(target.textContent).toContain('Question 1 of 3');
    button(target, /Check answer/).click();
    flushSync();
    expect(target.querySelector('[role="alert"]')?.textContent).toBe('Choose an answer, then check it.');

    choose(target, 'Right');
    button(target, /Check answer/).click();
    flushSync();
    expect(target.querySelector('.feedback h2')?.textContent).toBe('Correct');
    expect(session.quiz?.current?.answers[0]).toBe(0b01);

    button(target, /Next question/).click();
    flushSync();
    choose(target, 'Wrong');
    button(target, /Check answer/).click();
    flushSync();
    expect(target.querySelector('.feedback h2')?.textContent).toBe('Not quite');
    expect(target.textContent).toContain('correct answer');

    button(target, /Next question/).click();
    flushSync();
    choose(target, 'True');
    button(target, /Check answer/).click();
    flushSync();
    button(target, /See your result/).click();
    flushSync();
    expect(target.querySelector('.result h2')?.textContent).toBe('You passed');
    expect(target.textContent).toContain('67%');
    expect(target.textContent).toContain('2 of 3 correct');
    expect([...target.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual(['Explain systems2 of 2Knowledge checked', 'Navigate a site0 of 1Review this']);
    expect(session.quiz).toMatchObject({ attempts: 1, last: 67, everPassed: true });
    unmount(island);
  });
});

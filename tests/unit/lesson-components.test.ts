/**
 * The lesson components as a learner meets them: real markup rendered by Astro, brought to life by
 * lesson-widgets.ts in a happy-dom document. (Rendered in node: Astro's renderer refuses a browser environment.)
 * Real keyboard use in Chromium is covered by tests/e2e/lesson-components.spec.ts.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { Window } from 'happy-dom';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Field from '../../src/components/lesson/field.astro';
import Journey from '../../src/components/lesson/journey.astro';
import JourneyStep from '../../src/components/lesson/journey-step.astro';
import Reveal from '../../src/components/lesson/reveal.astro';
import Screen from '../../src/components/lesson/screen.astro';
import ScreenButton from '../../src/components/lesson/screen-button.astro';
import ScreenMenu from '../../src/components/lesson/screen-menu.astro';
import Sort from '../../src/components/lesson/sort.astro';
import SortItem from '../../src/components/lesson/sort-item.astro';
import Term from '../../src/components/lesson/term.astro';
import WhatWouldYouSay from '../../src/components/lesson/what-would-you-say.astro';
import { enhanceLessonWidgets } from '../../src/scripts/lesson-widgets.ts';

let page = '';
const document = new Window().document as unknown as Document;
const enhance = () => enhanceLessonWidgets(document);

beforeAll(async () => {
  const c = await AstroContainer.create();
  const r = (component: Parameters<typeof c.renderToString>[0], props: Record<string, unknown>, slot = '') =>
    c.renderToString(component, { props, slots: { default: slot } });
  const items = [
    await r(SortItem, { group: 'Open', feedback: 'It invites a description.' }, 'What happens when you sign in?'),
    await r(SortItem, { group: 'Closed', feedback: 'It can be answered <yes> or no.' }, 'Are you using the app?'),
  ].join('');
  page = [
    await r(Reveal, { question: 'What should you ask first?' }, '<p>An open question.</p>'),
    await r(Sort, { title: 'Open or closed?', groups: 'Open | Closed' }, items),
    await r(WhatWouldYouSay, { customer: 'It keeps saying my details are wrong!', channel: 'Live chat' }, '<p>Model reply.</p>'),
    `<p>Open your ${await r(Term, { term: 'browser', definition: 'The program you use to open websites.' }, 'browser')} now.</p>`,
    await r(
      Screen,
      { title: 'Update your details', step: 'Step 2 of 4', caption: 'The phone field shows an error.' },
      (await r(ScreenMenu, { items: 'Home | Help', open: true, highlight: 'Help' })) +
        (await r(Field, { label: 'Phone number', state: 'error', message: 'Enter a phone number' })) +
        (await r(Field, { label: 'Email', value: 'sam@example.com', message: 'never shown' })) +
        (await r(ScreenButton, {}, 'Continue')),
    ),
    await r(Journey, { title: 'From click to record' }, (await r(JourneyStep, { title: 'Customer clicks Help', who: 'customer' }, 'On any page.')) + (await r(JourneyStep, { title: 'Record kept' }))),
  ].join('\n');
});

beforeEach(() => {
  document.body.innerHTML = page;
});

const byText = <T extends Element>(selector: string, text: string) => {
  const found = [...document.querySelectorAll<T & HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`no ${selector} "${text}"`);
  return found;
};

describe('without JavaScript (and in print) every answer is in the page', () => {
  it('shows the reveal answer, sort answers with feedback, the model reply and the definition', () => {
    const text = document.body.textContent!;
    expect(text).toContain('An open question.');
    expect(text).toContain('Closed. It can be answered <yes> or no.');
    expect(text).toContain('Model reply.');
    expect(text).toContain('(browser: The program you use to open websites.)');
    expect(document.querySelector('[data-wwys-form]')!.hasAttribute('hidden')).toBe(true);
    expect(document.querySelectorAll('[hidden]:not([data-wwys-form]):not([data-wwys-yours]):not([data-sort-instructions]):not([data-wwys-error])')).toHaveLength(0);
  });
});

describe('Reveal', () => {
  it('hides the answer behind a button that says whether it is expanded', () => {
    enhance();
    const answer = document.querySelector<HTMLElement>('[data-reveal-answer]')!;
    const button = byText<HTMLButtonElement>('button', 'Show answer');
    expect(answer.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(answer.id);
    button.click();
    expect(answer.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Hide answer');
    button.click();
    expect(answer.hidden).toBe(true);
  });

  it('is enhanced once even if the script runs twice', () => {
    enhance();
    enhance();
    expect(document.querySelectorAll('.reveal-button')).toHaveLength(1);
    expect(document.querySelectorAll('.sort-choices')).toHaveLength(2);
  });
});

describe('Sort', () => {
  it('gives each example a labelled group of choices and checks them with feedback per item', () => {
    enhance();
    const fieldsets = [...document.querySelectorAll<HTMLFieldSetElement>('.sort-choices')];
    expect(fieldsets.map((f) => document.getElementById(f.getAttribute('aria-labelledby')!)?.textContent)).toEqual(['What happens when you sign in?', 'Are you using the app?']);
    expect(fieldsets[0]!.querySelectorAll('input[type=radio]')).toHaveLength(2);
    expect(document.querySelector<HTMLElement>('[data-sort-instructions]')!.hidden).toBe(false);
    expect(document.querySelector<HTMLElement>('[data-sort-answer]')!.hidden).toBe(true);

    const check = byText<HTMLButtonElement>('button', 'Check my answers');
    check.click();
    const status = document.querySelector('.sort-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('0 of 2 in the right group. 2 still to choose.');
    // Unsorted examples keep their answer hidden on screen (and in the page, for print).
    const answersShown = () => [...document.querySelectorAll<HTMLElement>('[data-sort-answer]')].filter((f) => !f.hidden);
    expect(answersShown()).toHaveLength(0);
    expect(document.querySelector('[data-sort-answer]')!.textContent).toBe('Open. It invites a description.');

    byText<HTMLLabelElement>('.sort-choice', 'Open').querySelector('input')!.click();
    const secondOpen = fieldsets[1]!.querySelector<HTMLInputElement>('input[value="Open"]')!;
    secondOpen.click();
    check.click();
    const feedback = [...document.querySelectorAll('[data-sort-answer]')].map((f) => f.textContent);
    expect(feedback).toEqual(['Right: Open. It invites a description.', 'Not quite: this one is Closed. It can be answered <yes> or no.']);
    // Feedback is text, never markup.
    expect(document.querySelector('[data-sort-answer] yes')).toBeNull();
    expect(status.textContent).toContain('1 of 2 in the right group.');
  });
});

describe('WhatWouldYouSay', () => {
  it('asks for a reply first, then shows it as text beside the model answer and moves focus there', () => {
    enhance();
    const input = document.querySelector<HTMLTextAreaElement>('[data-wwys-input]')!;
    const comparison = document.querySelector<HTMLElement>('[data-wwys-comparison]')!;
    const compare = byText<HTMLButtonElement>('button', 'Compare with a model answer');
    expect(input.closest('label')!.textContent).toContain('Your reply');
    expect(comparison.hidden).toBe(true);

    compare.click();
    const error = document.querySelector<HTMLElement>('[data-wwys-error]')!;
    expect(error.hidden).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(document.activeElement).toBe(input);
    expect(comparison.hidden).toBe(true);

    input.value = '<img src=x onerror="alert(1)"> Sorry, what happens when you press Sign in?';
    compare.click();
    expect(error.hidden).toBe(true);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(comparison.hidden).toBe(false);
    expect(document.activeElement).toBe(comparison);
    expect(document.querySelector('[data-wwys-your-text]')!.textContent).toBe(input.value);
    expect(document.querySelector('[data-wwys-your-text] img')).toBeNull();
    expect(document.body.textContent).toContain('Model reply.');
  });
});

describe('glossary term', () => {
  it('turns the word into a button that shows and hides its definition', () => {
    enhance();
    const button = byText<HTMLButtonElement>('.term-button', 'browser');
    const definition = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.closest('dfn')).not.toBeNull();
    expect(definition.hidden).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toContain('glossary term');
    button.click();
    expect(definition.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(definition.textContent).toContain('The program you use to open websites.');
  });
});

describe('Screen and Journey', () => {
  it('hides the drawing from screen readers and gives its caption as the text alternative', () => {
    const figure = document.querySelector('figure.screen')!;
    expect(figure.querySelector('.screen-frame')!.getAttribute('aria-hidden')).toBe('true');
    expect(figure.querySelector('figcaption')!.textContent).toBe('What the screen shows: The phone field shows an error.');
    expect(figure.querySelectorAll('button, input, a, [tabindex]')).toHaveLength(0);
    expect(figure.textContent).toContain('Step 2 of 4');
    expect(figure.textContent).toContain('Enter a phone number');
    // A message shows only for a field in the error state.
    expect(figure.textContent).not.toContain('never shown');
    expect(figure.querySelector('.screen-menu-highlight')!.textContent).toBe('Help');
  });

  it('draws a journey as an ordered list a screen reader reads in order', () => {
    const steps = [...document.querySelectorAll('figure.journey ol > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps).toEqual(['Customer: Customer clicks Help On any page.', 'Record kept']);
    expect(document.querySelector('figure.journey figcaption')!.textContent).toBe('From click to record');
  });
});

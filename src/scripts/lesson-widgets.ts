import { checkSort, verdictLabel } from '../lib/sort-check.ts';

/**
 * Brings the lesson components to life: Reveal, Sort, WhatWouldYouSay and glossary terms.
 * The server HTML already shows every answer (no JavaScript, print); this only adds the
 * controls and hides answers until asked. Nothing here talks to the LMS.
 */
export function enhanceLessonWidgets(root: ParentNode = document): void {
  let counter = 0;
  const uid = (prefix: string) => `${prefix}-${++counter}`;
  root.querySelectorAll<HTMLElement>('[data-reveal]:not([data-ready])').forEach((el) => enhanceReveal(el, uid));
  root.querySelectorAll<HTMLElement>('[data-sort]:not([data-ready])').forEach((el) => enhanceSort(el, uid));
  root.querySelectorAll<HTMLElement>('[data-wwys]:not([data-ready])').forEach((el) => enhanceWhatWouldYouSay(el, uid));
  root.querySelectorAll<HTMLElement>('[data-term]:not([data-ready])').forEach((el) => enhanceTerm(el, uid));
}

type Uid = (prefix: string) => string;

/** A button that shows and hides `target`, announcing its state with aria-expanded. */
function disclosure(target: HTMLElement, uid: Uid, labels: { closed: string; open: string }, className: string): HTMLButtonElement {
  const button = target.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = className;
  target.id ||= uid('disclosure');
  button.setAttribute('aria-controls', target.id);
  const set = (open: boolean) => {
    target.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (labels.closed !== labels.open) button.textContent = open ? labels.open : labels.closed;
  };
  button.textContent = labels.closed;
  set(false);
  button.addEventListener('click', () => set(target.hidden !== false));
  return button;
}

function enhanceReveal(el: HTMLElement, uid: Uid): void {
  const answer = el.querySelector<HTMLElement>('[data-reveal-answer]');
  if (!answer) return;
  el.dataset['ready'] = '';
  answer.before(disclosure(answer, uid, { closed: 'Show answer', open: 'Hide answer' }, 'button reveal-button'));
}

function enhanceSort(el: HTMLElement, uid: Uid): void {
  const doc = el.ownerDocument;
  const groups = JSON.parse(el.dataset['groups'] ?? '[]') as string[];
  const items = [...el.querySelectorAll<HTMLElement>('[data-sort-item]')];
  if (groups.length === 0 || items.length === 0) return;
  el.dataset['ready'] = '';
  el.querySelector<HTMLElement>('[data-sort-instructions]')?.removeAttribute('hidden');
  const answers = items.map((item) => item.dataset['group'] ?? '');
  const radiosOf = items.map((item) => {
    const text = item.querySelector<HTMLElement>('[data-sort-item-text]')!;
    text.id ||= uid('sort-item');
    const feedback = item.querySelector<HTMLElement>('[data-sort-answer]')!;
    // Keep the answer ("Open. Because …") in the hidden feedback: print shows it until the learner checks.
    feedback.dataset['feedback'] = (feedback.textContent ?? '').replace(feedback.querySelector('strong')?.textContent ?? '', '').trim();
    feedback.hidden = true;
    const fieldset = doc.createElement('fieldset');
    fieldset.className = 'sort-choices';
    fieldset.setAttribute('aria-labelledby', text.id);
    const name = uid('sort');
    const radios = groups.map((group) => {
      const label = doc.createElement('label');
      label.className = 'sort-choice';
      const radio = doc.createElement('input');
      radio.type = 'radio';
      radio.name = name;
      radio.value = group;
      label.append(radio, ` ${group}`);
      fieldset.append(label);
      return radio;
    });
    text.after(fieldset);
    return radios;
  });
  const status = doc.createElement('p');
  status.className = 'sort-status';
  status.setAttribute('role', 'status');
  const check = doc.createElement('button');
  check.type = 'button';
  check.className = 'button';
  check.textContent = 'Check my answers';
  check.addEventListener('click', () => {
    const choices = radiosOf.map((radios) => radios.find((r) => r.checked)?.value ?? null);
    const result = checkSort(answers, choices);
    items.forEach((item, i) => {
      const feedback = item.querySelector<HTMLElement>('[data-sort-answer]')!;
      const verdict = result.verdicts[i]!;
      item.dataset['verdict'] = verdict;
      // An example not yet sorted keeps its answer hidden (the status says how many are left).
      feedback.hidden = verdict === 'unanswered';
      const label = doc.createElement('strong');
      label.textContent = verdict === 'unanswered' ? `${answers[i]}.` : verdictLabel(verdict, answers[i]!);
      feedback.replaceChildren(label, ` ${feedback.dataset['feedback'] ?? ''}`);
    });
    status.textContent = result.summary;
  });
  el.append(check, status);
}

function enhanceWhatWouldYouSay(el: HTMLElement, uid: Uid): void {
  const form = el.querySelector<HTMLElement>('[data-wwys-form]');
  const input = el.querySelector<HTMLTextAreaElement>('[data-wwys-input]');
  const comparison = el.querySelector<HTMLElement>('[data-wwys-comparison]');
  const compare = el.querySelector<HTMLButtonElement>('[data-wwys-compare]');
  const error = el.querySelector<HTMLElement>('[data-wwys-error]');
  const yours = el.querySelector<HTMLElement>('[data-wwys-yours]');
  const yourText = el.querySelector<HTMLElement>('[data-wwys-your-text]');
  if (!form || !input || !comparison || !compare || !error || !yours || !yourText) return;
  el.dataset['ready'] = '';
  form.hidden = false;
  comparison.hidden = true;
  error.id ||= uid('wwys-error');
  compare.addEventListener('click', () => {
    const reply = input.value.trim();
    if (reply === '') {
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.focus();
      return;
    }
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    // textContent, never innerHTML: the learner's words are shown as typed, never run as markup.
    yourText.textContent = reply;
    yours.hidden = false;
    comparison.hidden = false;
    compare.textContent = 'Compare again';
    comparison.focus();
  });
}

function enhanceTerm(el: HTMLElement, uid: Uid): void {
  const word = el.querySelector<HTMLElement>('.term-word');
  const definition = el.querySelector<HTMLElement>('[data-term-definition]');
  if (!word || !definition) return;
  el.dataset['ready'] = '';
  const text = word.textContent ?? '';
  const button = disclosure(definition, uid, { closed: text, open: text }, 'term-button');
  button.setAttribute('aria-describedby', uid('term-hint'));
  const hint = el.ownerDocument.createElement('span');
  hint.id = button.getAttribute('aria-describedby')!;
  hint.className = 'visually-hidden';
  hint.textContent = 'glossary term: press to show what it means';
  word.replaceChildren(button);
  el.append(hint);
}

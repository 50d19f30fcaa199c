import { describe, expect, it } from 'vitest';
import { revealOf } from '../../src/lib/quiz-key.ts';
import { itemBank, toRuntimeQuiz, type RuntimeItem } from '../../src/lib/quiz-model.ts';
import { allTypesQuiz, allTypesRuntime, FIXTURE_OUTCOMES } from '../support/quiz-fixture.ts';

const byId = (items: RuntimeItem[], id: string) => items.find((item) => item.id === id)!;
const optionsOf = (item: RuntimeItem) => ('options' in item ? item.options : []);

describe('toRuntimeQuiz: the quiz as the browser gets it', () => {
  it('gives true/false items fixed True and False options', () => {
    expect(optionsOf(byId(allTypesRuntime().items, 'truefalse'))).toEqual([
      { id: 'true', text: 'True', feedback: null },
      { id: 'false', text: 'False', feedback: null },
    ]);
  });

  it('keeps option feedback in practice mode, null where the author gave none', () => {
    expect(optionsOf(byId(allTypesRuntime().items, 'single'))).toEqual([
      { id: 'a', text: 'Right one', feedback: 'This is why it is right.' },
      { id: 'b', text: 'Wrong one', feedback: 'This is why it is wrong.' },
      { id: 'c', text: 'Other wrong one', feedback: null },
    ]);
  });

  it('carries the customer’s message on best-reply items only', () => {
    const items = allTypesRuntime().items;
    expect(byId(items, 'reply')).toMatchObject({ customerMessage: "I can't find the button." });
    expect(byId(items, 'single')).toMatchObject({ customerMessage: null });
    expect(byId(items, 'multiple')).toMatchObject({ customerMessage: null });
  });

  it('copies every criterion of an item, and of each outcome', () => {
    const quiz = allTypesRuntime();
    expect(byId(quiz.items, 'truefalse').criteria).toEqual(['U219.1.1', 'D4.3.1']);
    expect(quiz.outcomes).toEqual([
      { objectiveId: 'm1-systems', title: 'Explain systems', criteria: ['U219.1.1'] },
      { objectiveId: 'm1-navigating', title: 'Navigate a site', criteria: ['U219.1.2'] },
    ]);
  });

  it('counts an item towards every outcome sharing any one of its criteria', () => {
    const outcomes = [
      { id: 'systems', title: 'Explain systems', criteria: ['U219.1.1', 'U219.9.9'] },
      { id: 'both', title: 'Both', criteria: ['U219.1.2', 'D4.3.1'] },
    ];
    const items = toRuntimeQuiz('m1', allTypesQuiz(), 50, outcomes).items;
    expect(byId(items, 'truefalse').objectives).toEqual(['m1-systems', 'm1-both']);
    expect(byId(items, 'single').objectives).toEqual(['m1-systems']);
    expect(byId(items, 'fill').objectives).toEqual(['m1-both']);
  });

  it('lists matching answers sorted by id, not in the authored order', () => {
    const quiz = allTypesQuiz();
    const match = quiz.items.find((item) => item.id === 'match');
    if (match?.type !== 'matching') throw new Error('fixture has no matching item');
    match.answers.reverse();
    const item = byId(toRuntimeQuiz('m1', quiz, 50, FIXTURE_OUTCOMES).items, 'match');
    expect(item.type === 'matching' && item.answers.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives each item of an assessment its own 16-hex-digit salt', () => {
    const salts = allTypesRuntime({ mode: 'assessment' }).items.map((item) => (item.key.sealed ? item.key.salt : ''));
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(salts).size).toBe(7);
  });

  it('has an empty intro when the author wrote none, and keeps one that was written', () => {
    expect(allTypesRuntime().intro).toBe('');
    expect(allTypesRuntime({ intro: 'Ten questions on systems.' }).intro).toBe('Ten questions on systems.');
  });

  it('draws a bank the per-bank draw does not name whole', () => {
    expect(allTypesRuntime({ draw: { per_bank: { systems: 2 } } }).draw).toEqual([
      { bank: 'systems', count: 2 },
      { bank: 'navigating', count: 4 },
    ]);
  });
});

describe('itemBank', () => {
  it('falls back to the "items" bank when the item has no bank and serves no outcome', () => {
    expect(itemBank(allTypesQuiz().items[0]!, [])).toBe('items');
    expect(itemBank(allTypesQuiz().items[0]!, FIXTURE_OUTCOMES)).toBe('systems');
  });
});

describe('revealOf (practice mode): per-option feedback', () => {
  it('maps each option with feedback to it, and is empty for items without options', () => {
    const items = allTypesRuntime().items;
    expect(revealOf(byId(items, 'single'))?.optionFeedback).toEqual({ a: 'This is why it is right.', b: 'This is why it is wrong.' });
    expect(revealOf(byId(items, 'match'))?.optionFeedback).toEqual({});
  });
});

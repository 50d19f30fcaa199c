import { describe, expect, it } from 'vitest';
import type { ItemReveal } from '../../src/lib/quiz-model.ts';
import { describeCorrect, describeResponse, scoreLabel } from '../../src/lib/quiz-describe.ts';
import { fillIn, matching, ordering, single } from '../support/runtime-items.ts';

const reveal = (...parts: string[]): ItemReveal => ({ parts, feedback: { correct: '', incorrect: '' }, optionFeedback: {} });

describe('describeResponse: the learner’s answer in words', () => {
  it('says "Not answered" when there is no response', () => {
    expect(describeResponse(single, null)).toBe('Not answered');
  });

  it('lists chosen option texts in the order chosen, blank for an unknown index', () => {
    expect(describeResponse(single, { kind: 'choice', chosen: [2, 0] })).toBe('Call back; Apologise');
    expect(describeResponse(single, { kind: 'choice', chosen: [1, 7, 0] })).toBe('Blame the courier; ; Apologise');
  });

  it('pairs each prompt with the chosen answer, "no answer" where none was chosen', () => {
    expect(describeResponse(matching, { kind: 'matching', answers: [1, 0] })).toBe(
      'Refund → Logistics; Delay → Finance; Damage → no answer',
    );
    expect(describeResponse(matching, { kind: 'matching', answers: [2, 9, -1] })).toBe(
      'Refund → Claims; Delay → no answer; Damage → no answer',
    );
  });

  it('numbers the steps in the learner’s order, blank for an unknown step', () => {
    expect(describeResponse(ordering, { kind: 'ordering', order: [1, 0, 2] })).toBe('1. Greet 2. Listen 3. Resolve');
    expect(describeResponse(ordering, { kind: 'ordering', order: [2, 5] })).toBe('1. Resolve 2. ');
  });

  it('repeats a typed answer as typed', () => {
    expect(describeResponse(fillIn, { kind: 'text', text: 'Refund in 5 days' })).toBe('Refund in 5 days');
  });

  it('describes nothing when the response does not fit the item type', () => {
    expect(describeResponse(ordering, { kind: 'choice', chosen: [0] })).toBe('');
    expect(describeResponse(single, { kind: 'matching', answers: [0] })).toBe('');
    expect(describeResponse(single, { kind: 'ordering', order: [0] })).toBe('');
  });
});

describe('describeCorrect: the right answer in words, from the revealed key', () => {
  it('pairs prompts with answers by id, blank for an unknown id', () => {
    expect(describeCorrect(matching, reveal('p2=x', 'p1=z'))).toBe('Delay → Finance; Refund → Claims');
    expect(describeCorrect(matching, reveal('p9=y', 'p3=q'))).toBe(' → Logistics; Damage → ');
  });

  it('numbers the steps in the order the key’s pairs chain them', () => {
    expect(describeCorrect(ordering, reveal('s1>s3', 's2>s1'))).toBe('1. Greet 2. Listen 3. Resolve');
    expect(describeCorrect(ordering, reveal('s3>s9'))).toBe('1. Resolve 2. ');
  });

  it('lists accepted typed answers joined by "or"', () => {
    expect(describeCorrect(fillIn, reveal('refund', 'money back'))).toBe('refund or money back');
  });

  it('lists the right options in the order shown, leaving the others out', () => {
    expect(describeCorrect(single, reveal('c', 'a'))).toBe('Apologise; Call back');
  });
});

describe('scoreLabel: the review heading for an item score', () => {
  it('says Correct, Not correct, or the share of the mark', () => {
    expect(scoreLabel(1)).toBe('Correct');
    expect(scoreLabel(0)).toBe('Not correct');
    expect(scoreLabel(0.5)).toBe('Partly correct (50% of the mark)');
    expect(scoreLabel(2 / 3)).toBe('Partly correct (67% of the mark)');
  });
});

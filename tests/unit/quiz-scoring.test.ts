import { describe, expect, it } from 'vitest';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import { normaliseText, type QuizResponse } from '../../src/lib/quiz-response.ts';
import { isCorrect, isPass, itemScore, scoreAttempt, scoreOutcomes, scoringRules, summarise } from '../../src/lib/quiz-scoring.ts';
import { allTypesRuntime } from '../support/quiz-fixture.ts';

const practice = allTypesRuntime();
const assessment = allTypesRuntime({ mode: 'assessment' });
const byId = (quiz: typeof practice, id: string) => quiz.items.find((item) => item.id === id)!;
const optionIndex = (item: RuntimeItem, id: string) => ('options' in item ? item.options.findIndex((o) => o.id === id) : -1);
const choice = (item: RuntimeItem, ...ids: string[]): QuizResponse => ({ kind: 'choice', chosen: ids.map((id) => optionIndex(item, id)) });

/** Step indexes (into the runtime list) for the authored texts in the given order. */
function stepsInOrder(item: RuntimeItem, texts: string[]): QuizResponse {
  if (item.type !== 'ordering') throw new Error('not an ordering item');
  return { kind: 'ordering', order: texts.map((text) => item.steps.findIndex((s) => s.text === text)) };
}
function matches(item: RuntimeItem, pairs: Record<string, string>): QuizResponse {
  if (item.type !== 'matching') throw new Error('not a matching item');
  return { kind: 'matching', answers: item.prompts.map((p) => item.answers.findIndex((a) => a.id === pairs[p.id])) };
}

// Every rule is checked against both key forms: readable (practice) and salted hashes (assessment).
describe.each([
  ['practice (readable key)', practice],
  ['assessment (hashed key)', assessment],
])('item scoring, %s', (_, quiz) => {
  it('single choice, best reply and true/false are all or nothing', () => {
    const single = byId(quiz, 'single');
    expect(itemScore(single, choice(single, 'a'))).toBe(1);
    expect(itemScore(single, choice(single, 'b'))).toBe(0);
    const reply = byId(quiz, 'reply');
    expect(itemScore(reply, choice(reply, 'a'))).toBe(1);
    const trueFalse = byId(quiz, 'truefalse');
    expect(itemScore(trueFalse, choice(trueFalse, 'true'))).toBe(1);
    expect(itemScore(trueFalse, choice(trueFalse, 'false'))).toBe(0);
  });

  it('multiple response: right options chosen minus wrong ones, over the right options, never below 0', () => {
    const item = byId(quiz, 'multiple');
    expect(itemScore(item, choice(item, 'a', 'b'))).toBe(1);
    expect(itemScore(item, choice(item, 'a'))).toBe(0.5);
    expect(itemScore(item, choice(item, 'a', 'b', 'c'))).toBe(0.5);
    expect(itemScore(item, choice(item, 'a', 'b', 'c', 'd'))).toBe(0);
    expect(itemScore(item, choice(item, 'c'))).toBe(0);
  });

  it('matching: the share of prompts paired correctly', () => {
    const item = byId(quiz, 'match');
    expect(itemScore(item, matches(item, { p1: 'b', p2: 'a', p3: 'c' }))).toBe(1);
    expect(itemScore(item, matches(item, { p1: 'b', p2: 'c', p3: 'a' }))).toBeCloseTo(1 / 3);
    expect(itemScore(item, matches(item, { p1: 'd', p2: 'd', p3: 'd' }))).toBe(0);
    expect(itemScore(item, matches(item, { p1: 'b', p2: 'a' })), 'an unanswered prompt makes the answer incomplete').toBe(0);
  });

  it('ordering: the share of neighbouring steps in the right order', () => {
    const item = byId(quiz, 'order');
    expect(itemScore(item, stepsInOrder(item, ['Step one', 'Step two', 'Step three', 'Step four']))).toBe(1);
    // One step moved to the end: two of the three neighbour pairs are still right.
    expect(itemScore(item, stepsInOrder(item, ['Step two', 'Step three', 'Step four', 'Step one']))).toBeCloseTo(2 / 3);
    expect(itemScore(item, stepsInOrder(item, ['Step four', 'Step three', 'Step two', 'Step one']))).toBe(0);
  });

  it('fill-in accepts every variant, ignoring case, spacing and punctuation', () => {
    const item = byId(quiz, 'fill');
    for (const text of ['date of birth', '  Date   of Birth. ', 'D.O.B', 'dob!']) expect(itemScore(item, { kind: 'text', text }), text).toBe(1);
    expect(itemScore(item, { kind: 'text', text: 'birthday' })).toBe(0);
  });

  it('single choice with more than one option chosen scores nothing, even if one is right', () => {
    const single = byId(quiz, 'single');
    expect(itemScore(single, choice(single, 'a', 'b'))).toBe(0);
  });

  it('an unanswered item scores nothing', () => {
    expect(isCorrect(byId(quiz, 'single'), null)).toBe(false);
    expect(itemScore(byId(quiz, 'fill'), { kind: 'text', text: '  ' })).toBe(0);
  });
});

describe('attempt and outcome scores', () => {
  const items = practice.items;
  const right: QuizResponse[] = [
    choice(items[0]!, 'a'),
    choice(items[1]!, 'a'), // half marks
    choice(items[2]!, 'true'),
    choice(items[3]!, 'b'), // wrong
    matches(items[4]!, { p1: 'b', p2: 'a', p3: 'c' }),
    stepsInOrder(items[5]!, ['Step one', 'Step two', 'Step three', 'Step four']),
    { kind: 'text', text: 'date of birth' },
  ];

  it('adds part marks and rounds the percentage', () => {
    expect(scoreAttempt(items, right)).toEqual({ marks: 5.5, correct: 5, total: 7, percent: 79 });
  });

  it('scores each outcome from the items that serve it', () => {
    expect(scoreOutcomes(items, right, practice.outcomes, 80).map(({ objectiveId, percent, passed }) => ({ objectiveId, percent, passed }))).toEqual([
      { objectiveId: 'm1-systems', percent: 83, passed: true },
      { objectiveId: 'm1-navigating', percent: 75, passed: false },
    ]);
  });

  it('an empty attempt is 0 %, not NaN', () => {
    expect(summarise([])).toEqual({ marks: 0, correct: 0, total: 0, percent: 0 });
  });

  it('an outcome no item of the attempt serves is not passed, even with a pass mark of 0', () => {
    const outcome = { objectiveId: 'm1-unused', title: 'Unused outcome', criteria: [] };
    expect(scoreOutcomes(items, right, [outcome], 0)).toEqual([
      { marks: 0, correct: 0, total: 0, percent: 0, objectiveId: 'm1-unused', title: 'Unused outcome', passed: false },
    ]);
  });

  it('passes at the pass mark, not below it', () => {
    expect(isPass(50, 50)).toBe(true);
    expect(isPass(49, 50)).toBe(false);
  });

  it('normalises typed text', () => {
    expect(normaliseText(' It’s  the  “Pay”   button! ')).toBe('its the pay button');
    expect(normaliseText('date-of-birth')).toBe('date of birth');
  });
});

describe('scoring rules in the quiz intro', () => {
  it('explains part marks only for the item types the quiz uses, in a fixed order', () => {
    expect(scoringRules(new Set(['fill-in', 'ordering', 'matching', 'multiple']))).toEqual([
      'Choose all that apply: you get a share of the mark for each right option you choose, minus one for each wrong one.',
      'Matching: you get a share of the mark for each pair you match correctly.',
      'Putting steps in order: you get a share of the mark for each step that comes straight after the right one.',
      'Typed answers: capital letters, spaces and punctuation do not matter.',
    ]);
    expect(scoringRules(new Set(['matching']))).toEqual(['Matching: you get a share of the mark for each pair you match correctly.']);
    expect(scoringRules(new Set(['ordering']))).toEqual([
      'Putting steps in order: you get a share of the mark for each step that comes straight after the right one.',
    ]);
  });

  it('has nothing to explain for all-or-nothing types', () => {
    expect(scoringRules(new Set(['single', 'true-false', 'best-reply']))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { interactionFor } from '../../src/lib/quiz-interaction.ts';
import { toRuntimeQuiz, type RuntimeItem } from '../../src/lib/quiz-model.ts';
import type { InteractionReport } from '../../src/tracking/lms-adapter.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { answerBook } from '../support/quiz-answers.ts';
import { allTypesQuiz, allTypesRuntime, FIXTURE_OUTCOMES } from '../support/quiz-fixture.ts';
import { strictLms } from '../support/strict-lms.ts';

const book = answerBook([{ moduleId: 'm1', quiz: allTypesQuiz() }]);
const base = { description: 'An item', weighting: 1, shownAt: Date.UTC(2026, 0, 1, 10), answeredAt: Date.UTC(2026, 0, 1, 10, 0, 5), objectives: ['m1-navigating'] };

function reports(mode: 'practice' | 'assessment', answer: 'right' | 'wrong', showAnswers = false): InteractionReport[] {
  return allTypesRuntime({ mode, show_answers: showAnswers }).items.map((item: RuntimeItem) => ({
    ...base,
    id: item.interactionId,
    ...interactionFor(item, book[answer](item)),
  }));
}

/** What each adapter wrote for interaction n: type, response, patterns, result. */
function written(sets: [string, string][], n: number, responseField: string) {
  const set = Object.fromEntries(sets);
  const patterns = sets.filter(([e]) => e.startsWith(`cmi.interactions.${n}.correct_responses.`)).map(([, v]) => v);
  return { type: set[`cmi.interactions.${n}.type`], response: set[`cmi.interactions.${n}.${responseField}`], patterns, result: set[`cmi.interactions.${n}.result`] };
}

/** Records every fixture item (answered right or wrong) through a version's adapter against scorm-again. */
function recordAll(version: '1.2' | '2004', answer: 'right' | 'wrong') {
  const lms = strictLms(version);
  const adapter = version === '1.2' ? new Scorm12Adapter(lms.api) : new Scorm2004Adapter(lms.api);
  adapter.start();
  for (const report of reports('practice', answer)) adapter.recordInteraction(report);
  const all = Array.from({ length: 7 }, (_, n) => written(lms.sets, n, version === '1.2' ? 'student_response' : 'learner_response'));
  return { lms, adapter, all };
}

describe('quiz interactions in each SCORM version (scorm-again validates every value)', () => {
  it('SCORM 1.2: every item type in 1.2 formats', () => {
    const { lms, all } = recordAll('1.2', 'right');
    const order = allTypesRuntime().items[5]!;
    const stepIds = order.type === 'ordering' ? ['Step one', 'Step two', 'Step three', 'Step four'].map((t) => order.steps.find((s) => s.text === t)!.id).join(',') : '';
    expect(all).toEqual([
      { type: 'choice', response: 'a', patterns: ['a'], result: 'correct' },
      { type: 'choice', response: 'a,b', patterns: ['a,b'], result: 'correct' },
      { type: 'true-false', response: 't', patterns: ['t'], result: 'correct' },
      { type: 'choice', response: 'a', patterns: ['a'], result: 'correct' },
      { type: 'matching', response: '1.b,2.a,3.c', patterns: ['1.b,2.a,3.c'], result: 'correct' },
      { type: 'sequencing', response: stepIds, patterns: [stepIds], result: 'correct' },
      { type: 'fill-in', response: 'date of birth', patterns: ['date of birth', 'dob'], result: 'correct' },
    ]);
    expect(lms.violations).toEqual([]);
  });

  it('SCORM 2004: every item type in 2004 formats, with part marks as a number', () => {
    const { lms, adapter, all } = recordAll('2004', 'wrong');
    expect(all.map((w) => w.type)).toEqual(['choice', 'choice', 'true-false', 'choice', 'matching', 'sequencing', 'fill-in']);
    expect(all[2]).toEqual({ type: 'true-false', response: 'false', patterns: ['true'], result: 'incorrect' });
    expect(all[4]).toEqual({ type: 'matching', response: '1[.]a[,]2[.]c[,]3[.]b', patterns: ['1[.]b[,]2[.]a[,]3[.]c'], result: 'incorrect' });
    expect(all[5]!.response).toMatch(/^[a-d](\[,\][a-d]){3}$/);
    expect(all[6]).toEqual({ type: 'fill-in', response: 'no idea', patterns: ['{case_matters=false}date of birth', '{case_matters=false}dob'], result: 'incorrect' });
    expect(lms.violations).toEqual([]);

    const partial = allTypesRuntime().items[1]!;
    const half = interactionFor(partial, { kind: 'choice', chosen: [0] });
    expect(half.result).toBe(0.5);
    adapter.recordInteraction({ ...base, id: 'm1-quiz-partial', ...half });
    expect(Object.fromEntries(lms.sets)['cmi.interactions.7.result']).toBe('0.5');
    expect(lms.violations).toEqual([]);
  });

  it('assessment mode reports the correct pattern only where the page may know it', () => {
    const hidden = reports('assessment', 'wrong');
    expect(hidden.map((r) => r.correct)).toEqual(hidden.map(() => undefined));
    const rightAnyway = reports('assessment', 'right');
    expect(rightAnyway.map((r) => r.correct)).toEqual(reports('practice', 'right').map((r) => r.correct));
    const revealed = reports('assessment', 'wrong', true);
    expect(revealed.map((r) => r.correct)).toEqual(reports('practice', 'wrong').map((r) => r.correct));
  });

  it('keeps 1.2 values within 255 characters', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.recordInteraction({ ...base, id: 'm1-quiz-long', type: 'fill-in', response: 'x'.repeat(400), correct: 'y'.repeat(400), result: 'incorrect' });
    const set = Object.fromEntries(lms.sets);
    expect(set['cmi.interactions.0.student_response']).toHaveLength(255);
    expect(set['cmi.interactions.0.correct_responses.0.pattern']).toHaveLength(255);
    expect(lms.violations).toEqual([]);
  });
});

describe('a response that does not fit its item (e.g. restored from a damaged save) is reported as empty, not as a crash', () => {
  const practiceItem = (id: string) => allTypesRuntime().items.find((item) => item.id === id)!;

  it('true/false: no choice reads as "false"', () => {
    const item = practiceItem('truefalse');
    expect(interactionFor(item, { kind: 'matching', answers: [0] })).toEqual({ type: 'true-false', response: false, correct: true, result: 'incorrect' });
    expect(interactionFor(item, { kind: 'choice', chosen: [5] })).toEqual({ type: 'true-false', response: false, correct: true, result: 'incorrect' });
  });

  it('true/false whose answer is "false": a right answer reports it as the correct response even with a hidden key', () => {
    const quiz = allTypesQuiz({ mode: 'assessment', show_answers: false });
    const authored = quiz.items.find((item) => item.id === 'truefalse');
    if (authored?.type !== 'true-false') throw new Error('fixture has no true/false item');
    authored.answer = false;
    const item = toRuntimeQuiz('m1', quiz, 50, FIXTURE_OUTCOMES).items.find((i) => i.id === 'truefalse')!;
    expect(interactionFor(item, { kind: 'choice', chosen: [1] })).toEqual({ type: 'true-false', response: false, correct: false, result: 'correct' });
  });

  it('matching: every prompt reported with no answer', () => {
    expect(interactionFor(practiceItem('match'), { kind: 'choice', chosen: [0] })).toEqual({
      type: 'matching',
      response: [['1', ''], ['2', ''], ['3', '']],
      correct: [['1', 'b'], ['2', 'a'], ['3', 'c']],
      result: 'incorrect',
    });
  });

  it('ordering: no steps, or a blank for an unknown step', () => {
    const item = practiceItem('order');
    if (item.type !== 'ordering') throw new Error('fixture has no ordering item');
    expect(interactionFor(item, { kind: 'choice', chosen: [0] })).toMatchObject({ type: 'sequencing', response: [], result: 'incorrect' });
    expect(interactionFor(item, { kind: 'ordering', order: [0, 9] })).toMatchObject({ type: 'sequencing', response: [item.steps[0]!.id, ''], result: 'incorrect' });
  });

  it('fill-in: empty text', () => {
    expect(interactionFor(practiceItem('fill'), { kind: 'choice', chosen: [0] })).toMatchObject({ type: 'fill-in', response: '', result: 'incorrect' });
  });

  it('choice: no options, or a blank for an unknown option', () => {
    const item = practiceItem('single');
    expect(interactionFor(item, { kind: 'matching', answers: [0] })).toEqual({ type: 'choice', response: [], correct: ['a'], result: 'incorrect' });
    expect(interactionFor(item, { kind: 'choice', chosen: [7] })).toEqual({ type: 'choice', response: [''], correct: ['a'], result: 'incorrect' });
  });
});

import { describe, expect, it } from 'vitest';
import type { InteractionReport } from '../../src/tracking/lms-adapter.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { strictLms } from '../support/strict-lms.ts';

const choice: InteractionReport = {
  id: 'm1-quiz-q02',
  type: 'choice',
  description: 'Which of these are online systems?',
  response: ['c', 'a'],
  correct: ['a', 'b'],
  result: 'incorrect',
  weighting: 1,
  shownAt: Date.UTC(2026, 0, 1, 10, 0, 0),
  answeredAt: Date.UTC(2026, 0, 1, 10, 0, 12, 500),
  objectives: ['m1-systems'],
};
const trueFalse: InteractionReport = { ...choice, id: 'm1-quiz-q03', type: 'true-false', response: true, correct: false };

describe('SCORM 1.2 adapter against scorm-again', () => {
  it('writes interactions in 1.2 vocabulary and formats', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.recordInteraction(choice);
    adapter.recordInteraction(trueFalse);
    const set = Object.fromEntries(lms.sets);
    expect(set['cmi.interactions.0.student_response']).toBe('a,c');
    expect(set['cmi.interactions.0.correct_responses.0.pattern']).toBe('a,b');
    expect(set['cmi.interactions.0.result']).toBe('wrong');
    expect(set['cmi.interactions.0.latency']).toBe('00:00:12.50');
    expect(set['cmi.interactions.0.objectives.0.id']).toBe('m1-systems');
    expect(set['cmi.interactions.1.student_response']).toBe('t');
    expect(set['cmi.interactions.1.correct_responses.0.pattern']).toBe('f');
    expect(lms.violations).toEqual([]);
  });

  it('combines completion and success into lesson_status, success first', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    expect(lms.value('cmi.core.lesson_status')).toBe('incomplete');
    adapter.setCompletion(true);
    expect(lms.value('cmi.core.lesson_status')).toBe('completed');
    adapter.setSuccess('failed');
    expect(lms.value('cmi.core.lesson_status')).toBe('failed');
  });

  it('keeps objective indexes stable across sessions', () => {
    const lms = strictLms('1.2', { objectives: { '0': { id: 'm1-navigating' } } });
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.setObjective({ id: 'm1-systems', description: 'x', completed: true, success: 'passed', score: { raw: 100, min: 0, max: 100 } });
    adapter.setObjective({ id: 'm1-navigating', description: 'y', completed: true, success: 'failed' });
    expect(lms.value('cmi.objectives.0.id')).toBe('m1-navigating');
    expect(lms.value('cmi.objectives.0.status')).toBe('failed');
    expect(lms.value('cmi.objectives.1.id')).toBe('m1-systems');
    expect(lms.value('cmi.objectives.1.status')).toBe('passed');
    expect(lms.sets.filter(([e]) => e === 'cmi.objectives.0.id')).toEqual([]);
  });

  it('cuts over-long response patterns to 255 characters', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.recordInteraction({ ...choice, response: Array.from({ length: 200 }, (_, i) => `opt${i}`) });
    expect(lms.violations).toEqual([]);
  });

  it('writes exit "" when finished and "suspend" otherwise', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.setExit('suspend');
    adapter.setExit('normal');
    expect(lms.sets.filter(([e]) => e === 'cmi.core.exit').map(([, v]) => v)).toEqual(['suspend', '']);
  });
});

describe('SCORM 2004 adapter against scorm-again', () => {
  it('writes interactions in 2004 vocabulary and formats', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.recordInteraction(choice);
    adapter.recordInteraction(trueFalse);
    expect(lms.value('cmi.interactions.0.learner_response')).toBe('a[,]c');
    const set = Object.fromEntries(lms.sets);
    expect(set['cmi.interactions.0.correct_responses.0.pattern']).toBe('a[,]b');
    expect(set['cmi.interactions.0.result']).toBe('incorrect');
    expect(set['cmi.interactions.0.latency']).toBe('PT12.5S');
    expect(set['cmi.interactions.0.timestamp']).toBe('2026-01-01T10:00:00.0Z');
    expect(set['cmi.interactions.0.description']).toBe(choice.description);
    expect(set['cmi.interactions.1.learner_response']).toBe('true');
    expect(set['cmi.interactions.1.correct_responses.0.pattern']).toBe('false');
    expect(lms.violations).toEqual([]);
  });

  it('writes scaled score and objectives with success and completion', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setScore({ raw: 73, min: 0, max: 100 });
    adapter.setObjective({ id: 'm1-systems', description: 'Explain systems', completed: true, success: 'failed', score: { raw: 50, min: 0, max: 100 } });
    expect(lms.value('cmi.score.scaled')).toBe('0.73');
    expect(lms.value('cmi.objectives.0.id')).toBe('m1-systems');
    expect(lms.value('cmi.objectives.0.success_status')).toBe('failed');
    expect(lms.value('cmi.objectives.0.completion_status')).toBe('completed');
    expect(lms.value('cmi.objectives.0.score.scaled')).toBe('0.5');
    expect(lms.violations).toEqual([]);
  });

  it('reuses objectives the LMS created from the manifest', () => {
    const lms = strictLms('2004', { objectives: { '0': { id: 'm1-mastery' }, '1': { id: 'm1-systems' } } });
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setObjective({ id: 'm1-systems', description: 'x', completed: true, success: 'passed' });
    expect(lms.value('cmi.objectives.1.success_status')).toBe('passed');
    expect(lms.value('cmi.objectives._count')).toBe('2');
  });
});

describe('SCORM 2004 adapter: leaving a module', () => {
  it('asks the LMS to suspend the course when the module is left unfinished', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setExit('suspend');
    adapter.finish();
    expect(lms.sets.filter(([element]) => element === 'adl.nav.request' || element === 'cmi.exit')).toEqual([
      ['cmi.exit', 'suspend'],
      ['adl.nav.request', 'suspendAll'],
    ]);
    expect(lms.violations).toEqual([]);
  });

  it('makes no navigation request when the module is finished, so the LMS may flow on', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setExit('suspend');
    adapter.setExit('normal');
    adapter.finish();
    expect(lms.sets.some(([element]) => element === 'adl.nav.request')).toBe(false);
  });
});

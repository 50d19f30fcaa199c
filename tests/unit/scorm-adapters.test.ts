import { describe, expect, it } from 'vitest';
import type { InteractionReport } from '../../src/tracking/lms-adapter.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { INTERACTION_CAP } from '../../src/tracking/scorm-shared.ts';
import { scriptedLms } from '../support/scripted-lms.ts';
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
    // scorm-again refuses an element of the other version without throwing: its error log must stay empty.
    expect(adapter.errors()).toEqual([]);
  });

  it('writes the interaction time of day as hours:minutes:seconds (1.2 CMITime)', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    // Minutes and seconds differ, so a swap shows.
    const shownAt = new Date(2026, 0, 1, 9, 7, 42).getTime();
    adapter.recordInteraction({ ...choice, shownAt, answeredAt: shownAt + 3000 });
    expect(Object.fromEntries(lms.sets)['cmi.interactions.0.time']).toBe('09:07:42');
    expect(adapter.errors()).toEqual([]);
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
    const response = Array.from({ length: 200 }, (_, i) => `opt${i}`);
    adapter.recordInteraction({ ...choice, response });
    expect(lms.violations).toEqual([]);
    // The value is written, cut to exactly 255 characters from the start of the full pattern.
    const written = Object.fromEntries(lms.sets)['cmi.interactions.0.student_response'];
    expect(written).toHaveLength(255);
    expect([...response].sort().join(',').startsWith(written!)).toBe(true);
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
    expect(adapter.errors()).toEqual([]);
  });

  it('clips an interaction description to 250 characters', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    const description = 'A customer writes in to ask about a refund. '.repeat(10);
    adapter.recordInteraction({ ...choice, description });
    expect(lms.value('cmi.interactions.0.description')).toBe(description.slice(0, 250));
    expect(lms.violations).toEqual([]);
    expect(adapter.errors()).toEqual([]);
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

describe('SCORM 1.2 adapter: objectives', () => {
  it('writes an objective score rounded to 2 places, and a status from completion while success is unknown', () => {
    const lms = strictLms('1.2');
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.setObjective({ id: 'm1-systems', description: 'x', completed: true, success: 'unknown', score: { raw: 66.666, min: 0, max: 100 } });
    adapter.setObjective({ id: 'm1-navigating', description: 'y', completed: false, success: 'unknown' });
    expect(['score.raw', 'score.min', 'score.max', 'status'].map((e) => lms.value(`cmi.objectives.0.${e}`))).toEqual(['66.67', '0', '100', 'completed']);
    expect(lms.value('cmi.objectives.1.status')).toBe('incomplete');
    expect(lms.sets.some(([e]) => e.startsWith('cmi.objectives.1.score'))).toBe(false);
    expect(lms.violations).toEqual([]);
    expect(adapter.errors()).toEqual([]);
  });

  it('creates a missing objective as "not attempted" and leaves one the LMS holds alone', () => {
    const lms = strictLms('1.2', { objectives: { '0': { id: 'm1-navigating', status: 'passed' } } });
    const adapter = new Scorm12Adapter(lms.api);
    adapter.start();
    adapter.ensureObjective('m1-navigating', 'Navigating');
    adapter.ensureObjective('m1-systems', 'Systems');
    expect(lms.sets.filter(([e]) => e.startsWith('cmi.objectives'))).toEqual([
      ['cmi.objectives.1.id', 'm1-systems'],
      ['cmi.objectives.1.status', 'not attempted'],
    ]);
    expect(lms.value('cmi.objectives.0.status')).toBe('passed');
    expect(adapter.errors()).toEqual([]);
  });
});

describe('SCORM 2004 adapter: scores and objectives', () => {
  it('scales a score between its min and max, and writes 0 when the range is empty', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setScore({ raw: 15, min: 10, max: 20 });
    expect(lms.value('cmi.score.scaled')).toBe('0.5');
    adapter.setScore({ raw: 5, min: 5, max: 5 });
    expect(lms.value('cmi.score.scaled')).toBe('0');
    expect(lms.violations).toEqual([]);
  });

  it('writes an unfinished objective as incomplete', () => {
    const lms = strictLms('2004');
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.setObjective({ id: 'm1-systems', description: 'Explain systems', completed: false, success: 'unknown' });
    expect(lms.value('cmi.objectives.0.completion_status')).toBe('incomplete');
    expect(lms.value('cmi.objectives.0.success_status')).toBe('unknown');
  });

  it('creates a missing objective with unknown statuses; on one the LMS holds it only adds the description', () => {
    const lms = strictLms('2004', { objectives: { '0': { id: 'm1-mastery', success_status: 'passed', completion_status: 'completed' } } });
    const adapter = new Scorm2004Adapter(lms.api);
    adapter.start();
    adapter.ensureObjective('m1-mastery', 'Mastery');
    adapter.ensureObjective('m1-systems', 'Systems');
    expect(lms.sets.filter(([e]) => e.startsWith('cmi.objectives'))).toEqual([
      ['cmi.objectives.0.description', 'Mastery'],
      ['cmi.objectives.1.id', 'm1-systems'],
      ['cmi.objectives.1.success_status', 'unknown'],
      ['cmi.objectives.1.completion_status', 'not attempted'],
      ['cmi.objectives.1.description', 'Systems'],
    ]);
    expect(lms.value('cmi.objectives.0.success_status')).toBe('passed');
    expect(adapter.errors()).toEqual([]);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s adapter: interactions and ids', (version) => {
  const make = (api: Record<string, unknown>) => (version === '1.2' ? new Scorm12Adapter(api) : new Scorm2004Adapter(api));
  const setValue = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const typeMismatch = version === '1.2' ? '405' : '406';
  const idWrites = (calls: string[]) => calls.filter((c) => /\.id=/.test(c)).map((c) => c.slice(setValue.length + 1));

  it('records nothing once the LMS holds as many interactions as it must', () => {
    const lms = scriptedLms(version, { 'cmi.interactions._count': String(INTERACTION_CAP) });
    const adapter = make(lms.api);
    adapter.start();
    lms.calls.length = 0;
    adapter.recordInteraction(choice);
    expect(lms.calls).toEqual([]);
  });

  it('writes every id in the fallback form once told to', () => {
    const lms = scriptedLms(version);
    const adapter = make(lms.api);
    adapter.start();
    adapter.useFallbackIds();
    expect(adapter.usesFallbackIds).toBe(true);
    adapter.recordInteraction(choice);
    expect(idWrites(lms.calls)).toEqual(['cmi.interactions.0.id=m1:quiz:q02', 'cmi.interactions.0.objectives.0.id=m1:systems']);
  });

  it('rewrites an id the LMS refuses as the wrong type in the fallback form, and every id after it', () => {
    const lms = scriptedLms(version);
    lms.refuse(/\.id=.*-/, typeMismatch);
    const adapter = make(lms.api);
    adapter.start();
    adapter.recordInteraction(choice);
    expect(idWrites(lms.calls)).toEqual(['cmi.interactions.0.id=m1-quiz-q02', 'cmi.interactions.0.id=m1:quiz:q02', 'cmi.interactions.0.objectives.0.id=m1:systems']);
    expect(adapter.usesFallbackIds).toBe(true);
  });

  it('keeps the id form when the LMS refuses an id for another reason, or refuses another element as the wrong type', () => {
    const lms = scriptedLms(version);
    lms.refuse(/interactions\.0\.id=/, '351');
    lms.refuse(/score\.raw=/, typeMismatch);
    const adapter = make(lms.api);
    adapter.start();
    adapter.recordInteraction(choice);
    adapter.setScore({ raw: 50, min: 0, max: 100 });
    adapter.ensureObjective('m1-mastery', 'Mastery');
    expect(idWrites(lms.calls)).toEqual(['cmi.interactions.0.id=m1-quiz-q02', 'cmi.interactions.0.objectives.0.id=m1-systems', 'cmi.objectives.0.id=m1-mastery']);
    expect(adapter.usesFallbackIds).toBe(false);
  });

  it('writes a fill-in answer as typed, except that 2004 reads "[,]" and "[.]" as delimiters', () => {
    const lms = strictLms(version);
    const adapter = make(lms.api);
    adapter.start();
    adapter.recordInteraction({ ...choice, type: 'fill-in', response: 'a[,]b[.]c', correct: 'x[,]y' });
    const set = Object.fromEntries(lms.sets);
    const [response, pattern] = version === '1.2' ? ['student_response', 'correct_responses.0.pattern'] : ['learner_response', 'correct_responses.0.pattern'];
    expect([set[`cmi.interactions.0.${response}`], set[`cmi.interactions.0.${pattern}`]]).toEqual(
      version === '1.2' ? ['a[,]b[.]c', 'x[,]y'] : ['a,b.c', '{case_matters=false}x,y'],
    );
    expect(adapter.errors()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { LaunchInfo } from '../../src/tracking/lms-adapter.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { scriptedLms } from '../support/scripted-lms.ts';

/** Launches a 1.2 adapter on an LMS holding `values`; returns what it read and what it wrote back. */
function launch12(values: Record<string, string>) {
  const lms = scriptedLms('1.2', values);
  const adapter = new Scorm12Adapter(lms.api);
  const info = adapter.start();
  return { info, adapter, lms, writes: lms.calls.filter((c) => c.startsWith('LMSSetValue ')) };
}

function launch2004(values: Record<string, string>) {
  const lms = scriptedLms('2004', values);
  const adapter = new Scorm2004Adapter(lms.api);
  const info = adapter.start();
  return { info, adapter, lms, writes: lms.calls.filter((c) => c.startsWith('SetValue ')) };
}

describe.each([
  ['1.2', launch12],
  ['2004', launch2004],
] as const)('what a SCORM %s launch reads', (version, launch) => {
  const el = version === '1.2'
    ? { entry: 'cmi.core.entry', mode: 'cmi.core.lesson_mode', name: 'cmi.core.student_name', id: 'cmi.core.student_id', location: 'cmi.core.lesson_location', raw: 'cmi.core.score.raw' }
    : { entry: 'cmi.entry', mode: 'cmi.mode', name: 'cmi.learner_name', id: 'cmi.learner_id', location: 'cmi.location', raw: 'cmi.score.raw' };

  it('reads the learner, the saved state and the launch mode', () => {
    const { info } = launch({
      [el.entry]: 'resume',
      [el.mode]: 'browse',
      [el.name]: 'Doe, Sam',
      [el.id]: 'sam-042',
      'cmi.suspend_data': 'v2:abc',
      [el.location]: 'lesson-3',
    });
    expect(info).toMatchObject({ connected: true, entry: 'resume', mode: 'browse', learnerName: 'Doe, Sam', learnerId: 'sam-042', suspendData: 'v2:abc', location: 'lesson-3' });
  });

  it.each([
    ['resume', 'resume'],
    ['ab-initio', 'ab-initio'],
    ['', 'unknown'],
  ])('entry "%s" reads as %s', (entry, expected) => {
    expect(launch({ [el.entry]: entry }).info.entry).toBe(expected);
  });

  it.each([
    ['review', 'review'],
    ['browse', 'browse'],
    ['normal', 'normal'],
    ['', 'normal'],
  ])('mode "%s" reads as %s', (mode, expected) => {
    expect(launch({ [el.mode]: mode }).info.mode).toBe(expected);
  });

  it.each([
    ['72.5', 72.5],
    ['0', 0],
    ['', null],
    [' ', null],
    ['n/a', null],
  ])('a held raw score "%s" reads as %s', (raw, expected) => {
    expect(launch({ [el.raw]: raw }).info.previousScore).toBe(expected);
  });

  it('reads nothing and writes nothing when the LMS refuses Initialize', () => {
    const lms = scriptedLms(version, { [el.name]: 'Sam', 'cmi.suspend_data': 'v2:abc' });
    lms.api[version === '1.2' ? 'LMSInitialize' : 'Initialize'] = () => 'false';
    const adapter = version === '1.2' ? new Scorm12Adapter(lms.api) : new Scorm2004Adapter(lms.api);
    const expected: LaunchInfo = {
      kind: adapter.kind,
      connected: false,
      entry: 'unknown',
      learnerName: '',
      learnerId: '',
      suspendData: '',
      location: '',
      mode: 'normal',
      previousSuccess: 'unknown',
      previousCompletion: false,
      previousScore: null,
    };
    expect(adapter.start()).toEqual(expected);
    expect(lms.calls).toEqual([]);
  });

  it('keeps writing ids in the fallback form when the LMS already holds one in that form', () => {
    const held = { 'cmi.objectives._count': '2', 'cmi.objectives.0.id': 'm1-navigating', 'cmi.objectives.1.id': 'm1:systems' };
    const { adapter, lms } = launch(held);
    expect(adapter.usesFallbackIds).toBe(true);
    adapter.ensureObjective('m1-mastery', 'Mastery');
    expect(lms.data.get('cmi.objectives.2.id')).toBe('m1:mastery');
    const plain = launch({ 'cmi.objectives._count': '1', 'cmi.objectives.0.id': 'm1-navigating' });
    plain.adapter.ensureObjective('m1-mastery', 'Mastery');
    expect([plain.adapter.usesFallbackIds, plain.lms.data.get('cmi.objectives.1.id')]).toEqual([false, 'm1-mastery']);
  });
});

describe('SCORM 1.2 launch: lesson_status', () => {
  it.each([
    ['', 'unknown', false, ['incomplete']],
    ['not attempted', 'unknown', false, ['incomplete']],
    ['incomplete', 'unknown', false, []],
    ['browsed', 'unknown', false, []],
    ['completed', 'unknown', true, []],
    ['passed', 'passed', true, []],
    ['failed', 'failed', true, []],
  ] as const)('"%s" reads as success %s, completion %s, and writes %j', (status, success, completion, written) => {
    const { info, writes } = launch12({ 'cmi.core.lesson_status': status });
    expect([info.previousSuccess, info.previousCompletion]).toEqual([success, completion]);
    expect(writes).toEqual(written.map((s) => `LMSSetValue cmi.core.lesson_status=${s}`));
  });

  it('changes nothing in a review or browse launch', () => {
    expect(launch12({ 'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_mode': 'review' }).writes).toEqual([]);
    expect(launch12({ 'cmi.core.lesson_status': '', 'cmi.core.lesson_mode': 'browse' }).writes).toEqual([]);
  });

  it('never takes away a held pass or completion when the module reports less', () => {
    const passed = launch12({ 'cmi.core.lesson_status': 'passed' });
    passed.adapter.setCompletion(false);
    expect(passed.lms.data.get('cmi.core.lesson_status')).toBe('passed');
    const completed = launch12({ 'cmi.core.lesson_status': 'completed' });
    completed.adapter.setSuccess('unknown');
    expect(completed.lms.data.get('cmi.core.lesson_status')).toBe('completed');
  });
});

describe('SCORM 2004 launch: completion, success and score', () => {
  it.each([
    ['', ['incomplete']],
    ['unknown', ['incomplete']],
    ['not attempted', ['incomplete']],
    ['incomplete', []],
    ['completed', []],
  ] as const)('completion "%s" writes %j', (completion, written) => {
    const { info, writes } = launch2004({ 'cmi.completion_status': completion });
    expect(writes).toEqual(written.map((s) => `SetValue cmi.completion_status=${s}`));
    expect(info.previousCompletion).toBe(completion === 'completed');
  });

  it('changes nothing in a review launch', () => {
    expect(launch2004({ 'cmi.completion_status': 'unknown', 'cmi.mode': 'review' }).writes).toEqual([]);
  });

  it.each([
    ['passed', 'passed'],
    ['failed', 'failed'],
    ['unknown', 'unknown'],
    ['', 'unknown'],
  ])('success "%s" reads as %s', (success, expected) => {
    expect(launch2004({ 'cmi.success_status': success }).info.previousSuccess).toBe(expected);
  });

  it('reads the held score as a percentage from scaled, or from raw when scaled is empty', () => {
    expect(launch2004({ 'cmi.score.scaled': '0.735', 'cmi.score.raw': '7' }).info.previousScore).toBe(73.5);
    expect(launch2004({ 'cmi.score.scaled': '', 'cmi.score.raw': '64' }).info.previousScore).toBe(64);
    expect(launch2004({}).info.previousScore).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { SCORM12_METHODS, SCORM2004_METHODS } from '../../src/tracking/scorm-calls.ts';
import { scriptedLms } from '../support/scripted-lms.ts';

/** What the diagnostics panel and the commit loop learn from a SCORM LMS that refuses, fails or vanishes. */
describe.each(['1.2', '2004'] as const)('LMS errors and session bounds on SCORM %s', (version) => {
  const names = version === '1.2' ? SCORM12_METHODS : SCORM2004_METHODS;
  const v = {
    make: (api: Record<string, unknown>, now?: () => number) => (version === '1.2' ? new Scorm12Adapter(api, now) : new Scorm2004Adapter(api, now)),
    learnerName: version === '1.2' ? 'cmi.core.student_name' : 'cmi.learner_name',
    location: version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location',
    sessionTime: version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time',
  };
  /** An adapter whose session is open, on a scripted LMS. */
  function started(values: Record<string, string> = {}) {
    const lms = scriptedLms(version, values);
    const adapter = v.make(lms.api);
    expect(adapter.start().connected).toBe(true);
    lms.calls.length = 0;
    return { lms, adapter };
  }

  it('logs a refused write once, with the call, the LMS code and its message, and goes on', () => {
    const { lms, adapter } = started();
    lms.refuse(/^cmi\.suspend_data=/, '351');
    adapter.saveState('abc', 'lesson-2');
    expect(adapter.errors()).toEqual([{ call: `${names.setValue}("cmi.suspend_data", "abc")`, code: '351', message: 'LMS error 351' }]);
    expect(lms.data.get(v.location)).toBe('lesson-2');
  });

  it('says what it can when the LMS cannot explain a refusal', () => {
    const { lms, adapter } = started();
    lms.refuse(/^cmi\.suspend_data=/, '351');
    delete lms.api[names.getErrorString];
    adapter.saveState('a', '');
    lms.api[names.getErrorString] = () => '';
    adapter.saveState('b', '');
    lms.api[names.getLastError] = () => '';
    adapter.saveState('c', '');
    lms.api[names.getLastError] = () => {
      throw new Error('no error API');
    };
    adapter.saveState('d', '');
    expect(adapter.errors().map((e) => [e.code, e.message])).toEqual([
      ['351', 'the LMS returned false'],
      ['351', 'the LMS returned false'],
      ['unknown', 'the LMS returned false'],
      ['unknown', 'the LMS returned false'],
    ]);
  });

  it('logs a read the LMS reports an error for, but not "not initialised" or "no error"', () => {
    const lms = scriptedLms(version);
    lms.readError('cmi.suspend_data', '401');
    lms.readError(v.learnerName, '403');
    lms.readError(v.location, '');
    const adapter = v.make(lms.api);
    adapter.start();
    expect(adapter.errors()).toEqual([{ call: `${names.getValue}("cmi.suspend_data")`, code: '401', message: 'LMS error 401' }]);
  });

  it('logs no read errors from an LMS that cannot report error codes', () => {
    const lms = scriptedLms(version, { [v.learnerName]: 'Sam' });
    delete lms.api[names.getLastError];
    const adapter = v.make(lms.api);
    expect(adapter.start().learnerName).toBe('Sam');
    expect(adapter.errors()).toEqual([]);
  });

  it('reads a value as empty when GetValue throws, and logs the exception', () => {
    const lms = scriptedLms(version, { [v.learnerName]: 'Sam' });
    lms.api[names.getValue] = () => {
      throw new Error('LMS frame unloaded');
    };
    const adapter = v.make(lms.api);
    const launch = adapter.start();
    expect([launch.learnerName, launch.learnerId, launch.suspendData, launch.location, launch.previousScore]).toEqual(['', '', '', '', null]);
    expect(adapter.errors().at(-1)).toMatchObject({ code: 'exception', message: 'LMS frame unloaded' });
  });

  it('logs a method that has gone as the API having gone, and a commit then ends saving for good', () => {
    const { lms, adapter } = started();
    delete lms.api[names.setValue];
    delete lms.api[names.commit];
    adapter.saveState('x', 'y');
    expect(adapter.errors()[0]).toEqual({
      call: `${names.setValue}("cmi.suspend_data", "x")`,
      code: 'no-api',
      message: `${names.setValue} is not available: the LMS API has gone`,
    });
    expect(adapter.commit()).toBe('fatal');
  });

  it('shortens a logged value past 60 characters', () => {
    const { lms, adapter } = started();
    lms.refuse(/^cmi\.suspend_data=/, '351');
    adapter.saveState('x'.repeat(61), '');
    adapter.saveState('y'.repeat(60), '');
    expect(adapter.errors().map((e) => e.call)).toEqual([
      `${names.setValue}("cmi.suspend_data", "${'x'.repeat(60)}…")`,
      `${names.setValue}("cmi.suspend_data", "${'y'.repeat(60)}")`,
    ]);
  });

  it('keeps the latest 20 errors', () => {
    const { lms, adapter } = started();
    lms.refuse(/^cmi\.suspend_data=/, '351');
    for (let i = 0; i < 25; i++) adapter.saveState(`s${i}`, '');
    const logged = adapter.errors().map((e) => e.call);
    expect(logged).toHaveLength(20);
    expect([logged[0], logged[19]]).toEqual([`${names.setValue}("cmi.suspend_data", "s5")`, `${names.setValue}("cmi.suspend_data", "s24")`]);
  });

  it('writes the time since launch as the session time, then commits', () => {
    let now = 1_000_000;
    const lms = scriptedLms(version);
    const adapter = v.make(lms.api, () => now);
    adapter.start();
    lms.calls.length = 0;
    now += 90_500;
    expect(adapter.commit()).toBe('ok');
    expect(lms.calls).toEqual([`${names.setValue} ${v.sessionTime}=${version === '1.2' ? '00:01:30.50' : 'PT1M30.5S'}`, names.commit]);
  });

  it('calls a refused commit "failed", or "fatal" when the code says the session is over', () => {
    const { lms, adapter } = started();
    let code = '';
    lms.api[names.commit] = () => 'false';
    lms.api[names.getLastError] = () => code;
    const outcome = (c: string) => ((code = c), adapter.commit());
    expect(names.fatalCodes.map(outcome)).toEqual(names.fatalCodes.map(() => 'fatal'));
    expect(['391', '0', ''].map(outcome)).toEqual(['failed', 'failed', 'failed']);
  });

  it('sends nothing before the session opens, and finishes it once', () => {
    const lms = scriptedLms(version);
    const adapter = v.make(lms.api);
    expect(adapter.commit()).toBe('fatal');
    adapter.finish();
    expect(lms.calls).toEqual([]);
    adapter.start();
    lms.calls.length = 0;
    adapter.finish();
    expect(lms.calls.map((c) => c.split(' ')[0])).toEqual([names.setValue, names.commit, names.terminate]);
    expect(adapter.commit()).toBe('fatal');
    adapter.finish();
    expect(lms.calls).toHaveLength(3);
  });

  it('sends nothing after a refused Initialize (SCORM 2004 "already initialised" still counts as open)', () => {
    const lms = scriptedLms(version);
    lms.api[names.initialize] = () => 'false';
    lms.api[names.getLastError] = () => '103';
    const adapter = v.make(lms.api);
    const open = version === '2004';
    expect(adapter.start().connected).toBe(open);
    lms.calls.length = 0;
    expect(adapter.commit()).toBe(open ? 'ok' : 'fatal');
    adapter.finish();
    expect(lms.calls.length > 0).toBe(open);
  });
});

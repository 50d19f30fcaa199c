import { describe, expect, it } from 'vitest';
import { IDLE_COMMIT_MS } from '../../src/tracking/commit-policy.ts';
import { readCourseRecord } from '../../src/tracking/course-record.ts';
import { fixtureModule, openFixture, savedProgress, SCORES, takeAttempt } from '../support/fixture-module.ts';

const commits = (lms: ReturnType<typeof openFixture>['lms']) => lms.argsOf('commit').length;

describe('finishing a session (pagehide)', () => {
  it('leaves the LMS a resumable record even when the learner did nothing, then ends the session once', () => {
    const { lms, session } = openFixture();
    const atLaunch = lms.calls.length;
    session.finish();
    session.finish();
    const names = lms.names().slice(atLaunch);
    expect(names.filter((n) => n === 'finish')).toEqual(['finish']);
    expect(names.at(-1)).toBe('finish');
    expect(lms.argsOf('saveState')).toHaveLength(1);
    expect(lms.argsOf('saveState')[0]![1]).toBe('lesson:systems');
    expect(lms.last('setCompletion')).toBe(false);
    expect(lms.last('setExit')).toBe('suspend');
  });

  it('keeps a browser copy and the course record of a session closed at once', () => {
    const { session, store } = openFixture({ learnerId: 'sam' }, {}, { now: () => 1234 });
    expect([...store.data.keys()]).toEqual([]);
    session.finish();
    expect(store.get(`course:${session.config.courseId}:m1:sam`)).toMatch(/"savedAt":1234/);
    expect(readCourseRecord(store, session.config.courseId).learners['sam']?.modules['m1']).toEqual({
      completed: false,
      success: 'unknown',
      score: null,
      reflections: {},
      updatedAt: 1234,
    });
  });

  it('writes and commits nothing after it, whatever the page still does', () => {
    const { lms, session, store } = openFixture();
    session.goTo(1); // an idle commit waits
    session.finish();
    const calls = lms.calls.length;
    const stored = JSON.stringify([...store.data]);
    session.goTo(0);
    session.flush();
    expect(lms.calls.length).toBe(calls);
    expect(JSON.stringify([...store.data])).toBe(stored);
  });
});

describe('what each change sets in the LMS', () => {
  it('sets no score and no success before anything is scored', () => {
    const { lms, session } = openFixture();
    session.goTo(1);
    expect(lms.argsOf('setScore')).toEqual([]);
    expect(lms.argsOf('setSuccess')).toEqual([]);
    expect(lms.last('setCompletion')).toBe(false);
  });

  it('commits at once when completion changes, and within the idle time for anything else', () => {
    const { lms, session, timers } = openFixture();
    takeAttempt(session, SCORES.all);
    const afterSubmit = commits(lms);
    session.goTo(0);
    expect(commits(lms)).toBe(afterSubmit);
    expect(timers.queue.map((t) => t.ms)).toEqual([IDLE_COMMIT_MS]);
    session.goTo(1); // the last lesson read: the module is complete
    expect(lms.last('setCompletion')).toBe(true);
    expect(commits(lms)).toBe(afterSubmit + 1);
  });

  it('commits nothing at once while the learner has not chosen resume or start again', () => {
    const config = fixtureModule();
    const suspendData = savedProgress(config, (s) => s.goTo(1));
    const { lms, session, timers } = openFixture({ entry: 'resume', suspendData });
    expect(session.pendingResume).not.toBeNull();
    const atLaunch = commits(lms);
    session.goTo(0);
    expect(commits(lms)).toBe(atLaunch);
    expect(timers.queue.map((t) => t.ms)).toEqual([IDLE_COMMIT_MS]);
    expect(lms.argsOf('saveState')).toEqual([]);
  });

  it('updates the course record on every change, not only at the end', () => {
    const { session, store } = openFixture({ learnerId: 'sam' });
    takeAttempt(session, SCORES.threeQuarters);
    expect(readCourseRecord(store, session.config.courseId).learners['sam']?.modules['m1']).toMatchObject({ success: 'passed', score: 75 });
  });

  it('tells subscribers about each change', () => {
    const { session } = openFixture();
    const positions: number[] = [];
    session.subscribe((s) => positions.push(s.state.position));
    session.goTo(1);
    expect(positions).toEqual([0, 1]);
  });
});

describe('suspend data too large for the LMS', () => {
  it('is sent when it fits exactly, and otherwise kept in the browser with a notice', () => {
    const config = fixtureModule();
    const data = savedProgress(config, (s) => s.goTo(1));
    const fits = openFixture({}, {}, { lms: { suspendDataLimit: data.length } });
    fits.session.goTo(1);
    expect(fits.lms.argsOf('saveState')).toEqual([[data, 'lesson:navigating']]);
    expect(fits.session.notices).toEqual([]);

    const tooLong = openFixture({}, {}, { lms: { suspendDataLimit: data.length - 1 } });
    tooLong.session.goTo(1);
    expect(tooLong.lms.argsOf('saveState')).toEqual([]);
    expect(tooLong.session.notices).toEqual([{ kind: 'too-large', text: 'Your progress is too large for this learning system to store; it is kept in this browser.' }]);
    expect(tooLong.lms.last('setCompletion')).toBe(false); // the rest of the record is still written
  });
});

describe('exit and the score held at launch', () => {
  it('exits normally when the LMS already holds a completed pass, even in a fresh attempt', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousCompletion: true, previousScore: 90 });
    session.goTo(0);
    expect(lms.last('setExit')).toBe('normal');
  });

  it.each([
    ['a pass not yet completed', { previousSuccess: 'passed', previousCompletion: false, previousScore: 90 }],
    ['a completed fail', { previousSuccess: 'failed', previousCompletion: true, previousScore: 20 }],
  ] as const)('keeps suspending over %s', (_, launch) => {
    const { lms, session } = openFixture(launch);
    session.goTo(0);
    expect(lms.last('setExit')).toBe('suspend');
  });

  it('reports a new, lower score over a held fail', () => {
    const { lms, session } = openFixture({ previousSuccess: 'failed', previousScore: 40 }, { counts: 'last' });
    takeAttempt(session, SCORES.quarter);
    expect(lms.last('setScore')).toEqual({ raw: 25, min: 0, max: 100 });
  });

  it('reports a new, lower score over a held pass when the module allows downgrades', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 80 }, { counts: 'last', allowPassDowngrade: true });
    takeAttempt(session, SCORES.quarter);
    expect(lms.last('setScore')).toEqual({ raw: 25, min: 0, max: 100 });
    expect(lms.last('setSuccess')).toBe('failed');
  });

  it('never reports below a held pass, and reports a better score over it', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 60 }, { counts: 'last' });
    session.goTo(0);
    expect(lms.last('setScore')).toEqual({ raw: 60, min: 0, max: 100 });
    takeAttempt(session, SCORES.quarter);
    expect(lms.last('setScore')).toEqual({ raw: 60, min: 0, max: 100 });
    takeAttempt(session, SCORES.all);
    expect(lms.last('setScore')).toEqual({ raw: 100, min: 0, max: 100 });
  });
});

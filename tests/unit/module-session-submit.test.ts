import { describe, expect, it } from 'vitest';
import type { ObjectiveReport } from '../../src/tracking/lms-adapter.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { fixtureModule, openFixture, SCORES, takeAttempt } from '../support/fixture-module.ts';
import { memoryStore } from '../support/memory-store.ts';
import { recordingLms } from '../support/recording-lms.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { fixtureCourse } from '../support/real-course.ts';

/** The objectives written by the last scored attempt, as `id: success percent`. */
function objectivesWritten(lms: ReturnType<typeof recordingLms>, from = 0): string[] {
  return lms.calls.slice(from).flatMap((c) => (c[0] === 'setObjective' ? [`${c[1].id}: ${c[1].success} ${c[1].score?.raw}`] : []));
}

describe('submitting a quiz attempt', () => {
  it('reports each outcome of the attempt as a completed objective with its score', () => {
    const { lms, session } = openFixture();
    takeAttempt(session, SCORES.systemsOnly);
    expect(lms.argsOf('setObjective').map(([o]) => o)).toEqual<ObjectiveReport[]>([
      { id: 'm1-systems', description: 'Explain systems', score: { raw: 100, min: 0, max: 100 }, completed: true, success: 'passed' },
      { id: 'm1-navigating', description: 'Navigate a site', score: { raw: 0, min: 0, max: 100 }, completed: true, success: 'failed' },
    ]);
    expect(session.quiz).toMatchObject({ attempts: 1, last: 50, best: 50, everPassed: true });
  });

  it('does nothing while an item is unanswered', () => {
    const { lms, session } = openFixture();
    const { right } = answerBook(fixtureCourse());
    session.startQuizAttempt();
    const items = attemptItems(session);
    items.slice(0, -1).forEach((item, i) => session.answer(i, right(item), 0));
    session.submitAttempt();
    expect(session.quiz).toMatchObject({ attempts: 0, last: null });
    expect(session.quiz?.current?.submitted).toBe(false);
    expect(lms.argsOf('setObjective')).toEqual([]);
  });

  it('counts an attempt once however many times submit is pressed', () => {
    const { lms, session } = openFixture();
    takeAttempt(session, SCORES.all);
    const calls = lms.calls.length;
    session.submitAttempt();
    expect(session.quiz?.attempts).toBe(1);
    expect(lms.calls.length).toBe(calls);
  });

  it('ignores a submit with no attempt started, and in a module without a quiz', () => {
    const { lms, session } = openFixture();
    session.submitAttempt();
    expect(session.quiz?.attempts).toBe(0);
    expect(lms.argsOf('setObjective')).toEqual([]);

    const base = fixtureModule();
    const noQuiz = new ModuleSession({ ...base, views: base.views.filter((v) => v.kind !== 'quiz') }, recordingLms().adapter, memoryStore());
    expect(() => noQuiz.submitAttempt()).not.toThrow();
    expect(noQuiz.quiz).toBeNull();
  });

  it('passes at exactly the pass mark', () => {
    // counts 'last' without downgrades: a pass at the mark is what keeps the later, worse score from being reported.
    const { lms, session } = openFixture({}, { counts: 'last' });
    takeAttempt(session, SCORES.navigatingOnly);
    expect(session.quiz?.everPassed).toBe(true);
    takeAttempt(session, SCORES.quarter);
    expect(lms.last('setScore')).toEqual({ raw: 50, min: 0, max: 100 });
    expect(lms.last('setSuccess')).toBe('passed');
  });

  it('commits a scored attempt at once, even when the reported status and score do not change', () => {
    const { lms, session, timers } = openFixture();
    takeAttempt(session, SCORES.all);
    const commits = lms.argsOf('commit').length;
    takeAttempt(session, SCORES.none); // counts 'best': the LMS still holds 100 and passed
    expect(lms.last('setScore')).toEqual({ raw: 100, min: 0, max: 100 });
    expect(lms.argsOf('commit').length).toBe(commits + 1);
    expect(timers.queue).toEqual([]);
  });
});

describe('objectives after a later attempt', () => {
  it('follow each attempt of a quiz that counts the last one, when downgrades are allowed', () => {
    const { lms, session } = openFixture({}, { counts: 'last', allowPassDowngrade: true });
    takeAttempt(session, SCORES.all);
    const from = lms.calls.length;
    takeAttempt(session, SCORES.quarter);
    expect(objectivesWritten(lms, from)).toEqual(['m1-systems: passed 50', 'm1-navigating: failed 0']);
  });

  it('follow each failed attempt of a quiz that counts the last one: a fail is no pass to keep', () => {
    const { lms, session } = openFixture({}, { counts: 'last' });
    takeAttempt(session, SCORES.quarter);
    const from = lms.calls.length;
    takeAttempt(session, SCORES.none);
    expect(objectivesWritten(lms, from)).toEqual(['m1-systems: failed 0', 'm1-navigating: failed 0']);
    expect(lms.last('setScore')).toEqual({ raw: 0, min: 0, max: 100 });
  });

  it('stay with a pass from this session when a later attempt fails (no downgrades)', () => {
    const { lms, session } = openFixture({}, { counts: 'last' });
    takeAttempt(session, SCORES.all);
    const from = lms.calls.length;
    takeAttempt(session, SCORES.quarter);
    expect(objectivesWritten(lms, from)).toEqual([]);
  });

  it('stay with a pass the LMS held at launch when this attempt fails', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 80 }, { counts: 'last' });
    takeAttempt(session, SCORES.quarter);
    expect(objectivesWritten(lms)).toEqual([]);
  });

  it('follow a failed attempt when the module allows downgrades, even with a pass held at launch', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 80 }, { counts: 'last', allowPassDowngrade: true });
    takeAttempt(session, SCORES.quarter);
    expect(objectivesWritten(lms)).toEqual(['m1-systems: passed 50', 'm1-navigating: failed 0']);
  });

  it('follow a failed attempt when the earlier result was a fail', () => {
    const { lms, session } = openFixture({ previousSuccess: 'failed', previousScore: 25 }, { counts: 'last' });
    takeAttempt(session, SCORES.quarter);
    expect(objectivesWritten(lms)).toEqual(['m1-systems: passed 50', 'm1-navigating: failed 0']);
  });

  it('stay with a held pass when a new pass scores lower than the score the LMS holds', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 100 }, { counts: 'last' });
    takeAttempt(session, SCORES.threeQuarters);
    expect(objectivesWritten(lms)).toEqual([]);
  });

  it('stay with this session\'s best pass when a new pass scores lower', () => {
    const { lms, session } = openFixture({}, { counts: 'last' });
    takeAttempt(session, SCORES.all);
    const from = lms.calls.length;
    takeAttempt(session, SCORES.threeQuarters);
    expect(objectivesWritten(lms, from)).toEqual([]);
  });

  it('follow a new pass that equals the score held with a pass', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 50 }, { counts: 'last' });
    takeAttempt(session, SCORES.navigatingOnly);
    expect(objectivesWritten(lms)).toEqual(['m1-systems: failed 0', 'm1-navigating: passed 100']);
  });

  it('follow a new pass that beats the score held with a pass', () => {
    const { lms, session } = openFixture({ previousSuccess: 'passed', previousScore: 75 }, { counts: 'last' });
    takeAttempt(session, SCORES.all);
    expect(objectivesWritten(lms)).toEqual(['m1-systems: passed 100', 'm1-navigating: passed 100']);
  });

  it('of a quiz that counts the best attempt stay with the best one, but follow an attempt that equals it', () => {
    const { lms, session } = openFixture({}, { counts: 'best' });
    takeAttempt(session, SCORES.quarter);
    let from = lms.calls.length;
    takeAttempt(session, SCORES.none);
    expect(objectivesWritten(lms, from)).toEqual([]);
    from = lms.calls.length;
    takeAttempt(session, SCORES.quarter.map(() => 'q02'));
    expect(objectivesWritten(lms, from)).toEqual(['m1-systems: failed 0', 'm1-navigating: passed 50']);
  });
});

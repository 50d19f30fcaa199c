import { describe, expect, it } from 'vitest';
import { initialState, type LearnerState } from '../../src/tracking/learner-state.ts';
import { isComplete, isFinished, reportedScore, successStatus } from '../../src/tracking/status-rules.ts';

const shape = { moduleId: 'm', lessons: ['a', 'b'], quiz: { optionCounts: [2], maxAttempts: 2 }, scenarios: [], reflections: [] };
const policy = { passMark: 80, allowPassDowngrade: false, maxAttempts: 2 };

function state(edit: (s: LearnerState) => void): LearnerState {
  const s = initialState(shape);
  edit(s);
  return s;
}

describe('status rules', () => {
  it('is complete only when every lesson is seen and the quiz attempted', () => {
    expect(isComplete(state((s) => (s.lessonsSeen = [true, true])))).toBe(false);
    expect(isComplete(state((s) => ((s.lessonsSeen = [true, false]), (s.quiz.attempts = 1))))).toBe(false);
    expect(isComplete(state((s) => ((s.lessonsSeen = [true, true]), (s.quiz.attempts = 1))))).toBe(true);
  });

  it('leaves success unknown before any attempt', () => {
    expect(successStatus(initialState(shape), policy, 'unknown')).toBe('unknown');
  });

  it('passes and fails by the pass mark', () => {
    expect(successStatus(state((s) => ((s.quiz.last = 80), (s.quiz.best = 80), (s.quiz.everPassed = true))), policy, 'unknown')).toBe('passed');
    expect(successStatus(state((s) => ((s.quiz.last = 79), (s.quiz.best = 79))), policy, 'unknown')).toBe('failed');
  });

  it('never turns a pass from an earlier session into a fail unless allowed', () => {
    const worse = state((s) => ((s.quiz.last = 20), (s.quiz.best = 20)));
    expect(successStatus(worse, policy, 'passed')).toBe('passed');
    expect(successStatus(worse, { ...policy, allowPassDowngrade: true }, 'passed')).toBe('failed');
  });

  it('reports the best score once passed, the latest otherwise', () => {
    expect(reportedScore(state((s) => ((s.quiz.last = 40), (s.quiz.best = 90), (s.quiz.everPassed = true))), policy)).toBe(90);
    expect(reportedScore(state((s) => ((s.quiz.last = 40), (s.quiz.best = 60))), policy)).toBe(40);
  });

  it('finishes (exit normal) when complete and passed, or out of attempts', () => {
    const done = (attempts: number) => state((s) => ((s.lessonsSeen = [true, true]), (s.quiz.attempts = attempts)));
    expect(isFinished(done(1), policy, 'passed')).toBe(true);
    expect(isFinished(done(1), policy, 'failed')).toBe(false);
    expect(isFinished(done(2), policy, 'failed')).toBe(true);
  });
});

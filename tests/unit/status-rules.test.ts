import { describe, expect, it } from 'vitest';
import { initialState, quizOf, type LearnerState, type ModuleShape, type QuizProgress } from '../../src/tracking/learner-state.ts';
import { attemptsLeft, isComplete, isFinished, reportedScore, successStatus } from '../../src/tracking/status-rules.ts';

const shape: ModuleShape = {
  moduleId: 'm',
  views: [
    { kind: 'lesson', id: 'a' },
    { kind: 'lesson', id: 'b' },
    { kind: 'quiz', id: 'quiz', items: [{ id: 'q1', kind: 'choice', options: ['true', 'false'] }], perAttempt: 1, maxAttempts: 2 },
  ],
};
const withScenario: ModuleShape = { moduleId: 'p', views: [{ kind: 'lesson', id: 'a' }, { kind: 'scenario', id: 's', maxChoices: 3, maxDepth: 4, ids: [] }] };
const policy = { passMark: 80, allowPassDowngrade: false, maxAttempts: 2 };

/** A state of `shape` with lessons seen as given and the quiz edited. */
function state(seen: [boolean, boolean], edit: (quiz: QuizProgress) => void = () => {}): LearnerState {
  const s = initialState(shape);
  seen.forEach((flag, i) => (s.views[i]!.seen = flag));
  edit(quizOf(s)!.quiz);
  return s;
}
const none: [boolean, boolean] = [false, false];
const all: [boolean, boolean] = [true, true];

describe('status rules', () => {
  it('is complete only when every lesson is seen and the quiz attempted', () => {
    expect(isComplete(state(all))).toBe(false);
    expect(isComplete(state([true, false], (q) => (q.attempts = 1)))).toBe(false);
    expect(isComplete(state(all, (q) => (q.attempts = 1)))).toBe(true);
  });

  it('counts a scenario as done once a play-through has ended', () => {
    const s = initialState(withScenario);
    s.views[0]!.seen = true;
    expect(isComplete(s)).toBe(false);
    const view = s.views[1]!;
    if (view.kind === 'scenario') view.scenario.best = 40;
    expect(isComplete(s)).toBe(true);
  });

  it('leaves success unknown before any attempt', () => {
    expect(successStatus(initialState(shape), policy, 'unknown')).toBe('unknown');
  });

  it('passes and fails by the pass mark', () => {
    expect(successStatus(state(none, (q) => ((q.last = 80), (q.best = 80), (q.everPassed = true))), policy, 'unknown')).toBe('passed');
    expect(successStatus(state(none, (q) => ((q.last = 79), (q.best = 79))), policy, 'unknown')).toBe('failed');
  });

  it('never turns a pass from an earlier session into a fail unless allowed', () => {
    const worse = state(none, (q) => ((q.last = 20), (q.best = 20)));
    expect(successStatus(worse, policy, 'passed')).toBe('passed');
    expect(successStatus(worse, { ...policy, allowPassDowngrade: true }, 'passed')).toBe('failed');
  });

  it('reports the best score once passed, the latest otherwise', () => {
    expect(reportedScore(state(none, (q) => ((q.last = 40), (q.best = 90), (q.everPassed = true))), policy)).toBe(90);
    expect(reportedScore(state(none, (q) => ((q.last = 40), (q.best = 60))), policy)).toBe(40);
  });

  it('finishes (exit normal) when complete and passed, or out of attempts', () => {
    const done = (attempts: number) => state(all, (q) => (q.attempts = attempts));
    expect(isFinished(done(1), policy, 'passed')).toBe(true);
    expect(isFinished(done(1), policy, 'failed')).toBe(false);
    expect(isFinished(done(2), policy, 'failed')).toBe(true);
  });
});

describe('a quiz that counts the best attempt', () => {
  it('reports the best score even before a pass', () => {
    const state = initialState(shape);
    const quiz = state.views[2]!;
    if (quiz.kind !== 'quiz') throw new Error('shape changed');
    quiz.quiz = { attempts: 2, best: 70, last: 40, everPassed: false, current: null };
    expect(reportedScore(state, { ...policy, counts: 'best' })).toBe(70);
    expect(reportedScore(state, { ...policy, counts: 'last' })).toBe(40);
  });
});

describe('status rules: scenario modules (scenario_scoring: mean)', () => {
  const practice: ModuleShape = {
    moduleId: 'practice',
    views: [{ kind: 'lesson', id: 'a' }, ...['s1', 's2'].map((id) => ({ kind: 'scenario' as const, id, maxChoices: 3, maxDepth: 12, ids: [] }))],
  };
  const withBests = (bests: (number | null)[]): LearnerState => {
    const s = initialState(practice);
    s.views[0]!.seen = true;
    s.views.slice(1).forEach((v, i) => {
      if (v.kind === 'scenario') v.scenario.best = bests[i] ?? null;
    });
    return s;
  };
  const modulePolicy = { passMark: 70, allowPassDowngrade: false, maxAttempts: 0 };

  it('has no score before any scenario ends', () => {
    expect(reportedScore(withBests([null, null]), modulePolicy)).toBeNull();
    expect(successStatus(withBests([null, null]), modulePolicy, 'unknown')).toBe('unknown');
  });

  it('scores the mean of the scenarios, counting one not finished yet as 0', () => {
    expect(reportedScore(withBests([90, null]), modulePolicy)).toBe(45);
    expect(successStatus(withBests([90, null]), modulePolicy, 'unknown')).toBe('failed');
    expect(reportedScore(withBests([90, 61]), modulePolicy)).toBe(76);
    expect(successStatus(withBests([90, 61]), modulePolicy, 'unknown')).toBe('passed');
  });

  it('finishes once every scenario has ended and the mean reaches the pass mark', () => {
    expect(isFinished(withBests([90, 61]), modulePolicy, 'passed')).toBe(true);
    expect(isFinished(withBests([90, null]), modulePolicy, 'failed')).toBe(false);
  });

  it('never runs out of attempts in a module without a quiz', () => {
    expect(attemptsLeft(withBests([40, 20]), modulePolicy)).toBe(Infinity);
    expect(attemptsLeft(withBests([40, 20]), { ...modulePolicy, maxAttempts: 2 })).toBe(2);
  });

  it('counts the quiz as one more scored view in a module with both a quiz and scenarios', () => {
    const mixed: ModuleShape = { moduleId: 'mixed', views: [...shape.views, withScenario.views[1]!] };
    const s = initialState(mixed);
    const quiz = quizOf(s)!.quiz;
    const scenario = s.views[3]!;
    if (scenario.kind !== 'scenario') throw new Error('shape changed');
    expect(reportedScore(s, policy)).toBeNull();
    scenario.scenario.best = 60;
    // The quiz not attempted yet counts as 0.
    expect(reportedScore(s, policy)).toBe(30);
    Object.assign(quiz, { attempts: 1, last: 91, best: 91, everPassed: true });
    expect(reportedScore(s, policy)).toBe(76);
  });
});

import { describe, expect, it } from 'vitest';
import { positionForHash, progressSummary, viewAnchor, viewDone, type ViewRef } from '../../src/lib/module-views.ts';
import { initialQuizProgress, type ViewState } from '../../src/tracking/learner-state.ts';

const lesson = (seen: boolean): ViewState => ({ kind: 'lesson', seen });
const quiz = (attempts: number): ViewState => ({ kind: 'quiz', seen: true, quiz: { ...initialQuizProgress(), attempts } });
const scenario = (best: number | null): ViewState => ({ kind: 'scenario', seen: true, scenario: { path: [], ended: best !== null, best } });
const reflection = (seen: boolean): ViewState => ({ kind: 'reflection', seen, texts: [''] });

const views: ViewRef[] = [
  { kind: 'lesson', id: 'live-chat' },
  { kind: 'scenario', id: 'new-customer' },
  { kind: 'quiz', id: 'u219-lo1' },
  { kind: 'reflection', id: 'own-practice' },
];

describe('view anchors (URL fragments)', () => {
  it('is "quiz" for the quiz and kind-id for the others', () => {
    expect(views.map(viewAnchor)).toEqual(['lesson-live-chat', 'scenario-new-customer', 'quiz', 'reflection-own-practice']);
  });

  it('finds the position a hash names, with or without the leading #', () => {
    expect(positionForHash('#lesson-live-chat', views)).toBe(0);
    expect(positionForHash('#quiz', views)).toBe(2);
    expect(positionForHash('reflection-own-practice', views)).toBe(3);
  });

  it('gives null for a hash that names no view', () => {
    expect(positionForHash('#lesson-missing', views)).toBeNull();
    expect(positionForHash('#quiz-u219-lo1', views)).toBeNull();
    // Only a leading # is dropped; one elsewhere is part of the name.
    expect(positionForHash('quiz#', views)).toBeNull();
  });
});

describe('viewDone', () => {
  it('counts lessons and reflections once seen, the quiz once attempted, a scenario once finished', () => {
    expect(viewDone(lesson(true))).toBe(true);
    expect(viewDone(lesson(false))).toBe(false);
    expect(viewDone(reflection(true))).toBe(true);
    expect(viewDone(reflection(false))).toBe(false);
    expect(viewDone(quiz(0))).toBe(false);
    expect(viewDone(quiz(1))).toBe(true);
    expect(viewDone(scenario(null))).toBe(false);
    // A finished play-through scoring 0 % still finishes the scenario.
    expect(viewDone(scenario(0))).toBe(true);
  });
});

describe('progressSummary', () => {
  it('counts lessons seen, the share of views done and the other views’ status', () => {
    const summary = progressSummary([lesson(true), lesson(false), lesson(true), quiz(1), scenario(0), scenario(null), reflection(false)]);
    // 4 of 7 views done: two lessons, the quiz, one scenario.
    expect(summary).toEqual({ seen: 2, total: 3, percent: 57, extras: ['quiz attempted', '1 of 2 scenarios finished'] });
  });

  it('says nothing about an unattempted quiz or absent scenarios', () => {
    expect(progressSummary([lesson(true), quiz(0)])).toEqual({ seen: 1, total: 1, percent: 50, extras: [] });
    expect(progressSummary([lesson(false), lesson(false), lesson(true), reflection(true)])).toEqual({
      seen: 1,
      total: 3,
      percent: 50,
      extras: [],
    });
  });

  it('is 0 % with no views at all', () => {
    expect(progressSummary([])).toEqual({ seen: 0, total: 0, percent: 0, extras: [] });
  });
});

import type { QuizResponse } from '../lib/quiz-response.ts';

/**
 * Everything a learner has done in one module (one SCO). It is saved through
 * the suspend codec (`codec/`), so every field here must be representable there.
 *
 * A module is a typed list of views shown one at a time (lessons, a quiz,
 * scenarios, reflection prompts); the state keeps one entry per view, in the
 * same order, so adding a kind of view never reshuffles the others.
 */

/** The structure of a module that the saved state is indexed by (and fingerprinted on). */
export interface ModuleShape {
  moduleId: string;
  views: readonly ViewShape[];
}

export type ViewShape = LessonShape | QuizShape | ScenarioShape | ReflectionShape;
export type ViewKind = ViewShape['kind'];

export interface LessonShape {
  kind: 'lesson';
  id: string;
}

export interface QuizShape {
  kind: 'quiz';
  id: string;
  /** Every item of the bank, in authored order, with what its response is made of. */
  items: readonly QuizItemShape[];
  /** Items each attempt draws (all items when the quiz has no draw). */
  perAttempt: number;
  maxAttempts: number;
}

/** What one item's response indexes into (ids, so an edited item is a changed module). */
export type QuizItemShape =
  | { id: string; kind: 'choice'; options: readonly string[] }
  | { id: string; kind: 'matching'; prompts: readonly string[]; answers: readonly string[] }
  | { id: string; kind: 'ordering'; steps: readonly string[] }
  | { id: string; kind: 'text'; maxLength: number };

export interface ScenarioShape {
  kind: 'scenario';
  id: string;
  /** How many choices the widest node offers. */
  maxChoices: number;
  /** Longest path the learner can take (decisions), so a stored path has a bound. */
  maxDepth: number;
  /** Node and choice ids, so an edited scenario is detected as a changed module. */
  ids: readonly string[];
}

export interface ReflectionShape {
  kind: 'reflection';
  id: string;
  prompts: readonly { id: string; maxLength: number }[];
}

export interface QuizAttempt {
  /** Rebuilds the draw and every option order, so a resumed attempt looks the same. */
  seed: number;
  /** Indexes of the drawn items (into the quiz's items), in the order shown. */
  items: number[];
  /** Position in `items` the learner is on (0-based). */
  position: number;
  /** One entry per drawn item; stored when the learner checks or saves it. */
  responses: (QuizResponse | null)[];
  submitted: boolean;
}

export interface QuizProgress {
  /** Completed attempts. */
  attempts: number;
  /** Percentages, null before the first completed attempt. */
  best: number | null;
  last: number | null;
  everPassed: boolean;
  current: QuizAttempt | null;
}

export interface ScenarioProgress {
  /** Choice index taken at each node, in order, on the current play-through. */
  path: number[];
  ended: boolean;
  /** Best percentage over finished play-throughs, null before the first ending. */
  best: number | null;
}

export type ViewState =
  | { kind: 'lesson'; seen: boolean }
  | { kind: 'quiz'; seen: boolean; quiz: QuizProgress }
  | { kind: 'scenario'; seen: boolean; scenario: ScenarioProgress }
  | { kind: 'reflection'; seen: boolean; texts: string[] };

export interface LearnerState {
  /** Index into the module's views. */
  position: number;
  /** Grows with every save; the newer of the LMS and browser copies wins at launch. */
  saveCount: number;
  /** The LMS refused our ids, so this learner's records use the fallback id form (kept across sessions). */
  fallbackIds: boolean;
  views: ViewState[];
}

export function initialViewState(view: ViewShape): ViewState {
  switch (view.kind) {
    case 'lesson':
      return { kind: 'lesson', seen: false };
    case 'quiz':
      return { kind: 'quiz', seen: false, quiz: initialQuizProgress() };
    case 'scenario':
      return { kind: 'scenario', seen: false, scenario: { path: [], ended: false, best: null } };
    case 'reflection':
      return { kind: 'reflection', seen: false, texts: view.prompts.map(() => '') };
  }
}

export function initialQuizProgress(): QuizProgress {
  return { attempts: 0, best: null, last: null, everPassed: false, current: null };
}

export function initialState(shape: ModuleShape): LearnerState {
  return { position: 0, saveCount: 0, fallbackIds: false, views: shape.views.map(initialViewState) };
}

/** The module's quiz (a module has at most one), with its index in the views. */
export function quizOf(state: LearnerState): { index: number; quiz: QuizProgress } | null {
  const index = state.views.findIndex((v) => v.kind === 'quiz');
  const view = state.views[index];
  return view?.kind === 'quiz' ? { index, quiz: view.quiz } : null;
}

export function quizShapeOf(shape: ModuleShape): QuizShape | null {
  return shape.views.find((v): v is QuizShape => v.kind === 'quiz') ?? null;
}

export function newAttempt(seed: number, items: readonly number[]): QuizAttempt {
  return { seed, items: [...items], position: 0, responses: items.map(() => null), submitted: false };
}

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
  /** Item ids with their option ids, in item order (true/false items have two). */
  items: readonly { id: string; options: readonly string[] }[];
  maxAttempts: number;
}

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

/** Selected option indexes as a bit mask (bit i = option i chosen); 0 means not answered. */
export type ResponseMask = number;

export interface QuizAttempt {
  /** Item the learner is on (0-based). */
  position: number;
  /** One entry per item; an answer is stored when the learner checks it. */
  answers: ResponseMask[];
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
  return { position: 0, saveCount: 0, views: shape.views.map(initialViewState) };
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

export function newAttempt(quiz: QuizShape): QuizAttempt {
  return { position: 0, answers: quiz.items.map(() => 0), submitted: false };
}

export function maskFromIndexes(indexes: readonly number[]): ResponseMask {
  return indexes.reduce((mask, i) => mask | (1 << i), 0);
}

export function indexesFromMask(mask: ResponseMask): number[] {
  const out: number[] = [];
  for (let i = 0; mask >> i; i++) if ((mask >> i) & 1) out.push(i);
  return out;
}

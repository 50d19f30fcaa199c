/**
 * Everything a learner has done in one module (one SCO). It is saved through
 * suspend-codec.ts, so every field here must be representable there.
 */

/** The structure of a module that the saved state is indexed by. */
export interface ModuleShape {
  moduleId: string;
  lessons: readonly string[];
  quiz: {
    /** Number of answer options per item, in item order (true/false items have 2). */
    optionCounts: readonly number[];
    maxAttempts: number;
  };
  /** Branching scenarios: how many choices the widest node offers. */
  scenarios: readonly { id: string; maxChoices: number; maxDepth: number }[];
  /** Free-text reflection prompts and their character limits. */
  reflections: readonly { id: string; maxLength: number }[];
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
  /** Choice index taken at each node, in order. */
  path: number[];
  ended: boolean;
}

export interface LearnerState {
  /** Index into the module's views: lessons in order, then the quiz. */
  position: number;
  lessonsSeen: boolean[];
  quiz: QuizProgress;
  scenarios: ScenarioProgress[];
  reflections: string[];
}

export function initialState(shape: ModuleShape): LearnerState {
  return {
    position: 0,
    lessonsSeen: shape.lessons.map(() => false),
    quiz: { attempts: 0, best: null, last: null, everPassed: false, current: null },
    scenarios: shape.scenarios.map(() => ({ path: [], ended: false })),
    reflections: shape.reflections.map(() => ''),
  };
}

export function newAttempt(shape: ModuleShape): QuizAttempt {
  return { position: 0, answers: shape.quiz.optionCounts.map(() => 0), submitted: false };
}

export function maskFromIndexes(indexes: readonly number[]): ResponseMask {
  return indexes.reduce((mask, i) => mask | (1 << i), 0);
}

export function indexesFromMask(mask: ResponseMask): number[] {
  const out: number[] = [];
  for (let i = 0; mask >> i; i++) if ((mask >> i) & 1) out.push(i);
  return out;
}

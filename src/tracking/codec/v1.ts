import { initialState, type LearnerState, type ModuleShape, type QuizAttempt, type QuizProgress, type QuizShape } from '../learner-state.ts';
import { BitReader, fingerprint } from './bits.ts';

/**
 * Codec version 1 (lessons, then one quiz; no scenario views existed). Kept so a
 * learner's record saved before typed views still restores: the v1 layout is
 * rebuilt from today's shape, checked against the v1 fingerprint, then mapped
 * onto today's views.
 */
export const V1 = '1';
const FINGERPRINT_LENGTH = 4;

export type V1Decode = { ok: true; state: LearnerState; includesText: boolean } | { ok: false; reason: 'module-changed' | 'corrupt'; detail: string };

interface V1Layout {
  moduleId: string;
  lessons: string[];
  /** Options per quiz item; v1 quizzes had choice items only, so any other kind is -1 and makes the fingerprint differ. */
  optionCounts: number[];
  /** Items today's quiz draws per attempt. */
  perAttempt: number;
  reflections: { id: string; maxLength: number }[];
}

function layoutOf(shape: ModuleShape): V1Layout {
  const quiz = shape.views.find((v): v is QuizShape => v.kind === 'quiz');
  return {
    moduleId: shape.moduleId,
    lessons: shape.views.filter((v) => v.kind === 'lesson').map((v) => v.id),
    optionCounts: quiz ? quiz.items.map((i) => (i.kind === 'choice' ? i.options.length : -1)) : [],
    perAttempt: quiz ? quiz.perAttempt : 0,
    reflections: shape.views.flatMap((v) => (v.kind === 'reflection' ? v.prompts.map((p) => ({ id: p.id, maxLength: p.maxLength })) : [])),
  };
}

function v1Fingerprint(layout: V1Layout): string {
  return fingerprint(JSON.stringify([layout.moduleId, layout.lessons, layout.optionCounts, [], layout.reflections]), FINGERPRINT_LENGTH);
}

export function decodeV1(text: string, shape: ModuleShape): V1Decode {
  const layout = layoutOf(shape);
  if (text.slice(1, 1 + FINGERPRINT_LENGTH) !== v1Fingerprint(layout))
    return { ok: false, reason: 'module-changed', detail: 'the module has changed since this progress was saved' };
  try {
    const input = new BitReader(text.slice(1 + FINGERPRINT_LENGTH));
    const v1Views = layout.lessons.length + 1;
    const v1Position = input.index(v1Views, 'position');
    const lessonsSeen = layout.lessons.map(() => input.flag());
    const quiz = readV1Quiz(input, layout);
    const includesText = input.flag();
    const reflections = layout.reflections.map((r) => (includesText ? input.text(r.maxLength) : ''));
    input.expectEnd();

    const state = initialState(shape);
    const lessonIndexes = shape.views.flatMap((v, i) => (v.kind === 'lesson' ? [i] : []));
    const quizIndex = shape.views.findIndex((v) => v.kind === 'quiz');
    lessonIndexes.forEach((viewIndex, i) => (state.views[viewIndex] = { kind: 'lesson', seen: lessonsSeen[i] === true }));
    if (quizIndex >= 0) state.views[quizIndex] = { kind: 'quiz', seen: quiz.attempts > 0 || quiz.current !== null, quiz };
    let next = 0;
    state.views.forEach((view) => {
      // The layout lists every prompt of every reflection view, so each text is there.
      if (view.kind === 'reflection') view.texts = view.texts.map(() => reflections[next++]!);
    });
    state.position = v1Position < lessonIndexes.length ? lessonIndexes[v1Position]! : Math.max(0, quizIndex);
    return { ok: true, state, includesText };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}


/** v1 quiz record: counts and scores, then the attempt as one option bit mask per item (every item, authored order). */
function readV1Quiz(input: BitReader, layout: V1Layout): QuizProgress {
  const attempts = input.read(8);
  const best = input.optionalPercent();
  const last = input.optionalPercent();
  const everPassed = input.flag();
  let current: QuizAttempt | null = null;
  if (input.flag()) {
    const items = layout.optionCounts;
    const position = input.index(Math.max(1, items.length), 'quiz position');
    const masks = items.map((options) => input.read(options));
    const submitted = input.flag();
    // v1 showed every item in authored order with no draw: the same attempt, now with seed 0.
    if (items.length <= layout.perAttempt)
      current = {
        seed: 0,
        items: items.map((_, i) => i),
        position,
        responses: masks.map((mask) => (mask === 0 ? null : { kind: 'choice', chosen: indexesOf(mask) })),
        submitted,
      };
  }
  return { attempts, best, last, everPassed, current };
}

function indexesOf(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; mask >> i; i++) if ((mask >> i) & 1) out.push(i);
  return out;
}

import type { LearnerState, ModuleShape, ViewShape, ViewState } from '../learner-state.ts';
import { BitReader, BitWriter, bitsFor, clampInt, fingerprint } from './bits.ts';
import { readQuizView, writeQuizView } from './quiz-view.ts';
import { readReflectionView, writeReflectionView } from './reflection-view.ts';
import { readScenarioView, writeScenarioView } from './scenario-view.ts';
import { decodeV1, V1 } from './v1.ts';

/**
 * LearnerState <-> suspend_data. The state is bit-packed against the module's
 * shape and written as base64url text. The first character is the codec
 * version and the next four a fingerprint of the module's shape, so a record
 * saved for a changed module is never misread. Records saved by an older codec
 * version are decoded by that version's decoder (v1.ts) and mapped onto today's
 * views: a learner's record from version N still restores in N+1.
 */
export const CODEC_VERSION = '2';
const FINGERPRINT_LENGTH = 4;
/** The save counter stops at 2^24 - 1 saves (never wraps, so the newer copy stays newer), far beyond any learner's sessions. */
const SAVE_COUNT_BITS = 24;

export interface EncodeOptions {
  /** False where free text cannot fit (SCORM 1.2): reflections are then kept elsewhere. */
  includeText: boolean;
}

export type DecodeResult =
  | { ok: true; state: LearnerState; includesText: boolean }
  | { ok: false; reason: 'empty' | 'other-version' | 'module-changed' | 'corrupt'; detail: string };

export function encodeState(state: LearnerState, shape: ModuleShape, options: EncodeOptions): string {
  const out = new BitWriter();
  const views = shape.views.length;
  out.write(clampInt(state.saveCount, 0, 2 ** SAVE_COUNT_BITS - 1), SAVE_COUNT_BITS);
  out.write(clampInt(state.position, 0, views - 1), bitsFor(views));
  out.flag(options.includeText);
  out.flag(state.fallbackIds);
  shape.views.forEach((view, i) => writeView(out, view, state.views[i], options.includeText));
  return CODEC_VERSION + shapeFingerprint(shape) + out.toText();
}

export function decodeState(text: string, shape: ModuleShape): DecodeResult {
  if (!text) return { ok: false, reason: 'empty', detail: 'no saved progress' };
  if (text[0] === V1) return decodeV1(text, shape);
  if (text[0] !== CODEC_VERSION)
    return { ok: false, reason: 'other-version', detail: `saved by codec version "${text.slice(0, 1)}", this course reads versions ${V1} and ${CODEC_VERSION}` };
  if (text.slice(1, 1 + FINGERPRINT_LENGTH) !== shapeFingerprint(shape))
    return { ok: false, reason: 'module-changed', detail: 'the module has changed since this progress was saved' };
  try {
    const input = new BitReader(text.slice(1 + FINGERPRINT_LENGTH));
    const saveCount = input.read(SAVE_COUNT_BITS);
    const position = input.index(shape.views.length, 'position');
    const includesText = input.flag();
    const fallbackIds = input.flag();
    const views = shape.views.map((view) => readView(input, view, includesText));
    input.expectEnd();
    return { ok: true, includesText, state: { position, saveCount, fallbackIds, views } };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}

function writeView(out: BitWriter, shape: ViewShape, state: ViewState | undefined, includeText: boolean): void {
  const view = state?.kind === shape.kind ? state : undefined;
  out.flag(view?.seen === true);
  switch (shape.kind) {
    // Stryker disable next-line StringLiteral: a lesson writes nothing after its seen flag, and neither does a kind no case names
    case 'lesson':
      return;
    case 'quiz':
      return writeQuizView(out, view?.kind === 'quiz' ? view.quiz : { attempts: 0, best: null, last: null, everPassed: false, current: null }, shape);
    case 'scenario':
      return writeScenarioView(out, view?.kind === 'scenario' ? view.scenario : { path: [], ended: false, best: null }, shape);
    case 'reflection':
      return writeReflectionView(out, view?.kind === 'reflection' ? view.texts : [], shape, includeText);
  }
}

function readView(input: BitReader, shape: ViewShape, includesText: boolean): ViewState {
  const seen = input.flag();
  switch (shape.kind) {
    case 'lesson':
      return { kind: 'lesson', seen };
    case 'quiz':
      return { kind: 'quiz', seen, quiz: readQuizView(input, shape) };
    case 'scenario':
      return { kind: 'scenario', seen, scenario: readScenarioView(input, shape) };
    case 'reflection':
      return { kind: 'reflection', seen, texts: readReflectionView(input, shape, includesText) };
  }
}

/**
 * Fingerprint of everything the encoding depends on: each view's kind and id,
 * quiz item and option ids, scenario node and choice ids, reflection limits.
 */
export function shapeFingerprint(shape: ModuleShape): string {
  return fingerprint(JSON.stringify([shape.moduleId, shape.views]), FINGERPRINT_LENGTH);
}

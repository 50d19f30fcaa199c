import type { LearnerState, ModuleShape, QuizAttempt } from './learner-state.ts';

/**
 * LearnerState <-> suspend_data. SCORM 1.2 allows only 4,096 characters, so
 * the state is bit-packed against the module's shape (not verbose JSON) and
 * written as base64url text. The first character is the codec version and the
 * next four a fingerprint of the module's shape: a state saved by another
 * codec version or for a changed module is never misread as the current one.
 */
export const CODEC_VERSION = '1';
const FINGERPRINT_LENGTH = 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MAX_ATTEMPTS_STORED = 255;

export interface EncodeOptions {
  /** False where free text cannot fit (SCORM 1.2): reflections are then kept elsewhere. */
  includeText: boolean;
}

export type DecodeResult =
  | { ok: true; state: LearnerState; includesText: boolean }
  | { ok: false; reason: 'empty' | 'other-version' | 'module-changed' | 'corrupt'; detail: string };

export function encodeState(state: LearnerState, shape: ModuleShape, options: EncodeOptions): string {
  const out = new BitWriter();
  const views = viewCount(shape);
  out.write(clampInt(state.position, 0, views - 1), bitsFor(views));
  for (let i = 0; i < shape.lessons.length; i++) out.flag(state.lessonsSeen[i] === true);

  const quiz = state.quiz;
  out.write(clampInt(quiz.attempts, 0, MAX_ATTEMPTS_STORED), 8);
  writeOptionalPercent(out, quiz.best);
  writeOptionalPercent(out, quiz.last);
  out.flag(quiz.everPassed);
  out.flag(quiz.current !== null);
  if (quiz.current) writeAttempt(out, quiz.current, shape);

  shape.scenarios.forEach((scenario, i) => {
    const progress = state.scenarios[i] ?? { path: [], ended: false };
    const path = progress.path.slice(0, scenario.maxDepth);
    out.flag(progress.ended);
    out.write(path.length, bitsFor(scenario.maxDepth + 1));
    for (const choice of path) out.write(clampInt(choice, 0, scenario.maxChoices - 1), bitsFor(scenario.maxChoices));
  });

  out.flag(options.includeText);
  if (options.includeText)
    shape.reflections.forEach((reflection, i) => {
      const bytes = new TextEncoder().encode(truncateText(state.reflections[i] ?? '', reflection.maxLength));
      out.write(bytes.length, bitsFor(reflection.maxLength * 4 + 1));
      for (const byte of bytes) out.write(byte, 8);
    });

  return CODEC_VERSION + shapeFingerprint(shape) + out.toText();
}

export function decodeState(text: string, shape: ModuleShape): DecodeResult {
  if (!text) return { ok: false, reason: 'empty', detail: 'no saved progress' };
  if (text[0] !== CODEC_VERSION)
    return { ok: false, reason: 'other-version', detail: `saved by codec version "${text.slice(0, 1)}", this course reads version ${CODEC_VERSION}` };
  if (text.slice(1, 1 + FINGERPRINT_LENGTH) !== shapeFingerprint(shape))
    return { ok: false, reason: 'module-changed', detail: 'the module has changed since this progress was saved' };
  try {
    const input = new BitReader(text.slice(1 + FINGERPRINT_LENGTH));
    const views = viewCount(shape);
    const position = input.read(bitsFor(views));
    if (position >= views) throw new Error('position out of range');
    const lessonsSeen = shape.lessons.map(() => input.flag());
    const attempts = input.read(8);
    const best = readOptionalPercent(input);
    const last = readOptionalPercent(input);
    const everPassed = input.flag();
    const current = input.flag() ? readAttempt(input, shape) : null;
    const scenarios = shape.scenarios.map((scenario) => {
      const ended = input.flag();
      const length = input.read(bitsFor(scenario.maxDepth + 1));
      if (length > scenario.maxDepth) throw new Error('scenario path too long');
      const path = Array.from({ length }, () => input.read(bitsFor(scenario.maxChoices)));
      return { path, ended };
    });
    const includesText = input.flag();
    const reflections = shape.reflections.map((reflection) => {
      if (!includesText) return '';
      const length = input.read(bitsFor(reflection.maxLength * 4 + 1));
      const bytes = Uint8Array.from({ length }, () => input.read(8));
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    });
    input.expectEnd();
    return { ok: true, includesText, state: { position, lessonsSeen, quiz: { attempts, best, last, everPassed, current }, scenarios, reflections } };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A module's views: its lessons, then its quiz. */
export function viewCount(shape: ModuleShape): number {
  return shape.lessons.length + 1;
}

function writeAttempt(out: BitWriter, attempt: QuizAttempt, shape: ModuleShape): void {
  const items = shape.quiz.optionCounts;
  out.write(clampInt(attempt.position, 0, Math.max(0, items.length - 1)), bitsFor(items.length));
  items.forEach((options, i) => out.write((attempt.answers[i] ?? 0) & ((1 << options) - 1), options));
  out.flag(attempt.submitted);
}

function readAttempt(input: BitReader, shape: ModuleShape): QuizAttempt {
  const items = shape.quiz.optionCounts;
  const position = input.read(bitsFor(items.length));
  if (position >= Math.max(1, items.length)) throw new Error('quiz position out of range');
  const answers = items.map((options) => input.read(options));
  return { position, answers, submitted: input.flag() };
}

function writeOptionalPercent(out: BitWriter, value: number | null): void {
  out.flag(value !== null);
  if (value !== null) out.write(clampInt(Math.round(value), 0, 100), 7);
}

function readOptionalPercent(input: BitReader): number | null {
  if (!input.flag()) return null;
  const value = input.read(7);
  if (value > 100) throw new Error('percentage out of range');
  return value;
}

/** Bits needed to store any value in 0..count-1 (at least one). */
export function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, count))));
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(Number.isFinite(value) ? value : min)));
}

/** Cuts to maxLength characters without splitting a surrogate pair. */
function truncateText(text: string, maxLength: number): string {
  return Array.from(text).slice(0, maxLength).join('');
}

/** FNV-1a over the shape, as 4 base64url characters (24 bits). */
export function shapeFingerprint(shape: ModuleShape): string {
  const text = JSON.stringify([shape.moduleId, shape.lessons, shape.quiz.optionCounts, shape.scenarios, shape.reflections]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < FINGERPRINT_LENGTH; i++) out += ALPHABET[(hash >>> (i * 6)) & 63];
  return out;
}

class BitWriter {
  #bits: number[] = [];
  write(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.#bits.push((value >>> i) & 1);
  }
  flag(value: boolean): void {
    this.#bits.push(value ? 1 : 0);
  }
  toText(): string {
    let out = '';
    for (let i = 0; i < this.#bits.length; i += 6) {
      let sextet = 0;
      for (let j = 0; j < 6; j++) sextet = (sextet << 1) | (this.#bits[i + j] ?? 0);
      out += ALPHABET[sextet];
    }
    return out;
  }
}

class BitReader {
  readonly #bits: number[] = [];
  #offset = 0;
  constructor(text: string) {
    for (const char of text) {
      const sextet = ALPHABET.indexOf(char);
      if (sextet < 0) throw new Error(`unexpected character "${char}"`);
      for (let j = 5; j >= 0; j--) this.#bits.push((sextet >> j) & 1);
    }
  }
  read(width: number): number {
    if (this.#offset + width > this.#bits.length) throw new Error('saved progress is cut short');
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 2 + this.#bits[this.#offset++]!;
    return value;
  }
  flag(): boolean {
    return this.read(1) === 1;
  }
  /** Only zero padding (under one character) may follow the data. */
  expectEnd(): void {
    const rest = this.#bits.slice(this.#offset);
    if (rest.length >= 6 || rest.some((bit) => bit !== 0)) throw new Error('unexpected data after the saved progress');
  }
}

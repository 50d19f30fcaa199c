import type { QuizResponse } from '../../lib/quiz-response.ts';
import type { QuizAttempt, QuizItemShape, QuizProgress, QuizShape } from '../learner-state.ts';
import { bitsFor, clampInt, type BitReader, type BitWriter } from './bits.ts';

const MAX_ATTEMPTS_STORED = 255;

/**
 * A quiz view: attempt counts and scores, then the current attempt as its seed
 * (32 bits), the drawn item indexes, the position and one response per drawn
 * item in that item's own encoding (choice: a bit per option; matching: answer
 * + 1 per prompt; ordering: the step indexes; fill-in: UTF-8 text).
 */
export function writeQuizView(out: BitWriter, quiz: QuizProgress, shape: QuizShape): void {
  out.write(clampInt(quiz.attempts, 0, MAX_ATTEMPTS_STORED), 8);
  out.optionalPercent(quiz.best);
  out.optionalPercent(quiz.last);
  out.flag(quiz.everPassed);
  out.flag(quiz.current !== null);
  if (quiz.current) writeAttempt(out, quiz.current, shape);
}

export function readQuizView(input: BitReader, shape: QuizShape): QuizProgress {
  const attempts = input.read(8);
  const best = input.optionalPercent();
  const last = input.optionalPercent();
  const everPassed = input.flag();
  const current = input.flag() ? readAttempt(input, shape) : null;
  return { attempts, best, last, everPassed, current };
}

function writeAttempt(out: BitWriter, attempt: QuizAttempt, shape: QuizShape): void {
  const itemCount = Math.max(1, shape.items.length);
  const drawn = attempt.items.slice(0, shape.perAttempt);
  out.write(attempt.seed >>> 0, 32);
  out.write(drawn.length, bitsFor(shape.perAttempt + 1));
  for (const index of drawn) out.write(clampInt(index, 0, itemCount - 1), bitsFor(itemCount));
  out.write(clampInt(attempt.position, 0, Math.max(0, drawn.length - 1)), bitsFor(shape.perAttempt));
  drawn.forEach((index, i) => writeResponse(out, attempt.responses[i] ?? null, shape.items[index]!));
  out.flag(attempt.submitted);
}

function readAttempt(input: BitReader, shape: QuizShape): QuizAttempt {
  const itemCount = Math.max(1, shape.items.length);
  const seed = input.read(32);
  const length = input.read(bitsFor(shape.perAttempt + 1));
  if (length > shape.perAttempt) throw new Error('more quiz items than an attempt draws');
  const items = Array.from({ length }, () => input.index(itemCount, 'quiz item'));
  if (new Set(items).size !== items.length) throw new Error('a quiz item drawn twice');
  const position = input.read(bitsFor(shape.perAttempt));
  if (position >= Math.max(1, length)) throw new Error('quiz position out of range');
  const responses = items.map((index) => readResponse(input, shape.items[index]!));
  return { seed, items, position, responses, submitted: input.flag() };
}

function writeResponse(out: BitWriter, response: QuizResponse | null, item: QuizItemShape): void {
  out.flag(response !== null);
  if (!response) return;
  switch (item.kind) {
    case 'choice': {
      // Stryker disable next-line ArrayDeclaration: only option indexes are looked up, so a non-number in the stand-in list is never found
      const chosen = response.kind === 'choice' ? response.chosen : [];
      item.options.forEach((_, i) => out.flag(chosen.includes(i)));
      return;
    }
    case 'matching': {
      // Stryker disable next-line ArrayDeclaration: a non-number stand-in answer is not finite, so it is clamped to 0 (unanswered) like a missing one
      const answers = response.kind === 'matching' ? response.answers : [];
      item.prompts.forEach((_, i) => out.write(clampInt((answers[i] ?? -1) + 1, 0, item.answers.length), bitsFor(item.answers.length + 1)));
      return;
    }
    case 'ordering': {
      const order = response.kind === 'ordering' && isPermutation(response.order, item.steps.length) ? response.order : item.steps.map((_, i) => i);
      for (const step of order) out.write(step, bitsFor(item.steps.length));
      return;
    }
    case 'text':
      return out.text(response.kind === 'text' ? response.text : '', item.maxLength);
  }
}

function readResponse(input: BitReader, item: QuizItemShape): QuizResponse | null {
  if (!input.flag()) return null;
  switch (item.kind) {
    case 'choice':
      return { kind: 'choice', chosen: item.options.flatMap((_, i) => (input.flag() ? [i] : [])) };
    case 'matching':
      return {
        kind: 'matching',
        answers: item.prompts.map(() => {
          const value = input.read(bitsFor(item.answers.length + 1));
          if (value > item.answers.length) throw new Error('matching answer out of range');
          return value - 1;
        }),
      };
    case 'ordering': {
      const order = item.steps.map(() => input.read(bitsFor(item.steps.length)));
      if (!isPermutation(order, item.steps.length)) throw new Error('ordering response is not an order of the steps');
      return { kind: 'ordering', order };
    }
    case 'text':
      return { kind: 'text', text: input.text(item.maxLength) };
  }
}

function isPermutation(order: readonly number[], length: number): boolean {
  return order.length === length && new Set(order).size === length && order.every((i) => Number.isInteger(i) && i >= 0 && i < length);
}

/** The largest quiz record: the maximum attempts and the items with the longest responses drawn, all answered. */
export function worstCaseQuizView(shape: QuizShape): QuizProgress {
  const size = (item: QuizItemShape) => {
    switch (item.kind) {
      case 'choice':
        return item.options.length;
      case 'matching':
        return item.prompts.length * bitsFor(item.answers.length + 1);
      case 'ordering':
        return item.steps.length * bitsFor(item.steps.length);
      case 'text':
        return item.maxLength * 32;
    }
  };
  const items = shape.items
    .map((item, index) => ({ index, bits: size(item) }))
    .sort((a, b) => b.bits - a.bits)
    .slice(0, shape.perAttempt)
    .map((entry) => entry.index);
  return {
    attempts: MAX_ATTEMPTS_STORED,
    best: 100,
    last: 100,
    // Stryker disable next-line BooleanLiteral: a flag takes one bit either way; the worst case is only measured for its size
    everPassed: true,
    current: {
      seed: 2 ** 32 - 1,
      items,
      // Stryker disable next-line MethodExpression: the position has a fixed width, so the first item measures the same as the last
      position: Math.max(0, items.length - 1),
      responses: items.map((index) => worstCaseResponse(shape.items[index]!)),
      // Stryker disable next-line BooleanLiteral: a flag takes one bit either way; the worst case is only measured for its size
      submitted: true,
    },
  };
}

function worstCaseResponse(item: QuizItemShape): QuizResponse {
  switch (item.kind) {
    case 'choice':
      return { kind: 'choice', chosen: item.options.map((_, i) => i) };
    case 'matching':
      return { kind: 'matching', answers: item.prompts.map(() => item.answers.length - 1) };
    case 'ordering':
      return { kind: 'ordering', order: item.steps.map((_, i) => i) };
    case 'text':
      return { kind: 'text', text: '😀'.repeat(item.maxLength) };
  }
}

import type { QuizAttempt, QuizProgress, QuizShape } from '../learner-state.ts';
import { bitsFor, clampInt, type BitReader, type BitWriter } from './bits.ts';

const MAX_ATTEMPTS_STORED = 255;

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
  const items = shape.items;
  out.write(clampInt(attempt.position, 0, Math.max(0, items.length - 1)), bitsFor(items.length));
  items.forEach((item, i) => {
    const options = item.options.length;
    out.write((attempt.answers[i] ?? 0) & ((1 << options) - 1), options);
  });
  out.flag(attempt.submitted);
}

function readAttempt(input: BitReader, shape: QuizShape): QuizAttempt {
  const items = shape.items;
  const position = input.index(Math.max(1, items.length), 'quiz position');
  const answers = items.map((item) => input.read(item.options.length));
  return { position, answers, submitted: input.flag() };
}

/** The largest quiz record: the maximum attempts, every option of every item ticked. */
export function worstCaseQuizView(shape: QuizShape): QuizProgress {
  return {
    attempts: MAX_ATTEMPTS_STORED,
    best: 100,
    last: 100,
    everPassed: true,
    current: {
      position: Math.max(0, shape.items.length - 1),
      answers: shape.items.map((item) => (1 << item.options.length) - 1),
      submitted: true,
    },
  };
}

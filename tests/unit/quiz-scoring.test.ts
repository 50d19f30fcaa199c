import { describe, expect, it } from 'vitest';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { isCorrect, isPass, scoreAttempt, scoreOutcomes } from '../../src/lib/quiz-scoring.ts';
import { fixtureCourse } from '../support/real-course.ts';

const course = fixtureCourse();
const mod = course.modules[0]!;
const quiz = toRuntimeQuiz(mod.meta.id, mod.quiz!, mod.meta.pass_mark, mod.meta.outcomes);
const [single, multiple, trueFalse] = quiz.items as [typeof quiz.items[0], typeof quiz.items[0], typeof quiz.items[0]];

describe('quiz model', () => {
  it('reduces every item type to options and a correct mask', () => {
    expect(single.correctMask).toBe(0b01);
    expect(multiple.correctMask).toBe(0b011);
    expect(trueFalse.options.map((o) => o.id)).toEqual(['true', 'false']);
    expect(trueFalse.correctMask).toBe(0b01);
  });

  it('gives each item its LMS interaction id and the objectives of the outcomes it serves', () => {
    expect(single.interactionId).toBe('m1-quiz-q01');
    expect(single.objectives).toEqual(['m1-systems']);
    expect(multiple.objectives).toEqual(['m1-navigating']);
    expect(trueFalse.objectives).toEqual(['m1-systems']);
  });
});

describe('quiz scoring', () => {
  it('marks an answer right only when exactly the correct options are chosen', () => {
    expect(isCorrect(multiple, 0b011)).toBe(true);
    expect(isCorrect(multiple, 0b001)).toBe(false);
    expect(isCorrect(multiple, 0b111)).toBe(false);
    expect(isCorrect(single, 0)).toBe(false);
    expect(isCorrect(trueFalse, 0b10)).toBe(false);
  });

  it('scores an attempt as a rounded percentage', () => {
    expect(scoreAttempt(quiz.items, [0b01, 0b011, 0b01])).toEqual({ correct: 3, total: 3, percent: 100 });
    expect(scoreAttempt(quiz.items, [0b01, 0b001, 0b10])).toEqual({ correct: 1, total: 3, percent: 33 });
    expect(scoreAttempt(quiz.items, [0b01, 0b011, 0b10])).toEqual({ correct: 2, total: 3, percent: 67 });
  });

  it('passes at the pass mark, not below it', () => {
    expect(isPass(50, 50)).toBe(true);
    expect(isPass(49, 50)).toBe(false);
  });

  it('scores each outcome from the items that serve it', () => {
    const outcomes = scoreOutcomes(quiz.items, [0b01, 0b001, 0b10], quiz.outcomes, quiz.passMark);
    expect(outcomes).toEqual([
      { objectiveId: 'm1-systems', title: 'Explain systems', correct: 1, total: 2, percent: 50, passed: true },
      { objectiveId: 'm1-navigating', title: 'Navigate a site', correct: 0, total: 1, percent: 0, passed: false },
    ]);
  });
});

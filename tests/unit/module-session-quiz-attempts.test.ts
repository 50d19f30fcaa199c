import { describe, expect, it } from 'vitest';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { ModuleSession, type ModuleConfig } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { recordingAdapter } from '../support/recording-adapter.ts';
import { smallModule, smallModuleQuizSource } from '../support/small-module.ts';

function launch(config: ModuleConfig = smallModule(), lms: Parameters<typeof recordingAdapter>[0] = {}, random?: () => number) {
  const rec = recordingAdapter(lms);
  const session = new ModuleSession(config, rec.adapter, memoryStore(), random ? { random } : {});
  return { session, ...rec };
}

/** Answers every item of the current attempt right and submits it. */
function passAttempt(session: ModuleSession): void {
  const { right } = answerBook(smallModuleQuizSource());
  attemptItems(session).forEach((item, i) => session.answer(i, right(item), 0));
  session.submitAttempt();
}

describe('starting quiz attempts', () => {
  it('allows no more attempts than the quiz sets', () => {
    const { session } = launch(smallModule({ quiz: { max_attempts: 2 } }));
    expect(session.success).toBe('unknown');
    session.startQuizAttempt();
    passAttempt(session);
    session.startQuizAttempt();
    passAttempt(session);
    expect(session.quiz).toMatchObject({ attempts: 2 });
    expect(session.success).toBe('passed');
    session.startQuizAttempt();
    expect(session.quiz?.current?.submitted).toBe(true);
  });

  it('keeps the attempt in progress (and its answers) when asked to start another', () => {
    const { session } = launch();
    const { right } = answerBook(smallModuleQuizSource());
    session.startQuizAttempt();
    const first = session.quiz!.current!;
    session.answer(0, right(attemptItems(session)[0]!), 0);
    session.startQuizAttempt();
    expect(session.quiz?.current).toBe(first);
    expect(session.quiz?.current?.responses[0]).not.toBeNull();
  });

  it('saves the new attempt to the LMS at once', () => {
    const { session, savedState } = launch();
    session.startQuizAttempt();
    const saved = savedState(session.shape).views.find((v) => v.kind === 'quiz');
    expect(saved?.kind === 'quiz' && saved.quiz.current).toEqual(session.quiz?.current);
  });

  it('draws from the random source the page gives it', () => {
    const one = launch(smallModule(), {}, () => 0.5).session;
    const two = launch(smallModule(), {}, () => 0.5).session;
    one.startQuizAttempt();
    two.startQuizAttempt();
    expect(one.quiz?.current?.seed).toBe(two.quiz?.current?.seed);
  });
});

describe('answering', () => {
  it('does nothing in a module without a quiz', () => {
    const { session, log } = launch(smallModule({ quiz: null }));
    session.startQuizAttempt();
    expect(session.answer(0, { kind: 'choice', chosen: [0] }, 0)).toBe(0);
    session.setQuizPosition(1);
    expect(session.quiz).toBeNull();
    expect(log.interactions).toEqual([]);
  });

  it('ignores an answer before an attempt is started, or for a question the attempt does not have', () => {
    const { session, log } = launch();
    expect(session.answer(0, { kind: 'choice', chosen: [0] }, 0)).toBe(0);
    session.startQuizAttempt();
    const count = session.quiz!.current!.items.length;
    expect(session.answer(count, { kind: 'choice', chosen: [0] }, 0)).toBe(0);
    expect(session.quiz?.current?.responses).toEqual(Array.from({ length: count }, () => null));
    expect(log.interactions).toEqual([]);
  });

  it('ignores an answer that is not complete', () => {
    const { session, log } = launch();
    session.startQuizAttempt();
    const choice = attemptItems(session).findIndex((item) => 'options' in item);
    expect(session.answer(choice, { kind: 'choice', chosen: [] }, 0)).toBe(0);
    expect(session.quiz?.current?.responses[choice]).toBeNull();
    expect(log.interactions).toEqual([]);
  });

  it('ignores answers once the attempt is submitted', () => {
    const { session, log } = launch();
    const { right } = answerBook(smallModuleQuizSource());
    session.startQuizAttempt();
    passAttempt(session);
    const reported = log.interactions.length;
    expect(session.answer(0, right(attemptItems(session)[0]!), 0)).toBe(0);
    expect(log.interactions).toHaveLength(reported);
  });

  it('keeps the first answer to a question: a second answer changes nothing and is not reported', () => {
    const { session, log } = launch();
    const { right, wrong } = answerBook(smallModuleQuizSource());
    session.startQuizAttempt();
    const item = attemptItems(session)[0]!;
    expect(session.answer(0, wrong(item), 0)).toBe(0);
    expect(session.answer(0, right(item), 0)).toBe(0);
    expect(session.quiz?.current?.responses[0]).toEqual(wrong(item));
    expect(log.interactions).toHaveLength(1);
  });

  it('saves each answer to the LMS as it is given', () => {
    const { session, savedState } = launch();
    const { right } = answerBook(smallModuleQuizSource());
    session.startQuizAttempt();
    session.answer(2, right(attemptItems(session)[2]!), 0);
    const saved = savedState(session.shape).views.find((v) => v.kind === 'quiz');
    expect(saved?.kind === 'quiz' && saved.quiz.current).toMatchObject({ position: 2, responses: session.quiz!.current!.responses });
  });

  it('brings back every kind of answer exactly as given when the learner resumes', () => {
    const first = launch();
    const { right, wrong } = answerBook(smallModuleQuizSource());
    first.session.startQuizAttempt();
    const given: QuizResponse[] = attemptItems(first.session).map((item, i) => (i % 2 ? wrong(item) : right(item)));
    given.forEach((response, i) => first.session.answer(i, response, 0));
    expect(new Set(attemptItems(first.session).map((item) => item.type))).toEqual(new Set(['single', 'multiple', 'true-false', 'best-reply', 'matching', 'ordering', 'fill-in']));

    const second = launch(smallModule(), { entry: 'resume', suspendData: first.lastSaved() });
    second.session.resume();
    expect(second.session.quiz?.current?.responses).toEqual(given);
  });
});

describe('moving between questions', () => {
  it('stops at the last question, and saves the position', () => {
    const { session, savedState } = launch();
    session.startQuizAttempt();
    const last = session.quiz!.current!.items.length - 1;
    session.setQuizPosition(last + 5);
    expect(session.quiz?.current?.position).toBe(last);
    const saved = savedState(session.shape).views.find((v) => v.kind === 'quiz');
    expect(saved?.kind === 'quiz' && saved.quiz.current?.position).toBe(last);
  });

  it('does not move before an attempt is started or after it is submitted', () => {
    const { session } = launch();
    session.setQuizPosition(1);
    expect(session.quiz?.current).toBeNull();
    session.startQuizAttempt();
    passAttempt(session);
    const position = session.quiz!.current!.position;
    session.setQuizPosition(position === 0 ? 1 : 0);
    expect(session.quiz?.current?.position).toBe(position);
  });
});

import { quizInteractionId } from '../../src/lib/lms-ids.ts';
import { authoredKeyParts } from '../../src/lib/quiz-key.ts';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import { orderFromPairs, type QuizResponse } from '../../src/lib/quiz-response.ts';
import { itemScore } from '../../src/lib/quiz-scoring.ts';
import type { Course } from '../../src/course/course-model.ts';
import type { Quiz, QuizItem } from '../../src/schemas/quiz.ts';
import type { ModuleSession } from '../../src/tracking/module-session.ts';
import { quizConfigOf } from '../../src/tracking/module-session.ts';

/**
 * Right and wrong answers for tests. An assessment page holds only hashes, so
 * the key is rebuilt from the authored quiz, as a learner who knows it would.
 */
export function answerBook(course: Course | { moduleId: string; quiz: Quiz }[]) {
  const sources = Array.isArray(course) ? course : course.modules.flatMap((m) => (m.quiz ? [{ moduleId: m.meta.id, quiz: m.quiz }] : []));
  const authored = new Map<string, QuizItem>();
  for (const { moduleId, quiz } of sources) for (const item of quiz.items) authored.set(quizInteractionId(moduleId, item.id), item);

  function keyParts(item: RuntimeItem): string[] {
    if (!item.key.sealed) return item.key.parts;
    const source = authored.get(item.interactionId);
    if (!source) throw new Error(`no authored item for ${item.interactionId}`);
    return authoredKeyParts(source, item.key.salt);
  }

  function right(item: RuntimeItem): QuizResponse {
    const parts = keyParts(item);
    switch (item.type) {
      case 'matching':
        return { kind: 'matching', answers: item.prompts.map((p) => item.answers.findIndex((a) => parts.includes(`${p.id}=${a.id}`))) };
      case 'ordering':
        return { kind: 'ordering', order: orderFromPairs(parts).map((id) => item.steps.findIndex((s) => s.id === id)) };
      case 'fill-in':
        return { kind: 'text', text: parts[0]! };
      default:
        return { kind: 'choice', chosen: item.options.flatMap((o, i) => (parts.includes(o.id) ? [i] : [])) };
    }
  }

  /** An answer that scores 0. */
  function wrong(item: RuntimeItem): QuizResponse {
    const good = right(item);
    let response: QuizResponse;
    switch (good.kind) {
      case 'matching':
        response = { kind: 'matching', answers: good.answers.map((_, i) => good.answers[(i + 1) % good.answers.length]!) };
        break;
      case 'ordering':
        response = { kind: 'ordering', order: [...good.order].reverse() };
        break;
      case 'text':
        response = { kind: 'text', text: 'no idea' };
        break;
      case 'choice':
        response = { kind: 'choice', chosen: [('options' in item ? item.options : []).findIndex((_, i) => !good.chosen.includes(i))] };
    }
    if (itemScore(item, response) !== 0) throw new Error(`could not build a wrong answer for ${item.id}`);
    return response;
  }

  return { right, wrong, keyParts };
}

/** The items of the session's current attempt, in the order shown. */
export function attemptItems(session: ModuleSession): RuntimeItem[] {
  const quiz = quizConfigOf(session.config);
  const current = session.quiz?.current;
  if (!quiz || !current) throw new Error('no quiz attempt in progress');
  return current.items.map((i) => quiz.items[i]!);
}

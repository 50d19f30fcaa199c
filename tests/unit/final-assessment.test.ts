import { describe, expect, it } from 'vitest';
import { criterionKind } from '../../src/course/coverage.ts';
import { moduleConfigFor } from '../../src/course/module-config.ts';
import { attemptLayout } from '../../src/lib/quiz-draw.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { outcomesToRevisit, readingHref } from '../../src/lib/revisit-links.ts';
import { quizConfigOf } from '../../src/tracking/module-session.ts';
import { realCourse } from '../support/real-course.ts';

const course = realCourse();
const final = course.modules.find((m) => m.meta.id === 'final')!;
const quiz = toRuntimeQuiz(final.meta.id, final.quiz!, final.meta.pass_mark, final.meta.outcomes);
const knowledge = [...course.catalogue.byId].filter(([, entry]) => criterionKind(entry) === 'knowledge').map(([id]) => id);
const SEEDS = Array.from({ length: 30 }, (_, i) => (i + 1) * 104729);

describe('final assessment bank', () => {
  it('is the last module, in assessment mode, with attempts, a draw and a pass mark', () => {
    expect(course.meta.modules.at(-1)).toBe('final');
    expect(final.quiz!.mode).toBe('assessment');
    expect(final.quiz!.max_attempts).toBeGreaterThan(1);
    expect(quiz.draw).not.toBeNull();
    expect(final.meta.pass_mark).toBeGreaterThan(0);
  });

  it('names every knowledge criterion of the catalogue in at least two items', () => {
    expect(knowledge.length).toBeGreaterThan(40);
    const counts = new Map(knowledge.map((id) => [id, quiz.items.filter((item) => item.criteria.includes(id)).length]));
    const short = [...counts].filter(([, n]) => n < 2).map(([id, n]) => `${id}: ${n}`);
    expect(short).toEqual([]);
  });

  it('has one outcome per module it draws from, holding exactly the knowledge criteria that module homes', () => {
    for (const outcome of final.meta.outcomes) {
      const homed = knowledge.filter((id) => course.homes.get(id) === outcome.id);
      expect([...outcome.criteria].sort(), outcome.id).toEqual(homed.sort());
    }
    expect(new Set(final.meta.outcomes.flatMap((o) => o.criteria))).toEqual(new Set(knowledge));
  });

  it('gives every bank at least one and a half times its draw, so two attempts differ', () => {
    for (const { bank, count } of quiz.draw!) expect(quiz.items.filter((i) => i.bank === bank).length, bank).toBeGreaterThanOrEqual(count * 1.5);
    const sets = new Set(SEEDS.map((seed) => [...attemptLayout(quiz, seed).items].sort((a, b) => a - b).join(',')));
    expect(sets.size).toBeGreaterThan(SEEDS.length / 2);
  });

  it('gives every objective the same number of items in each attempt', () => {
    for (const seed of SEEDS) {
      const drawn = attemptLayout(quiz, seed).items.map((i) => quiz.items[i]!);
      for (const outcome of quiz.outcomes) expect(drawn.filter((item) => item.objectives.includes(outcome.objectiveId)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses several item types', () => {
    expect(new Set(quiz.items.map((i) => i.type)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('final assessment review links', () => {
  const runtime = quizConfigOf(moduleConfigFor(course, final))!;

  it('links every knowledge criterion to at least one lesson in another module, opened read-only', () => {
    for (const id of knowledge) {
      const lessons = runtime.revisit?.[id]?.lessons ?? [];
      expect(lessons.length, id).toBeGreaterThan(0);
      for (const lesson of lessons) {
        expect(lesson.href).toMatch(/^[a-z0-9-]+\.html\?read#lesson-[a-z0-9-]+$/);
        expect(lesson.href.startsWith('final.html')).toBe(false);
      }
    }
  });

  it('lists only outcomes and criteria of items not fully right', () => {
    const [wrong, right] = [runtime.items.find((i) => i.bank === 'writing')!, runtime.items.find((i) => i.bank === 'social')!];
    const result = outcomesToRevisit([{ item: wrong, score: 0.5 }, { item: right, score: 1 }], runtime.outcomes, runtime.revisit!);
    expect(result.map((o) => o.objectiveId)).toEqual(['final-writing']);
    expect(result[0]!.criteria.map((c) => c.id)).toEqual(runtime.outcomes.find((o) => o.objectiveId === 'final-writing')!.criteria.filter((c) => wrong.criteria.includes(c)));
    expect(outcomesToRevisit([{ item: right, score: 1 }], runtime.outcomes, runtime.revisit!)).toEqual([]);
  });

  it('builds a relative read-only address for a lesson', () => {
    expect(readingHref('u219-lo1', 'online-service-systems')).toBe('u219-lo1.html?read#lesson-online-service-systems');
  });
});

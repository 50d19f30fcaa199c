import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { moduleConfigFor } from '../../src/course/module-config.ts';
import { courseWith, removeCourseCopies, replaceIn } from '../support/course-fixture.ts';

afterEach(removeCourseCopies);

const load = (root: string) => loadCourse(join(root, 'content'), root);
const withReviewLinks = (p: (file: string) => string) => replaceIn(p('modules/m1/quiz.yaml'), 'title: Check\n', 'title: Check\nreview_links: true\n');

describe('moduleConfigFor (the page config of one SCO)', () => {
  it('lists lessons then the quiz, with no reflection view when the module has no prompts, and every outcome with its objective id', () => {
    const course = load(courseWith());
    const config = moduleConfigFor(course, course.modules[0]!);
    expect(config.views.map((v) => [v.kind, v.id])).toEqual([['lesson', 'systems'], ['lesson', 'navigating'], ['quiz', 'quiz']]);
    expect(config.outcomes).toEqual([
      { objectiveId: 'm1-systems', title: 'Explain systems', criteria: ['U219.1.1', 'D4.3.1'] },
      { objectiveId: 'm1-navigating', title: 'Navigate a site', criteria: ['U219.1.2'] },
    ]);
  });

  it('gives the quiz no revisit links unless review_links is set', () => {
    const course = load(courseWith());
    const quiz = moduleConfigFor(course, course.modules[0]!).views.find((v) => v.kind === 'quiz');
    expect(quiz?.kind).toBe('quiz');
    expect(quiz?.kind === 'quiz' ? quiz.quiz.revisit : 'no quiz view').toBeUndefined();
  });

  it('with review_links, gives each checked criterion its wording for the review', () => {
    const course = load(courseWith(withReviewLinks));
    const quiz = moduleConfigFor(course, course.modules[0]!).views.find((v) => v.kind === 'quiz');
    // Only other modules' lessons are linked; the fixture has one module, so the lists are empty.
    expect(quiz?.kind === 'quiz' ? quiz.quiz.revisit : 'no quiz view').toEqual({
      'U219.1.1': { text: 'explain how a system works', lessons: [] },
      'U219.1.2': { text: 'explain how to navigate a site', lessons: [] },
      'D4.3.1': { text: 'explain how the system works', lessons: [] },
    });
  });

  it('gives a criterion missing from the catalogue empty wording rather than failing', () => {
    const loaded = load(courseWith(withReviewLinks));
    const course = { ...loaded, catalogue: { standards: [], byId: new Map() } };
    const quiz = moduleConfigFor(course, course.modules[0]!).views.find((v) => v.kind === 'quiz');
    expect(quiz?.kind === 'quiz' ? quiz.quiz.revisit?.['D4.3.1'] : 'no quiz view').toEqual({ text: '', lessons: [] });
  });
});

import { join } from 'node:path';
import { loadCourse } from '../../src/course/load-course.ts';
import type { Course, CourseModule } from '../../src/course/course-model.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import type { ModuleConfig } from '../../src/tracking/module-session.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');

export function realCourse(): Course {
  return loadCourse(join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
}

export function fixtureCourse(): Course {
  const root = join(PROJECT_ROOT, 'tests/fixtures/content/minimal');
  return loadCourse(join(root, 'content'), root);
}

/** The same ModuleConfig the module page builds, for session and island tests. */
export function moduleConfig(course: Course, mod: CourseModule = course.modules[0]!, overrides: Partial<ModuleConfig> = {}): ModuleConfig {
  return {
    courseId: course.meta.id,
    moduleId: mod.meta.id,
    moduleTitle: mod.meta.title,
    lessons: mod.lessons.map((l) => ({ slug: l.slug, title: l.meta.title })),
    quiz: toRuntimeQuiz(mod.meta.id, mod.quiz!, mod.meta.pass_mark, mod.meta.outcomes),
    allowPassDowngrade: mod.meta.allow_pass_downgrade,
    ...overrides,
  };
}

import { join } from 'node:path';
import { loadCourse } from '../../src/course/load-course.ts';
import type { Course, CourseModule } from '../../src/course/course-model.ts';
import { moduleConfigFor } from '../../src/course/module-config.ts';
import type { RuntimeItem } from '../../src/lib/quiz-model.ts';
import type { LearnerState } from '../../src/tracking/learner-state.ts';
import { quizConfigOf, type ModuleConfig } from '../../src/tracking/module-session.ts';

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
  return { ...moduleConfigFor(course, mod), ...overrides };
}

/** Positions of the lesson views, in order. */
export function lessonPositions(config: ModuleConfig): number[] {
  return config.views.flatMap((v, i) => (v.kind === 'lesson' ? [i] : []));
}

/** Position of the quiz view. */
export function quizPosition(config: ModuleConfig): number {
  return config.views.findIndex((v) => v.kind === 'quiz');
}

/** The quiz items of a module that has a quiz. */
export function quizItems(config: ModuleConfig): RuntimeItem[] {
  const quiz = quizConfigOf(config);
  if (!quiz) throw new Error(`${config.moduleId} has no quiz`);
  return quiz.items;
}

/** Seen flags of the lesson views, in order. */
export function lessonsSeen(state: LearnerState | null | undefined): boolean[] | undefined {
  return state?.views.flatMap((v) => (v.kind === 'lesson' ? [v.seen] : []));
}

/** Texts of every reflection prompt, in view order. */
export function reflectionTexts(state: LearnerState | null | undefined): string[] | undefined {
  return state?.views.flatMap((v) => (v.kind === 'reflection' ? v.texts : []));
}

/** The config with its reflection view replaced by one whose prompt limits are as given. */
export function withReflectionView(config: ModuleConfig, limits: readonly number[]): ModuleConfig {
  const prompts = limits.map((maxLength, i) => ({ id: `prompt-${i + 1}`, text: `Prompt ${i + 1}`, maxLength, criteria: [] }));
  return { ...config, views: [...config.views.filter((v) => v.kind !== 'reflection'), { kind: 'reflection', id: 'account', title: 'Your reflective account', prompts }] };
}

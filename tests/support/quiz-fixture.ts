import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toRuntimeQuiz, type RuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { quizSchema, type Quiz } from '../../src/schemas/quiz.ts';
import { PROJECT_ROOT } from './real-course.ts';

export const FIXTURE_OUTCOMES = [
  { id: 'systems', title: 'Explain systems', criteria: ['U219.1.1'] },
  { id: 'navigating', title: 'Navigate a site', criteria: ['U219.1.2'] },
];

/** tests/fixtures/quiz/all-types.yaml parsed, with quiz-level settings overridden. */
export function allTypesQuiz(overrides: Partial<Record<keyof Quiz, unknown>> = {}): Quiz {
  const raw = parse(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/quiz/all-types.yaml'), 'utf8')) as Record<string, unknown>;
  return quizSchema.parse({ ...raw, ...overrides });
}

export function allTypesRuntime(overrides: Partial<Record<keyof Quiz, unknown>> = {}): RuntimeQuiz {
  return toRuntimeQuiz('m1', allTypesQuiz(overrides), 50, FIXTURE_OUTCOMES);
}

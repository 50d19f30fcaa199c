import { join } from 'node:path';
import type { Course } from './course-model.ts';
import { loadCourse } from './load-course.ts';

let cached: Course | undefined;

/** The validated course for pages (build time only; Astro runs from the project root). */
export function getCourse(): Course {
  cached ??= loadCourse(join(process.cwd(), 'content'), process.cwd());
  return cached;
}

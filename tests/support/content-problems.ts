import { join } from 'node:path';
import { ContentError, formatIssue } from '../../src/course/content-error.ts';
import { loadCourse } from '../../src/course/load-course.ts';

/** Loads the course under `root` and returns its content problems as the build prints them (none: []). */
export function contentProblems(root: string): string[] {
  try {
    loadCourse(join(root, 'content'), root);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map(formatIssue);
    throw error;
  }
}

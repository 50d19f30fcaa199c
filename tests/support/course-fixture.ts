import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, formatIssue } from '../../src/course/content-error.ts';
import { loadCourse } from '../../src/course/load-course.ts';

/** The smallest valid course (3 criteria, one module m1 that is their home). */
export const MINIMAL_FIXTURE = join(import.meta.dirname, '../fixtures/content/minimal');
const roots: string[] = [];

/** Copies the minimal valid course and applies one author's mistake to it; call removeCourseCopies() after each test. */
export function courseWith(edit: (path: (file: string) => string) => void = () => {}): string {
  const root = mkdtempSync(join(tmpdir(), 'course-'));
  roots.push(root);
  cpSync(MINIMAL_FIXTURE, root, { recursive: true });
  edit((file) => join(root, 'content', file));
  return root;
}

export function removeCourseCopies(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit failed: "${from}" not in ${file}`);
  writeFileSync(file, text.split(from).join(to));
}

/** Every problem the loader reports for the course at `root`, as `file: field: message` lines. */
export function problems(root: string): string[] {
  try {
    loadCourse(join(root, 'content'), root);
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

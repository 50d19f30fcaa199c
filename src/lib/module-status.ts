import type { ModuleRecord } from '../tracking/course-record.ts';

/**
 * The learner's status in one module in plain words, from this browser's course record.
 * Only what the browser saw: an LMS may know more (another device), so pages say where it comes from.
 */
export function moduleStatusText(record: ModuleRecord | undefined): string {
  if (!record) return 'Not started in this browser';
  const score = record.score === null ? '' : ` (${record.score}%)`;
  if (record.success === 'passed') return `Passed${score}`;
  if (record.completed && record.success === 'failed') return `Finished, not yet passed${score}`;
  if (record.completed) return 'Finished';
  return `In progress${score}`;
}

/** A module counts as completed on the certificate when every part was done and it was not failed. */
export function moduleCompleted(record: ModuleRecord | undefined): boolean {
  return record !== undefined && record.completed && record.success !== 'failed';
}

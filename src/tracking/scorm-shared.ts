/** Cuts a value to an LMS field limit. Callers only pass ids and response patterns here, never learner text. */
export function clip(value: string, limit: number): string {
  return value.length <= limit ? value : value.slice(0, limit);
}

/** Option ids joined with the version's delimiter (1.2 ',' / 2004 '[,]'), sorted so patterns compare stably. */
export function interactionPattern(optionIds: readonly string[], delimiter: string): string {
  return [...optionIds].sort().join(delimiter);
}

import type { ScormCalls } from './scorm-calls.ts';

/** The objective ids the LMS already holds, indexed as stored (read once at launch). */
export function storedObjectives(lms: ScormCalls): ObjectiveIndexer {
  const indexer = objectiveIndexer();
  const count = lms.count('cmi.objectives');
  for (let i = 0; i < count; i++) indexer.known(lms.get(`cmi.objectives.${i}.id`), i);
  return indexer;
}

export type ObjectiveIndexer = ReturnType<typeof objectiveIndexer>;

/**
 * Keeps cmi.objectives indexes stable across sessions: ids already stored by
 * the LMS keep their index; new ids are appended after the stored count.
 */
export function objectiveIndexer() {
  const byId = new Map<string, number>();
  let next = 0;
  return {
    known(id: string, index: number) {
      if (id) byId.set(id, index);
      next = Math.max(next, index + 1);
    },
    indexOf(id: string): { index: number; isNew: boolean } {
      const existing = byId.get(id);
      if (existing !== undefined) return { index: existing, isNew: false };
      const index = next++;
      byId.set(id, index);
      return { index, isNew: true };
    },
  };
}

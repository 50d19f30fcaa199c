/** Cuts a value to an LMS field limit. Callers only pass ids and response patterns here, never learner text. */
export function clip(value: string, limit: number): string {
  return value.length <= limit ? value : value.slice(0, limit);
}

/** Option ids joined with the version's delimiter (1.2 ',' / 2004 '[,]'), sorted so patterns compare stably. */
export function interactionPattern(optionIds: readonly string[], delimiter: string): string {
  return [...optionIds].sort().join(delimiter);
}

import type { AdapterKind, LaunchInfo } from './lms-adapter.ts';
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

/**
 * Interactions an LMS must be able to hold: SCORM 2004's smallest permitted
 * maximum is 250, and many LMSs apply the same cap to SCORM 1.2. Past it,
 * answers overwrite the record of the same question written earlier in this
 * session (so the latest answer is what the LMS keeps); a question with no
 * record in this session is not recorded. Indexes never pass the cap.
 */
export const INTERACTION_CAP = 250;

export function interactionIndexer(storedCount: number, cap = INTERACTION_CAP) {
  const written = new Map<string, number>();
  let next = storedCount;
  return {
    /** The index to write this interaction at, or null when the LMS has no room left for it. */
    indexFor(id: string): number | null {
      if (next < cap) {
        written.set(id, next);
        return next++;
      }
      return written.get(id) ?? null;
    },
  };
}

export function readEntry(entry: string): LaunchInfo['entry'] {
  return entry === 'resume' ? 'resume' : entry === 'ab-initio' ? 'ab-initio' : 'unknown';
}

export function readMode(mode: string): LaunchInfo['mode'] {
  return mode === 'browse' || mode === 'review' ? mode : 'normal';
}

/** A number the LMS gave back, or null for '' and anything unreadable. */
export function readScore(value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** What a launch looks like when the LMS refused Initialize: no data, nothing to write to. */
export function refusedLaunch(kind: AdapterKind): LaunchInfo {
  return {
    kind,
    connected: false,
    entry: 'unknown',
    learnerName: '',
    learnerId: '',
    suspendData: '',
    location: '',
    mode: 'normal',
    previousSuccess: 'unknown',
    previousCompletion: false,
    previousScore: null,
  };
}

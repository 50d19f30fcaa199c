import type { KeyValueStore } from './safe-storage.ts';
import type { SuccessStatus } from './lms-adapter.ts';

/**
 * What this browser keeps for the whole course, across module SCOs: each module's
 * status for the course home and certificate, and the learner's reflections for the
 * reflective account. Unlike a module's safety copy it is never removed when a module
 * is finished, so answers written in SCORM 1.2 (which cannot hold them) are not lost.
 * It stays in this browser: nothing here is ever sent anywhere.
 */
export interface ModuleRecord {
  completed: boolean;
  success: SuccessStatus;
  /** Percentage the LMS was told, or null before any scored attempt. */
  score: number | null;
  /** Reflection answers by prompt id (only non-empty ones). */
  reflections: Record<string, string>;
  updatedAt: number;
}

export interface LearnerRecord {
  /** The name exactly as the LMS gave it ("Last, First" in SCORM); shown through learner-name.ts. */
  learnerName: string;
  modules: Record<string, ModuleRecord>;
}

export interface CourseRecord {
  /** The learner who last used a module in this browser: pages outside a SCO show their record. */
  latest: string | null;
  learners: Record<string, LearnerRecord>;
}

export function courseRecordKey(courseId: string): string {
  return `course:${courseId}:record`;
}

const SUCCESS: readonly SuccessStatus[] = ['passed', 'failed', 'unknown'];

/** Reads the record; anything malformed (an old format, a hand-edited value) is skipped, never thrown. */
export function readCourseRecord(store: KeyValueStore, courseId: string): CourseRecord {
  let raw: unknown = null;
  try {
    // Stryker disable next-line StringLiteral: JSON.parse('') throws, which also reads as nothing stored
    raw = JSON.parse(store.get(courseRecordKey(courseId)) ?? 'null');
  } catch {
    // Not JSON: read as nothing stored.
  }
  const record: CourseRecord = { latest: null, learners: {} };
  if (!isObject(raw)) return record;
  if (isObject(raw['learners']))
    for (const [id, learner] of Object.entries(raw['learners'])) {
      if (!isObject(learner) || !isObject(learner['modules'])) continue;
      const modules: Record<string, ModuleRecord> = {};
      for (const [moduleId, mod] of Object.entries(learner['modules'])) {
        const parsed = readModuleRecord(mod);
        if (parsed) modules[moduleId] = parsed;
      }
      record.learners[id] = { learnerName: typeof learner['learnerName'] === 'string' ? learner['learnerName'] : '', modules };
    }
  const latest = raw['latest'];
  record.latest = typeof latest === 'string' && latest in record.learners ? latest : null;
  return record;
}

function readModuleRecord(value: unknown): ModuleRecord | null {
  if (!isObject(value)) return null;
  const { completed, success, score, reflections, updatedAt } = value;
  if (typeof completed !== 'boolean' || !SUCCESS.includes(success as SuccessStatus)) return null;
  const texts: Record<string, string> = {};
  if (isObject(reflections)) for (const [id, text] of Object.entries(reflections)) if (typeof text === 'string' && text) texts[id] = text;
  return {
    completed,
    success: success as SuccessStatus,
    score: Number.isFinite(score) ? (score as number) : null,
    reflections: texts,
    updatedAt: typeof updatedAt === 'number' ? updatedAt : 0,
  };
}

/** The record of the learner who last used the course in this browser, or null if none has. */
export function latestLearner(record: CourseRecord): LearnerRecord | null {
  return record.latest ? (record.learners[record.latest] ?? null) : null;
}

export interface ModuleUpdate {
  courseId: string;
  moduleId: string;
  learnerId: string;
  learnerName: string;
  completed: boolean;
  success: SuccessStatus;
  score: number | null;
  reflections: Record<string, string>;
  now: number;
}

/** Writes one module's status and reflections for one learner, keeping every other module and learner. */
export function writeModuleRecord(store: KeyValueStore, update: ModuleUpdate): void {
  const record = readCourseRecord(store, update.courseId);
  const id = update.learnerId || 'anonymous';
  const learner = record.learners[id] ?? { learnerName: '', modules: {} };
  if (update.learnerName) learner.learnerName = update.learnerName;
  const reflections = Object.fromEntries(Object.entries(update.reflections).filter(([, text]) => text.length > 0));
  learner.modules[update.moduleId] = {
    completed: update.completed,
    success: update.success,
    score: update.score,
    reflections,
    updatedAt: update.now,
  };
  record.learners[id] = learner;
  record.latest = id;
  store.set(courseRecordKey(update.courseId), JSON.stringify(record));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type {
  InteractionReport,
  LaunchInfo,
  LmsAdapter,
  LmsError,
  ObjectiveReport,
  Score,
  SuccessStatus,
} from './lms-adapter.ts';
import type { CommitOutcome } from './commit-retry.ts';
import type { KeyValueStore } from './safe-storage.ts';

/** What standalone mode keeps per module: enough to resume and to show results again. */
export interface StandaloneRecord {
  suspendData: string;
  location: string;
  exit: 'suspend' | 'normal' | '';
  completed: boolean;
  success: SuccessStatus;
  score?: Score;
  objectives: Record<string, ObjectiveReport>;
  interactions: number;
}

/**
 * Used when no LMS API is found (course opened straight from a web server):
 * the course works the same, progress stays in this browser, and the page
 * tells the learner results are not sent anywhere.
 */
export class StandaloneAdapter implements LmsAdapter {
  readonly kind = 'standalone' as const;
  /** Generous but bounded: localStorage quotas are per origin. */
  readonly suspendDataLimit = 64000;
  readonly #store: KeyValueStore;
  readonly #key: string;
  #record: StandaloneRecord;

  constructor(store: KeyValueStore, storageKey: string) {
    this.#store = store;
    this.#key = storageKey;
    this.#record = readRecord(store.get(storageKey));
  }

  start(): LaunchInfo {
    const { suspendData, location, exit, success, completed } = this.#record;
    return {
      kind: this.kind,
      connected: true,
      entry: suspendData && exit === 'suspend' ? 'resume' : 'ab-initio',
      learnerName: '',
      learnerId: '',
      suspendData,
      location,
      mode: 'normal',
      previousSuccess: success,
      previousCompletion: completed,
      previousScore: this.#record.score?.raw ?? null,
    };
  }

  setScore(score: Score): void {
    this.#record.score = score;
  }
  setCompletion(completed: boolean): void {
    this.#record.completed = completed;
  }
  setSuccess(success: SuccessStatus): void {
    this.#record.success = success;
  }
  setObjective(objective: ObjectiveReport): void {
    this.#record.objectives[objective.id] = objective;
  }
  ensureObjective(id: string, description: string): void {
    this.#record.objectives[id] ??= { id, description, completed: false, success: 'unknown' };
  }
  recordInteraction(_interaction: InteractionReport): void {
    this.#record.interactions += 1;
  }
  saveState(suspendData: string, location: string): void {
    this.#record.suspendData = suspendData;
    this.#record.location = location;
  }
  setExit(exit: 'suspend' | 'normal'): void {
    this.#record.exit = exit;
  }
  commit(): CommitOutcome {
    return this.#store.set(this.#key, JSON.stringify(this.#record)) ? 'ok' : 'failed';
  }
  finish(): void {
    this.commit();
  }
  /** Nothing refuses ids in the browser. */
  readonly usesFallbackIds = false;
  useFallbackIds(): void {}
  errors(): readonly LmsError[] {
    return [];
  }
}

/** The saved record, or a fresh one; fields of the wrong type (an old format, a hand-edited value) are dropped, not trusted. */
function readRecord(raw: string | null): StandaloneRecord {
  const record: StandaloneRecord = { suspendData: '', location: '', exit: '', completed: false, success: 'unknown', objectives: {}, interactions: 0 };
  let parsed: unknown = null;
  try {
    // Stryker disable next-line StringLiteral: JSON.parse('') throws, which also reads as nothing stored
    parsed = JSON.parse(raw ?? 'null');
  } catch {
    // Not JSON: read as nothing stored.
  }
  if (!isObject(parsed)) return record;
  if (typeof parsed['suspendData'] === 'string') record.suspendData = parsed['suspendData'];
  if (typeof parsed['location'] === 'string') record.location = parsed['location'];
  if (parsed['exit'] === 'suspend' || parsed['exit'] === 'normal') record.exit = parsed['exit'];
  if (typeof parsed['completed'] === 'boolean') record.completed = parsed['completed'];
  if (parsed['success'] === 'passed' || parsed['success'] === 'failed') record.success = parsed['success'];
  const score = parsed['score'];
  if (isObject(score) && [score['raw'], score['min'], score['max']].every((n) => Number.isFinite(n)))
    record.score = { raw: score['raw'] as number, min: score['min'] as number, max: score['max'] as number };
  if (isObject(parsed['objectives']))
    for (const [id, objective] of Object.entries(parsed['objectives'])) if (isObject(objective)) record.objectives[id] = objective as unknown as ObjectiveReport;
  if (Number.isInteger(parsed['interactions'])) record.interactions = Math.max(0, parsed['interactions'] as number);
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
import { SCORM12_METHODS, ScormCalls } from './scorm-calls.ts';
import { scorm12TimeOfDay, scorm12Timespan } from './time-formats.ts';
import {
  clip,
  correctResponses,
  interactionIndexer,
  interactionPattern,
  IdWriter,
  objectiveIndexer,
  readEntry,
  readMode,
  readScore,
  refusedLaunch,
  storedObjectives,
  type ObjectiveIndexer,
} from './scorm-shared.ts';

/** SCORM 1.2 limits (CMIString255 / CMIString4096 / CMIIdentifier). */
export const SCORM12_LIMITS = { suspendData: 4096, location: 255, response: 255, identifier: 255 } as const;

export class Scorm12Adapter implements LmsAdapter {
  readonly kind = 'scorm12' as const;
  readonly suspendDataLimit = SCORM12_LIMITS.suspendData;
  readonly #lms: ScormCalls;
  // Stryker disable next-line BooleanLiteral: start() sets it from the LMS before any status is written
  #completed = false;
  // Stryker disable next-line StringLiteral: start() sets it from the LMS before any status is written
  #success: SuccessStatus = 'unknown';
  #interactions = interactionIndexer(0);
  #objectiveIndex: ObjectiveIndexer = objectiveIndexer();
  readonly #ids: IdWriter;

  constructor(api: Record<string, unknown>, now: () => number = Date.now) {
    this.#lms = new ScormCalls(api, SCORM12_METHODS, now);
    this.#ids = new IdWriter(this.#lms, SCORM12_LIMITS.identifier);
  }

  start(): LaunchInfo {
    if (!this.#lms.initialize()) return refusedLaunch(this.kind);
    const status = this.#lms.get('cmi.core.lesson_status');
    const entry = this.#lms.get('cmi.core.entry');
    const mode = readMode(this.#lms.get('cmi.core.lesson_mode'));
    this.#success = status === 'passed' || status === 'failed' ? status : 'unknown';
    this.#completed = status === 'completed' || status === 'passed' || status === 'failed';
    // Rule: after launch, 1.2 lesson_status never stays "not attempted" (a review launch changes nothing).
    if (mode === 'normal' && (status === '' || status === 'not attempted')) this.#lms.set('cmi.core.lesson_status', 'incomplete');
    this.#interactions = interactionIndexer(this.#lms.count('cmi.interactions'));
    const stored = storedObjectives(this.#lms);
    this.#objectiveIndex = stored.indexer;
    if (stored.anyFallback) this.#ids.useFallback();
    return {
      kind: this.kind,
      connected: true,
      entry: readEntry(entry),
      learnerName: this.#lms.get('cmi.core.student_name'),
      learnerId: this.#lms.get('cmi.core.student_id'),
      suspendData: this.#lms.get('cmi.suspend_data'),
      location: this.#lms.get('cmi.core.lesson_location'),
      mode,
      previousSuccess: this.#success,
      previousCompletion: this.#completed,
      previousScore: readScore(this.#lms.get('cmi.core.score.raw')),
    };
  }

  setScore({ raw, min, max }: Score): void {
    this.#lms.set('cmi.core.score.raw', round2(raw));
    this.#lms.set('cmi.core.score.min', round2(min));
    this.#lms.set('cmi.core.score.max', round2(max));
  }

  setCompletion(completed: boolean): void {
    this.#completed = completed;
    this.#writeStatus();
  }

  setSuccess(success: SuccessStatus): void {
    this.#success = success;
    this.#writeStatus();
  }

  /** 1.2 has one status for both completion and success; success wins once known. */
  #writeStatus(): void {
    const status = this.#success !== 'unknown' ? this.#success : this.#completed ? 'completed' : 'incomplete';
    this.#lms.set('cmi.core.lesson_status', status);
  }

  setObjective(objective: ObjectiveReport): void {
    const { index, isNew } = this.#objectiveIndex.indexOf(objective.id);
    const base = `cmi.objectives.${index}`;
    if (isNew) this.#ids.set(`${base}.id`, objective.id);
    if (objective.score) {
      this.#lms.set(`${base}.score.raw`, round2(objective.score.raw));
      this.#lms.set(`${base}.score.min`, round2(objective.score.min));
      this.#lms.set(`${base}.score.max`, round2(objective.score.max));
    }
    const status = objective.success !== 'unknown' ? objective.success : objective.completed ? 'completed' : 'incomplete';
    this.#lms.set(`${base}.status`, status);
  }

  ensureObjective(id: string, _description: string): void {
    const { index, isNew } = this.#objectiveIndex.indexOf(id);
    if (!isNew) return;
    this.#ids.set(`cmi.objectives.${index}.id`, id);
    this.#lms.set(`cmi.objectives.${index}.status`, 'not attempted');
  }

  recordInteraction(interaction: InteractionReport): void {
    const index = this.#interactions.indexFor(interaction.id);
    if (index === null) return;
    const base = `cmi.interactions.${index}`;
    this.#ids.set(`${base}.id`, interaction.id);
    interaction.objectives.forEach((id, i) => this.#ids.set(`${base}.objectives.${i}.id`, id));
    this.#lms.set(`${base}.time`, scorm12TimeOfDay(interaction.shownAt));
    this.#lms.set(`${base}.type`, interaction.type);
    correctResponses(interaction).forEach((value, n) =>
      this.#lms.set(`${base}.correct_responses.${n}.pattern`, clip(interactionPattern(interaction.type, value, 'scorm12'), SCORM12_LIMITS.response)),
    );
    this.#lms.set(`${base}.weighting`, interaction.weighting);
    this.#lms.set(`${base}.student_response`, clip(interactionPattern(interaction.type, interaction.response, 'scorm12'), SCORM12_LIMITS.response));
    // 1.2 says "wrong" where 2004 says "incorrect"; part marks are a decimal in both.
    this.#lms.set(`${base}.result`, interaction.result === 'incorrect' ? 'wrong' : interaction.result);
    this.#lms.set(`${base}.latency`, scorm12Timespan(interaction.answeredAt - interaction.shownAt));
  }

  saveState(suspendData: string, location: string): void {
    this.#lms.set('cmi.suspend_data', suspendData);
    this.#lms.set('cmi.core.lesson_location', clip(location, SCORM12_LIMITS.location));
  }

  setExit(exit: 'suspend' | 'normal'): void {
    this.#lms.set('cmi.core.exit', exit === 'suspend' ? 'suspend' : '');
  }

  commit(): CommitOutcome {
    return this.#lms.commitSession('cmi.core.session_time', scorm12Timespan(this.#lms.elapsedMs()));
  }

  finish(): void {
    this.#lms.finishSession('cmi.core.session_time', scorm12Timespan(this.#lms.elapsedMs()));
  }

  get usesFallbackIds(): boolean {
    return this.#ids.usesFallback;
  }

  useFallbackIds(): void {
    this.#ids.useFallback();
  }

  errors(): readonly LmsError[] {
    return this.#lms.errors;
  }
}


function round2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

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
import { SCORM2004_METHODS, ScormCalls } from './scorm-calls.ts';
import { scorm2004Duration, scorm2004Timestamp } from './time-formats.ts';
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

/** SCORM 2004 4th ed. smallest permitted maximums (SPM) that an LMS must support. */
export const SCORM2004_LIMITS = {
  suspendData: 64000,
  location: 1000,
  identifier: 4000,
  description: 250,
  response: 4000,
} as const;

export class Scorm2004Adapter implements LmsAdapter {
  readonly kind = 'scorm2004' as const;
  readonly suspendDataLimit = SCORM2004_LIMITS.suspendData;
  readonly #lms: ScormCalls;
  #interactions = interactionIndexer(0);
  #objectiveIndex: ObjectiveIndexer = objectiveIndexer();
  readonly #ids: IdWriter;
  #exit: 'suspend' | 'normal' | null = null;

  constructor(api: Record<string, unknown>, now: () => number = Date.now) {
    this.#lms = new ScormCalls(api, SCORM2004_METHODS, now);
    this.#ids = new IdWriter(this.#lms, SCORM2004_LIMITS.identifier);
  }

  start(): LaunchInfo {
    if (!this.#lms.initialize()) return refusedLaunch(this.kind);
    const completion = this.#lms.get('cmi.completion_status');
    const success = this.#lms.get('cmi.success_status');
    const entry = this.#lms.get('cmi.entry');
    const mode = readMode(this.#lms.get('cmi.mode'));
    if (mode === 'normal' && (completion === '' || completion === 'unknown' || completion === 'not attempted'))
      this.#lms.set('cmi.completion_status', 'incomplete');
    this.#interactions = interactionIndexer(this.#lms.count('cmi.interactions'));
    const stored = storedObjectives(this.#lms);
    this.#objectiveIndex = stored.indexer;
    if (stored.anyFallback) this.#ids.useFallback();
    const scaled = readScore(this.#lms.get('cmi.score.scaled'));
    return {
      kind: this.kind,
      connected: true,
      entry: readEntry(entry),
      learnerName: this.#lms.get('cmi.learner_name'),
      learnerId: this.#lms.get('cmi.learner_id'),
      suspendData: this.#lms.get('cmi.suspend_data'),
      location: this.#lms.get('cmi.location'),
      mode,
      previousSuccess: success === 'passed' || success === 'failed' ? success : 'unknown',
      previousCompletion: completion === 'completed',
      previousScore: scaled === null ? readScore(this.#lms.get('cmi.score.raw')) : Math.round(scaled * 10000) / 100,
    };
  }

  setScore(score: Score): void {
    this.#writeScore('cmi.score', score);
  }

  #writeScore(base: string, { raw, min, max }: Score): void {
    const scaled = max > min ? (raw - min) / (max - min) : 0;
    this.#lms.set(`${base}.scaled`, round4(Math.min(1, Math.max(-1, scaled))));
    this.#lms.set(`${base}.raw`, round4(raw));
    this.#lms.set(`${base}.min`, round4(min));
    this.#lms.set(`${base}.max`, round4(max));
  }

  setCompletion(completed: boolean): void {
    this.#lms.set('cmi.completion_status', completed ? 'completed' : 'incomplete');
  }

  setSuccess(success: SuccessStatus): void {
    this.#lms.set('cmi.success_status', success);
  }

  setObjective(objective: ObjectiveReport): void {
    const { index, isNew } = this.#objectiveIndex.indexOf(objective.id);
    const base = `cmi.objectives.${index}`;
    if (isNew) this.#ids.set(`${base}.id`, objective.id);
    if (objective.score) this.#writeScore(`${base}.score`, objective.score);
    this.#lms.set(`${base}.success_status`, objective.success);
    this.#lms.set(`${base}.completion_status`, objective.completed ? 'completed' : 'incomplete');
    this.#lms.set(`${base}.description`, clip(objective.description, SCORM2004_LIMITS.description));
  }

  ensureObjective(id: string, description: string): void {
    const { index, isNew } = this.#objectiveIndex.indexOf(id);
    const base = `cmi.objectives.${index}`;
    if (isNew) {
      this.#ids.set(`${base}.id`, id);
      this.#lms.set(`${base}.success_status`, 'unknown');
      this.#lms.set(`${base}.completion_status`, 'not attempted');
    }
    // Objectives created by the LMS from the manifest have no description yet.
    this.#lms.set(`${base}.description`, clip(description, SCORM2004_LIMITS.description));
  }

  recordInteraction(interaction: InteractionReport): void {
    const index = this.#interactions.indexFor(interaction.id);
    if (index === null) return;
    const base = `cmi.interactions.${index}`;
    this.#ids.set(`${base}.id`, interaction.id);
    this.#lms.set(`${base}.type`, interaction.type);
    interaction.objectives.forEach((id, i) => this.#ids.set(`${base}.objectives.${i}.id`, id));
    this.#lms.set(`${base}.timestamp`, scorm2004Timestamp(interaction.shownAt));
    correctResponses(interaction).forEach((value, n) =>
      this.#lms.set(`${base}.correct_responses.${n}.pattern`, clip(interactionPattern(interaction.type, value, 'scorm2004', 'pattern'), SCORM2004_LIMITS.response)),
    );
    this.#lms.set(`${base}.weighting`, interaction.weighting);
    this.#lms.set(`${base}.learner_response`, clip(interactionPattern(interaction.type, interaction.response, 'scorm2004'), SCORM2004_LIMITS.response));
    this.#lms.set(`${base}.result`, interaction.result);
    this.#lms.set(`${base}.latency`, scorm2004Duration(interaction.answeredAt - interaction.shownAt));
    this.#lms.set(`${base}.description`, clip(interaction.description, SCORM2004_LIMITS.description));
  }

  saveState(suspendData: string, location: string): void {
    this.#lms.set('cmi.suspend_data', suspendData);
    this.#lms.set('cmi.location', clip(location, SCORM2004_LIMITS.location));
  }

  setExit(exit: 'suspend' | 'normal'): void {
    this.#exit = exit;
    this.#lms.set('cmi.exit', exit);
  }

  commit(): CommitOutcome {
    return this.#lms.commitSession('cmi.session_time', scorm2004Duration(this.#lms.elapsedMs()));
  }

  finish(): void {
    // Left unfinished: ask the LMS to suspend the whole course. Without a request many LMSs apply
    // their default (often exitAll), which ends the attempt and drops the suspend data.
    if (this.#exit === 'suspend') this.#lms.set('adl.nav.request', 'suspendAll');
    this.#lms.finishSession('cmi.session_time', scorm2004Duration(this.#lms.elapsedMs()));
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


function round4(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

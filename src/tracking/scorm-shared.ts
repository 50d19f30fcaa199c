/** Cuts a value to an LMS field limit. Callers only pass ids and response patterns here, never learner text. */
export function clip(value: string, limit: number): string {
  return value.slice(0, limit);
}

const PATTERN_SYNTAX = {
  scorm12: { list: ',', pair: '.', yes: 't', no: 'f' },
  scorm2004: { list: '[,]', pair: '[.]', yes: 'true', no: 'false' },
} as const;

/**
 * A response or correct-response pattern in a version's format: choice ids
 * sorted (so patterns compare stably), sequencing ids in order, matching
 * `source.target` pairs, true-false as t/f (1.2) or true/false (2004), fill-in
 * as the text (2004 correct patterns say case does not matter: the only place `role` counts).
 */
export function interactionPattern(type: InteractionType, value: InteractionValue, version: 'scorm12' | 'scorm2004', role?: 'response' | 'pattern'): string {
  const syntax = PATTERN_SYNTAX[version];
  if (typeof value === 'boolean') return value ? syntax.yes : syntax.no;
  if (typeof value === 'string') {
    // 2004 reads "[,]" and "[.]" in a fill-in as delimiters: keep them out of the learner's text.
    const text = version === 'scorm2004' ? value.replaceAll('[,]', ',').replaceAll('[.]', '.') : value;
    return version === 'scorm2004' && role === 'pattern' ? `{case_matters=false}${text}` : text;
  }
  if (type === 'matching') return (value as readonly (readonly [string, string])[]).map(([source, target]) => `${source}${syntax.pair}${target}`).join(syntax.list);
  const ids = value as readonly string[];
  return (type === 'sequencing' ? ids : [...ids].sort()).join(syntax.list);
}

import type { AdapterKind, InteractionReport, InteractionType, InteractionValue, LaunchInfo } from './lms-adapter.ts';
import type { ScormCalls } from './scorm-calls.ts';
import { fallbackLmsId } from '../lib/lms-ids.ts';

/** The objective ids the LMS already holds, indexed as stored (read once at launch). */
export function storedObjectives(lms: ScormCalls): { indexer: ObjectiveIndexer; anyFallback: boolean } {
  const indexer = objectiveIndexer();
  const count = lms.count('cmi.objectives');
  let anyFallback = false;
  for (let i = 0; i < count; i++) {
    const id = lms.get(`cmi.objectives.${i}.id`);
    anyFallback ||= id.includes(':');
    indexer.known(id, i);
  }
  return { indexer, anyFallback };
}

/**
 * Writes identifier elements (objective and interaction ids). When the LMS
 * refuses one as the wrong type, the session switches to the fallback id form
 * (letters, digits and ':') for every id from then on and writes it again.
 */
export class IdWriter {
  readonly #lms: ScormCalls;
  readonly #limit: number;
  #fallback = false;

  constructor(lms: ScormCalls, limit: number) {
    this.#lms = lms;
    this.#limit = limit;
  }

  get usesFallback(): boolean {
    return this.#fallback;
  }

  useFallback(): void {
    this.#fallback = true;
  }

  /** The id as this session writes it. */
  form(id: string): string {
    return clip(this.#fallback ? fallbackLmsId(id) : id, this.#limit);
  }

  set(element: string, id: string): void {
    if (this.#lms.set(element, this.form(id))) return;
    if (this.#fallback || this.#lms.lastErrorCode !== this.#lms.typeMismatchCode) return;
    this.#fallback = true;
    this.#lms.set(element, this.form(id));
  }
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
    // Keyed by the fallback form, so an id stored in either form finds its index.
    known(id: string, index: number) {
      // An empty stored id is keyed too; no objective is ever looked up by ''.
      byId.set(fallbackLmsId(id), index);
      next = Math.max(next, index + 1);
    },
    indexOf(id: string): { index: number; isNew: boolean } {
      const existing = byId.get(fallbackLmsId(id));
      if (existing !== undefined) return { index: existing, isNew: false };
      const index = next++;
      byId.set(fallbackLmsId(id), index);
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

/** The correct response first, then any alternatives (each becomes correct_responses.n). */
export function correctResponses(interaction: InteractionReport): InteractionValue[] {
  return interaction.correct === undefined ? [] : [interaction.correct, ...(interaction.alternatives ?? [])];
}

import type { CommitOutcome } from './commit-retry.ts';

/**
 * The one interface between the course and an LMS. Implementations own every
 * SCORM-version difference (element names, vocabularies, formats, limits);
 * callers never branch on the version.
 */
export type AdapterKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone';

export interface LaunchInfo {
  kind: AdapterKind;
  /** False when the LMS refused Initialize: nothing can be saved to it in this page load. */
  connected: boolean;
  /** 'resume' when the LMS says the learner left with exit=suspend. */
  entry: 'ab-initio' | 'resume' | 'unknown';
  learnerName: string;
  learnerId: string;
  /** Saved state from the previous session, or '' if none. */
  suspendData: string;
  location: string;
  /** 'browse'/'review' launches must not change results. */
  mode: 'normal' | 'browse' | 'review';
  /** Previously reported success, so a later attempt can honour "never downgrade passed". */
  previousSuccess: SuccessStatus;
  previousCompletion: boolean;
  /** Score the LMS holds from earlier sessions (0-100), or null; never reported lower while a pass is held. */
  previousScore: number | null;
}

export type SuccessStatus = 'passed' | 'failed' | 'unknown';

export interface Score {
  raw: number;
  min: number;
  max: number;
}

export interface ObjectiveReport {
  /** Stable id, no spaces, e.g. `u219-lo1-questioning`. */
  id: string;
  description: string;
  score?: Score;
  completed: boolean;
  success: SuccessStatus;
}

export type InteractionType = 'choice' | 'true-false' | 'matching' | 'sequencing' | 'fill-in';

/**
 * A response in neutral form; each adapter writes its version's format.
 * choice: option ids; true-false: boolean; matching: [source, target] pairs;
 * sequencing: ids in the learner's order; fill-in: the text typed.
 */
export type InteractionValue = readonly string[] | boolean | readonly (readonly [string, string])[] | string;

export interface InteractionReport {
  /** Stable id, no spaces, e.g. `u219-lo1-quiz-q03`. */
  id: string;
  type: InteractionType;
  description: string;
  response: InteractionValue;
  /** The correct response, where there is one (and the page may know it). */
  correct?: InteractionValue;
  /** Further correct responses (fill-in: each accepted variant). */
  alternatives?: readonly InteractionValue[];
  /** A number (0–1) for part marks. */
  result: 'correct' | 'incorrect' | 'neutral' | number;
  weighting: number;
  /** When the question was shown and when it was answered (ms since epoch). */
  shownAt: number;
  answeredAt: number;
  /** Objective ids the interaction counts towards. */
  objectives: readonly string[];
}

export interface LmsError {
  call: string;
  code: string;
  message: string;
}

export interface LmsAdapter {
  readonly kind: AdapterKind;
  /** Largest suspend_data this LMS data model allows, in characters. */
  readonly suspendDataLimit: number;
  start(): LaunchInfo;
  setScore(score: Score): void;
  setCompletion(completed: boolean): void;
  setSuccess(success: SuccessStatus): void;
  setObjective(objective: ObjectiveReport): void;
  /** Creates the objective (not attempted) if the LMS does not have it yet, so tutors see every outcome from launch. */
  ensureObjective(id: string, description: string): void;
  recordInteraction(interaction: InteractionReport): void;
  saveState(suspendData: string, location: string): void;
  /** 'suspend' while the learner has more to do; 'normal' once finished. */
  setExit(exit: 'suspend' | 'normal'): void;
  /** 'failed' when the LMS did not accept the commit, 'fatal' when it never will in this session. Never throws. */
  commit(): CommitOutcome;
  /** Ends the session (once). Never throws. */
  finish(): void;
  /** True once this session writes ids in the fallback form (the LMS refused a normal id). */
  readonly usesFallbackIds: boolean;
  /** Write every id in the fallback form from now on (a resumed session that switched before). */
  useFallbackIds(): void;
  /** Recent LMS errors, newest last, for the diagnostics panel. */
  errors(): readonly LmsError[];
}

import type { ScoInfo, ScormVersion } from './package-info.ts';

/**
 * The stand-in's learner records: one attempt per package + SCO + learner, kept in the
 * stand-in page's localStorage so a relaunch resumes like it would on a real LMS.
 */

export interface Learner {
  id: string;
  name: string;
}

export type CmiJson = Record<string, unknown>;

export interface StoredAttempt {
  scormVersion: ScormVersion;
  /** 1 for the first attempt; a SCORM 2004 launch after a non-suspend exit starts the next one. */
  attempt: number;
  /** The CMI as scorm-again renders it (`renderCMIToJSONObject().cmi`), total_time included. */
  cmi: CmiJson;
  /** The last cmi.exit / cmi.core.exit the SCO set ('' when it set none). */
  exit: string;
  /** True once the SCO called LMSFinish / Terminate for this session. */
  terminated: boolean;
  /** The last session's session_time, kept for display; never given back to the SCO. */
  sessionTime: string;
  savedAt: string;
}

const KEY_PREFIX = 'lms-stand-in:attempt:';

export function attemptKey(zipFile: string, scoIdentifier: string, learnerId: string): string {
  return `${KEY_PREFIX}${JSON.stringify([zipFile, scoIdentifier, learnerId])}`;
}

export function loadAttempt(zipFile: string, scoIdentifier: string, learnerId: string): StoredAttempt | null {
  const stored = localStorage.getItem(attemptKey(zipFile, scoIdentifier, learnerId));
  if (stored === null) return null;
  try {
    return JSON.parse(stored) as StoredAttempt;
  } catch {
    // A record this page cannot read is treated as no record, like a fresh learner.
    return null;
  }
}

export function saveAttempt(zipFile: string, scoIdentifier: string, learnerId: string, attempt: StoredAttempt): void {
  localStorage.setItem(attemptKey(zipFile, scoIdentifier, learnerId), JSON.stringify(attempt));
}

export function removeAttempt(zipFile: string, scoIdentifier: string, learnerId: string): void {
  localStorage.removeItem(attemptKey(zipFile, scoIdentifier, learnerId));
}

export type Entry = 'ab-initio' | 'resume' | '';

export interface LaunchPlan {
  entry: Entry;
  attempt: number;
  /** Starting CMI for `api.loadFromJSON(…, 'cmi')`: the restored record plus what the LMS sets. */
  startingCmi: CmiJson;
  /** Why this entry was chosen, for the page's status line and the call log. */
  explanation: string;
}

function isObject(value: unknown): value is CmiJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy without the per-session elements the SCO writes and the LMS never gives back. */
function restorableCmi(version: ScormVersion, cmi: CmiJson): CmiJson {
  const copy = structuredClone(cmi);
  const sessionHolder = version === '1.2' ? copy['core'] : copy;
  if (isObject(sessionHolder)) {
    delete sessionHolder['entry'];
    delete sessionHolder['exit'];
    delete sessionHolder['session_time'];
  }
  return copy;
}

/**
 * Decides how a launch starts, following what LMSs commonly do:
 * - no record: first attempt, `ab-initio`;
 * - last exit `suspend`: same attempt, `resume`, everything restored;
 * - otherwise SCORM 1.2: same record restored with entry '' (1.2 has no attempt model);
 * - otherwise SCORM 2004: that attempt has ended, so a new one starts `ab-initio` with fresh data.
 */
export function planLaunch(version: ScormVersion, sco: ScoInfo, learner: Learner, stored: StoredAttempt | null): LaunchPlan {
  let entry: Entry;
  let attempt: number;
  let restored: CmiJson = {};
  let explanation: string;
  if (stored === null || stored.scormVersion !== version) {
    entry = 'ab-initio';
    attempt = 1;
    explanation = 'First launch for this learner: entry ab-initio.';
  } else if (stored.exit === 'suspend') {
    entry = 'resume';
    attempt = stored.attempt;
    restored = restorableCmi(version, stored.cmi);
    explanation = `The last session ended with exit "suspend": entry resume, attempt ${attempt} restored.`;
  } else if (version === '1.2') {
    entry = '';
    attempt = stored.attempt;
    restored = restorableCmi(version, stored.cmi);
    explanation = `The last session ended with exit "${stored.exit}", not "suspend": entry is empty, saved data restored.`;
  } else {
    entry = 'ab-initio';
    attempt = stored.attempt + 1;
    explanation = `The last session ended with exit "${stored.exit}", not "suspend": attempt ${stored.attempt} is over, attempt ${attempt} starts ab-initio.`;
  }

  const startingCmi = restored;
  if (version === '1.2') {
    const core = isObject(startingCmi['core']) ? startingCmi['core'] : {};
    startingCmi['core'] = {
      ...core,
      student_id: learner.id,
      student_name: learner.name,
      entry,
      lesson_mode: 'normal',
      credit: 'credit',
    };
    if (sco.masteryScore !== undefined) {
      const studentData = isObject(startingCmi['student_data']) ? startingCmi['student_data'] : {};
      startingCmi['student_data'] = { ...studentData, mastery_score: sco.masteryScore };
    }
  } else {
    Object.assign(startingCmi, {
      learner_id: learner.id,
      learner_name: learner.name,
      entry,
      mode: 'normal',
      credit: 'credit',
    });
    if (sco.scaledPassingScore !== undefined) startingCmi['scaled_passing_score'] = sco.scaledPassingScore;
  }
  if (sco.launchData !== undefined) startingCmi['launch_data'] = sco.launchData;
  return { entry, attempt, startingCmi, explanation };
}

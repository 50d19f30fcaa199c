import type { Scorm12API, Scorm2004API } from 'scorm-again';
import type { LaunchPlan, StoredAttempt } from '../attempt-store.ts';
import type { ScormVersion } from '../package-info.ts';

export type ScormApi = Scorm12API | Scorm2004API;

export interface ProfileLaunch {
  version: ScormVersion;
  /** The learner's record before this launch, or null on a first launch. */
  stored: StoredAttempt | null;
  /** The learner's name as a person writes it ("Sam Learner"). */
  learnerName: string;
  /** The centre's "force new attempt" setting (Moodle). */
  forceNewAttempt: boolean;
}

/**
 * A known LMS's behaviour, played by wrapping the stand-in's scorm-again API:
 * how it plans a launch (mode, entry, name format, credit) and which values its
 * run-time refuses. One file per LMS in this folder.
 */
export interface LmsProfile {
  id: string;
  title: string;
  /** One line for the stand-in page. */
  description: string;
  plan(plan: LaunchPlan, launch: ProfileLaunch): LaunchPlan;
  /** Changes the API the course will call (called once, before the course loads). */
  wrap(api: ScormApi, version: ScormVersion): void;
}

/** "Sam Learner" -> ["Learner", "Sam"]: the family name is the last word. */
export function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : (words[0] ?? '');
  return { family, given: words.join(' ') };
}

/** Sets an element of the planned CMI: 1.2 keeps learner and session data under `core`. */
export function setCore(plan: LaunchPlan, version: ScormVersion, values: { name?: string; mode?: string; credit?: string; entry?: string }): LaunchPlan {
  const startingCmi = structuredClone(plan.startingCmi);
  const holder = (version === '1.2' ? ((startingCmi['core'] ??= {}) as Record<string, unknown>) : startingCmi) as Record<string, unknown>;
  if (values.name !== undefined) holder[version === '1.2' ? 'student_name' : 'learner_name'] = values.name;
  if (values.mode !== undefined) holder[version === '1.2' ? 'lesson_mode' : 'mode'] = values.mode;
  if (values.credit !== undefined) holder['credit'] = values.credit;
  if (values.entry !== undefined) holder['entry'] = values.entry;
  return { ...plan, startingCmi, entry: (values.entry as LaunchPlan['entry'] | undefined) ?? plan.entry };
}

/** Makes `SetValue` refuse some values with an error code, as a stricter LMS run-time does. */
export function refuseValues(api: ScormApi, version: ScormVersion, refuses: (element: string, value: string) => string | null): void {
  const name = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const target = api as unknown as Record<string, unknown> & { lastErrorCode: string };
  const original = target[name] as (element: string, value: string) => string;
  target[name] = (element: string, value: string): string => {
    const code = refuses(element, String(value));
    if (code === null) return original.call(api, element, value);
    target.lastErrorCode = code;
    return 'false';
  };
}

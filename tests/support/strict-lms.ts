import { Scorm12API, Scorm2004API } from 'scorm-again';

/**
 * scorm-again accepts values a stricter LMS rejects (over-long 1.2 strings,
 * identifiers with spaces), so tests wrap it and check every SetValue against
 * the data model themselves. `violations` must stay empty.
 */
export interface StrictLms {
  api: Record<string, unknown>;
  inner: Scorm12API | Scorm2004API;
  violations: string[];
  sets: [string, string][];
  value(element: string): string;
}

const ID_12 = /^[^\s]{1,255}$/;
const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const TIME_12 = /^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$/;
const DURATION_2004 = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const TIMESTAMP_2004 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/;

function rules12(element: string, value: string): string | null {
  if (element === 'cmi.suspend_data') return value.length <= 4096 ? null : `suspend_data is ${value.length} > 4096`;
  if (/^cmi\.(objectives|interactions)\.\d+\.id$|^cmi\.interactions\.\d+\.objectives\.\d+\.id$/.test(element)) return ID_12.test(value) ? null : `not a CMIIdentifier: "${value}"`;
  if (/\.(student_response|correct_responses\.\d+\.pattern)$/.test(element)) return value.length <= 255 ? null : 'response > 255';
  if (element === 'cmi.core.lesson_location') return value.length <= 255 ? null : 'location > 255';
  if (/latency$|session_time$/.test(element)) return TIMESPAN_12.test(value) ? null : `not a CMITimespan: ${value}`;
  if (/interactions\.\d+\.time$/.test(element)) return TIME_12.test(value) ? null : `not a CMITime: ${value}`;
  if (/interactions\.\d+\.result$/.test(element)) return ['correct', 'wrong', 'unanticipated', 'neutral'].includes(value) || /^-?\d+(\.\d+)?$/.test(value) ? null : `bad result ${value}`;
  if (/interactions\.\d+\.type$/.test(element)) return ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'].includes(value) ? null : `bad type ${value}`;
  if (/status$/.test(element)) return ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'].includes(value) ? null : `bad status ${value}`;
  if (element === 'cmi.core.exit') return ['time-out', 'suspend', 'logout', ''].includes(value) ? null : `bad exit ${value}`;
  if (/score\.(raw|min|max)$/.test(element)) return /^-?\d+(\.\d+)?$/.test(value) && Number(value) >= 0 && Number(value) <= 100 ? null : `bad score ${value}`;
  return null;
}

function rules2004(element: string, value: string): string | null {
  if (element === 'cmi.suspend_data') return value.length <= 64000 ? null : `suspend_data is ${value.length} > 64000`;
  if (/\.id$/.test(element)) return /^\S{1,4000}$/.test(value) ? null : `bad identifier "${value}"`;
  if (/latency$|session_time$/.test(element)) return DURATION_2004.test(value) && value !== 'PT' ? null : `not a timeinterval: ${value}`;
  if (/timestamp$/.test(element)) return TIMESTAMP_2004.test(value) ? null : `not a time: ${value}`;
  // 2004 RTE 4.2.9.1: a result vocabulary token or a real(10,7) (part marks).
  if (/interactions\.\d+\.result$/.test(element)) return ['correct', 'incorrect', 'unanticipated', 'neutral'].includes(value) || /^-?\d+(\.\d{1,7})?$/.test(value) ? null : `bad result ${value}`;
  if (/description$/.test(element)) return value.length <= 250 ? null : 'description > 250';
  if (/success_status$/.test(element)) return ['passed', 'failed', 'unknown'].includes(value) ? null : `bad success ${value}`;
  if (/completion_status$/.test(element)) return ['completed', 'incomplete', 'not attempted', 'unknown'].includes(value) ? null : `bad completion ${value}`;
  if (element === 'cmi.exit') return ['time-out', 'suspend', 'logout', 'normal', ''].includes(value) ? null : `bad exit ${value}`;
  if (/score\.scaled$/.test(element)) return Number(value) >= -1 && Number(value) <= 1 ? null : `bad scaled ${value}`;
  return null;
}

export function strictLms(version: '1.2' | '2004', seed: Record<string, unknown> = {}): StrictLms {
  const inner = version === '1.2' ? new Scorm12API({ logLevel: 5, autocommit: false }) : new Scorm2004API({ logLevel: 5, autocommit: false });
  if (Object.keys(seed).length > 0) inner.loadFromJSON(seed as never, '');
  const setName = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const rules = version === '1.2' ? rules12 : rules2004;
  const violations: string[] = [];
  const sets: [string, string][] = [];
  const api: Record<string, unknown> = {};
  for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic', 'Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']) {
    const fn = (inner as unknown as Record<string, unknown>)[name];
    if (typeof fn === 'function') api[name] = (...args: string[]) => fn.apply(inner, args);
  }
  const originalSet = api[setName] as (e: string, v: string) => string;
  api[setName] = (element: string, value: string) => {
    sets.push([element, value]);
    const problem = rules(element, value);
    if (problem) violations.push(`${element}: ${problem}`);
    return originalSet(element, value);
  };
  // Read the stored data model, not GetValue: 2004 forbids GetValue after Terminate, and tests check what the LMS kept.
  const value = (element: string): string => {
    let node: unknown = JSON.parse(JSON.stringify(inner.cmi.toJSON()));
    for (const part of element.replace(/^cmi\./, '').split('.')) {
      if (part === '_count') return String(Object.keys((node as object) ?? {}).length);
      node = (node as Record<string, unknown> | undefined)?.[part];
    }
    return node === undefined || node === null ? '' : String(node);
  };
  return { api, inner, violations, sets, value };
}

/** What a real LMS does between sessions: keep the CMI, set entry from the last exit. */
export function relaunch(version: '1.2' | '2004', previous: StrictLms): StrictLms {
  const cmi = JSON.parse(JSON.stringify(previous.inner.cmi.toJSON())) as Record<string, unknown>;
  if (version === '1.2') {
    const core = cmi.core as Record<string, unknown>;
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    delete core.session_time;
  } else {
    cmi.entry = cmi.exit === 'suspend' ? 'resume' : '';
    delete cmi.session_time;
  }
  return strictLms(version, cmi);
}

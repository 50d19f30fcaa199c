import type { CommitOutcome } from './commit-retry.ts';
import type { LmsError } from './lms-adapter.ts';

/** The method names that differ between the SCORM 1.2 and 2004 run-time APIs. */
export interface ScormMethodNames {
  /** LMS error codes after which no call in this session can succeed (retrying is pointless). */
  fatalCodes: readonly string[];
  /** The code an LMS gives for a value of the wrong type (1.2: 405, 2004: 406): an identifier it will not take. */
  typeMismatchCode: string;
  /** An Initialize refused with one of these still leaves a usable session (2004: 103, already initialised). */
  alreadyInitializedCodes: readonly string[];
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
}

export const SCORM12_METHODS: ScormMethodNames = {
  // 101 general exception (1.2's answer to calls outside a session), 301 not initialised.
  fatalCodes: ['101', '301'],
  typeMismatchCode: '405',
  alreadyInitializedCodes: [],
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
};

export const SCORM2004_METHODS: ScormMethodNames = {
  // 104 content instance terminated, 142/143 commit/call after termination, 301 not initialised.
  fatalCodes: ['104', '142', '143', '301'],
  typeMismatchCode: '406',
  alreadyInitializedCodes: ['103'],
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
};

type ApiObject = Record<string, unknown>;
type MethodName = Exclude<keyof ScormMethodNames, 'fatalCodes' | 'alreadyInitializedCodes' | 'typeMismatchCode'>;
const MAX_ERRORS_KEPT = 20;

/**
 * Calls a SCORM API object defensively: an LMS API can return false, throw,
 * or vanish with its window mid-session. None of that may reach the learner's
 * page, so every call is caught and recorded for the diagnostics panel.
 */
export class ScormCalls {
  readonly #api: ApiObject;
  readonly #names: ScormMethodNames;
  readonly #errors: LmsError[] = [];
  readonly #now: () => number;
  readonly #startedAt: number;
  #terminated = false;
  #initialized = false;
  /** Code of the last refused call: read right after a call that returned false. */
  // Stryker disable next-line StringLiteral: every refused call sets the code before anything reads it
  #lastCode = '';

  constructor(api: ApiObject, names: ScormMethodNames, now: () => number = Date.now) {
    this.#api = api;
    this.#names = names;
    this.#now = now;
    this.#startedAt = now();
  }

  /** Time since this session's adapter was created: the SCORM session time. */
  elapsedMs(): number {
    return this.#now() - this.#startedAt;
  }

  /** `_count` of a collection such as cmi.interactions (0 when the LMS gives nothing usable). */
  count(collection: string): number {
    return Number(this.get(`${collection}._count`)) || 0;
  }

  /** Error code of the last refused call (meaningful right after a call that returned false). */
  get lastErrorCode(): string {
    return this.#lastCode;
  }

  get errors(): readonly LmsError[] {
    return this.#errors;
  }

  /** Writes the session time, then commits; 'fatal' (and no call) outside an open session. */
  commitSession(sessionTimeElement: string, sessionTime: string): CommitOutcome {
    if (this.#terminated || !this.#initialized) return 'fatal';
    this.set(sessionTimeElement, sessionTime);
    if (this.commit()) return 'ok';
    return this.#lastCode === 'no-api' || this.#names.fatalCodes.includes(this.#lastCode) ? 'fatal' : 'failed';
  }

  /** Final commit and terminate, once: pagehide can fire more than once. Nothing if Initialize was refused. */
  finishSession(sessionTimeElement: string, sessionTime: string): void {
    if (this.#terminated || !this.#initialized) return;
    this.commitSession(sessionTimeElement, sessionTime);
    this.#terminated = true;
    this.#call('terminate', '');
  }

  /** Opens the session; false when the LMS refused it (e.g. a 2004 SCO reloaded after Terminate). */
  initialize(): boolean {
    const ok = this.#call('initialize', '') === 'true' || this.#names.alreadyInitializedCodes.includes(this.#lastCode);
    this.#initialized = ok;
    return ok;
  }

  commit(): boolean {
    return this.#call('commit', '') === 'true';
  }

  get(element: string): string {
    const value = this.#call('getValue', element);
    return typeof value === 'string' ? value : '';
  }

  get typeMismatchCode(): string {
    return this.#names.typeMismatchCode;
  }

  set(element: string, value: string | number): boolean {
    return this.#call('setValue', element, String(value)) === 'true';
  }

  #call(method: MethodName, ...args: string[]): string | undefined {
    const name = this.#names[method];
    try {
      const fn = this.#api[name];
      if (typeof fn !== 'function') {
        this.#record(name, args, 'no-api', `${name} is not available: the LMS API has gone`);
        return undefined;
      }
      const result = String(fn.apply(this.#api, args));
      if (method !== 'getValue' && result !== 'true') this.#recordLmsError(name, args);
      if (method === 'getValue') {
        const code = this.#lastErrorCode();
        // 403 (2004) / 0-with-empty are normal for "not initialised yet" elements; report real errors only.
        if (code !== '0' && code !== '403' && code !== '') this.#recordLmsError(name, args, code);
      }
      return result;
    } catch (error) {
      this.#record(name, args, 'exception', error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  #lastErrorCode(): string {
    return this.#explain(this.#names.getLastError);
  }

  /** GetLastError / GetErrorString: '' when the LMS lacks the method (calling it throws) or it throws itself. */
  #explain(method: string, ...args: string[]): string {
    try {
      return String((this.#api[method] as (...a: string[]) => unknown).apply(this.#api, args));
    } catch {
      return '';
    }
  }

  #recordLmsError(name: string, args: string[], knownCode?: string): void {
    const code = knownCode ?? this.#lastErrorCode();
    const message = this.#explain(this.#names.getErrorString, code);
    this.#record(name, args, code || 'unknown', message || 'the LMS returned false');
  }

  #record(name: string, args: string[], code: string, message: string): void {
    this.#lastCode = code;
    this.#errors.push({ call: `${name}(${args.map((a) => JSON.stringify(a.length > 60 ? `${a.slice(0, 60)}…` : a)).join(', ')})`, code, message });
    if (this.#errors.length > MAX_ERRORS_KEPT) this.#errors.shift();
  }
}

import type { LmsError } from './lms-adapter.ts';

/** The method names that differ between the SCORM 1.2 and 2004 run-time APIs. */
export interface ScormMethodNames {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
}

export const SCORM12_METHODS: ScormMethodNames = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
};

export const SCORM2004_METHODS: ScormMethodNames = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
};

type ApiObject = Record<string, unknown>;
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

  get errors(): readonly LmsError[] {
    return this.#errors;
  }

  /** Writes the session time, then commits; false (and no call) once the session has ended. */
  commitSession(sessionTimeElement: string, sessionTime: string): boolean {
    if (this.#terminated) return false;
    this.set(sessionTimeElement, sessionTime);
    return this.commit();
  }

  /** Final commit and terminate, once: pagehide can fire more than once. */
  finishSession(sessionTimeElement: string, sessionTime: string): void {
    if (this.#terminated) return;
    this.commitSession(sessionTimeElement, sessionTime);
    this.#terminated = true;
    this.terminate();
  }

  initialize(): boolean {
    return this.#call('initialize', '') === 'true';
  }

  terminate(): boolean {
    return this.#call('terminate', '') === 'true';
  }

  commit(): boolean {
    return this.#call('commit', '') === 'true';
  }

  get(element: string): string {
    const value = this.#call('getValue', element);
    return typeof value === 'string' ? value : '';
  }

  set(element: string, value: string | number): boolean {
    return this.#call('setValue', element, String(value)) === 'true';
  }

  #call(method: keyof ScormMethodNames, ...args: string[]): string | undefined {
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
    try {
      const fn = this.#api[this.#names.getLastError];
      return typeof fn === 'function' ? String(fn.call(this.#api)) : '';
    } catch {
      return '';
    }
  }

  #recordLmsError(name: string, args: string[], knownCode?: string): void {
    const code = knownCode ?? this.#lastErrorCode();
    let message = '';
    try {
      const fn = this.#api[this.#names.getErrorString];
      message = typeof fn === 'function' ? String(fn.call(this.#api, code)) : '';
    } catch {
      message = '';
    }
    this.#record(name, args, code || 'unknown', message || 'the LMS returned false');
  }

  #record(name: string, args: string[], code: string, message: string): void {
    this.#errors.push({ call: `${name}(${args.map((a) => JSON.stringify(a.length > 60 ? `${a.slice(0, 60)}…` : a)).join(', ')})`, code, message });
    if (this.#errors.length > MAX_ERRORS_KEPT) this.#errors.shift();
  }
}

import { SCORM12_METHODS, SCORM2004_METHODS } from '../../src/tracking/scorm-calls.ts';

/**
 * A hand-written SCORM API for what scorm-again will not play: values it never holds ('' statuses, blank
 * scores), chosen error codes, refused writes. Every call is logged in order ('Initialize',
 * 'SetValue cmi.exit=suspend', 'Commit'); replace or delete a method on `api` to make it throw or vanish.
 */
export interface ScriptedLms {
  api: Record<string, unknown>;
  calls: string[];
  data: Map<string, string>;
  /** A SetValue whose `element=value` matches `write` returns 'false', and GetLastError then gives `code`. */
  refuse(write: RegExp, code: string): void;
  /** GetValue of `element` succeeds but GetLastError then gives `code`. */
  readError(element: string, code: string): void;
}

export function scriptedLms(version: '1.2' | '2004', values: Record<string, string> = {}): ScriptedLms {
  const names = version === '1.2' ? SCORM12_METHODS : SCORM2004_METHODS;
  const calls: string[] = [];
  const data = new Map(Object.entries(values));
  const refusals: [RegExp, string][] = [];
  const readErrors = new Map<string, string>();
  let lastError = '0';
  const plain = (name: string) => () => (calls.push(name), (lastError = '0'), 'true');
  const api: Record<string, unknown> = {
    [names.initialize]: plain(names.initialize),
    [names.terminate]: plain(names.terminate),
    [names.commit]: plain(names.commit),
    [names.getValue]: (element: string) => {
      lastError = readErrors.get(element) ?? '0';
      return data.get(element) ?? '';
    },
    [names.setValue]: (element: string, value: string) => {
      calls.push(`${names.setValue} ${element}=${value}`);
      lastError = refusals.find(([pattern]) => pattern.test(`${element}=${value}`))?.[1] ?? '0';
      if (lastError !== '0') return 'false';
      data.set(element, value);
      return 'true';
    },
    [names.getLastError]: () => lastError,
    [names.getErrorString]: (code: string) => `LMS error ${code}`,
  };
  return {
    api,
    calls,
    data,
    refuse: (write, code) => refusals.push([write, code]),
    readError: (element, code) => readErrors.set(element, code),
  };
}

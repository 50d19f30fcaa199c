/**
 * Finds the LMS's SCORM API object. The run-time spec puts it on the window
 * that launched the SCO or one of its ancestors: parent frames first, then the
 * opener (a popup launched by the LMS page) and the opener's parents. Any of
 * those windows may belong to another origin and throw on access, so each one
 * is read in its own try/catch and the search goes on past it (pipwerks' own
 * search stops at the first window that throws).
 */
export type ScormVersion = '1.2' | '2004';
export interface FoundApi {
  api: Record<string, unknown>;
  version: ScormVersion;
}

const API_NAMES: Record<ScormVersion, string> = { '1.2': 'API', '2004': 'API_1484_11' };
/** Nesting an LMS might plausibly use; also stops a loop in a hostile window graph. */
export const MAX_FRAME_DEPTH = 10;
const MAX_OPENER_HOPS = 3;

/** The subset of Window the search reads; each access may throw for a cross-origin window. */
export interface WindowLike {
  parent?: WindowLike | null;
  opener?: WindowLike | null;
  top?: WindowLike | null;
  [name: string]: unknown;
}

/** `preferred`: the version the launch declared (`?scorm=`); '1.2' tries the 1.2 API first, anything else 2004 first. */
export function findApi(start: WindowLike, preferred: string | null): FoundApi | null {
  const order: ScormVersion[] = preferred === '1.2' ? ['1.2', '2004'] : ['2004', '1.2'];
  const windows = candidateWindows(start);
  // The declared version wins anywhere in the chain before the other version is accepted.
  for (const version of order)
    for (const win of windows) {
      const api = read(win, API_NAMES[version]);
      if (isApi(api, version)) return { api: api as Record<string, unknown>, version };
    }
  return null;
}

/** The window, its ancestors, then each opener and its ancestors, nearest first, each once. */
export function candidateWindows(start: WindowLike): WindowLike[] {
  const seen: WindowLike[] = [];
  const addChain = (win: WindowLike | null | undefined): void => {
    // A top window is its own parent: the `seen` check ends the chain there, as it ends a cycle.
    let current = win;
    for (let depth = 0; current && !seen.includes(current) && depth <= MAX_FRAME_DEPTH; depth++) {
      seen.push(current);
      current = read(current, 'parent') as WindowLike | null | undefined;
    }
  };
  addChain(start);
  let opener = openerOf(seen);
  for (let hop = 0; hop < MAX_OPENER_HOPS; hop++) {
    const before = seen.length;
    addChain(opener); // adds nothing once there is no opener, or one already seen
    // Only the windows just added can lead further.
    opener = openerOf(seen.slice(before));
  }
  return seen;
}

/** The first opener found on a chain (the SCO's own window, or the top window of its frame chain). */
function openerOf(chain: WindowLike[]): WindowLike | null {
  for (const win of chain) {
    const opener = read(win, 'opener') as WindowLike | null | undefined;
    if (opener) return opener;
  }
  return null;
}

function read(win: WindowLike, key: string): unknown {
  try {
    return win[key];
  } catch {
    // another origin's window (or no object at all): not ours to read
  }
  return undefined;
}

/** Anything with the version's Initialize method (reading it may throw, as a foreign object's property may). */
function isApi(candidate: unknown, version: ScormVersion): boolean {
  return typeof read(candidate as WindowLike, version === '1.2' ? 'LMSInitialize' : 'Initialize') === 'function';
}

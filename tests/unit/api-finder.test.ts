import { describe, expect, it } from 'vitest';
import { candidateWindows, findApi, MAX_FRAME_DEPTH, type WindowLike } from '../../src/tracking/api-finder.ts';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** A window whose parent is `parent` (a top window is its own parent, as in browsers). */
function frame(parent: WindowLike | null, props: Record<string, unknown> = {}): WindowLike {
  const win: WindowLike = { ...props };
  win.parent = parent ?? win;
  return win;
}

/** A window of another origin: every property read throws, as a browser's cross-origin window does. */
function crossOrigin(parent: WindowLike | null): WindowLike {
  const target = frame(parent);
  return new Proxy(target, {
    get(t, key) {
      if (key === 'parent') return t.parent; // browsers allow reading parent/opener across origins
      throw new DOMException(`Blocked a frame from accessing "${String(key)}"`, 'SecurityError');
    },
  });
}

describe('findApi', () => {
  it('finds the API in the SCO window itself and in a parent frame', () => {
    expect(findApi(frame(null, { API: api12 }), null)).toEqual({ api: api12, version: '1.2' });
    const lms = frame(null, { API_1484_11: api2004 });
    expect(findApi(frame(frame(lms)), null)).toEqual({ api: api2004, version: '2004' });
  });

  it('searches past a cross-origin frame in between (pipwerks stops there)', () => {
    const lms = frame(null, { API: api12 });
    const foreignPlayer = crossOrigin(lms);
    const sco = frame(frame(foreignPlayer));
    expect(findApi(sco, '1.2')).toEqual({ api: api12, version: '1.2' });
  });

  it('finds the API through the opener when the LMS launched the course in a popup', () => {
    const lmsTop = frame(null);
    const lmsFrame = frame(lmsTop, { API_1484_11: api2004 });
    const popup = frame(null, { opener: lmsFrame });
    expect(findApi(frame(popup), '2004')).toEqual({ api: api2004, version: '2004' });
  });

  it("looks in the opener's parents too, past a cross-origin opener", () => {
    const lmsTop = frame(null, { API: api12 });
    const opener = crossOrigin(lmsTop);
    const popup = frame(null, { opener });
    expect(findApi(popup, null)).toEqual({ api: api12, version: '1.2' });
  });

  it('prefers the version the manifest declared anywhere in the chain', () => {
    const lms = frame(null, { API: api12 });
    const middle = frame(lms, { API_1484_11: api2004 });
    expect(findApi(frame(middle), '1.2')?.version).toBe('1.2');
    expect(findApi(frame(middle), '2004')?.version).toBe('2004');
    expect(findApi(frame(middle), null)?.version).toBe('2004');
  });

  it('ignores objects that are not an API, and finds nothing when there is none', () => {
    expect(findApi(frame(null, { API: { LMSInitialize: 'not a function' } }), null)).toBeNull();
    expect(findApi(frame(frame(null)), null)).toBeNull();
  });

  it('stops after a bounded depth and never loops on a window graph with a cycle', () => {
    let win = frame(null, { API: api12 });
    for (let i = 0; i < MAX_FRAME_DEPTH + 5; i++) win = frame(win);
    expect(findApi(win, null)).toBeNull();
    const a: WindowLike = {};
    const b: WindowLike = { parent: a, opener: a };
    a.parent = b;
    a.opener = b;
    expect(candidateWindows(a)).toHaveLength(2);
  });

  it(`searches exactly ${MAX_FRAME_DEPTH} ancestors above the SCO window`, () => {
    const lms = frame(null, { API: api12 });
    let sco = lms;
    for (let i = 0; i < MAX_FRAME_DEPTH; i++) sco = frame(sco);
    expect(findApi(sco, null)).toEqual({ api: api12, version: '1.2' });
    expect(findApi(frame(sco), null)).toBeNull();
  });

  it('follows up to three openers, each found on the windows the previous one added', () => {
    // sco was opened by o1, o1 by o2, and so on; only the API's position changes.
    const chain = (apiAt: number) => {
      const openers = [1, 2, 3, 4].map((n) => frame(null, n === apiAt ? { API_1484_11: api2004 } : {}));
      openers.forEach((win, i) => (win.opener = openers[i + 1] ?? null));
      return frame(null, { opener: openers[0] });
    };
    expect(findApi(chain(2), '2004')).toEqual({ api: api2004, version: '2004' });
    expect(findApi(chain(3), '2004')).toEqual({ api: api2004, version: '2004' });
    expect(findApi(chain(4), '2004')).toBeNull();
  });

  it('takes the other version when the declared one is missing', () => {
    expect(findApi(frame(null, { API_1484_11: api2004 }), '1.2')).toEqual({ api: api2004, version: '2004' });
    expect(findApi(frame(null, { API: api12 }), '2004')).toEqual({ api: api12, version: '1.2' });
  });

  it('skips an API object that throws when read, and goes on searching', () => {
    const hostile = new Proxy({}, { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
    const lms = frame(null, { API: api12 });
    expect(findApi(frame(lms, { API: hostile }), '1.2')).toEqual({ api: api12, version: '1.2' });
  });

  it('lists a window with no parent (a detached frame) once, and nothing else', () => {
    const detached: WindowLike = { API: api12 };
    expect(candidateWindows(detached)).toEqual([detached]);
  });
});

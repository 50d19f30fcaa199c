import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage, memoryStorage } from '../../src/tracking/safe-storage.ts';

// The browser copy of progress: localStorage throws in private modes, sandboxed LMS frames and full quotas. The page
// must keep working (and keep this page's copy) whatever the browser does.

/** A localStorage stand-in; `fail` names the calls that throw. */
function fakeLocalStorage(fail: { getItem?: boolean; setItem?: boolean; removeItem?: boolean } = {}, saved: Record<string, string> = {}) {
  const items = new Map(Object.entries(saved));
  const refuse = (call: string) => {
    throw new DOMException(`${call} refused`, call === 'setItem' ? 'QuotaExceededError' : 'SecurityError');
  };
  return {
    items,
    getItem: (key: string) => (fail.getItem ? refuse('getItem') : (items.get(key) ?? null)),
    setItem: (key: string, value: string) => (fail.setItem ? refuse('setItem') : void items.set(key, value)),
    removeItem: (key: string) => (fail.removeItem ? refuse('removeItem') : void items.delete(key)),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browserStorage', () => {
  it('keeps a value in localStorage, where the next page load finds it', () => {
    const local = fakeLocalStorage();
    vi.stubGlobal('localStorage', local);
    const store = browserStorage();
    expect(store.set('progress', 'v2;abc')).toBe(true);
    expect(local.items.get('progress')).toBe('v2;abc');
    expect(store.get('progress')).toBe('v2;abc');
    expect(browserStorage().get('progress')).toBe('v2;abc');
    store.remove('progress');
    expect(local.items.has('progress')).toBe(false);
    expect(store.get('progress')).toBeNull();
  });

  it('reads what an earlier page load saved', () => {
    vi.stubGlobal('localStorage', fakeLocalStorage({}, { progress: 'v2;old' }));
    expect(browserStorage().get('progress')).toBe('v2;old');
    expect(browserStorage().get('other')).toBeNull();
  });

  it('keeps this page\'s copy and says it was not saved when the quota is full', () => {
    const local = fakeLocalStorage({ setItem: true });
    vi.stubGlobal('localStorage', local);
    const store = browserStorage();
    expect(store.set('progress', 'v2;abc')).toBe(false);
    expect(local.items.size).toBe(0);
    expect(store.get('progress')).toBe('v2;abc');
  });

  it('works from memory when reading is refused', () => {
    vi.stubGlobal('localStorage', fakeLocalStorage({ getItem: true }));
    const store = browserStorage();
    expect(store.get('progress')).toBeNull();
    expect(store.set('progress', 'v2;abc')).toBe(true);
    expect(store.get('progress')).toBe('v2;abc');
  });

  it('forgets this page\'s copy even when the browser refuses to remove its own', () => {
    vi.stubGlobal('localStorage', fakeLocalStorage({ removeItem: true, getItem: true }));
    const store = browserStorage();
    store.set('progress', 'v2;abc');
    expect(() => store.remove('progress')).not.toThrow();
    expect(store.get('progress')).toBeNull();
  });

  it('works from memory in a sandboxed frame, where touching localStorage throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    try {
      const store = browserStorage();
      expect(store.get('progress')).toBeNull();
      expect(store.set('progress', 'v2;abc')).toBe(false);
      expect(store.get('progress')).toBe('v2;abc');
      store.remove('progress');
      expect(store.get('progress')).toBeNull();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('works from memory where there is no localStorage at all, and says nothing was saved', () => {
    vi.stubGlobal('localStorage', undefined);
    const store = browserStorage();
    expect(store.set('progress', 'v2;abc')).toBe(false);
    expect(store.get('progress')).toBe('v2;abc');
    store.remove('progress');
    expect(store.get('progress')).toBeNull();
  });

  it('keeps each store\'s memory copy to itself', () => {
    vi.stubGlobal('localStorage', undefined);
    const first = browserStorage();
    first.set('progress', 'v2;abc');
    expect(browserStorage().get('progress')).toBeNull();
  });
});

describe('memoryStorage (reading-only launches save nothing beyond the page)', () => {
  it('keeps values for this page only, and never touches localStorage', () => {
    const local = fakeLocalStorage();
    vi.stubGlobal('localStorage', local);
    const store = memoryStorage();
    expect(store.get('progress')).toBeNull();
    expect(store.set('progress', 'v2;abc')).toBe(true);
    expect(store.get('progress')).toBe('v2;abc');
    expect(memoryStorage().get('progress')).toBeNull();
    store.remove('progress');
    expect(store.get('progress')).toBeNull();
    expect(local.items.size).toBe(0);
  });
});

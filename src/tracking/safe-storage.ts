/** localStorage that never throws (private modes, sandboxed frames and full quotas all throw). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export function browserStorage(): KeyValueStore {
  const memory = new Map<string, string>();
  const storage = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      // Sandboxed frames throw on touching localStorage: there is none to use.
    }
    return undefined;
  };
  return {
    get(key) {
      try {
        // Stryker disable next-line OptionalChaining: without localStorage the call throws, and the catch reads the memory copy the same way
        return storage()?.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        // Stryker disable next-line OptionalChaining: without localStorage the call throws, and the catch says not saved, as the check below would
        storage()?.setItem(key, value);
        return storage() !== undefined;
      } catch {
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        // Stryker disable next-line OptionalChaining: without localStorage the call throws, and the catch ignores it
        storage()?.removeItem(key);
      } catch {
        /* nothing more to do: memory copy is gone */
      }
    },
  };
}

/** A store that keeps nothing beyond this page: used when a page must save nothing (reading-only launches). */
export function memoryStorage(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    get: (key) => memory.get(key) ?? null,
    set: (key, value) => (memory.set(key, value), true),
    remove: (key) => void memory.delete(key),
  };
}

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
      return undefined;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage()?.setItem(key, value);
        return storage() !== undefined;
      } catch {
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      try {
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

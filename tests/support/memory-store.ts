import type { KeyValueStore } from '../../src/tracking/safe-storage.ts';

/** An in-memory stand-in for the browser's localStorage; `data` lets tests look inside. */
export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => (data.set(k, v), true), remove: (k) => void data.delete(k) };
}

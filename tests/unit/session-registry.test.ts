import { describe, expect, it, vi } from 'vitest';
import type { ModuleSession } from '../../src/tracking/module-session.ts';

// The page script creates the one ModuleSession; each island waits for it instead of connecting to the LMS itself.

/** What a promise has settled to by the next task, or 'still waiting'. */
const settledValue = <T>(promise: Promise<T>) => Promise.race([promise, new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 0))]);

describe('session registry', () => {
  it('hands the session the page provides to islands that were waiting and to islands that hydrate later', async () => {
    // A fresh copy of the module, as each page load gets.
    vi.resetModules();
    const { provideSession, sessionReady } = await import('../../src/tracking/session-registry.ts');
    const session = { config: { moduleId: 'u219-lo1' } } as unknown as ModuleSession;
    const waiting = sessionReady;
    expect(await settledValue(waiting)).toBe('still waiting');
    provideSession(session);
    expect(await settledValue(waiting)).toBe(session);
    const { sessionReady: later } = await import('../../src/tracking/session-registry.ts');
    expect(await settledValue(later)).toBe(session);
  });
});

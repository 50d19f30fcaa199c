import type { ModuleSession } from './module-session.ts';

/**
 * The page script creates the one ModuleSession; islands hydrate on their own
 * schedule and wait for it here instead of creating LMS connections themselves.
 */
let provide: (session: ModuleSession) => void = () => {};
export const sessionReady: Promise<ModuleSession> = new Promise((resolve) => {
  provide = resolve;
});

export function provideSession(session: ModuleSession): void {
  provide(session);
}

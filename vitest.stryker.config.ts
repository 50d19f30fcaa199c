/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Used by `npm run mutate` only: the same unit and component tests as vitest.config.ts (the component tests drive the
// module session through the islands, so their kills count), in reused workers so each of the thousands of mutant runs
// does not pay for a fresh process.
export default getViteConfig({
  test: {
    // The machine is shared and busy; a slow test is not a failing one.
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', isolate: false, include: ['tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        // Components run against Svelte's browser build in a DOM, as in vitest.config.ts; each file gets a fresh DOM
        // (isolated), since the islands leave live components and globals behind.
        resolve: { conditions: ['browser'] },
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
});

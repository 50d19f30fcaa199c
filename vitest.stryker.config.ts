/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Used by `npm run mutate` only: the unit tests (the component tests check views, not the logic under mutation),
// in one reused worker so each of the thousands of mutant runs does not pay for a fresh process.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    isolate: false,
    // The machine is shared and busy; a slow test is not a failing one.
    testTimeout: 60_000,
  },
});

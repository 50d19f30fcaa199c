/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config brings the Svelte plugin, so rune modules (*.svelte.ts) and components compile in tests.
export default getViteConfig({
  test: {
    // Several tests load the whole real course (about 4 s on an idle 2-core machine); Vitest's 5 s default fails them
    // on a busy one. A slow test is not a failing one.
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        // Components run against Svelte's browser build in a DOM.
        resolve: { conditions: ['browser'] },
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
});

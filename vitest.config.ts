/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config brings the Svelte plugin, so rune modules (*.svelte.ts) and components compile in tests.
export default getViteConfig({
  test: {
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

/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config brings the Svelte plugin, so rune modules (*.svelte.ts) and components compile in tests.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
  },
});

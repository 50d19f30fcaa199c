// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import courseContent from './src/integrations/course-content.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { courseGlossaryPlugin } from './src/integrations/glossary-plugin.ts';

// SCORM packages are opened from an arbitrary LMS path, so every URL must be
// relative: flat .html files, assets prefixed with '.', CSS inlined.
export default defineConfig({
  build: { format: 'file', assetsPrefix: '.', inlineStylesheets: 'always' },
  integrations: [courseContent(), mdx(), svelte()],
  // The glossary plugin marks each lesson's first use of a term (content/glossary/*.yaml).
  markdown: { processor: satteri({ mdastPlugins: [courseGlossaryPlugin()] }) },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's MDX output carries a "use astro:head-inject" directive that the bundler
        // warns about once per lesson; it is Astro-internal and harmless, and the noise hides real warnings.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && String(log.message).includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});

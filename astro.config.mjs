// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import courseContent from './src/integrations/course-content.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { courseGlossaryPlugin } from './src/integrations/glossary-plugin.ts';
import { tableLabelsPlugin } from './src/integrations/table-labels-plugin.ts';

// SCORM packages are opened from an arbitrary LMS path, so every URL must be
// relative: flat .html files, assets prefixed with '.', CSS inlined.
export default defineConfig({
  build: { format: 'file', assetsPrefix: '.', inlineStylesheets: 'always' },
  integrations: [courseContent(), mdx(), svelte()],
  // The glossary plugin marks each lesson's first use of a term (content/glossary/*.yaml); the table plugin labels
  // each table cell with its column heading, for the stacked layout of tables on a phone.
  markdown: { processor: satteri({ mdastPlugins: [courseGlossaryPlugin()], hastPlugins: [tableLabelsPlugin()] }) },
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

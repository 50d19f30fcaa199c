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
  // Every page gets a Content-Security-Policy <meta>: only the package's own files, inline
  // scripts and styles only by the hashes Astro computes. The cmi5 zip widens connect-src
  // (scorm/cmi5-package.ts), because its LRS is only known at launch.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The glossary plugin marks each lesson's first use of a term (content/glossary/*.yaml); the table plugin labels
  // each table cell with its column heading, for the stacked layout of tables on a phone.
  // No syntax highlighting: the course has no code, and Shiki's inline styles would break the CSP.
  markdown: { processor: satteri({ mdastPlugins: [courseGlossaryPlugin()], hastPlugins: [tableLabelsPlugin()] }), syntaxHighlight: false },
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

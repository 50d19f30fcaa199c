import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { PackagingError } from '../../scorm/package-spec.ts';
import { allowInlineScript, standalonePage } from '../../scorm/standalone-page.ts';

const csp = (scriptSrc: string) => `<meta http-equiv="content-security-policy" content="default-src 'self';connect-src 'self'; ${scriptSrc}; style-src 'self' 'sha256-s='">`;

describe('allowInlineScript', () => {
  it("adds the inline script's sha256 to script-src, so the page's CSP lets it run", () => {
    const code = 'console.log("results")';
    const hash = createHash('sha256').update(code).digest('base64');
    expect(allowInlineScript(csp("script-src 'self' 'sha256-a='"), code)).toBe(csp(`script-src 'self' 'sha256-${hash}' 'sha256-a='`));
  });

  it('leaves a page without a CSP alone', () => {
    expect(allowInlineScript('<p>no policy</p>', 'x')).toBe('<p>no policy</p>');
  });

  it("refuses a CSP it cannot extend rather than write a page whose script is blocked", () => {
    expect(() => allowInlineScript(csp("script-src 'none'"), 'x')).toThrow(
      new PackagingError(`the page's Content-Security-Policy has no "script-src 'self'" to add the inline script's hash to`),
    );
  });
});

describe('standalonePage', () => {
  /** tests/fixtures/standalone: a Svelte component mounted from a TypeScript entry. */
  const ENTRY = 'tests/fixtures/standalone/entry.ts';
  const GREETING = fileURLToPath(new URL('../fixtures/standalone/Greeting.svelte', import.meta.url));
  const page = (scripts: string) =>
    `<!doctype html><html><head>${csp("script-src 'self'")}</head><body><div id="app"></div>${scripts}</body></html>`;
  const MODULE_SCRIPT = '<script type="module" src="./_astro/page.B1a2.js"></script>';
  const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);

  it('replaces the module script with one inline classic script that bundles the island, allowed by the CSP', async () => {
    const html = await standalonePage('results.html', page(MODULE_SCRIPT), ENTRY);
    expect(html).not.toContain('type="module"');
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    const code = scripts[0]!;
    expect(html).toBe(page(`<script>${code}</script>`).replace("script-src 'self'", `script-src 'self' 'sha256-${createHash('sha256').update(code).digest('base64')}'`));
    // One classic, minified script: nothing left to import from _astro/, which a page opened from disk cannot load.
    expect(code).not.toMatch(/\bimport\b|\brequire\(|\bexport\b/);
    expect(code).not.toMatch(/\n {2}/); // no indentation: minified
    // "</script" in the code is escaped, so the element does not end early.
    expect(code).toContain('loaded <\\/script> safely');
    // The component's CSS is the page's business (Astro inlines it): the script must not inject styles the CSP refuses.
    expect(code).not.toContain('color:green');
    expect(code).not.toContain('color: green');
    // Built for ES2022 browsers (newer syntax lowered), without legal comments.
    expect(code).not.toMatch(/\busing\s+[\w$]+\s*=/);
    expect(code).not.toContain('Fixture licence');
    // The production build of Svelte's environment flags, not the fallback that sniffs process.env at run time.
    expect(code).not.toContain('NODE_ENV');
  });

  it('gives a page that works opened from disk: the island renders and responds', async () => {
    const html = await standalonePage('results.html', page(MODULE_SCRIPT), ENTRY);
    const window = new Window({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } as never });
    try {
      window.document.write(html);
      await window.happyDOM.waitUntilComplete();
      const app = window.document.getElementById('app')!;
      expect(app.getAttribute('data-note')).toBe('loaded </script> safely');
      expect(app.querySelector('p')!.textContent).toBe('Results for the tutor');
      // The component's classes are the ones in the CSS Astro compiles from the same file (its scoping hash comes from the file name).
      const { css } = compile(readFileSync(GREETING, 'utf8'), { filename: GREETING, css: 'external' });
      const scopedClass = /\.greeting\.(svelte-[a-z0-9]+)/.exec(css!.code)![1]!;
      expect([...app.querySelector('p')!.classList]).toEqual(['greeting', scopedClass]);
      app.querySelector('button')!.click();
      await window.happyDOM.waitUntilComplete();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(app.querySelector('button')!.textContent).toBe('Clicked 1');
    } finally {
      await window.happyDOM.close();
    }
  });

  it("picks a library's Svelte build (the 'svelte' export condition), as Vite does for the course pages", async () => {
    // A Svelte component library publishes its components under "svelte"; the "default" file is what a non-Svelte
    // bundler gets. Picking "default" would ship a different build from the one the course pages were made with.
    const folder = mkdtempSync(join(tmpdir(), 'standalone-conditions-'));
    try {
      const library = join(folder, 'node_modules', 'island-library');
      mkdirSync(library, { recursive: true });
      writeFileSync(join(library, 'package.json'), JSON.stringify({ name: 'island-library', exports: { '.': { svelte: './svelte.js', default: './default.js' } } }));
      writeFileSync(join(library, 'svelte.js'), 'export const build = "svelte build";');
      writeFileSync(join(library, 'default.js'), 'export const build = "default build";');
      writeFileSync(join(folder, 'entry.js'), 'import { build } from "island-library"; document.title = build;');
      const code = inlineScripts(await standalonePage('results.html', page(MODULE_SCRIPT), join(folder, 'entry.js')))[0]!;
      expect(code).toContain('svelte build');
      expect(code).not.toContain('default build');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['none', ''],
    ['two', `${MODULE_SCRIPT}<script type="module" src="./_astro/other.js"></script>`],
  ])('refuses a page with %s module scripts rather than guess which to inline', async (_count, scripts) => {
    const found = scripts === '' ? 0 : 2;
    await expect(standalonePage('results.html', page(scripts), ENTRY)).rejects.toThrow(
      new PackagingError(`results.html: expected one module script to inline, found ${found}`),
    );
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { compile } from 'svelte/compiler';
import { PackagingError } from './package-spec.ts';

/** Svelte components compiled for the browser, for the one bundle esbuild makes here. */
const sveltePlugin: Plugin = {
  name: 'svelte',
  setup(builder) {
    builder.onLoad({ filter: /\.svelte$/ }, ({ path }) => {
      const { js } = compile(readFileSync(path, 'utf8'), { filename: path, generate: 'client', css: 'external' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/**
 * The built page made self-contained: its module script (which imports shared chunks from `_astro/`)
 * is replaced by one inline classic script bundling `entry`, so the file works opened from disk,
 * where module scripts are blocked. Its CSS is inlined by the Astro build already (so components
 * do not inject styles, which the page's CSP would refuse), and the inline script's hash is added
 * to the CSP's script-src.
 */
export async function standalonePage(pageName: string, html: string, entry: string): Promise<string> {
  const scripts = [...html.matchAll(/<script type="module" src="\.\/_astro\/[^"]+"><\/script>/g)];
  if (scripts.length !== 1) throw new PackagingError(`${pageName}: expected one module script to inline, found ${scripts.length}`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    // Stryker disable next-line StringLiteral: equivalent, esbuild's default format when bundling for the browser is iife
    format: 'iife',
    // Stryker disable next-line StringLiteral: equivalent, browser is esbuild's default platform
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: [
      'svelte',
      // Stryker disable next-line StringLiteral: equivalent, esbuild adds the browser condition itself for platform browser
      'browser',
      'production',
    ],
    plugins: [sveltePlugin],
    // Stryker disable next-line StringLiteral: not testable in-process, only what esbuild prints to the terminal changes: its Go process writes to the inherited stderr, which process.stderr.write and console.error never see (checked)
    logLevel: 'silent',
  });
  // "</script" inside the code would end the element early. esbuild already writes it as "<\/script"; this is a safety net.
  // Stryker disable next-line StringLiteral: equivalent, esbuild escapes every "</script" it outputs (see above)
  const code = result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  return allowInlineScript(html.replace(scripts[0]![0], () => `<script>${code}</script>`), code);
}

/** Adds the hash of an inline script to the page's Content-Security-Policy <meta> (Astro's, script-src 'self' first). */
export function allowInlineScript(html: string, code: string): string {
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const withHash = html.replace(/(<meta http-equiv="content-security-policy" content="[^"]*?script-src 'self')/i, `$1 ${hash}`);
  if (withHash === html && /http-equiv="content-security-policy"/i.test(html))
    throw new PackagingError(`the page's Content-Security-Policy has no "script-src 'self'" to add the inline script's hash to`);
  return withHash;
}

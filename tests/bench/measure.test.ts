import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBudgets,
  cssUrls,
  formatTable,
  gzipSize,
  pageTransfer,
  rowStatus,
  scanTags,
  startupAssets,
  staticImports,
  type Row,
} from './measure.ts';

let dist: string;

function write(path: string, text: string): void {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const ENTRY = 'import{a as e}from"./shared.js";import"./side.js";import("./lazy.js").then(e);export{b}from"../_astro/re.js";';
const SHARED = 'import*as s from"./sub/leaf.js";export const a=s;';
const LEAF = 'export const leaf=`import"./not-real.js"`;';
const SIDE = 'console.log("import");';
const LAZY = 'import"./lazy-dep.js";';
const RE = 'export const b=1;';
const ISLAND = 'import{x}from"./shared.js";export default x;';
const RENDERER = 'import{r}from"./runtime.js";export default r;';
const RUNTIME = 'export const r=()=>{};';
const IDLE = 'import"./idle-dep.js";export default 1;';
const CSS = '@import "./more.css";body{background:url(../img/bg.png)}';
const MORE_CSS = '.x{src:url("/fonts/a.woff2")}';
const INLINE_CSS = ':root{--a:1}';
const INLINE_JS = 'window.x=1;';

const PAGE = `<!DOCTYPE html><html><head>
<!-- <script type="module" src="./_astro/commented-out.js"></script> -->
<link rel="stylesheet" href="./_astro/site.css">
<link rel="modulepreload" href="/_astro/side.js">
<style>${INLINE_CSS}</style>
<script>${INLINE_JS}</script>
<script type="application/json" id="config">{"big":"${'x'.repeat(500)}"}</script>
<script type="module" src="./_astro/entry.js"></script>
</head><body>
<img src="./img/photo.jpg" alt="">
<astro-island uid="a" component-url="./_astro/island.js" renderer-url="./_astro/renderer.js" props="{&quot;t&quot;:&quot;a &gt; b&quot;}" client="load" opts="{}"></astro-island>
<astro-island uid="b" component-url="./_astro/idle.js" renderer-url="./_astro/renderer.js" client="idle"></astro-island>
</body></html>`;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'bench-measure-'));
  write('_astro/entry.js', ENTRY);
  write('_astro/shared.js', SHARED);
  write('_astro/sub/leaf.js', LEAF);
  write('_astro/side.js', SIDE);
  write('_astro/lazy.js', LAZY);
  write('_astro/lazy-dep.js', 'export{}');
  write('_astro/re.js', RE);
  write('_astro/island.js', ISLAND);
  write('_astro/renderer.js', RENDERER);
  write('_astro/runtime.js', RUNTIME);
  write('_astro/idle.js', IDLE);
  write('_astro/idle-dep.js', 'export{}');
  write('_astro/site.css', CSS);
  write('_astro/more.css', MORE_CSS);
  write('_astro/commented-out.js', 'export{}');
  write('img/bg.png', 'PNG'.repeat(50));
  write('img/photo.jpg', 'JPG'.repeat(80));
  write('fonts/a.woff2', 'WOFF'.repeat(20));
  write('page.html', PAGE);
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** The oracle for expected sizes: zlib itself, not the module's gzipSize (a test must not take its answer from the code it checks). */
const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).byteLength;

const fileNames = (assets: ReturnType<typeof startupAssets>) => assets.files.map((f) => f.file).sort();

describe('gzipSize', () => {
  it('is the gzip -9 size, and repeated text compresses', () => {
    expect(gzipSize('a'.repeat(10_000))).toBeLessThan(100);
    expect(gzipSize(new Uint8Array([1, 2, 3]))).toBe(23); // 10-byte header + 5-byte block + 8-byte trailer
    expect(gzipSize('hello')).toBe(25);
    expect(gzipSize('hello')).toBe(gzipSize(new TextEncoder().encode('hello')));
    // Level 9, not zlib's default 6: on this text level 9 saves 6 bytes.
    const words = 'the customer asked about their online account and the adviser checked identity before helping'.split(' ');
    let seed = 1;
    const prose = Array.from({ length: 2000 }, () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length]).join(' ');
    expect(gzipSync(prose).byteLength - gz(prose)).toBeGreaterThan(0);
    expect(gzipSize(prose)).toBe(gz(prose));
    // UTF-8, not UTF-16 or Latin-1: 'é' is two bytes.
    expect(gzipSize('é')).toBe(gzipSync(Buffer.from([0xc3, 0xa9])).byteLength);
  });
});

describe('staticImports', () => {
  it('finds import-from, bare import and export-from, but not dynamic import() or strings', () => {
    expect(staticImports(ENTRY)).toEqual(['./shared.js', './side.js', '../_astro/re.js']);
    expect(staticImports(SIDE)).toEqual([]);
    expect(staticImports(LEAF)).toEqual([]);
    expect(staticImports('import x from "./a.js";\nimport {y} from \'./b.js\'\nexport * from "./c.js"')).toEqual(['./a.js', './b.js', './c.js']);
  });
});

describe('scanTags', () => {
  it('decodes attribute values, keeps script bodies raw and skips comments', () => {
    const tags = scanTags('<!-- <script src="x.js"></script> --><div data-a="1 > 0" b=\'&quot;q&quot;\' c=bare d></div><script>if (a < b) x("</div>")</script>');
    expect(tags.map((t) => t.name)).toEqual(['div', 'script']);
    expect(Object.fromEntries(tags[0]!.attrs)).toEqual({ 'data-a': '1 > 0', b: '"q"', c: 'bare', d: '' });
    expect(tags[1]!.content).toBe('if (a < b) x("</div>")');
  });
});

describe('startupAssets', () => {
  it('follows static import chains from module scripts, relative to each chunk, counting each file once', () => {
    const assets = startupAssets(PAGE, dist);
    expect(fileNames(assets)).toEqual([
      '_astro/entry.js',
      '_astro/island.js',
      '_astro/more.css',
      '_astro/re.js',
      '_astro/renderer.js',
      '_astro/runtime.js',
      '_astro/shared.js',
      '_astro/side.js',
      '_astro/site.css',
      '_astro/sub/leaf.js',
    ]);
    // Dynamic imports, client:idle islands and commented-out tags load later or never.
    for (const later of ['_astro/lazy.js', '_astro/lazy-dep.js', '_astro/idle.js', '_astro/idle-dep.js', '_astro/commented-out.js'])
      expect(fileNames(assets)).not.toContain(later);
    expect(assets.deferredIslands).toEqual(['./_astro/idle.js (client:idle)']);
    expect(assets.missing).toEqual([]);
    const leaf = assets.files.find((f) => f.file === '_astro/sub/leaf.js')!;
    expect(leaf.via).toBe('import in _astro/shared.js');
  });

  it('counts the component-url and renderer-url of client:load islands and their imports', () => {
    const html = '<astro-island component-url="/_astro/island.js" renderer-url="/_astro/renderer.js" client="load"></astro-island>';
    const assets = startupAssets(html, dist);
    expect(fileNames(assets)).toEqual(['_astro/island.js', '_astro/renderer.js', '_astro/runtime.js', '_astro/shared.js', '_astro/sub/leaf.js']);
    expect(assets.files.find((f) => f.file === '_astro/island.js')!.via).toBe('<astro-island client=load> component-url');
    expect(assets.files.find((f) => f.file === '_astro/renderer.js')!.via).toBe('<astro-island client=load> renderer-url');
  });

  it('counts inline <style> and executable inline <script>, but not JSON data blocks', () => {
    const assets = startupAssets(PAGE, dist);
    expect(assets.inline).toEqual([
      { kind: 'css', bytes: INLINE_CSS.length, gzip: gz(INLINE_CSS) },
      { kind: 'js', bytes: INLINE_JS.length, gzip: gz(INLINE_JS) },
    ]);
  });

  it('sums JS and CSS gzip sizes, each file and inline block gzipped on its own', () => {
    const assets = startupAssets(PAGE, dist);
    const js = [ENTRY, SHARED, LEAF, SIDE, RE, ISLAND, RENDERER, RUNTIME, INLINE_JS].reduce((sum, text) => sum + gz(text), 0);
    const css = [CSS, MORE_CSS, INLINE_CSS].reduce((sum, text) => sum + gz(text), 0);
    expect(assets.jsGzip).toBe(js);
    expect(assets.cssGzip).toBe(css);
    expect(assets.totalGzip).toBe(js + css);
  });

  it('reports referenced files that are not in dist, and other origins, without counting them', () => {
    const html = '<script type="module" src="./_astro/gone.js"></script><link rel="stylesheet" href="https://cdn.example/x.css"><script src="data:text/javascript,1"></script>';
    const assets = startupAssets(html, dist);
    expect(assets.files).toEqual([]);
    expect(assets.missing).toEqual(['./_astro/gone.js']);
    expect(assets.external).toEqual(['https://cdn.example/x.css']);
    expect(assets.totalGzip).toBe(0);
  });
});

describe('pageTransfer', () => {
  it('adds the gzipped HTML, the start-up files and the images/fonts the page and its CSS reference', () => {
    const t = pageTransfer(join(dist, 'page.html'), dist);
    expect(t.media.map((m) => m.file).sort()).toEqual(['fonts/a.woff2', 'img/bg.png', 'img/photo.jpg']);
    // Expected sizes from the fixture texts themselves, not from what pageTransfer returned.
    const files = [ENTRY, SHARED, LEAF, SIDE, RE, ISLAND, RENDERER, RUNTIME, CSS, MORE_CSS].reduce((sum, text) => sum + gz(text), 0);
    const media = [gz('WOFF'.repeat(20)), gz('PNG'.repeat(50)), gz('JPG'.repeat(80))].reduce((a, b) => a + b, 0);
    expect(t.media.map((m) => m.gzip).reduce((a, b) => a + b, 0)).toBe(media);
    expect(t.htmlGzip).toBe(gz(PAGE));
    // Inline blocks travel inside the HTML, so they are not added a second time.
    expect(t.totalGzip).toBe(gz(PAGE) + files + media);
    expect(t.missing).toEqual([]);
  });

  it('ignores data: URIs in CSS', () => {
    expect(cssUrls('a{b:url(data:image/png;base64,AAA)}c{d:url( "x.png" )}')).toEqual(['x.png']);
  });
});

describe('checkBudgets and formatTable', () => {
  const rows: Row[] = [
    { metric: 'zip', measured: 900, unit: 'bytes', budget: 1000, gated: true },
    { metric: 'first page', measured: 70_000, unit: 'bytes', budget: 61_440, gated: true },
    { metric: 'build time', measured: 45_000, unit: 'ms', budget: 30_000, gated: false },
    { metric: 'suspend', measured: null, unit: 'chars', budget: 4096, gated: true, note: 'no module' },
    { metric: 'lighthouse', measured: 88, unit: 'score', budget: null, gated: false },
  ];

  it('passes when every gated row is within budget, ignoring ungated rows', () => {
    const result = checkBudgets([rows[0]!, rows[2]!, rows[4]!]);
    expect(result).toEqual({ ok: true, failures: [] });
  });

  it('fails on a broken gated budget and on a gated row that could not be measured, naming each', () => {
    const result = checkBudgets(rows);
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.row.metric)).toEqual(['first page', 'suspend']);
    expect(result.failures[0]!.reason).toBe('first page: 70,000 B is over the budget of 61,440 B');
    expect(result.failures[1]!.reason).toContain('could not be measured (no module)');
    expect(rows.map(rowStatus)).toEqual(['ok', 'FAIL', 'info', 'FAIL', 'info']);
  });

  it('prints one aligned table with metric | measured | budget | ok', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^metric\s+\| measured\s+\| budget\s+\| ok$/);
    expect(lines).toHaveLength(rows.length + 2);
    const bars = lines.filter((_, i) => i !== 1).map((line) => [...line.matchAll(/ \| /g)].map((m) => m.index));
    for (const positions of bars) expect(positions).toEqual(bars[0]);
    expect(lines[3]).toContain('70,000 B');
    expect(lines[3]).toMatch(/FAIL$/);
    expect(lines[5]).toContain('not measured: no module');
  });
});

/**
 * Pure measuring helpers for the benchmark (tests/bench/bench.ts): what a built
 * page loads at start, gzip sizes, budget checks and the report table. No
 * process state, no spawning: unit-tested in measure.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------
// gzip

/** Bytes after gzip at level 9 (what a compressing web server would send, at best). */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 }).byteLength;
}

// ---------------------------------------------------------------------------
// A small HTML tag scanner (enough for Astro's output: attributes may hold any
// character inside quotes, <script>/<style> bodies are raw text, comments are skipped).

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Raw text body, for <script> and <style> only. */
  content?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(lt + 1, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let j = lt + 1 + nameMatch[0].length;
    const attrs = new Map<string, string>();
    while (j < n) {
      while (j < n && /\s/.test(html[j]!)) j++;
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html.startsWith('/>', j)) {
        j += 2;
        break;
      }
      const attrStart = j;
      while (j < n && !/[\s=>]/.test(html[j]!) && !html.startsWith('/>', j)) j++;
      const attrName = html.slice(attrStart, j).toLowerCase();
      if (attrName === '') {
        j++; // stray character such as a lone '/'
        continue;
      }
      let k = j;
      while (k < n && /\s/.test(html[k]!)) k++;
      let value = '';
      if (html[k] === '=') {
        k++;
        while (k < n && /\s/.test(html[k]!)) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, k + 1);
          const end = close < 0 ? n : close;
          value = html.slice(k + 1, end);
          j = end + 1;
        } else {
          const start = k;
          while (k < n && !/[\s>]/.test(html[k]!)) k++;
          value = html.slice(start, k);
          j = k;
        }
      }
      if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
    }
    const tag: Tag = { name, attrs };
    if (name === 'script' || name === 'style') {
      const close = html.slice(j).search(new RegExp(`</${name}\\s*>`, 'i'));
      const end = close < 0 ? n : j + close;
      tag.content = html.slice(j, end);
      const after = html.indexOf('>', end);
      j = close < 0 ? n : after + 1;
    }
    tags.push(tag);
    i = j;
  }
  return tags;
}

// ---------------------------------------------------------------------------
// Static imports inside JS modules

/**
 * Specifiers of the static `import … from "x"`, `import "x"` and `export … from "x"`
 * statements in a (usually minified) ES module. Dynamic `import("x")` is left out:
 * it loads later, on demand.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?<![\w$.'"`])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\r\n]+)\1/g;
  for (const match of code.matchAll(pattern)) found.push(match[2]!);
  return found;
}

/** `@import "x"` / `@import url(x)` inside CSS. */
export function cssImports(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/gi)) found.push(match[2]!);
  return found;
}

/** `url(x)` references inside CSS (images, fonts), data: URIs excluded. */
export function cssUrls(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+?)\1\s*\)/gi)) {
    const url = match[2]!.trim();
    if (!/^data:/i.test(url)) found.push(url);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Resolving URLs to files under dist/

/** True for URLs that point at a file in the site (relative or root-relative), not another origin or a data: URI. */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** Resolves a local URL against the file that references it; root-relative URLs resolve against distDir. */
export function resolveLocal(url: string, fromDir: string, distDir: string): string {
  const clean = decodeURIComponent(url.replace(/[?#].*$/, ''));
  return clean.startsWith('/') ? join(distDir, clean) : resolve(fromDir, clean);
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

// ---------------------------------------------------------------------------
// Startup assets of a page

export type AssetKind = 'js' | 'css';

export interface StartupFile {
  /** Path relative to distDir, with forward slashes. */
  file: string;
  kind: AssetKind;
  /** Why it loads: the tag/attribute, or the file that imports it. */
  via: string;
  bytes: number;
  gzip: number;
}

export interface InlineBlock {
  kind: AssetKind;
  bytes: number;
  gzip: number;
}

export interface StartupAssets {
  files: StartupFile[];
  inline: InlineBlock[];
  /** Local URLs referenced at start whose file is not in dist/. */
  missing: string[];
  /** URLs on other origins (not counted). */
  external: string[];
  /** Islands that hydrate later (client:idle / visible / media): not counted. */
  deferredIslands: string[];
  jsGzip: number;
  cssGzip: number;
  /** jsGzip + cssGzip. */
  totalGzip: number;
}

const JS_SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);
/** Island directives that hydrate as soon as the page loads. */
const START_ISLAND_CLIENTS = new Set(['load', 'only']);

/**
 * The JS and CSS a page loads at start, each file gzipped on its own (as a server
 * sends it) and each inline <script>/<style> body gzipped on its own:
 * - `<script src>` (modules followed through their static imports, recursively),
 * - `<link rel="stylesheet">`, `<link rel="modulepreload">`, `<link rel="preload" as="script|style">`,
 * - inline `<style>` and executable inline `<script>` (JSON data blocks are not code and are left out),
 * - `<astro-island client="load|only">`: `component-url`, `renderer-url`, `before-hydration-url` and their static imports.
 * A file reached twice counts once.
 */
export function startupAssets(html: string, distDir: string, pageDir: string = distDir): StartupAssets {
  const result: StartupAssets = { files: [], inline: [], missing: [], external: [], deferredIslands: [], jsGzip: 0, cssGzip: 0, totalGzip: 0 };
  const seen = new Set<string>();

  const addFile = (url: string, fromDir: string, kind: AssetKind, via: string, followImports: boolean) => {
    if (!isLocalUrl(url)) {
      if (!/^data:/i.test(url)) result.external.push(url);
      return;
    }
    const path = resolveLocal(url, fromDir, distDir);
    if (seen.has(path)) return;
    seen.add(path);
    if (!existsSync(path) || !statSync(path).isFile()) {
      result.missing.push(url);
      return;
    }
    const bytes = readFileSync(path);
    const file = toPosix(relative(distDir, path));
    result.files.push({ file, kind, via, bytes: bytes.byteLength, gzip: gzipSize(bytes) });
    if (!followImports) return;
    const text = bytes.toString('utf8');
    const imports = kind === 'js' ? staticImports(text) : cssImports(text);
    for (const spec of imports) {
      // Only path specifiers load as files; a bare one would need an import map (none in Astro output).
      if (kind === 'js' && isLocalUrl(spec) && !/^(?:\.{1,2}\/|\/)/.test(spec)) continue;
      addFile(spec, dirname(path), kind, `import in ${file}`, true);
    }
  };

  for (const tag of scanTags(html)) {
    const attr = (name: string) => tag.attrs.get(name);
    if (tag.name === 'script') {
      const type = (attr('type') ?? '').trim().toLowerCase();
      if (!JS_SCRIPT_TYPES.has(type)) continue;
      const src = attr('src');
      if (src !== undefined) addFile(src, pageDir, 'js', `<script${type === 'module' ? ' type=module' : ''} src>`, type === 'module');
      else if (tag.content && tag.content.trim() !== '') result.inline.push(inlineBlock('js', tag.content));
    } else if (tag.name === 'style') {
      if (tag.content && tag.content.trim() !== '') result.inline.push(inlineBlock('css', tag.content));
    } else if (tag.name === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      if (href === undefined) continue;
      const as = (attr('as') ?? '').toLowerCase();
      if (rel.includes('stylesheet')) addFile(href, pageDir, 'css', '<link rel=stylesheet>', true);
      else if (rel.includes('modulepreload')) addFile(href, pageDir, 'js', '<link rel=modulepreload>', true);
      else if (rel.includes('preload') && as === 'script') addFile(href, pageDir, 'js', '<link rel=preload as=script>', false);
      else if (rel.includes('preload') && as === 'style') addFile(href, pageDir, 'css', '<link rel=preload as=style>', true);
    } else if (tag.name === 'astro-island') {
      const client = attr('client') ?? '';
      const label = attr('component-url') ?? attr('uid') ?? '?';
      if (!START_ISLAND_CLIENTS.has(client)) {
        result.deferredIslands.push(`${label} (client:${client || '?'})`);
        continue;
      }
      for (const name of ['before-hydration-url', 'renderer-url', 'component-url']) {
        const url = attr(name);
        if (url) addFile(url, pageDir, 'js', `<astro-island client=${client}> ${name}`, true);
      }
    }
  }

  for (const item of [...result.files, ...result.inline]) {
    if (item.kind === 'js') result.jsGzip += item.gzip;
    else result.cssGzip += item.gzip;
  }
  result.totalGzip = result.jsGzip + result.cssGzip;
  return result;
}

function inlineBlock(kind: AssetKind, content: string): InlineBlock {
  return { kind, bytes: Buffer.byteLength(content, 'utf8'), gzip: gzipSize(content) };
}

// ---------------------------------------------------------------------------
// Whole-page transfer

const MEDIA_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.ico', '.bmp', '.woff', '.woff2', '.ttf', '.otf', '.eot']);

export interface MediaFile {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * Images and fonts a page references: <img src/srcset>, <source src/srcset>,
 * <video poster>, <image href>, <link rel=icon|preload href>, style="…url()…",
 * and url() inside the given CSS texts (the page's startup CSS). Only files that
 * exist under distDir count; each counts once.
 */
export function referencedMedia(html: string, cssTexts: { text: string; dir: string }[], distDir: string, pageDir: string = distDir): { files: MediaFile[]; missing: string[] } {
  const urls: { url: string; fromDir: string }[] = [];
  const fromSrcset = (srcset: string) => srcset.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '').filter(Boolean);
  for (const tag of scanTags(html)) {
    const attr = (name: string) => tag.attrs.get(name);
    const push = (url: string | undefined) => url && urls.push({ url, fromDir: pageDir });
    if (tag.name === 'img' || tag.name === 'source' || tag.name === 'input') {
      push(attr('src'));
      for (const url of fromSrcset(attr('srcset') ?? '')) push(url);
    } else if (tag.name === 'video') push(attr('poster'));
    else if (tag.name === 'image' || tag.name === 'use') push(attr('href') ?? attr('xlink:href'));
    else if (tag.name === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase();
      if (/\b(icon|preload|apple-touch-icon)\b/.test(rel)) push(attr('href'));
    }
    const style = attr('style');
    if (style) for (const url of cssUrls(style)) push(url);
    if (tag.name === 'style' && tag.content) for (const url of cssUrls(tag.content)) push(url);
  }
  for (const css of cssTexts) for (const url of cssUrls(css.text)) urls.push({ url, fromDir: css.dir });

  const files: MediaFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const { url, fromDir } of urls) {
    if (!isLocalUrl(url)) continue;
    const path = resolveLocal(url, fromDir, distDir);
    if (!MEDIA_EXTENSIONS.has(extname(path).toLowerCase()) || seen.has(path)) continue;
    seen.add(path);
    if (!existsSync(path) || !statSync(path).isFile()) {
      missing.push(url);
      continue;
    }
    const bytes = readFileSync(path);
    files.push({ file: toPosix(relative(distDir, path)), bytes: bytes.byteLength, gzip: gzipSize(bytes) });
  }
  return { files, missing };
}

export interface PageTransfer {
  htmlGzip: number;
  startup: StartupAssets;
  media: MediaFile[];
  missing: string[];
  /** HTML + external startup files + media, each gzipped (inline blocks are inside the HTML already). */
  totalGzip: number;
}

export function pageTransfer(htmlFile: string, distDir: string): PageTransfer {
  const html = readFileSync(htmlFile, 'utf8');
  const pageDir = dirname(htmlFile);
  const startup = startupAssets(html, distDir, pageDir);
  const cssTexts = startup.files
    .filter((f) => f.kind === 'css')
    .map((f) => ({ text: readFileSync(join(distDir, f.file), 'utf8'), dir: dirname(join(distDir, f.file)) }));
  const media = referencedMedia(html, cssTexts, distDir, pageDir);
  const htmlGzip = gzipSize(html);
  const totalGzip = htmlGzip + startup.files.reduce((sum, f) => sum + f.gzip, 0) + media.files.reduce((sum, f) => sum + f.gzip, 0);
  return { htmlGzip, startup, media: media.files, missing: [...startup.missing, ...media.missing], totalGzip };
}

// ---------------------------------------------------------------------------
// Rows, budgets, table

export type Unit = 'bytes' | 'ms' | 'chars' | 'score' | 'commits';

export interface Row {
  metric: string;
  /** null when it could not be measured (see note). */
  measured: number | null;
  unit: Unit;
  /** null when there is no budget. */
  budget: number | null;
  /** Whether breaking the budget fails the bench. */
  gated: boolean;
  /** Shown next to the value: a breakdown, or why it was not measured. */
  note?: string;
}

export type RowStatus = 'ok' | 'FAIL' | 'info';

/**
 * ok when a gated row is within budget, FAIL when it is over or could not be
 * measured (a budget that cannot be checked is not met), info for ungated rows.
 */
export function rowStatus(row: Row): RowStatus {
  if (!row.gated || row.budget === null) return 'info';
  if (row.measured === null) return 'FAIL';
  return withinBudget(row.measured, row.budget, row.unit) ? 'ok' : 'FAIL';
}

/** Scores are minimums; sizes, times and lengths are maximums. */
function withinBudget(measured: number, budget: number, unit: Unit): boolean {
  return unit === 'score' ? measured >= budget : measured <= budget;
}

export interface BudgetCheck {
  ok: boolean;
  failures: { row: Row; reason: string }[];
}

export function checkBudgets(rows: readonly Row[]): BudgetCheck {
  const failures: BudgetCheck['failures'] = [];
  for (const row of rows) {
    if (rowStatus(row) !== 'FAIL') continue;
    const reason =
      row.measured === null
        ? `${row.metric}: could not be measured${row.note ? ` (${row.note})` : ''}; budget ${formatValue(row.budget, row.unit)}`
        : `${row.metric}: ${formatValue(row.measured, row.unit)} is over the budget of ${formatValue(row.budget, row.unit)}`;
    failures.push({ row, reason });
  }
  return { ok: failures.length === 0, failures };
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'bytes':
      return `${value.toLocaleString('en-GB')} B`;
    case 'ms':
      return `${(value / 1000).toFixed(1)} s`;
    case 'chars':
      return `${value.toLocaleString('en-GB')} chars`;
    case 'score':
      return `${Math.round(value)}/100`;
    case 'commits':
      return `${value} commits`;
  }
}

function budgetText(row: Row): string {
  if (row.budget === null) return '—';
  return `${row.unit === 'score' ? '≥' : '≤'} ${formatValue(row.budget, row.unit)}`;
}

function measuredText(row: Row): string {
  if (row.measured === null) return `not measured${row.note ? `: ${row.note}` : ''}`;
  return row.note ? `${formatValue(row.measured, row.unit)} (${row.note})` : formatValue(row.measured, row.unit);
}

/** One plain-text table, columns aligned: metric | measured | budget | ok. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['metric', 'measured', 'budget', 'ok'];
  const body = rows.map((row) => [row.metric, measuredText(row), budgetText(row), rowStatus(row)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Rows as plain objects for --json, with the status worked out. */
export function rowsAsJson(rows: readonly Row[]): (Row & { status: RowStatus })[] {
  return rows.map((row) => ({ ...row, status: rowStatus(row) }));
}

/**
 * npm run bench [-- --skip-build] [-- --no-lighthouse] [-- --json]
 *
 * Builds and packages the course (`npm run package`), then prints one table of
 * size, suspend_data and Lighthouse measurements against the budgets below.
 * Exits 1 when a gated budget is broken (or cannot be measured), 0 otherwise.
 *
 *   --skip-build     measure the existing dist/ and release/
 *   --no-lighthouse  leave out the Lighthouse run (needs Chromium)
 *   --json           print the rows as JSON instead of the table
 *   --dist DIR, --release DIR  measure other folders (the budget gate's own test uses fixtures)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchFileFor } from '../../scorm/package-spec.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { moduleShape } from '../../src/tracking/module-session.ts';
import { worstCaseSuspendLength } from '../../src/tracking/worst-case.ts';
import { moduleConfig, PROJECT_ROOT, realCourse } from '../support/real-course.ts';
import { journeyCommits } from './commit-journey.ts';
import { checkBudgets, formatTable, pageTransfer, rowsAsJson, type Row } from './measure.ts';

/** Every budget the bench checks. Sizes are bytes; `gated: false` budgets are printed but never fail the run. */
export const BUDGETS = {
  /** Wall time of `npm run package` (astro build + SCORM packaging). Not gated: machines vary. */
  buildAndPackageMs: { max: 30_000, gated: false },
  /** Each whole-course zip in release/. */
  zipBytes: { max: 1_048_576, gated: true },
  /** JS + CSS (gzip -9) loaded at start by each SCO launch page (the page an LMS opens first). */
  firstPageStartupGzip: { max: 61_440, gated: true },
  /** Largest page: HTML + start-up JS/CSS + images/fonts, gzip -9. */
  largestPageTransferGzip: { max: 153_600, gated: true },
  /** Worst-case cmi.suspend_data length, SCORM 1.2 (CMIString4096). */
  suspendDataScorm12: { max: 4_096, gated: true },
  /** Worst-case cmi.suspend_data length, SCORM 2004 (SPM 64000). */
  suspendDataScorm2004: { max: 64_000, gated: true },
  /** LMS commits (HTTP requests in most LMSs) for: read every lesson, guess the quiz once, pass it, close. */
  journeyCommits: { max: 15, gated: true },
} as const;

/** Lighthouse preset: 'mobile' is Lighthouse's default config (Moto G Power emulation, simulated slow 4G, 4x CPU slowdown). */
export const LIGHTHOUSE_PRESET: 'mobile' | 'desktop' = 'mobile';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const DIST = join(PROJECT_ROOT, 'dist');
const RELEASE = join(PROJECT_ROOT, 'release');

// ---------------------------------------------------------------------------

function runPackage(): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    // Build output goes to stderr so --json keeps stdout clean.
    const child = spawn('npm', ['run', 'package'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2], env: process.env });
    child.on('error', fail);
    child.on('exit', (code) => done({ ms: performance.now() - started, code }));
  });
}

function zipRows(release: string): Row[] {
  const zips = existsSync(release) ? readdirSync(release).filter((f) => f.endsWith('.zip')).sort() : [];
  if (zips.length === 0)
    return [{ metric: 'zip size (release/*.zip)', measured: null, unit: 'bytes', budget: BUDGETS.zipBytes.max, gated: BUDGETS.zipBytes.gated, note: 'no zip in release/' }];
  return zips.map((zip) => ({
    metric: `zip size: ${zip}`,
    measured: statSync(join(release, zip)).size,
    unit: 'bytes',
    budget: BUDGETS.zipBytes.max,
    gated: BUDGETS.zipBytes.gated,
  }));
}

function pageRows(dist: string, launchPages: readonly string[]): Row[] {
  const pages = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.html')).sort() : [];
  const rows: Row[] = [];
  for (const launch of launchPages)
    if (!pages.includes(launch))
      rows.push({
        metric: `start-up JS+CSS gz: ${launch} (SCO launch)`,
        measured: null,
        unit: 'bytes',
        budget: BUDGETS.firstPageStartupGzip.max,
        gated: BUDGETS.firstPageStartupGzip.gated,
        note: `dist/${launch} not found`,
      });
  if (pages.length === 0) {
    rows.push({ metric: 'page transfer gz (dist/*.html)', measured: null, unit: 'bytes', budget: BUDGETS.largestPageTransferGzip.max, gated: true, note: 'no page in dist/' });
    return rows;
  }

  const transfers = pages.map((page) => ({ page, t: pageTransfer(join(dist, page), dist) }));
  for (const { page, t } of transfers) {
    const isLaunch = launchPages.includes(page);
    const s = t.startup;
    const parts = [`JS ${s.jsGzip.toLocaleString('en-GB')} + CSS ${s.cssGzip.toLocaleString('en-GB')}`, `${s.files.length} files, ${s.inline.length} inline`];
    if (s.missing.length > 0) parts.push(`MISSING ${s.missing.join(', ')}`);
    if (s.deferredIslands.length > 0) parts.push(`${s.deferredIslands.length} deferred island(s) not counted`);
    rows.push({
      metric: `start-up JS+CSS gz: ${page}${isLaunch ? ' (SCO launch)' : ''}`,
      measured: s.totalGzip,
      unit: 'bytes',
      // Only SCO launch pages are first pages; the budget is shown for the others as a yardstick.
      budget: BUDGETS.firstPageStartupGzip.max,
      gated: isLaunch && BUDGETS.firstPageStartupGzip.gated,
      note: parts.join('; '),
    });
  }
  const largest = transfers.reduce((a, b) => (b.t.totalGzip > a.t.totalGzip ? b : a));
  const { t } = largest;
  const startupFiles = t.startup.files.reduce((sum, f) => sum + f.gzip, 0);
  const media = t.media.reduce((sum, f) => sum + f.gzip, 0);
  const notes = [`HTML ${t.htmlGzip.toLocaleString('en-GB')} + JS/CSS files ${startupFiles.toLocaleString('en-GB')} + images/fonts ${media.toLocaleString('en-GB')}`];
  if (t.missing.length > 0) notes.push(`MISSING ${t.missing.join(', ')}`);
  rows.push({
    metric: `largest page transfer gz: ${largest.page}`,
    measured: t.totalGzip,
    unit: 'bytes',
    budget: BUDGETS.largestPageTransferGzip.max,
    gated: BUDGETS.largestPageTransferGzip.gated,
    note: notes.join('; '),
  });
  return rows;
}

function suspendRows(course: ReturnType<typeof realCourse>): Row[] {
  const sizes = course.modules.map((mod) => ({ id: mod.meta.id, ...worstCaseSuspendLength(moduleShape(moduleConfig(course, mod))) }));
  const rows: Row[] = [];
  for (const [version, key, budget] of [
    ['1.2', 'scorm12', BUDGETS.suspendDataScorm12],
    ['2004', 'scorm2004', BUDGETS.suspendDataScorm2004],
  ] as const) {
    if (sizes.length === 0) {
      rows.push({ metric: `worst-case suspend_data SCORM ${version}`, measured: null, unit: 'chars', budget: budget.max, gated: budget.gated, note: 'no module in the course' });
      continue;
    }
    const worst = sizes.reduce((a, b) => (b[key] > a[key] ? b : a));
    rows.push({
      metric: `worst-case suspend_data SCORM ${version}: ${worst.id}`,
      measured: worst[key],
      unit: 'chars',
      budget: budget.max,
      gated: budget.gated,
      note: `largest of ${sizes.length} module${sizes.length === 1 ? '' : 's'}`,
    });
  }
  return rows;
}

function commitRows(course: ReturnType<typeof realCourse>): Row[] {
  if (course.modules.length === 0) return [];
  return (['1.2', '2004'] as const).map((version) => ({
    metric: `LMS commits, scripted journey SCORM ${version}: ${course.modules[0]!.meta.id}`,
    measured: journeyCommits(course, version),
    unit: 'commits',
    budget: BUDGETS.journeyCommits.max,
    gated: BUDGETS.journeyCommits.gated,
    note: 'read all lessons, guess the quiz, pass it, close',
  }));
}

// ---------------------------------------------------------------------------
// Lighthouse

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** A tiny static server for dist/ on 127.0.0.1 and a random free port; gzips text as an LMS web server would. */
function serveDist(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = String(body.byteLength);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

async function lighthouseRows(dist: string, page: string | undefined): Promise<Row[]> {
  const label = `(${LIGHTHOUSE_PRESET})${page ? `: ${page}` : ''}`;
  const rowsFor = (performance: number | null, accessibility: number | null, note?: string): Row[] => [
    { metric: `lighthouse performance ${label}`, measured: performance, unit: 'score', budget: null, gated: false, note },
    { metric: `lighthouse accessibility ${label}`, measured: accessibility, unit: 'score', budget: null, gated: false, note },
  ];
  if (!page) return rowsFor(null, null, 'no module page to audit');
  if (!existsSync(join(dist, page))) return rowsFor(null, null, `dist/${page} not found`);
  const chromePath = process.env.CHROME_PATH ?? CHROMIUM_PATH;
  if (!existsSync(chromePath)) return rowsFor(null, null, `Chromium not found at ${chromePath} (set CHROME_PATH)`);

  let served: { server: Server; origin: string } | undefined;
  let chrome: { port: number; kill(): void } | undefined;
  try {
    const [{ default: lighthouse, desktopConfig }, { launch }] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
    served = await serveDist(dist);
    chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    const result = await lighthouse(
      `${served.origin}/${page}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      LIGHTHOUSE_PRESET === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) return rowsFor(null, null, 'Lighthouse returned no result');
    const { categories, runtimeError, runWarnings } = result.lhr;
    const score = (id: string) => {
      const value = categories[id]?.score;
      return typeof value === 'number' ? Math.round(value * 100) : null;
    };
    const problems = [runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : '', ...runWarnings].filter(Boolean);
    return rowsFor(score('performance'), score('accessibility'), problems.length > 0 ? problems.join('; ') : undefined);
  } catch (error) {
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    return rowsFor(null, null, `Lighthouse could not run: ${message}`);
  } finally {
    try {
      chrome?.kill();
    } catch {
      // already gone
    }
    await new Promise<void>((done) => (served ? served.server.close(() => done()) : done()));
  }
}

// ---------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'skip-build': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      dist: { type: 'string', default: DIST },
      release: { type: 'string', default: RELEASE },
    },
  });
  const rows: Row[] = [];
  const buildBudget = BUDGETS.buildAndPackageMs;

  if (values['skip-build']) {
    rows.push({ metric: 'build+package wall time', measured: null, unit: 'ms', budget: buildBudget.max, gated: buildBudget.gated, note: 'skipped (--skip-build)' });
  } else {
    const { ms, code } = await runPackage();
    if (code !== 0) {
      console.error(`bench: npm run package failed (exit code ${code}); nothing to measure`);
      return 2;
    }
    rows.push({ metric: 'build+package wall time', measured: Math.round(ms), unit: 'ms', budget: buildBudget.max, gated: buildBudget.gated, note: ms > buildBudget.max ? 'over budget, not gated' : undefined });
  }

  const course = realCourse();
  const launchPages = course.modules.map((mod) => launchFileFor(mod.meta.id));

  rows.push(...zipRows(resolve(values.release)));
  rows.push(...pageRows(resolve(values.dist), launchPages));
  rows.push(...suspendRows(course));
  rows.push(...commitRows(course));
  if (values['no-lighthouse']) {
    rows.push({ metric: 'lighthouse performance + accessibility', measured: null, unit: 'score', budget: null, gated: false, note: 'skipped (--no-lighthouse)' });
  } else {
    rows.push(...(await lighthouseRows(resolve(values.dist), launchPages[0])));
  }

  const check = checkBudgets(rows);
  if (values.json) {
    console.log(JSON.stringify({ ok: check.ok, lighthousePreset: LIGHTHOUSE_PRESET, rows: rowsAsJson(rows), failures: check.failures.map((f) => f.reason) }, null, 2));
  } else {
    console.log(formatTable(rows));
    console.log('');
    if (check.ok) console.log('bench: all gated budgets met');
  }
  for (const failure of check.failures) console.error(`bench: BUDGET BROKEN: ${failure.reason}`);
  return check.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench: ${(error as Error).stack ?? String(error)}`);
      process.exit(2);
    },
  );
}

#!/usr/bin/env node
/**
 * node scorm/cli.ts package [--dist dist] [--out release] [--content content] [--xsd]
 * node scorm/cli.ts validate [<zip>...]     (every zip under release/ when none is given)
 *
 * `package` needs no xmllint (centres' build machines may lack it) unless --xsd is given.
 * `validate` treats each zip as hostile (see zip-reader.ts) and exits 1 if any has a problem.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../src/course/content-error.ts';
import { loadCourse } from '../src/course/load-course.ts';
import { courseCoverage, summariseCoverage } from '../src/course/coverage.ts';
import { buildRelease, packagesRecord, STANDARD_LABEL } from './build-packages.ts';
import { checkCmi5Package, CMI5_FILE } from './cmi5-package.ts';
import { readSchemaFiles } from './schema-files.ts';
import { MANIFEST_FILE, PackagingError, type ScormVersion } from './package-spec.ts';
import { standalonePage } from './standalone-page.ts';
import { checkPackage, validateManifestXsdText } from './validate.ts';
import type { ZipEntry } from './zip.ts';
import { readZipUntrusted } from './zip-reader.ts';

const COVERAGE_JSON = 'criteria-coverage.json';
const COVERAGE_PAGE = 'criteria-coverage.html';
const TUTOR_RESULTS_PAGE = 'tutor-results.html';
const TUTOR_RESULTS_ENTRY = 'src/islands/tutor-results/mount.ts';

const USAGE = `usage:
  node scorm/cli.ts package [--dist dist] [--out release] [--content content] [--xsd]
  node scorm/cli.ts validate [<zip>...]   (default: every zip under release/)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'package') return packageCommand(rest);
  if (command === 'validate') return validateCommand(rest);
  throw new PackagingError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
}

async function packageCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'release' },
      content: { type: 'string', default: 'content' },
      xsd: { type: 'boolean', default: false },
    },
  });
  const distDir = resolve(values.dist);
  if (!existsSync(distDir) || !statSync(distDir).isDirectory())
    throw new PackagingError(`${values.dist}/ does not exist: build the site first (npm run build)`);
  const course = loadCourse(resolve(values.content));
  checkVersionsAgree(course.meta.version);
  const site = readSite(distDir);
  const packages = buildRelease(course, site, { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') });

  let xsdFailed = false;
  if (values.xsd)
    for (const built of packages) {
      if (built.scormVersion === undefined) continue;
      const result = validateManifestXsdText(built.manifest, built.scormVersion);
      for (const error of result.errors) console.error(`scorm: ${built.fileName}: xsd: ${error}`);
      xsdFailed ||= !result.ok;
    }
  if (xsdFailed) throw new PackagingError('manifest schema validation failed; no zip written');

  const outDir = resolve(values.out);
  // Zips of modules since removed from the course must not linger beside the new release.
  rmSync(join(outDir, 'modules'), { recursive: true, force: true });
  for (const built of packages) {
    const target = join(outDir, built.fileName);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, built.zip);
    const units = built.spec.scos.length;
    const unitName = built.standard === 'cmi5' ? 'AU' : 'SCO';
    console.log(`${join(values.out, built.fileName)}  ${STANDARD_LABEL[built.standard]}  ${formatBytes(built.zip.byteLength)}  ${units} ${unitName}${units === 1 ? '' : 's'}`);
  }
  writeFileSync(join(outDir, 'packages.json'), `${JSON.stringify(packagesRecord(course, packages), null, 2)}\n`);
  writeCoverageReport(course, site, outDir, values.out);
  await writeTutorResultsPage(site, outDir, values.out);
  return 0;
}

/** release/tutor-results.html: the packages' page as one file that works opened from disk, for tutors outside the LMS. */
async function writeTutorResultsPage(site: ZipEntry[], outDir: string, outName: string): Promise<void> {
  const page = site.find((entry) => entry.path === TUTOR_RESULTS_PAGE);
  if (!page) throw new PackagingError(`the built site has no ${TUTOR_RESULTS_PAGE}; build the site first (npm run build)`);
  const html = await standalonePage(TUTOR_RESULTS_PAGE, new TextDecoder().decode(page.data), resolve(TUTOR_RESULTS_ENTRY));
  writeFileSync(join(outDir, TUTOR_RESULTS_PAGE), html);
  console.log(`${join(outName, TUTOR_RESULTS_PAGE)}  ${formatBytes(Buffer.byteLength(html))} (self-contained)`);
}

/** release/criteria-coverage.json for tools, and the report page the packages carry, for reading outside an LMS. */
function writeCoverageReport(course: ReturnType<typeof loadCourse>, site: ZipEntry[], outDir: string, outName: string): void {
  const report = courseCoverage(course);
  writeFileSync(join(outDir, COVERAGE_JSON), `${JSON.stringify(report, null, 2)}\n`);
  const page = site.find((entry) => entry.path === COVERAGE_PAGE);
  if (!page) throw new PackagingError(`the built site has no ${COVERAGE_PAGE}; build the site first (npm run build)`);
  writeFileSync(join(outDir, COVERAGE_PAGE), page.data);
  const { total, taught, checked, both } = summariseCoverage(report);
  console.log(`${join(outName, COVERAGE_JSON)}  ${taught} of ${total} criteria taught, ${checked} checked, ${both} both`);
}

function validateCommand(args: string[]): number {
  const zipPaths = args.length > 0 ? args : zipsUnder(resolve('release'));
  if (zipPaths.length === 0) throw new PackagingError(`no zip to validate: give paths, or run npm run package first\n${USAGE}`);
  let failed = false;
  for (const zipPath of zipPaths) {
    const problems = validateZipFile(zipPath);
    for (const problem of problems) console.error(`${zipPath}: ${problem}`);
    console.log(`${problems.length === 0 ? 'ok' : 'FAIL'} ${zipPath}${problems.length ? ` (${problems.length} problem${problems.length === 1 ? '' : 's'})` : ''}`);
    failed ||= problems.length > 0;
  }
  return failed ? 1 : 0;
}

/** Every problem in one zip, each naming the file inside it; a zip we cannot read is one problem, not a crash. */
function validateZipFile(zipPath: string): string[] {
  if (!existsSync(zipPath) || !statSync(zipPath).isFile()) return ['does not exist or is not a file'];
  const { files, problems } = readZipUntrusted(readFileSync(zipPath));
  if (files.has(CMI5_FILE) && !files.has(MANIFEST_FILE)) return [...problems, ...checkCmi5Package(files)];
  const version = detectVersion(files);
  if (version === undefined)
    return [
      ...problems,
      files.has(MANIFEST_FILE)
        ? `${MANIFEST_FILE}: <schemaversion> is neither 1.2 nor 2004 4th Edition, so the SCORM version is unknown`
        : `${MANIFEST_FILE} (SCORM) or ${CMI5_FILE} (cmi5): neither is at the zip root`,
    ];
  problems.push(...checkPackage(files, version));
  const manifest = files.get(MANIFEST_FILE);
  if (manifest) problems.push(...validateManifestXsdText(new TextDecoder().decode(manifest), version).errors.map((error) => `xsd: ${error}`));
  return problems;
}

function zipsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...zipsUnder(full));
    else if (name.endsWith('.zip')) found.push(relative(process.cwd(), full));
  }
  return found;
}

/** Page footers show package.json's version, manifests the course's: they must be one number. */
function checkVersionsAgree(courseVersion: string): void {
  const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  if (packageVersion !== courseVersion)
    throw new PackagingError(`content/course.yaml: version: is ${courseVersion} but package.json has ${packageVersion}; set both to the version you release`);
}

/** The zip's own claim, so a 1.2 zip is checked as 1.2 whatever its name says. */
function detectVersion(files: Map<string, Uint8Array>): ScormVersion | undefined {
  const manifest = files.get(MANIFEST_FILE);
  if (!manifest) return undefined;
  const schemaversion = /<schemaversion>\s*([^<]*?)\s*<\/schemaversion>/.exec(new TextDecoder().decode(manifest))?.[1];
  if (schemaversion === '1.2') return '1.2';
  if (schemaversion === '2004 4th Edition') return '2004';
  return undefined;
}

/** Every file under `dir`, with POSIX paths relative to it, sorted. Hidden files (.gitkeep, .DS_Store) are not course content. */
function readSite(dir: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      if (name.startsWith('.')) continue;
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else entries.push({ path: relative(dir, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(dir);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Expected failures (bad content, broken build output, bad arguments) get one readable message, no stack.
  if (error instanceof PackagingError || error instanceof ContentError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`scorm: ${(error as Error).message}`);
    process.exitCode = 1;
  } else throw error;
}

#!/usr/bin/env node
/**
 * node scorm/cli.ts package [--dist dist] [--out release] [--content content] [--xsd]
 * node scorm/cli.ts validate [<zip>...]     (every zip under release/ when none is given)
 *
 * `package` needs no xmllint (centres' build machines may lack it) unless --xsd is given.
 * `validate` treats each zip as hostile (see zip-reader.ts) and exits 1 if any has a problem.
 *
 * `runCli` does the work and returns the exit code; the entry point at the end only wires it to the process,
 * so the tests can run every command in-process.
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
import { compareZipPaths, type ZipEntry } from './zip.ts';
import { readZipUntrusted } from './zip-reader.ts';

const COVERAGE_JSON = 'criteria-coverage.json';
const COVERAGE_PAGE = 'criteria-coverage.html';
const TUTOR_RESULTS_PAGE = 'tutor-results.html';
const TUTOR_RESULTS_ENTRY = 'src/islands/tutor-results/mount.ts';

const USAGE = `usage:
  node scorm/cli.ts package [--dist dist] [--out release] [--content content] [--xsd]
  node scorm/cli.ts validate [<zip>...]   (default: every zip under release/)`;

/** Where the CLI reads and writes: the process's own in real use, a test's in the unit tests. */
export interface CliIo {
  /** Relative paths (the dist/release/content defaults, the tutor-results entry) resolve from here; found zips print relative to it. */
  cwd: string;
  /** One line of standard output. */
  out: (line: string) => void;
  /** One line of standard error. */
  err: (line: string) => void;
}

/**
 * Runs one command and returns the exit code. Expected failures (bad content, broken build output, bad arguments)
 * print one readable `scorm: …` line, no stack, and give 1; anything else is a bug and is thrown.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof PackagingError || error instanceof ContentError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`scorm: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'package') return packageCommand(rest, io);
  if (command === 'validate') return validateCommand(rest, io);
  throw new PackagingError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
}

async function packageCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'release' },
      content: { type: 'string', default: 'content' },
      xsd: { type: 'boolean', default: false },
    },
  });
  const distDir = resolve(io.cwd, values.dist);
  if (!existsSync(distDir) || !statSync(distDir).isDirectory())
    throw new PackagingError(`${values.dist}/ does not exist: build the site first (npm run build)`);
  const course = loadCourse(resolve(io.cwd, values.content));
  checkVersionsAgree(course.meta.version);
  const site = readSite(distDir);
  const packages = buildRelease(course, site, { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') });

  let xsdFailed = false;
  if (values.xsd)
    for (const built of packages) {
      if (built.scormVersion === undefined) continue;
      const result = validateManifestXsdText(built.manifest, built.scormVersion);
      for (const error of result.errors) io.err(`scorm: ${built.fileName}: xsd: ${error}`);
      xsdFailed ||= !result.ok;
    }
  if (xsdFailed) throw new PackagingError('manifest schema validation failed; no zip written');

  const outDir = resolve(io.cwd, values.out);
  // Zips of modules since removed from the course must not linger beside the new release.
  rmSync(join(outDir, 'modules'), { recursive: true, force: true });
  for (const built of packages) {
    const target = join(outDir, built.fileName);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, built.zip);
    const units = built.spec.scos.length;
    const unitName = built.standard === 'cmi5' ? 'AU' : 'SCO';
    io.out(`${join(values.out, built.fileName)}  ${STANDARD_LABEL[built.standard]}  ${formatBytes(built.zip.byteLength)}  ${units} ${unitName}${units === 1 ? '' : 's'}`);
  }
  writeFileSync(join(outDir, 'packages.json'), `${JSON.stringify(packagesRecord(course, packages), null, 2)}\n`);
  writeCoverageReport(course, site, outDir, values.out, io);
  await writeTutorResultsPage(site, outDir, values.out, io);
  return 0;
}

/** release/tutor-results.html: the packages' page as one file that works opened from disk, for tutors outside the LMS. */
async function writeTutorResultsPage(site: ZipEntry[], outDir: string, outName: string, io: CliIo): Promise<void> {
  const page = site.find((entry) => entry.path === TUTOR_RESULTS_PAGE);
  if (!page) throw new PackagingError(`the built site has no ${TUTOR_RESULTS_PAGE}; build the site first (npm run build)`);
  const html = await standalonePage(TUTOR_RESULTS_PAGE, new TextDecoder().decode(page.data), resolve(io.cwd, TUTOR_RESULTS_ENTRY));
  writeFileSync(join(outDir, TUTOR_RESULTS_PAGE), html);
  io.out(`${join(outName, TUTOR_RESULTS_PAGE)}  ${formatBytes(Buffer.byteLength(html))} (self-contained)`);
}

/** release/criteria-coverage.json for tools, and the report page the packages carry, for reading outside an LMS. */
function writeCoverageReport(course: ReturnType<typeof loadCourse>, site: ZipEntry[], outDir: string, outName: string, io: CliIo): void {
  const report = courseCoverage(course);
  writeFileSync(join(outDir, COVERAGE_JSON), `${JSON.stringify(report, null, 2)}\n`);
  const page = site.find((entry) => entry.path === COVERAGE_PAGE);
  if (!page) throw new PackagingError(`the built site has no ${COVERAGE_PAGE}; build the site first (npm run build)`);
  writeFileSync(join(outDir, COVERAGE_PAGE), page.data);
  const { total, taught, checked, both } = summariseCoverage(report);
  io.out(`${join(outName, COVERAGE_JSON)}  ${taught} of ${total} criteria taught, ${checked} checked, ${both} both`);
}

function validateCommand(args: string[], io: CliIo): number {
  const zipPaths = args.length > 0 ? args : zipsUnder(resolve(io.cwd, 'release'), io.cwd);
  if (zipPaths.length === 0) throw new PackagingError(`no zip to validate: give paths, or run npm run package first\n${USAGE}`);
  let failed = false;
  for (const zipPath of zipPaths) {
    const problems = validateZipFile(resolve(io.cwd, zipPath));
    for (const problem of problems) io.err(`${zipPath}: ${problem}`);
    io.out(`${problems.length === 0 ? 'ok' : 'FAIL'} ${zipPath}${problems.length ? ` (${problems.length} problem${problems.length === 1 ? '' : 's'})` : ''}`);
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
  // A known version means detectVersion read it from the manifest, so the manifest is there.
  const manifest = new TextDecoder().decode(files.get(MANIFEST_FILE));
  problems.push(...validateManifestXsdText(manifest, version).errors.map((error) => `xsd: ${error}`));
  return problems;
}

function zipsUnder(dir: string, cwd: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  // Stryker disable next-line MethodExpression: equivalent on Linux and macOS, where readdirSync (libuv's scandir) already sorts names; the sort keeps other platforms in the same order
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...zipsUnder(full, cwd));
    else if (name.endsWith('.zip')) found.push(relative(cwd, full));
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
  // No manifest decodes as '', which has no <schemaversion>.
  const schemaversion = /<schemaversion>\s*([^<]*?)\s*<\/schemaversion>/.exec(new TextDecoder().decode(files.get(MANIFEST_FILE)))?.[1];
  if (schemaversion === '1.2') return '1.2';
  if (schemaversion === '2004 4th Edition') return '2004';
  return undefined;
}

/** Every file under `dir`, with POSIX paths relative to it, in zip order. Hidden files (.gitkeep, .DS_Store) are not course content. */
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
  // Paths are unique, so the zip's own order (the one that can never say "equal") is a total order here.
  return entries.sort((a, b) => compareZipPaths(a.path, b.path));
}

/** A size as `package` prints it: KiB below 1 MiB, MiB from there. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

// Stryker disable next-line all: runs only as a program, which the spawn tests (scorm-validate-cli, scorm-package-cli) check; Stryker sees in-process tests only, and runCli is tested in-process
if (import.meta.main) process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), out: console.log, err: console.error });

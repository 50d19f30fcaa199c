import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBytes, runCli } from '../../scorm/cli.ts';
import { readZip } from '../../scorm/zip.ts';

/**
 * `node scorm/cli.ts package` run in-process on a small project in a temporary folder: the minimal fixture course
 * (tests/fixtures/content/minimal) with a second module, a hand-made dist/, and a stand-in for the tutor-results
 * island (the real one is bundled in scorm-standalone-page.test.ts), so each run takes a moment.
 */

const repoRoot = join(import.meta.dirname, '../..');
const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'package-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`;
/** The island's stand-in: "</script" in a string must not end the inline script early. */
const TUTOR_ENTRY = `const note: string = 'tutor results </script> ready';\ndocument.body.dataset.note = note;\n`;

interface Project {
  cwd: string;
  dist: string;
}

/** A project folder as `npm run package` expects after `npm run build`, with the course at package.json's version. */
function project(): Project {
  const cwd = mkdtempSync(join(scratch, 'project-'));
  cpSync(join(repoRoot, 'tests/fixtures/content/minimal'), cwd, { recursive: true });
  const m1 = join(cwd, 'content/modules/m1');
  const m2 = join(cwd, 'content/modules/m2');
  mkdirSync(m2);
  for (const file of ['01-systems.mdx', 'quiz.yaml']) cpSync(join(m1, file), join(m2, file));
  writeFileSync(join(m2, 'module.yaml'), readFileSync(join(m1, 'module.yaml'), 'utf8').replace('id: m1', 'id: m2').replace('Module one', 'Module two'));
  const courseFile = join(cwd, 'content/course.yaml');
  writeFileSync(courseFile, readFileSync(courseFile, 'utf8').replace('version: 1.0.0', `version: ${packageVersion}`).replace('modules: [m1]', 'modules: [m1, m2]'));

  mkdirSync(join(cwd, 'src/islands/tutor-results'), { recursive: true });
  writeFileSync(join(cwd, 'src/islands/tutor-results/mount.ts'), TUTOR_ENTRY);

  const dist = join(cwd, 'dist');
  const page = (body: string) => `<!doctype html><html><head>${CSP}<link rel="stylesheet" href="./_astro/app.css"></head><body>${body}</body></html>`;
  const files: Record<string, string> = {
    // Each entry marked with its module, as src/pages/index.astro does, so a module package can list its own.
    'index.html': page('<ul><li data-package-scope="module:m1"><a href="m1.html">One</a></li><li data-package-scope="module:m2"><a href="m2.html">Two</a></li></ul>'),
    'm1.html': page('<main>Module one</main>'),
    'm2.html': page('<main>Module two</main>'),
    'criteria-coverage.html': page('<h1>Criteria coverage</h1>'),
    'tutor-results.html': page('<h1>Results</h1><script type="module" src="./_astro/tutor.js"></script>'),
    '_astro/app.css': 'body{margin:0}',
    '_astro/tutor.js': 'import"./chunk.js";',
    // Hidden files are not course content.
    '.DS_Store': 'finder',
    '_astro/.gitkeep': '',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return { cwd, dist };
}

async function cli(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { cwd, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const kib = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} KiB`;

const ZIPS = [
  'fixture-course-scorm12.zip',
  'fixture-course-scorm2004.zip',
  'fixture-course-cmi5.zip',
  'modules/m1-scorm12.zip',
  'modules/m1-scorm2004.zip',
  'modules/m2-scorm12.zip',
  'modules/m2-scorm2004.zip',
];

/**
 * A fresh project packaged with the default options. Each test packages its own (inside the test, not at collection
 * time), so mutation testing sees the packaging each test checks.
 */
async function packaged() {
  const { cwd, dist } = project();
  // A zip of a module since removed from the course, left by an earlier release.
  mkdirSync(join(cwd, 'release/modules'), { recursive: true });
  writeFileSync(join(cwd, 'release/modules/old-scorm12.zip'), 'stale');
  writeFileSync(join(cwd, 'release/notes.txt'), 'kept');
  const result = await cli(['package'], cwd);
  return { ...result, dist, release: (path: string) => join(cwd, 'release', path) };
}

describe('npm run package (node scorm/cli.ts package)', () => {
  it('reads dist/ and content/, writes release/, and prints one line per file with its standard, size and units', async () => {
    const { status, out, err, release } = await packaged();
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out).toEqual([
      `release/fixture-course-scorm12.zip  SCORM 1.2  ${kib(release(ZIPS[0]!))}  2 SCOs`,
      `release/fixture-course-scorm2004.zip  SCORM 2004 4th  ${kib(release(ZIPS[1]!))}  2 SCOs`,
      `release/fixture-course-cmi5.zip  cmi5  ${kib(release(ZIPS[2]!))}  2 AUs`,
      `release/modules/m1-scorm12.zip  SCORM 1.2  ${kib(release(ZIPS[3]!))}  1 SCO`,
      `release/modules/m1-scorm2004.zip  SCORM 2004 4th  ${kib(release(ZIPS[4]!))}  1 SCO`,
      `release/modules/m2-scorm12.zip  SCORM 1.2  ${kib(release(ZIPS[5]!))}  1 SCO`,
      `release/modules/m2-scorm2004.zip  SCORM 2004 4th  ${kib(release(ZIPS[6]!))}  1 SCO`,
      'release/criteria-coverage.json  3 of 3 criteria taught, 3 checked, 3 both',
      `release/tutor-results.html  ${kib(release('tutor-results.html'))} (self-contained)`,
    ]);
  });

  it('removes zips of modules no longer in the course, and leaves the rest of release/ alone', async () => {
    const { release } = await packaged();
    expect(readdirSync(release('modules')).sort()).toEqual(['m1-scorm12.zip', 'm1-scorm2004.zip', 'm2-scorm12.zip', 'm2-scorm2004.zip']);
    expect(readFileSync(release('notes.txt'), 'utf8')).toBe('kept');
  });

  it('zips every site file (hidden files left out) under its POSIX path, with the manifest', async () => {
    const { release, dist } = await packaged();
    const scorm12 = readZip(readFileSync(release('fixture-course-scorm12.zip')));
    const siteFiles = [...scorm12.keys()].filter((path) => !/\.(xsd|dtd)$/.test(path)).sort();
    expect(siteFiles).toEqual(['_astro/app.css', '_astro/tutor.js', 'criteria-coverage.html', 'imsmanifest.xml', 'index.html', 'm1.html', 'm2.html', 'tutor-results.html']);
    expect(new TextDecoder().decode(scorm12.get('m1.html'))).toBe(readFileSync(join(dist, 'm1.html'), 'utf8'));
    const cmi5 = readZip(readFileSync(release('fixture-course-cmi5.zip')));
    expect(cmi5.has('cmi5.xml')).toBe(true);
    expect(cmi5.has('imsmanifest.xml')).toBe(false);
    // A module package leaves out the other module's page.
    expect(readZip(readFileSync(release('modules/m2-scorm2004.zip'))).has('m1.html')).toBe(false);
  });

  it('records every zip in release/packages.json with the checksum of the bytes written', async () => {
    const { release } = await packaged();
    const record = JSON.parse(readFileSync(release('packages.json'), 'utf8')) as { courseId: string; courseVersion: string; packages: { file: string; bytes: number; sha256: string }[] };
    expect(record.courseId).toBe('fixture-course');
    expect(record.courseVersion).toBe(packageVersion);
    expect(record.packages.map((entry) => entry.file)).toEqual(ZIPS);
    for (const entry of record.packages) {
      const bytes = readFileSync(release(entry.file));
      expect([entry.file, entry.bytes, entry.sha256]).toEqual([entry.file, bytes.byteLength, sha256(bytes)]);
    }
    expect(readFileSync(release('packages.json'), 'utf8')).toMatch(/^\{\n {2}"courseId"[\s\S]*\}\n$/);
  });

  it('writes the criteria coverage as JSON for tools and copies the built coverage page', async () => {
    const { release, dist } = await packaged();
    const json = readFileSync(release('criteria-coverage.json'), 'utf8');
    expect(json.endsWith('}\n')).toBe(true);
    const report = JSON.parse(json) as { criteria: { id: string }[] };
    expect(report.criteria.map((criterion) => criterion.id).sort()).toEqual(['D4.3.1', 'U219.1.1', 'U219.1.2']);
    expect(readFileSync(release('criteria-coverage.html'), 'utf8')).toBe(readFileSync(join(dist, 'criteria-coverage.html'), 'utf8'));
  });

  it('writes tutor-results.html as one self-contained file: the island bundled inline, its hash allowed by the CSP', async () => {
    const { release } = await packaged();
    const html = readFileSync(release('tutor-results.html'), 'utf8');
    expect(html).not.toContain('type="module"');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const code = scripts[0]![1]!;
    // Bundled and minified into a classic script, with the "</script" in the string escaped.
    expect(code).toContain('tutor results <\\/script> ready');
    expect(code).not.toMatch(/\bimport\b|\bexport\b/);
    const hash = createHash('sha256').update(code).digest('base64');
    expect(html).toContain(`script-src 'self' 'sha256-${hash}'`);
  });
});

describe('npm run package: options', () => {
  it('takes --dist, --out and --content, and prints paths under the --out given', async () => {
    const { cwd } = project();
    for (const [from, to] of [['dist', 'site'], ['content', 'course-content']] as const) cpSync(join(cwd, from), join(cwd, to), { recursive: true });
    rmSync(join(cwd, 'dist'), { recursive: true });
    rmSync(join(cwd, 'content'), { recursive: true });
    const { status, out, err } = await cli(['package', '--dist', 'site', '--out', 'out/pkg', '--content', 'course-content'], cwd);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out[0]).toMatch(/^out\/pkg\/fixture-course-scorm12\.zip {2}SCORM 1\.2 {2}/);
    expect(out.at(-1)).toMatch(/^out\/pkg\/tutor-results\.html {2}/);
    expect(existsSync(join(cwd, 'out/pkg/modules/m2-scorm2004.zip'))).toBe(true);
    expect(existsSync(join(cwd, 'release'))).toBe(false);
  });

  it('with --xsd, checks each SCORM manifest against the schemas (xmllint) and still writes the release', async () => {
    const { cwd } = project();
    const { status, err } = await cli(['package', '--xsd'], cwd);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(existsSync(join(cwd, 'release/fixture-course-cmi5.zip'))).toBe(true);
  });

  it('with --xsd, names each SCORM package the schemas refuse and writes no zip', async () => {
    const { cwd } = project();
    const { status, out, err } = await withRefusingXmllint(() => cli(['package', '--xsd'], cwd));
    expect(status).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'scorm: fixture-course-scorm12.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: fixture-course-scorm2004.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: modules/m1-scorm12.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: modules/m1-scorm2004.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: modules/m2-scorm12.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: modules/m2-scorm2004.zip: xsd: imsmanifest.xml:2: element bogus: Schemas validity error',
      'scorm: manifest schema validation failed; no zip written',
    ]);
    expect(existsSync(join(cwd, 'release'))).toBe(false);
  });

  it('without --xsd, does not run xmllint at all (build machines may lack it)', async () => {
    const { cwd } = project();
    const { status, err } = await withRefusingXmllint(() => cli(['package'], cwd));
    expect(err).toEqual([]);
    expect(status).toBe(0);
  });
});

/** Runs `action` with a stand-in xmllint first on the PATH that refuses every manifest, as the real one refuses a broken one. */
async function withRefusingXmllint<T>(action: () => Promise<T>): Promise<T> {
  const bin = mkdtempSync(join(scratch, 'bin-'));
  writeFileSync(join(bin, 'xmllint'), '#!/bin/sh\necho "$5:2: element bogus: Schemas validity error" >&2\nexit 1\n');
  chmodSync(join(bin, 'xmllint'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  try {
    return await action();
  } finally {
    process.env.PATH = path;
  }
}

describe('npm run package: refusals', () => {
  it.each([
    ['is missing', (dist: string) => rmSync(dist, { recursive: true })],
    ['is a file', (dist: string) => (rmSync(dist, { recursive: true }), writeFileSync(dist, 'not a folder'))],
  ])('says to build the site first when dist/ %s', async (_case, breakDist) => {
    const { cwd, dist } = project();
    breakDist(dist);
    expect(await cli(['package'], cwd)).toEqual({ status: 1, out: [], err: ['scorm: dist/ does not exist: build the site first (npm run build)'] });
  });

  it('refuses a course version that differs from package.json, naming both', async () => {
    const { cwd } = project();
    const courseFile = join(cwd, 'content/course.yaml');
    writeFileSync(courseFile, readFileSync(courseFile, 'utf8').replace(`version: ${packageVersion}`, 'version: 9.9.9'));
    expect(await cli(['package'], cwd)).toEqual({
      status: 1,
      out: [],
      err: [`scorm: content/course.yaml: version: is 9.9.9 but package.json has ${packageVersion}; set both to the version you release`],
    });
  });

  it("reports the content's problems in one readable message", async () => {
    const { cwd } = project();
    rmSync(join(cwd, 'content/course.yaml'));
    expect(await cli(['package'], cwd)).toEqual({
      status: 1,
      out: [],
      err: ['scorm: The course content has 1 problem:\n  - content/course.yaml: (file): file is missing'],
    });
  });

  it.each(['criteria-coverage.html', 'tutor-results.html'])('says to build the site first when dist/ has no %s', async (page) => {
    const { cwd, dist } = project();
    rmSync(join(dist, page));
    const { status, err } = await cli(['package'], cwd);
    expect(status).toBe(1);
    expect(err).toEqual([`scorm: the built site has no ${page}; build the site first (npm run build)`]);
  });

  it('refuses a packaging problem (here an absolute URL) with one readable message', async () => {
    const { cwd, dist } = project();
    writeFileSync(join(dist, 'm1.html'), '<img src="/logo.png">');
    const { status, err } = await cli(['package'], cwd);
    expect(status).toBe(1);
    expect(err).toEqual(['scorm: the built site has 1 absolute or external URL, which break inside an LMS:\n  m1.html:1: src="/logo.png']);
  });

  it('lists the absolute URLs it refuses in path order, a folder\'s files after a page named like the folder', async () => {
    const { cwd, dist } = project();
    mkdirSync(join(dist, 'a'));
    writeFileSync(join(dist, 'a/x.css'), 'body{background:url(/bg.png)}');
    writeFileSync(join(dist, 'a.html'), '<img src="/logo.png">');
    writeFileSync(join(dist, 'b.html'), '<img src="/b.png">');
    const { status, err } = await cli(['package'], cwd);
    expect(status).toBe(1);
    expect(err).toEqual([
      'scorm: the built site has 3 absolute or external URLs, which break inside an LMS:\n  a.html:1: src="/logo.png\n  a/x.css:1: url(/bg.png\n  b.html:1: src="/b.png',
    ]);
  });

  it('lets an unexpected failure through with its stack (a file error, or a bundling error): it is a bug, not a user mistake', async () => {
    const broken = project();
    symlinkSync(join(broken.dist, 'nowhere'), join(broken.dist, 'dangling.html'));
    await expect(cli(['package'], broken.cwd)).rejects.toMatchObject({ code: 'ENOENT' });
    const noIsland = project();
    rmSync(join(noIsland.cwd, 'src'), { recursive: true });
    await expect(cli(['package'], noIsland.cwd)).rejects.toThrow(/Could not resolve/);
  });
});

describe('formatBytes (the sizes package prints)', () => {
  it('gives KiB with one decimal below 1 MiB, and MiB with two from 1 MiB', () => {
    expect(formatBytes(0)).toBe('0.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024.0 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1.00 MiB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.50 MiB');
  });
});

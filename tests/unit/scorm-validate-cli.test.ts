import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../../scorm/build-packages.ts';
import { runCli } from '../../scorm/cli.ts';
import { readSchemaFiles } from '../../scorm/schema-files.ts';
import { readZip } from '../../scorm/zip.ts';
import { brokenPackages, rawZip } from '../fixtures/packages/broken-packages.ts';
import { demoCourse, demoPackageFiles, demoSite, withManifestEdit } from '../fixtures/packages/demo-package.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const USAGE = `usage:
  node scorm/cli.ts package [--dist dist] [--out release] [--content content] [--xsd]
  node scorm/cli.ts validate [<zip>...]   (default: every zip under release/)`;

/** Runs the CLI in this process (so mutation testing sees it), collecting what it prints, one string per stream as a terminal shows it. */
async function cli(argv: string[], cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { cwd, out: (line) => out.push(line), err: (line) => err.push(line) });
  const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  return { status, stdout: text(out), stderr: text(err) };
}

const validate = (...zips: string[]) => cli(['validate', ...zips]);

/** Writes `zip` to the scratch folder, as a centre's download would be, and returns its path. */
function zipFile(name: string, zip: Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, zip);
  return path;
}

const cmi5Zip = () => buildRelease(demoCourse, demoSite(), { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') }).find((built) => built.standard === 'cmi5')!.zip;

describe('npm run validate on broken packages (tests/fixtures/packages/broken-packages.ts)', () => {
  const broken = brokenPackages();
  const onDisk = (name: string) => zipFile(`${name}.zip`, broken.find((fixture) => fixture.name === name)!.zip);

  it.each(broken.map((fixture) => [fixture.name, fixture] as const))('%s.zip fails with the right message', async (name, fixture) => {
    const path = onDisk(name);
    const result = await validate(path);
    expect(result.status).toBe(1);
    const reported = result.stderr.split('\n').filter(Boolean).map((line) => line.slice(`${path}: `.length));
    expect(reported.join('\n')).toMatch(fixture.expected);
    expect(result.stdout).toContain(`FAIL ${path}`);
  });

  it('reports every zip it is given, good and bad, and fails if any is bad', async () => {
    const good = zipFile('good.zip', rawZip(demoPackageFiles('2004')));
    const bad = onDisk('path-traversal');
    const result = await validate(good, bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`ok ${good}`);
    expect(result.stdout).toContain(`FAIL ${bad}`);
  });

  it('passes a correct package with exit code 0', async () => {
    const good = zipFile('good12.zip', rawZip(demoPackageFiles('1.2')));
    expect(await validate(good)).toMatchObject({ status: 0, stderr: '' });
  });

  it('says what is wrong with a file that is not a zip, or not a package', async () => {
    const text = join(scratch, 'notes.zip');
    writeFileSync(text, 'not a zip');
    const empty = zipFile('empty.zip', rawZip(new Map([['readme.txt', new TextEncoder().encode('hi')]])));
    const result = await validate(text, empty, join(scratch, 'missing.zip'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${text}: zip: not a zip file (no end of central directory record)`);
    expect(result.stderr).toContain(`${empty}: imsmanifest.xml (SCORM) or cmi5.xml (cmi5): neither is at the zip root`);
    expect(result.stderr).toContain(`${join(scratch, 'missing.zip')}: does not exist or is not a file`);
  });
});

describe('npm run validate: what it prints and its exit code', () => {
  it('prints one line per zip: ok, or FAIL with the number of problems (singular for one)', async () => {
    const good = zipFile('line-good.zip', rawZip(demoPackageFiles('1.2')));
    const oneProblem = zipFile('line-one.zip', rawZip(demoPackageFiles('2004').set('notes.txt', new TextEncoder().encode('stray'))));
    const twoProblems = zipFile('line-two.zip', rawZip(demoPackageFiles('2004').set('notes.txt', new Uint8Array([1])).set('extra.txt', new Uint8Array([2]))));
    const result = await validate(good, oneProblem, twoProblems);
    expect(result.stdout).toBe(`ok ${good}\nFAIL ${oneProblem} (1 problem)\nFAIL ${twoProblems} (2 problems)\n`);
    expect(result.stderr).toBe(
      `${oneProblem}: imsmanifest.xml: notes.txt is in the zip but no <file href> lists it\n` +
        `${twoProblems}: imsmanifest.xml: notes.txt is in the zip but no <file href> lists it\n` +
        `${twoProblems}: imsmanifest.xml: extra.txt is in the zip but no <file href> lists it\n`,
    );
    expect(result.status).toBe(1);
  });

  it('fails when the bad zip comes first and a good one follows', async () => {
    const bad = zipFile('first-bad.zip', rawZip(demoPackageFiles('1.2').set('notes.txt', new Uint8Array([1]))));
    const good = zipFile('then-good.zip', rawZip(demoPackageFiles('1.2')));
    const result = await validate(bad, good);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`FAIL ${bad} (1 problem)\nok ${good}\n`);
  });

  it('says a folder given as a zip is not a file', async () => {
    const folder = join(scratch, 'folder.zip');
    mkdirSync(folder, { recursive: true });
    expect(await validate(folder)).toEqual({ status: 1, stdout: `FAIL ${folder} (1 problem)\n`, stderr: `${folder}: does not exist or is not a file\n` });
  });

  it('reads a relative zip path from its working folder and reports it as given', async () => {
    const cwd = mkdtempSync(join(scratch, 'cwd-'));
    writeFileSync(join(cwd, 'course.zip'), rawZip(demoPackageFiles('2004')));
    expect(await cli(['validate', 'course.zip'], cwd)).toEqual({ status: 0, stdout: 'ok course.zip\n', stderr: '' });
  });
});

describe('npm run validate: SCORM version and cmi5', () => {
  it('checks a cmi5 zip (cmi5.xml, no imsmanifest.xml) as cmi5', async () => {
    expect(await validate(zipFile('course-cmi5.zip', cmi5Zip()))).toMatchObject({ status: 0, stderr: '' });
  });

  it("reports a cmi5 zip's cmi5.xml problems and its unsafe paths together", async () => {
    const files = readZip(cmi5Zip());
    files.delete('m1.html');
    files.set('../evil.html', new Uint8Array([1]));
    const path = zipFile('broken-cmi5.zip', rawZip(files));
    const result = await validate(path);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${path}: ../evil.html: has an empty, "." or ".." segment (path traversal)`);
    expect(lines[1]).toMatch(/: cmi5\.xml: line \d+: <au id="[^"]+">: <url> m1\.html: file is not in the package$/);
    // The course home still lists the page that went missing.
    expect(lines[2]).toBe(`${path}: index.html: links to m1.html, which is not in the zip`);
    expect(result.stdout).toBe(`FAIL ${path} (3 problems)\n`);
  });

  it('checks a zip with both imsmanifest.xml and cmi5.xml as SCORM, by its manifest', async () => {
    const files = demoPackageFiles('1.2').set('cmi5.xml', new TextEncoder().encode('<not-cmi5/>'));
    const path = zipFile('both.zip', rawZip(files));
    const result = await validate(path);
    // cmi5.xml is then just a stray file, which SCORM's own check names.
    expect(result.stderr).toBe(`${path}: imsmanifest.xml: cmi5.xml is in the zip but no <file href> lists it\n`);
  });

  it('checks a zip by the version its manifest claims, spaces around <schemaversion> allowed', async () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '<schemaversion>1.2</schemaversion>', '<schemaversion>\n  1.2\n</schemaversion>');
    expect(await validate(zipFile('spaced12.zip', rawZip(files)))).toMatchObject({ status: 0, stderr: '' });
  });

  it.each([
    ['an unknown <schemaversion>', (files: Map<string, Uint8Array>) => withManifestEdit(files, '<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>2004 3rd Edition</schemaversion>')],
    ['no <schemaversion>', (files: Map<string, Uint8Array>) => withManifestEdit(files, '<schemaversion>2004 4th Edition</schemaversion>', '')],
  ])('cannot tell the SCORM version of a manifest with %s, and says so', async (_case, edit) => {
    const path = zipFile('unknown-version.zip', rawZip(edit(demoPackageFiles('2004'))));
    expect(await validate(path)).toEqual({
      status: 1,
      stdout: `FAIL ${path} (1 problem)\n`,
      stderr: `${path}: imsmanifest.xml: <schemaversion> is neither 1.2 nor 2004 4th Edition, so the SCORM version is unknown\n`,
    });
  });

  it('reports schema (XSD) errors in the manifest, marked xsd:', async () => {
    const files = withManifestEdit(demoPackageFiles('2004'), '<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion><bogus/>');
    const path = zipFile('xsd.zip', rawZip(files));
    const result = await validate(path);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${path.replaceAll('.', '\\.')}: xsd: imsmanifest\\.xml:\\d+: .*bogus`, 'm'));
  });
});

describe('npm run validate with no zip named: every zip under release/', () => {
  it('finds the zips in release/ and its subfolders, in name order, printed relative to the working folder', async () => {
    const cwd = mkdtempSync(join(scratch, 'release-'));
    mkdirSync(join(cwd, 'release/modules'), { recursive: true });
    writeFileSync(join(cwd, 'release/z-course-scorm12.zip'), rawZip(demoPackageFiles('1.2')));
    writeFileSync(join(cwd, 'release/a-course-scorm2004.zip'), rawZip(demoPackageFiles('2004')));
    writeFileSync(join(cwd, 'release/modules/m1-scorm12.zip'), rawZip(demoPackageFiles('1.2')));
    writeFileSync(join(cwd, 'release/packages.json'), '{}');
    writeFileSync(join(cwd, 'release/zip-notes.txt'), 'not a zip');
    // Only release/ is searched.
    writeFileSync(join(cwd, 'elsewhere.zip'), rawZip(demoPackageFiles('1.2')));
    const result = await cli(['validate'], cwd);
    expect(result).toEqual({
      status: 0,
      stdout: 'ok release/a-course-scorm2004.zip\nok release/modules/m1-scorm12.zip\nok release/z-course-scorm12.zip\n',
      stderr: '',
    });
  });

  it.each([
    ['there is no release/ folder', () => {}],
    ['release/ holds no zip', (cwd: string) => mkdirSync(join(cwd, 'release'))],
  ])('says there is nothing to validate when %s, with the usage', async (_case, prepare) => {
    const cwd = mkdtempSync(join(scratch, 'empty-'));
    prepare(cwd);
    expect(await cli(['validate'], cwd)).toEqual({ status: 1, stdout: '', stderr: `scorm: no zip to validate: give paths, or run npm run package first\n${USAGE}\n` });
  });
});

describe('scorm/cli.ts commands and arguments', () => {
  it('prints the usage and fails when no command is given', async () => {
    expect(await cli([])).toEqual({ status: 1, stdout: '', stderr: `scorm: ${USAGE}\n` });
  });

  it('names an unknown command, then prints the usage', async () => {
    expect(await cli(['publish'])).toEqual({ status: 1, stdout: '', stderr: `scorm: unknown command "publish"\n${USAGE}\n` });
  });

  it('refuses an unknown option with one readable line', async () => {
    expect(await cli(['package', '--bogus'])).toEqual({ status: 1, stdout: '', stderr: "scorm: Unknown option '--bogus'\n" });
  });
});

// Each case starts Node on the real entry point: seconds on a busy machine.
describe('node scorm/cli.ts, the real entry point (as npm run validate runs it)', { timeout: 120_000 }, () => {
  const spawn = (...args: string[]) => spawnSync(process.execPath, ['scorm/cli.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('validates the zips it is given, printing to stdout and stderr, with exit code 1 if any is bad', () => {
    const good = zipFile('spawn-good.zip', rawZip(demoPackageFiles('2004')));
    const bad = zipFile('spawn-bad.zip', rawZip(demoPackageFiles('1.2').set('notes.txt', new Uint8Array([1]))));
    const result = spawn('validate', good, bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`ok ${good}\nFAIL ${bad} (1 problem)\n`);
    expect(result.stderr).toBe(`${bad}: imsmanifest.xml: notes.txt is in the zip but no <file href> lists it\n`);
  });

  it('exits 0 for a good zip and 1 with a one-line message for bad arguments', () => {
    expect(spawn('validate', zipFile('spawn-ok.zip', rawZip(demoPackageFiles('1.2'))))).toMatchObject({ status: 0, stderr: '' });
    expect(spawn('publish')).toMatchObject({ status: 1, stdout: '', stderr: `scorm: unknown command "publish"\n${USAGE}\n` });
  });
});

// README claims about `npm run validate` (node scorm/cli.ts validate) and release/packages.json, checked against
// the CLI as a user runs it. Kept apart from scorm-validate.test.ts: the packaging rework may change these messages.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPackages, packagesRecord } from '../../scorm/build-packages.ts';
import { createDeterministicZip } from '../../scorm/zip.ts';
import { demoCourse, demoPackageFiles, demoSite } from '../fixtures/packages/demo-package.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeZip(name: string, files: Map<string, Uint8Array>): string {
  const path = join(dir, name);
  writeFileSync(path, createDeterministicZip([...files].map(([file, data]) => ({ path: file, data }))));
  return path;
}

function validate(...zips: string[]) {
  const run = spawnSync(process.execPath, ['scorm/cli.ts', 'validate', ...zips], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case starts Node on the real CLI: seconds on a busy machine.
describe('npm run validate', { timeout: 60_000 }, () => {
  it('exits 0 and says ok for each good zip, naming its SCORM version', () => {
    const good12 = writeZip('good-12.zip', demoPackageFiles('1.2'));
    const good2004 = writeZip('good-2004.zip', demoPackageFiles('2004'));
    const result = validate(good12, good2004);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`ok ${good12} (SCORM 1.2)\nok ${good2004} (SCORM 2004)\n`);
    expect(result.code).toBe(0);
  });

  it('exits 1 on a zip missing a listed file, naming the zip and the file', () => {
    const files = demoPackageFiles('2004');
    files.delete('_astro/app.css');
    const broken = writeZip('missing-file.zip', files);
    const result = validate(broken);
    expect(result.stderr).toMatch(/^missing-file\.zip: imsmanifest\.xml: line \d+: <file href="_astro\/app\.css">: file is not in the package\n$/);
    expect(result.stdout).toBe(`FAIL ${broken} (SCORM 2004, 1 problem)\n`);
    expect(result.code).toBe(1);
  });

  it('exits 1 when any one of several zips is broken, still checking the rest', () => {
    const good = writeZip('good.zip', demoPackageFiles('1.2'));
    const files = demoPackageFiles('1.2');
    files.set('notes.txt', new TextEncoder().encode('not listed'));
    const unlisted = writeZip('unlisted.zip', files);
    const result = validate(unlisted, good);
    expect(result.stderr).toBe('unlisted.zip: imsmanifest.xml: notes.txt is in the zip but no <file href> lists it\n');
    expect(result.stdout).toBe(`FAIL ${unlisted} (SCORM 1.2, 1 problem)\nok ${good} (SCORM 1.2)\n`);
    expect(result.code).toBe(1);
  });

  it('exits 1 on a zip without a manifest, saying it cannot tell the SCORM version', () => {
    const files = demoPackageFiles('1.2');
    files.delete('imsmanifest.xml');
    const noManifest = writeZip('no-manifest.zip', files);
    const result = validate(noManifest);
    expect(result.stderr).toBe(`${noManifest}: cannot tell the SCORM version (no imsmanifest.xml at the root, or its <schemaversion> is neither 1.2 nor 2004 4th Edition)\n`);
    expect(result.code).toBe(1);
  });

  it('exits 1 with one readable line for a file that is not a zip', () => {
    const notZip = join(dir, 'page.zip');
    writeFileSync(notZip, '<!doctype html>');
    const result = validate(notZip);
    expect(result.stderr.startsWith(`scorm: ${notZip} is not a readable zip (`)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.code).toBe(1);
  });

  it('exits 1 with one readable line for a missing zip or no argument', () => {
    const missing = validate(join(dir, 'nowhere.zip'));
    expect(missing.stderr).toBe(`scorm: ${join(dir, 'nowhere.zip')} does not exist\n`);
    expect(missing.code).toBe(1);
    const none = validate();
    expect(none.stderr).toMatch(/^scorm: validate needs at least one zip\nusage:/);
    expect(none.code).toBe(1);
  });
});

describe('release/packages.json', () => {
  const packages = buildPackages(demoCourse, demoSite());
  const record = packagesRecord(demoCourse, packages);

  it('names the course and its version', () => {
    expect(record.courseId).toBe(demoCourse.meta.id);
    expect(record.courseVersion).toBe(demoCourse.meta.version);
  });

  it('gives each zip its file name, SCORM version, exact size and SHA-256, so a centre can check its upload', () => {
    expect(record.packages.map((p) => [p.file, p.scormVersion])).toEqual(packages.map((p) => [p.fileName, p.scormVersion]));
    expect(new Set(record.packages.map((p) => p.scormVersion))).toEqual(new Set(['1.2', '2004']));
    for (const [i, entry] of record.packages.entries()) {
      const zip = packages[i]!.zip;
      expect(entry.bytes).toBe(zip.byteLength);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    }
    expect(record.packages[0]!.sha256).not.toBe(record.packages[1]!.sha256);
  });

  it('lists each SCO with its launch page, pass mark and objectives (2004 adds the primary objective)', () => {
    const [scorm12, scorm2004] = record.packages;
    const m1 = { identifier: 'item-m1', title: 'Live chat', launch: 'm1.html', masteryScore: 70, durationMinutes: 30 };
    const email = { identifier: 'item-2-email', title: 'Email & tickets', launch: '2-email.html', masteryScore: 85, durationMinutes: 20 };
    expect(scorm12!.scos).toEqual([
      { ...m1, objectives: ['m1-lo1', 'm1-lo2'] },
      { ...email, objectives: ['2-email-lo1'] },
    ]);
    expect(scorm2004!.scos).toEqual([
      { ...m1, objectives: ['m1-mastery', 'm1-lo1', 'm1-lo2'] },
      { ...email, objectives: ['2-email-mastery', '2-email-lo1'] },
    ]);
  });
});

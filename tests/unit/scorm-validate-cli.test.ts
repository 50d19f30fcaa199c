import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenPackages, rawZip } from '../fixtures/packages/broken-packages.ts';
import { demoPackageFiles } from '../fixtures/packages/demo-package.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(...zips: string[]) {
  const result = spawnSync(process.execPath, ['scorm/cli.ts', 'validate', ...zips], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('npm run validate on broken packages (tests/fixtures/packages/broken-packages.ts)', () => {
  const broken = brokenPackages();
  /** Writes the fixture zip where the CLI can read it, as a centre's download would be. */
  const onDisk = (name: string) => {
    const path = join(scratch, `${name}.zip`);
    writeFileSync(path, broken.find((fixture) => fixture.name === name)!.zip);
    return path;
  };

  it.each(broken.map((fixture) => [fixture.name, fixture] as const))('%s.zip fails with the right message', (name, fixture) => {
    const path = onDisk(name);
    const result = validate(path);
    expect(result.status).toBe(1);
    const reported = result.stderr.split('\n').filter(Boolean).map((line) => line.slice(`${path}: `.length));
    expect(reported.join('\n')).toMatch(fixture.expected);
    expect(result.stdout).toContain(`FAIL ${path}`);
  });

  it('reports every zip it is given, good and bad, and fails if any is bad', () => {
    const good = join(scratch, 'good.zip');
    writeFileSync(good, rawZip(demoPackageFiles('2004')));
    const bad = onDisk('path-traversal');
    const result = validate(good, bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`ok ${good}`);
    expect(result.stdout).toContain(`FAIL ${bad}`);
  });

  it('passes a correct package with exit code 0', () => {
    const good = join(scratch, 'good12.zip');
    writeFileSync(good, rawZip(demoPackageFiles('1.2')));
    expect(validate(good)).toMatchObject({ status: 0, stderr: '' });
  });

  it('says what is wrong with a file that is not a zip, or not a package', () => {
    const text = join(scratch, 'notes.zip');
    writeFileSync(text, 'not a zip');
    const empty = join(scratch, 'empty.zip');
    writeFileSync(empty, rawZip(new Map([['readme.txt', new TextEncoder().encode('hi')]])));
    const result = validate(text, empty, join(scratch, 'missing.zip'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${text}: zip: not a zip file (no end of central directory record)`);
    expect(result.stderr).toContain(`${empty}: imsmanifest.xml (SCORM) or cmi5.xml (cmi5): neither is at the zip root`);
    expect(result.stderr).toContain(`${join(scratch, 'missing.zip')}: does not exist or is not a file`);
  });
});

import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackagesRecord } from '../../scorm/build-packages.ts';

/**
 * A second build from the same sources must give the same bytes: a centre can
 * check a zip's sha256 against packages.json, and a rebuild of a tag matches its
 * release. Builds the site and packages again into a temporary folder and
 * compares with release/ (made by `npm run package` before the e2e run).
 */

const root = join(import.meta.dirname, '../..');

test('a second build and package gives byte-identical zips and packages.json', async () => {
  test.setTimeout(240_000);
  const scratch = mkdtempSync(join(tmpdir(), 'rebuild-'));
  try {
    const dist = join(scratch, 'dist');
    const out = join(scratch, 'release');
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, ['scorm/cli.ts', 'package', '--dist', dist, '--out', out], { cwd: root, stdio: 'pipe' });
    const first = readFileSync(join(root, 'release/packages.json'), 'utf8');
    expect(readFileSync(join(out, 'packages.json'), 'utf8')).toBe(first);
    for (const pkg of (JSON.parse(first) as PackagesRecord).packages)
      expect(readFileSync(join(out, pkg.file)).equals(readFileSync(join(root, 'release', pkg.file))), pkg.file).toBe(true);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../scorm/zip.ts';
import { checkPackage, validateManifestXsdText } from '../../scorm/validate.ts';
import { course } from './support/course.ts';

const root = join(import.meta.dirname, '../..');
const release = join(root, 'release');
const zips = readdirSync(release).filter((f) => f.endsWith('.zip')).sort();

test('npm run package built one zip per SCORM version', () => {
  expect(zips).toEqual([`${course.meta.id}-scorm12.zip`, `${course.meta.id}-scorm2004.zip`]);
});

for (const zip of zips) {
  const version = zip.endsWith('-scorm12.zip') ? '1.2' : '2004';

  test(`${zip}: manifest validates against the SCORM ${version} schemas`, () => {
    const files = readZip(readFileSync(join(release, zip)));
    const manifest = new TextDecoder().decode(files.get('imsmanifest.xml'));
    expect(validateManifestXsdText(manifest, version)).toEqual({ ok: true, errors: [] });
  });

  test(`${zip}: every file listed, every reference present, no absolute URL, no hidden files`, () => {
    const files = readZip(readFileSync(join(release, zip)));
    expect(checkPackage(files, version)).toEqual([]);
    expect([...files.keys()].filter((path) => path.split('/').some((part) => part.startsWith('.')))).toEqual([]);
  });

  test(`${zip}: passes the independent check from ../shared/tools`, () => {
    // Vendored so it always runs (tests/fixtures/seeds/README.md).
    const checker = join(root, 'tests/fixtures/tools/check-zip.sh');
    expect(execFileSync('bash', [checker, join(release, zip)], { encoding: 'utf8' })).toMatch(/^ok /m);
  });
}


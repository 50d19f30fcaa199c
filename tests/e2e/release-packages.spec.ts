import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackagesRecord } from '../../scorm/build-packages.ts';
import { checkCmi5Package } from '../../scorm/cmi5-package.ts';
import { checkPackage, validateManifestXsdText } from '../../scorm/validate.ts';
import { readZip } from '../../scorm/zip.ts';
import { course } from './support/course.ts';

const root = join(import.meta.dirname, '../..');
const release = join(root, 'release');
const record = JSON.parse(readFileSync(join(release, 'packages.json'), 'utf8')) as PackagesRecord;
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

test('npm run package built the course as SCORM 1.2, 2004 and cmi5, and every module as 1.2 and 2004', () => {
  expect(record.packages.map((pkg) => `${pkg.file} ${pkg.standard} ${pkg.scope} ${pkg.units}`)).toEqual([
    `${course.meta.id}-scorm12.zip SCORM 1.2 course ${course.modules.length}`,
    `${course.meta.id}-scorm2004.zip SCORM 2004 4th course ${course.modules.length}`,
    `${course.meta.id}-cmi5.zip cmi5 course ${course.modules.length}`,
    ...course.modules.flatMap(({ meta }) => [`modules/${meta.id}-scorm12.zip SCORM 1.2 ${meta.id} 1`, `modules/${meta.id}-scorm2004.zip SCORM 2004 4th ${meta.id} 1`]),
  ]);
  expect(new Set(record.packages.map((pkg) => pkg.courseVersion))).toEqual(new Set([packageVersion]));
});

for (const pkg of record.packages) {
  const bytes = () => readFileSync(join(release, pkg.file));

  test(`${pkg.file}: size and sha256 match packages.json`, () => {
    expect(bytes().byteLength).toBe(pkg.bytes);
    expect(createHash('sha256').update(bytes()).digest('hex')).toBe(pkg.sha256);
  });

  if (pkg.standard === 'cmi5') {
    test(`${pkg.file}: cmi5.xml names one AU per module, each launching a page in the zip`, () => {
      expect(checkCmi5Package(readZip(bytes()))).toEqual([]);
    });
    continue;
  }
  const version = pkg.standard === 'SCORM 1.2' ? '1.2' : '2004';

  test(`${pkg.file}: manifest validates against the SCORM ${version} schemas`, () => {
    const manifest = new TextDecoder().decode(readZip(bytes()).get('imsmanifest.xml'));
    expect(validateManifestXsdText(manifest, version)).toEqual({ ok: true, errors: [] });
  });

  test(`${pkg.file}: every file listed, every reference present, no absolute URL, no hidden files`, () => {
    const files = readZip(bytes());
    expect(checkPackage(files, version)).toEqual([]);
    expect([...files.keys()].filter((path) => path.split('/').some((part) => part.startsWith('.')))).toEqual([]);
  });

  test(`${pkg.file}: passes the independent check from ../shared/tools`, () => {
    // Vendored so it always runs (tests/fixtures/seeds/README.md).
    const checker = join(root, 'tests/fixtures/tools/check-zip.sh');
    expect(execFileSync('bash', [checker, join(release, pkg.file)], { encoding: 'utf8', env: { ...process.env, CHECK_ZIP_XSD: join(root, 'scorm/xsd') } })).toMatch(/^ok /m);
  });
}

test('npm run validate passes every zip in release/', () => {
  // Throws (exit status 1) with the problems on stderr if any zip fails.
  const output = execFileSync(process.execPath, ['scorm/cli.ts', 'validate'], { cwd: root, encoding: 'utf8' });
  expect(output.trim().split('\n')).toHaveLength(record.packages.length);
  expect(output).not.toContain('FAIL');
});

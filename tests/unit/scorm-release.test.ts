import { describe, expect, it } from 'vitest';
import { buildRelease, packagesRecord, type BuiltPackage } from '../../scorm/build-packages.ts';
import { checkCmi5Package, widenConnectSrcForLrs } from '../../scorm/cmi5-package.ts';
import { buildPackageSpec, PackagingError } from '../../scorm/package-spec.ts';
import { readSchemaFiles } from '../../scorm/schema-files.ts';
import { checkPackage, validateManifestXsdText } from '../../scorm/validate.ts';
import { findAll, parseXml } from '../../scorm/xml.ts';
import { readZip } from '../../scorm/zip.ts';
import { demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

const schemaFiles = { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') };
const course = { ...demoCourse, meta: { ...demoCourse.meta, keywords: ['live chat', 'tickets'] } };
const release = buildRelease(course, demoSite(), schemaFiles);
const byName = (name: string) => release.find((built) => built.fileName === name)!;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('buildRelease', () => {
  it('makes the whole course as SCORM 1.2, 2004 and cmi5, then each module as 1.2 and 2004', () => {
    expect(release.map((built) => [built.fileName, built.standard, built.scope])).toEqual([
      ['demo-course-scorm12.zip', 'scorm12', 'course'],
      ['demo-course-scorm2004.zip', 'scorm2004', 'course'],
      ['demo-course-cmi5.zip', 'cmi5', 'course'],
      ['modules/m1-scorm12.zip', 'scorm12', 'm1'],
      ['modules/m1-scorm2004.zip', 'scorm2004', 'm1'],
      ['modules/2-email-scorm12.zip', 'scorm12', '2-email'],
      ['modules/2-email-scorm2004.zip', 'scorm2004', '2-email'],
    ]);
  });

  it.each(release.filter((built) => built.scormVersion).map((built) => [built.fileName, built] as const))(
    '%s passes checkPackage and the SCORM schemas, read back from its bytes',
    (_name, built: BuiltPackage) => {
      expect(checkPackage(readZip(built.zip), built.scormVersion!)).toEqual([]);
      expect(validateManifestXsdText(built.manifest, built.scormVersion!)).toEqual({ ok: true, errors: [] });
    },
  );

  it('ships every schema file the manifest names at the zip root', () => {
    for (const built of release.filter((candidate) => candidate.scormVersion)) {
      const files = readZip(built.zip);
      const schemaLocation = /xsi:schemaLocation="([^"]*)"/.exec(built.manifest)![1]!.split(/\s+/);
      const named = schemaLocation.filter((_, i) => i % 2 === 1);
      expect(named.filter((file) => !files.has(file)), built.fileName).toEqual([]);
    }
    // lom.xsd includes from its folders; they must come along.
    expect(readZip(byName('demo-course-scorm2004.zip').zip).has('common/anyElement.xsd')).toBe(true);
  });

  it('a module package holds that module only, with every shared asset, under its own identifiers', () => {
    const built = byName('modules/2-email-scorm2004.zip');
    const files = readZip(built.zip);
    expect(files.has('2-email.html')).toBe(true);
    expect(files.has('m1.html')).toBe(false);
    for (const asset of ['_astro/app.css', '_astro/app.js', 'fonts/inter.woff2', 'index.html']) expect(files.has(asset), asset).toBe(true);
    const manifest = parseXml(built.manifest);
    expect(findAll(manifest, 'item').map((item) => item.attributes.get('identifier'))).toEqual(['item-2-email']);
    expect(findAll(manifest, 'manifest')[0]!.attributes.get('identifier')).toBe('course-demo-course-module-2-email');
    expect(built.spec.title).toBe('Email & tickets (Safety & <Security> for "new" staff)');
    expect(findAll(manifest, 'imsss:objective').map((objective) => objective.attributes.get('objectiveID'))).toEqual(['2-email-lo1']);
  });

  it('puts title, description, version, language, keywords and learning times in both manifests', () => {
    const m12 = byName('demo-course-scorm12.zip').manifest;
    expect(m12).toContain('<imsmd:langstring xml:lang="en-GB">live chat</imsmd:langstring>');
    expect(m12).toContain('<imsmd:version><imsmd:langstring xml:lang="en-GB">1.2.3</imsmd:langstring></imsmd:version>');
    expect(m12).toContain('<imsmd:language>en-GB</imsmd:language>');
    expect(m12).toContain('<imsmd:description><imsmd:langstring xml:lang="en-GB">A two-module course used by the packaging tests.</imsmd:langstring></imsmd:description>');
    // Course total (30 + 20 minutes), then each module.
    expect([...m12.matchAll(/<imsmd:datetime>([^<]*)</g)].map((match) => match[1])).toEqual(['0000:50:00', '0000:30:00', '0000:20:00']);
    const m2004 = byName('demo-course-scorm2004.zip').manifest;
    expect(m2004).toContain('<keyword><string language="en-GB">tickets</string></keyword>');
    expect(m2004).toContain('<lifeCycle>\n        <version><string language="en-GB">1.2.3</string></version>');
    expect([...m2004.matchAll(/<duration>([^<]*)</g)].map((match) => match[1])).toEqual(['PT50M', 'PT30M', 'PT20M']);
  });

  it('describes one AU per module in cmi5.xml, launching the module page', () => {
    const built = byName('demo-course-cmi5.zip');
    const files = readZip(built.zip);
    expect(checkCmi5Package(files)).toEqual([]);
    const aus = findAll(parseXml(text(files.get('cmi5.xml'))), 'au');
    expect(aus.map((au) => [au.attributes.get('id'), au.attributes.get('masteryScore'), au.attributes.get('moveOn'), findAll(au, 'url')[0]!.text])).toEqual([
      ['urn:x-course:demo-course:au:m1', '0.7', 'CompletedAndPassed', 'm1.html'],
      ['urn:x-course:demo-course:au:2-email', '0.85', 'CompletedAndPassed', '2-email.html'],
    ]);
    expect(files.has('imsmanifest.xml')).toBe(false);
  });

  it('gives byte-identical zips when run twice on the same site', () => {
    const again = buildRelease(course, demoSite(), schemaFiles);
    expect(again.map((built) => built.zip)).toEqual(release.map((built) => built.zip));
  });

  it('refuses a module the course does not have', () => {
    expect(() => buildPackageSpec(course, '1.2', demoSite().map((entry) => entry.path), 'm9')).toThrow(PackagingError);
    expect(() => buildPackageSpec(course, '1.2', demoSite().map((entry) => entry.path), 'm9')).toThrow('no module "m9" in the course (it has m1, 2-email)');
  });
});

describe('packagesRecord', () => {
  it('lists every package with standard, scope, units, size, sha256 and course version', () => {
    const record = packagesRecord(course, release);
    expect(record.packages.map(({ file, standard, scope, units, courseVersion }) => ({ file, standard, scope, units, courseVersion }))).toEqual([
      { file: 'demo-course-scorm12.zip', standard: 'SCORM 1.2', scope: 'course', units: 2, courseVersion: '1.2.3' },
      { file: 'demo-course-scorm2004.zip', standard: 'SCORM 2004 4th', scope: 'course', units: 2, courseVersion: '1.2.3' },
      { file: 'demo-course-cmi5.zip', standard: 'cmi5', scope: 'course', units: 2, courseVersion: '1.2.3' },
      { file: 'modules/m1-scorm12.zip', standard: 'SCORM 1.2', scope: 'm1', units: 1, courseVersion: '1.2.3' },
      { file: 'modules/m1-scorm2004.zip', standard: 'SCORM 2004 4th', scope: 'm1', units: 1, courseVersion: '1.2.3' },
      { file: 'modules/2-email-scorm12.zip', standard: 'SCORM 1.2', scope: '2-email', units: 1, courseVersion: '1.2.3' },
      { file: 'modules/2-email-scorm2004.zip', standard: 'SCORM 2004 4th', scope: '2-email', units: 1, courseVersion: '1.2.3' },
    ]);
    const first = record.packages[0]!;
    expect(first.bytes).toBe(release[0]!.zip.byteLength);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('widenConnectSrcForLrs', () => {
  it("lets cmi5 pages reach an LRS on another origin, and leaves the rest of the policy alone", () => {
    const page = `<meta http-equiv="content-security-policy" content="default-src 'self';connect-src 'self';object-src 'none'; script-src 'self' 'sha256-x'">`;
    expect(widenConnectSrcForLrs(page)).toBe(
      `<meta http-equiv="content-security-policy" content="default-src 'self';connect-src 'self' https: http://localhost:* http://127.0.0.1:*;object-src 'none'; script-src 'self' 'sha256-x'">`,
    );
  });
});

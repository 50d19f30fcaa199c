import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPackages, buildRelease, packagesRecord, readOnlyPagesOf, type BuiltPackage } from '../../scorm/build-packages.ts';
import { checkCmi5Package, widenConnectSrcForLrs } from '../../scorm/cmi5-package.ts';
import { buildPackageSpec, PackagingError } from '../../scorm/package-spec.ts';
import { readSchemaFiles } from '../../scorm/schema-files.ts';
import { checkPackage, validateManifestXsdText } from '../../scorm/validate.ts';
import { findAll, parseXml } from '../../scorm/xml.ts';
import { readZip } from '../../scorm/zip.ts';
import { demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

const schemaFiles = { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') };
const course = { ...demoCourse, meta: { ...demoCourse.meta, keywords: ['live chat', 'tickets'] } };
// Built inside each test, not once at collection time, so mutation testing sees the build each test checks.
const buildDemo = () => buildRelease(course, demoSite(), schemaFiles);
const byName = (name: string) => buildDemo().find((built) => built.fileName === name)!;
const SCORM_ZIPS = ['demo-course-scorm12.zip', 'demo-course-scorm2004.zip', 'modules/m1-scorm12.zip', 'modules/m1-scorm2004.zip', 'modules/2-email-scorm12.zip', 'modules/2-email-scorm2004.zip'];
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('buildRelease', () => {
  it('makes the whole course as SCORM 1.2, 2004 and cmi5, then each module as 1.2 and 2004', () => {
    expect(buildDemo().map((built) => [built.fileName, built.standard, built.scope])).toEqual([
      ['demo-course-scorm12.zip', 'scorm12', 'course'],
      ['demo-course-scorm2004.zip', 'scorm2004', 'course'],
      ['demo-course-cmi5.zip', 'cmi5', 'course'],
      ['modules/m1-scorm12.zip', 'scorm12', 'm1'],
      ['modules/m1-scorm2004.zip', 'scorm2004', 'm1'],
      ['modules/2-email-scorm12.zip', 'scorm12', '2-email'],
      ['modules/2-email-scorm2004.zip', 'scorm2004', '2-email'],
    ]);
  });

  it.each(SCORM_ZIPS)(
    '%s passes checkPackage and the SCORM schemas, read back from its bytes',
    (name) => {
      const built: BuiltPackage = byName(name);
      expect(checkPackage(readZip(built.zip), built.scormVersion!)).toEqual([]);
      expect(validateManifestXsdText(built.manifest, built.scormVersion!)).toEqual({ ok: true, errors: [] });
    },
  );

  it('ships every schema file the manifest names at the zip root', () => {
    for (const built of buildDemo().filter((candidate) => candidate.scormVersion)) {
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

  it('a module package keeps the pages its module opens for reading only (?read), without making them SCOs', () => {
    const reviewLink = new TextEncoder().encode('<script type="application/json">{"href":"m1.html?read#lesson-first"}</script>');
    const site = demoSite().map((entry) => (entry.path === '2-email.html' ? { ...entry, data: new Uint8Array([...entry.data, ...reviewLink]) } : entry));
    const built = buildRelease(course, site, schemaFiles).find((candidate) => candidate.fileName === 'modules/2-email-scorm2004.zip')!;
    expect(readZip(built.zip).has('m1.html')).toBe(true);
    expect(findAll(parseXml(built.manifest), 'item').map((item) => item.attributes.get('identifier'))).toEqual(['item-2-email']);
    expect(checkPackage(readZip(built.zip), '2004')).toEqual([]);
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
    expect(buildDemo().map((built) => built.zip)).toEqual(buildDemo().map((built) => built.zip));
  });

  it('refuses a module the course does not have', () => {
    expect(() => buildPackageSpec(course, '1.2', demoSite().map((entry) => entry.path), 'm9')).toThrow(PackagingError);
    expect(() => buildPackageSpec(course, '1.2', demoSite().map((entry) => entry.path), 'm9')).toThrow('no module "m9" in the course (it has m1, 2-email)');
  });
});

describe('packagesRecord', () => {
  it('lists every package with standard, scope, units, size, sha256 and course version', () => {
    const release = buildDemo();
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
    expect(first.sha256).toBe(createHash('sha256').update(release[0]!.zip).digest('hex'));
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists each SCO (AU for cmi5) as the LMS sees it: SCORM 2004 adds the mastery objective, cmi5 names AUs by module', () => {
    const scos = (file: string) => packagesRecord(course, buildDemo()).packages.find((entry) => entry.file === file)!.scos;
    const m1 = { title: 'Live chat', launch: 'm1.html', masteryScore: 70, durationMinutes: 30 };
    const email = { title: 'Email & tickets', launch: '2-email.html', masteryScore: 85, durationMinutes: 20 };
    expect(scos('demo-course-scorm12.zip')).toEqual([
      { identifier: 'item-m1', ...m1, objectives: ['m1-lo1', 'm1-lo2'] },
      { identifier: 'item-2-email', ...email, objectives: ['2-email-lo1'] },
    ]);
    expect(scos('demo-course-scorm2004.zip')).toEqual([
      { identifier: 'item-m1', ...m1, objectives: ['m1-mastery', 'm1-lo1', 'm1-lo2'] },
      { identifier: 'item-2-email', ...email, objectives: ['2-email-mastery', '2-email-lo1'] },
    ]);
    expect(scos('demo-course-cmi5.zip')).toEqual([
      { identifier: 'm1', ...m1, objectives: ['m1-lo1', 'm1-lo2'] },
      { identifier: '2-email', ...email, objectives: ['2-email-lo1'] },
    ]);
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

describe('buildRelease refuses a site it cannot package safely, saying why', () => {
  const encode = (value: string) => new TextEncoder().encode(value);
  const withPage = (path: string, html: string) => demoSite().map((entry) => (entry.path === path ? { ...entry, data: encode(html) } : entry));

  it('refuses an absolute URL, naming its file and line', () => {
    const site = withPage('m1.html', '<!doctype html>\n<img src="/logo.png">');
    expect(() => buildRelease(course, site, schemaFiles)).toThrow(
      new PackagingError('the built site has 1 absolute or external URL, which break inside an LMS:\n  m1.html:2: src="/logo.png'),
    );
  });

  it('refuses several absolute or external URLs, listing each on its own line', () => {
    const site = withPage('m1.html', '<!doctype html>\n<img src="/logo.png">\n<script src="https://cdn.example.com/tracker.js"></script>');
    expect(() => buildRelease(course, site, schemaFiles)).toThrow(
      new PackagingError(
        'the built site has 2 absolute or external URLs, which break inside an LMS:\n  m1.html:2: src="/logo.png\n  m1.html:3: src="https://cdn.example.com/tracker.js',
      ),
    );
  });

  it('refuses a site file named like a SCORM schema file it would overwrite', () => {
    const site = [...demoSite(), { path: 'ims_xml.xsd', data: encode('<xs:schema/>') }];
    expect(() => buildRelease(course, site, schemaFiles)).toThrow(new PackagingError('ims_xml.xsd is both a site file and a SCORM schema file; rename the site file'));
  });

  it('refuses a site that already has a cmi5.xml, which the packager writes', () => {
    const site = [...demoSite(), { path: 'cmi5.xml', data: encode('<courseStructure/>') }];
    expect(() => buildRelease(course, site, schemaFiles)).toThrow(new PackagingError("cmi5.xml is already among the site files; the packager writes it"));
  });

  it('refuses two site files whose names differ only in letter case, naming both, for the release and for buildPackages', () => {
    const site = [...demoSite(), { path: '_astro/App.css', data: encode('a{}') }];
    const message = new PackagingError('site files _astro/App.css and _astro/app.css differ only in letter case; an LMS on Windows or macOS sees one file: rename one');
    const sorted = [...site].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(() => buildRelease(course, sorted, schemaFiles)).toThrow(message);
    expect(() => buildPackages(course, sorted, ['2004'])).toThrow(message);
  });

  it('checks each zip it makes as an LMS would, and refuses one that fails, naming the zip and every problem', () => {
    // The content schema keeps pass marks within 0-100; packaging checks its own output all the same.
    const outOfRange = { ...course, modules: course.modules.map(({ meta }) => ({ meta: { ...meta, pass_mark: 150 } })) };
    expect(() => buildRelease(outOfRange, demoSite(), schemaFiles)).toThrow(
      /^demo-course-scorm12\.zip fails its check:\n {2}imsmanifest\.xml: line \d+: <item identifier="item-m1">: adlcp:masteryscore "150" is not a number from 0 to 100\n {2}imsmanifest\.xml: line \d+: <item identifier="item-2-email">: adlcp:masteryscore "150" is not a number from 0 to 100$/,
    );
  });
});

describe('the cmi5 package', () => {
  it("widens each page's connect-src for the LRS, in the cmi5 zip only, and leaves other files as built", () => {
    const csp = `<meta http-equiv="content-security-policy" content="default-src 'self';connect-src 'self'">`;
    const site = demoSite().map((entry) => (entry.path === 'm1.html' ? { ...entry, data: new TextEncoder().encode(`<!doctype html>${csp}<main id="main"></main>`) } : entry));
    const release = buildRelease(course, site, schemaFiles);
    const cmi5 = readZip(release.find((built) => built.standard === 'cmi5')!.zip);
    const scorm = readZip(release.find((built) => built.standard === 'scorm2004')!.zip);
    expect(text(cmi5.get('m1.html'))).toContain(`content="default-src 'self';connect-src 'self' https: http://localhost:* http://127.0.0.1:*"`);
    expect(text(scorm.get('m1.html'))).toContain(csp);
    expect(cmi5.get('_astro/app.js')).toEqual(site.find((entry) => entry.path === '_astro/app.js')!.data);
    // A font is not text: read as text and written back, its 0xff byte would come out as three other bytes.
    expect(cmi5.get('fonts/inter.woff2')).toEqual(site.find((entry) => entry.path === 'fonts/inter.woff2')!.data);
  });
});

describe('readOnlyPagesOf', () => {
  const site = (page: string, html: string) => [...demoSite(), { path: page, data: new TextEncoder().encode(html) }];

  it("lists the pages a module's page opens with ?read", () => {
    expect(readOnlyPagesOf(site('final.html', '{"href":"m1.html?read#a"} {"href":"2-email.html?read#b"}'), 'final')).toEqual(new Set(['m1.html', '2-email.html']));
  });

  it('is empty for the whole course, which ships every page anyway', () => {
    expect(readOnlyPagesOf(site('course.html', '{"href":"m1.html?read#a"}'), 'course')).toEqual(new Set());
  });

  it('is empty for a module whose page is not built (the launch page check reports that)', () => {
    expect(readOnlyPagesOf(demoSite(), 'final')).toEqual(new Set());
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { buildManifest12 } from '../../scorm/manifest-12.ts';
import { buildManifest2004, normalizedMeasure } from '../../scorm/manifest-2004.ts';
import { buildPackageSpec, MANIFEST_FILE, PackagingError, type PackageCourseInput } from '../../scorm/package-spec.ts';
import { findAll, parseXml, type XmlElement } from '../../scorm/xml.ts';
import { validateManifestXsdText } from '../../scorm/validate.ts';
import { demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

const sitePaths = demoSite().map((entry) => entry.path);
// Built when a test (or its beforeEach) asks, not at collection, so mutation testing sees it.
const spec12 = () => buildPackageSpec(demoCourse, '1.2', sitePaths);
const spec2004 = () => buildPackageSpec(demoCourse, '2004', sitePaths);

function manifestElement(xml: string): XmlElement {
  const manifest = parseXml(xml).children[0];
  if (!manifest) throw new Error('no root element');
  return manifest;
}

const attr = (element: XmlElement | undefined, name: string) => element?.attributes.get(name);

/** Every `<file href>` in the manifest, in document order. */
const listedFiles = (manifest: XmlElement) => findAll(manifest, 'file').map((file) => attr(file, 'href'));

describe('buildPackageSpec', () => {
  it('makes one SCO per module with its launch page, pass mark and objective ids', () => {
    expect(spec12().scos).toEqual([
      {
        moduleId: 'm1',
        itemIdentifier: 'item-m1',
        resourceIdentifier: 'res-m1',
        title: 'Live chat',
        launchHref: 'm1.html',
        masteryScore: 70,
        primaryObjectiveId: 'm1-mastery',
        objectives: [
          { id: 'm1-lo1', title: 'Explain live chat' },
          { id: 'm1-lo2', title: 'Use canned replies' },
        ],
        durationMinutes: 30,
      },
      {
        moduleId: '2-email',
        itemIdentifier: 'item-2-email',
        resourceIdentifier: 'res-2-email',
        title: 'Email & tickets',
        launchHref: '2-email.html',
        masteryScore: 85,
        primaryObjectiveId: '2-email-mastery',
        objectives: [{ id: '2-email-lo1', title: 'Triage a ticket' }],
        durationMinutes: 20,
      },
    ]);
  });

  it('puts every non-launch file, the course home included, in the shared assets', () => {
    expect(spec12().sharedFiles).toEqual(['_astro/app.css', '_astro/app.js', 'fonts/inter.woff2', 'index.html']);
  });

  it('keeps the manifest identifier stable across course versions and SCORM versions', () => {
    expect(spec12().manifestIdentifier).toBe('course-demo-course');
    expect(spec2004().manifestIdentifier).toBe(spec12().manifestIdentifier);
    expect(spec12().courseVersion).toBe('1.2.3');
  });

  it('fails, naming the module, when a launch page was not built', () => {
    expect(() => buildPackageSpec(demoCourse, '1.2', sitePaths.filter((path) => path !== '2-email.html'))).toThrow(
      new PackagingError('module "2-email": launch page 2-email.html is not in the build output'),
    );
  });

  it('refuses a built imsmanifest.xml, which the packager would overwrite', () => {
    expect(() => buildPackageSpec(demoCourse, '2004', [...sitePaths, MANIFEST_FILE])).toThrow(/imsmanifest\.xml is already among the files/);
  });

  it('refuses two objectives with the same LMS id', () => {
    const clash: PackageCourseInput = {
      ...demoCourse,
      modules: [{ meta: { ...demoCourse.modules[0]!.meta, outcomes: [{ id: 'mastery', title: 'Clashes with the primary objective', criteria: ['X.1'] }] } }],
    };
    expect(() => buildPackageSpec(clash, '2004', sitePaths)).toThrow(/objective id "m1-mastery" is used by both/);
  });

  it('refuses titles longer than SCORM allows', () => {
    const long: PackageCourseInput = { ...demoCourse, meta: { ...demoCourse.meta, title: 'x'.repeat(201) } };
    expect(() => buildPackageSpec(long, '1.2', sitePaths)).toThrow(/title is 201 characters; SCORM allows at most 200/);
  });

  it('names the course or the module whose title is too long, and allows exactly 200 characters', () => {
    const courseTitled = (title: string): PackageCourseInput => ({ ...demoCourse, meta: { ...demoCourse.meta, title } });
    expect(buildPackageSpec(courseTitled('x'.repeat(200)), '1.2', sitePaths).title).toHaveLength(200);
    expect(() => buildPackageSpec(courseTitled('x'.repeat(201)), '1.2', sitePaths)).toThrow(
      new PackagingError('course "demo-course": title is 201 characters; SCORM allows at most 200'),
    );
    const moduleTitled: PackageCourseInput = { ...demoCourse, modules: [{ meta: { ...demoCourse.modules[0]!.meta, title: 'y'.repeat(250) } }] };
    expect(() => buildPackageSpec(moduleTitled, '2004', sitePaths)).toThrow(new PackagingError('module "m1": title is 250 characters; SCORM allows at most 200'));
  });

  it('names both owners of a clashing objective id: the mastery objective and the outcome', () => {
    const clash: PackageCourseInput = {
      ...demoCourse,
      modules: [{ meta: { ...demoCourse.modules[0]!.meta, outcomes: [{ id: 'mastery', title: 'Clashes with the primary objective', criteria: ['X.1'] }] } }],
    };
    expect(() => buildPackageSpec(clash, '2004', sitePaths)).toThrow(
      new PackagingError('objective id "m1-mastery" is used by both module "m1" (mastery) and module "m1" outcome "mastery"; LMS reports could not tell them apart'),
    );
  });

  it('gives a module package its own identifiers and a title naming the module, then the course, cut to 200 characters', () => {
    const spec = buildPackageSpec(demoCourse, '2004', sitePaths, '2-email');
    expect([spec.manifestIdentifier, spec.organizationIdentifier, spec.title]).toEqual([
      'course-demo-course-module-2-email',
      'org-demo-course-module-2-email',
      'Email & tickets (Safety & <Security> for "new" staff)',
    ]);
    const whole = buildPackageSpec(demoCourse, '2004', sitePaths);
    expect([whole.manifestIdentifier, whole.organizationIdentifier, whole.title]).toEqual(['course-demo-course', 'org-demo-course', 'Safety & <Security> for "new" staff']);
    const longCourse: PackageCourseInput = { ...demoCourse, meta: { ...demoCourse.meta, title: 'c'.repeat(195) } };
    expect(buildPackageSpec(longCourse, '1.2', sitePaths, 'm1').title).toBe(`Live chat (${'c'.repeat(195)}`.slice(0, 200));
  });

  it('gives a course without keywords none', () => {
    expect(buildPackageSpec(demoCourse, '2004', sitePaths).keywords).toEqual([]);
    expect(buildPackageSpec({ ...demoCourse, meta: { ...demoCourse.meta, keywords: ['chat'] } }, '2004', sitePaths).keywords).toEqual(['chat']);
  });

  it('lists shared files in path order whatever order the build gave them, so manifests are reproducible', () => {
    expect(buildPackageSpec(demoCourse, '1.2', ['z.js', 'm1.html', 'a.css', '2-email.html', 'index.html']).sharedFiles).toEqual(['a.css', 'index.html', 'z.js']);
  });

  it.each([
    ['the course id', { ...demoCourse, meta: { ...demoCourse.meta, id: 'demo course' } }, sitePaths, 'course-demo course'],
    ['a module id', { ...demoCourse, modules: [{ meta: { ...demoCourse.modules[0]!.meta, id: 'm 1' } }] }, [...sitePaths, 'm 1.html'], 'item-m 1'],
  ])('refuses %s that cannot become an XML identifier (NCName), naming the identifier', (_what, course: PackageCourseInput, files, identifier) => {
    expect(() => buildPackageSpec(course, '1.2', files)).toThrow(new PackagingError(`"${identifier}" is not a valid XML identifier (NCName)`));
  });

  it('is a PackagingError by name, so logs say which kind of failure it was', () => {
    expect(String(new PackagingError('no dist/'))).toBe('PackagingError: no dist/');
  });
});

describe('buildManifest12', () => {
  // Built in beforeEach, not at collection, so mutation testing's per-test coverage sees which test reads it.
  let xml: string;
  let manifest: XmlElement;
  beforeEach(() => {
    xml = buildManifest12(spec12());
    manifest = manifestElement(xml);
  });

  it('declares SCORM 1.2 with the course version', () => {
    expect(attr(manifest, 'identifier')).toBe('course-demo-course');
    expect(attr(manifest, 'version')).toBe('1.2.3');
    expect(attr(manifest, 'xmlns')).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(findAll(manifest, 'schema')[0]?.text).toBe('ADL SCORM');
    expect(findAll(manifest, 'schemaversion')[0]?.text).toBe('1.2');
  });

  it('has one default organization titled with the course, one item per SCO', () => {
    const [organizations] = findAll(manifest, 'organizations');
    const organization = findAll(manifest, 'organization');
    expect(organization).toHaveLength(1);
    expect(attr(organizations, 'default')).toBe(attr(organization[0], 'identifier'));
    expect(organization[0]?.children.find((child) => child.name === 'title')?.text).toBe(demoCourse.meta.title);
    const items = findAll(manifest, 'item');
    expect(items.map((item) => [attr(item, 'identifier'), attr(item, 'identifierref'), attr(item, 'parameters')])).toEqual([
      ['item-m1', 'res-m1', '?scorm=1.2'],
      ['item-2-email', 'res-2-email', '?scorm=1.2'],
    ]);
  });

  it('indents the metadata as part of its parent, so a centre reading the manifest sees where it belongs', () => {
    const lomLines = xml.split('\n').filter((line) => line.includes('<imsmd:lom '));
    expect(lomLines.map((line) => line.indexOf('<'))).toEqual([4, 10, 10]);
  });

  it('gives each item its module pass mark as adlcp:masteryscore', () => {
    const scores = findAll(manifest, 'item').map((item) => findAll(item, 'adlcp:masteryscore')[0]?.text);
    expect(scores).toEqual(['70', '85']);
  });

  it('uses the 1.2 spelling adlcp:scormtype, sco for modules and asset for shared files', () => {
    const resources = findAll(manifest, 'resource');
    expect(resources.map((resource) => [attr(resource, 'identifier'), attr(resource, 'adlcp:scormtype'), attr(resource, 'href')])).toEqual([
      ['res-m1', 'sco', 'm1.html'],
      ['res-2-email', 'sco', '2-email.html'],
      ['shared-assets', 'asset', undefined],
    ]);
    expect(xml).not.toContain('scormType');
  });

  it('makes every SCO depend on the shared assets', () => {
    for (const resource of findAll(manifest, 'resource').filter((r) => attr(r, 'adlcp:scormtype') === 'sco'))
      expect(findAll(resource, 'dependency').map((d) => attr(d, 'identifierref'))).toEqual(['shared-assets']);
  });

  it('lists every packaged file exactly once', () => {
    expect(listedFiles(manifest).sort()).toEqual([...sitePaths].sort());
  });

  it('escapes & < > " in titles', () => {
    expect(xml).toContain('<title>Safety &amp; &lt;Security&gt; for &quot;new&quot; staff</title>');
    expect(xml).toContain('<title>Email &amp; tickets</title>');
  });
});

describe('buildManifest2004', () => {
  // Built in beforeEach, not at collection, so mutation testing's per-test coverage sees which test reads it.
  let xml: string;
  let manifest: XmlElement;
  beforeEach(() => {
    xml = buildManifest2004(spec2004());
    manifest = manifestElement(xml);
  });

  it('declares SCORM 2004 4th Edition with every namespace it uses', () => {
    expect(findAll(manifest, 'schemaversion')[0]?.text).toBe('2004 4th Edition');
    expect(attr(manifest, 'version')).toBe('1.2.3');
    expect(Object.fromEntries([...manifest.attributes].filter(([name]) => name.startsWith('xmlns')))).toEqual({
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
      'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
      'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
      'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    });
  });

  it('starts with the XML declaration and carries LOM metadata: title, language and description', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(findAll(manifest, 'schema')[0]?.text).toBe('ADL SCORM');
    const lom = findAll(manifest, 'lom')[0]!;
    expect(findAll(lom, 'title').flatMap((t) => findAll(t, 'string')).map((s) => [attr(s, 'language'), s.text])).toEqual([['en-GB', demoCourse.meta.title]]);
    expect(findAll(lom, 'language')[0]?.text).toBe('en-GB');
    expect(findAll(lom, 'description').flatMap((d) => findAll(d, 'string')).map((s) => s.text)).toEqual([demoCourse.meta.description]);
  });

  it('declares no shared resource or dependency when every file is a launch page', () => {
    const bare = manifestElement(buildManifest2004(buildPackageSpec(demoCourse, '2004', ['m1.html', '2-email.html'])));
    expect(findAll(bare, 'resource').map((resource) => attr(resource, 'adlcp:scormType'))).toEqual(['sco', 'sco']);
    expect(findAll(bare, 'dependency')).toEqual([]);
  });

  it('titles the organization and each item', () => {
    const organization = findAll(manifest, 'organization')[0]!;
    expect(organization.children.find((child) => child.name === 'title')?.text).toBe(demoCourse.meta.title);
    expect(findAll(manifest, 'item').map((item) => item.children.find((child) => child.name === 'title')?.text)).toEqual(['Live chat', 'Email & tickets']);
  });

  it('uses the 2004 spelling adlcp:scormType', () => {
    expect(findAll(manifest, 'resource').map((resource) => attr(resource, 'adlcp:scormType'))).toEqual(['sco', 'sco', 'asset']);
    expect(xml).not.toContain('scormtype');
  });

  it('launches items with ?scorm=2004', () => {
    expect(findAll(manifest, 'item').map((item) => attr(item, 'parameters'))).toEqual(['?scorm=2004', '?scorm=2004']);
  });

  it('sets a primary objective judged by the pass mark and one objective per outcome', () => {
    const [m1, email] = findAll(manifest, 'item');
    const primary = findAll(m1!, 'imsss:primaryObjective')[0];
    expect(attr(primary, 'objectiveID')).toBe('m1-mastery');
    expect(attr(primary, 'satisfiedByMeasure')).toBe('true');
    expect(findAll(primary!, 'imsss:minNormalizedMeasure')[0]?.text).toBe('0.7');
    expect(findAll(m1!, 'imsss:objective').map((objective) => attr(objective, 'objectiveID'))).toEqual(['m1-lo1', 'm1-lo2']);
    expect(findAll(email!, 'imsss:minNormalizedMeasure')[0]?.text).toBe('0.85');
    expect(findAll(email!, 'imsss:objective').map((objective) => attr(objective, 'objectiveID'))).toEqual(['2-email-lo1']);
  });

  it('lets the LMS move between modules by choice and by flow (Continue/Previous)', () => {
    const organization = findAll(manifest, 'organization')[0]!;
    const controlMode = organization.children.find((child) => child.name === 'imsss:sequencing')?.children.find((child) => child.name === 'imsss:controlMode');
    expect(attr(controlMode, 'choice')).toBe('true');
    expect(attr(controlMode, 'flow')).toBe('true');
  });

  it('orders item children as the XSD requires: title, metadata, then sequencing', () => {
    for (const item of findAll(manifest, 'item')) expect(item.children.map((child) => child.name)).toEqual(['title', 'metadata', 'imsss:sequencing']);
  });

  it('lists every packaged file exactly once', () => {
    expect(listedFiles(manifest).sort()).toEqual([...sitePaths].sort());
  });

  it('escapes the course title in the organization and the LOM metadata', () => {
    expect(xml.match(/Safety &amp; &lt;Security&gt; for &quot;new&quot; staff/g)).toHaveLength(2);
  });
});

describe('normalizedMeasure', () => {
  it.each([
    [70, '0.7'],
    [85, '0.85'],
    [29, '0.29'],
    [1, '0.01'],
    [100, '1'],
  ])('%d%% → %s', (percent, expected) => {
    expect(normalizedMeasure(percent)).toBe(expected);
  });
});

describe('manifests without shared files (every packaged file is a launch page)', () => {
  const launchOnly = ['m1.html', '2-email.html'];
  /** The text from `  <resources>` to `  </resources>`, line breaks and indents as written. */
  const resourcesBlock = (xml: string) => xml.slice(xml.indexOf('  <resources>'), xml.indexOf('  </resources>') + '  </resources>'.length);

  it('1.2: lists the SCO resources only, with no dependency, and passes the XSD check', () => {
    const xml = buildManifest12(buildPackageSpec(demoCourse, '1.2', launchOnly));
    expect(resourcesBlock(xml)).toBe(
      [
        '  <resources>',
        '    <resource identifier="res-m1" type="webcontent" adlcp:scormtype="sco" href="m1.html">',
        '      <file href="m1.html"/>',
        '    </resource>',
        '    <resource identifier="res-2-email" type="webcontent" adlcp:scormtype="sco" href="2-email.html">',
        '      <file href="2-email.html"/>',
        '    </resource>',
        '  </resources>',
      ].join('\n'),
    );
    expect(validateManifestXsdText(xml, '1.2')).toEqual({ ok: true, errors: [] });
  });

  it('2004: lists the SCO resources only, with no dependency, and passes the XSD check', () => {
    const xml = buildManifest2004(buildPackageSpec(demoCourse, '2004', launchOnly));
    expect(resourcesBlock(xml)).toBe(
      [
        '  <resources>',
        '    <resource identifier="res-m1" type="webcontent" adlcp:scormType="sco" href="m1.html">',
        '      <file href="m1.html"/>',
        '    </resource>',
        '    <resource identifier="res-2-email" type="webcontent" adlcp:scormType="sco" href="2-email.html">',
        '      <file href="2-email.html"/>',
        '    </resource>',
        '  </resources>',
      ].join('\n'),
    );
    expect(validateManifestXsdText(xml, '2004')).toEqual({ ok: true, errors: [] });
  });
});

describe('manifest layout', () => {
  it('1.2: starts with the XML declaration, one element per line', () => {
    const xml = buildManifest12(spec12());
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', '<manifest identifier="course-demo-course" version="1.2.3"']);
  });

  it('2004: indents the LOM metadata under its parent, in the manifest and in each item', () => {
    const xml = buildManifest2004(spec2004());
    expect(xml).toContain('  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">\n      <general>\n');
    expect(xml).toContain('        <title>Live chat</title>\n        <metadata>\n          <lom xmlns="http://ltsc.ieee.org/xsd/LOM">\n');
  });
});

import { describe, expect, it } from 'vitest';
import { buildPackages } from '../../scorm/build-packages.ts';
import { PackagingError } from '../../scorm/package-spec.ts';
import { checkPackage, findAbsoluteUrls } from '../../scorm/validate.ts';
import { readZip } from '../../scorm/zip.ts';
import { demoCourse, demoPackageFiles, demoSite, manifestText, withManifestEdit } from '../fixtures/packages/demo-package.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const matches = (path: string, text: string) => findAbsoluteUrls(path, text).map((finding) => finding.match);

describe('findAbsoluteUrls', () => {
  it.each([
    ['page.html', '<a href="/">Home</a>', 'href="/'],
    ['page.html', '<script type="module" src="/_astro/app.js"></script>', 'src="/_astro/app.js'],
    ['page.html', '<img src=/logo.png alt="">', 'src=/logo.png'],
    ['page.html', '<img src="//cdn.example.com/x.png">', 'src="//cdn.example.com/x.png'],
    ['page.html', '<form action="/submit">', 'action="/submit'],
    ['page.html', '<img data-src="/lazy.png">', 'data-src="/lazy.png'],
    ['page.html', '<astro-island component-url="/_astro/Quiz.js">', 'component-url="/_astro/Quiz.js'],
    ['page.html', '<script src="https://cdn.example.com/lib.js"></script>', 'src="https://cdn.example.com/lib.js'],
    ['page.html', '<link rel="stylesheet" href="https://fonts.googleapis.com/css2">', '<link rel="stylesheet" href="https://fonts.googleapis.com/css2'],
    ['page.html', '<div style="background:url(/bg.png)">', 'url(/bg.png'],
    ['page.html', '<script type="module">import("/_astro/chunk.js")</script>', 'import("/_astro/chunk.js'],
    ['icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"><use href="/sprite.svg#a"/></svg>', 'href="/sprite.svg#a'],
    ['app.css', 'body{background:url(/img/bg.png)}', 'url(/img/bg.png'],
    ['app.css', "body{background:url('/img/bg.png')}", "url('/img/bg.png"],
    ['app.css', '@font-face{src:url("https://fonts.gstatic.com/x.woff2")}', 'url("https://fonts.gstatic.com/x.woff2'],
    ['app.css', '@import "https://example.com/theme.css";', '@import "https://example.com/theme.css'],
    ['app.js', 'const m=import("/_astro/chunk.js")', 'import("/_astro/chunk.js'],
    ['app.js', 'import{a}from"/_astro/x.js"', 'from"/_astro/x.js'],
    ['app.mjs', 'import confetti from "https://esm.sh/confetti";', 'from "https://esm.sh/confetti'],
    ['app.js', 'fetch("/api/progress")', 'fetch("/api/progress'],
    ['app.js', 'new URL("/img/x.png",import.meta.url)', 'new URL("/img/x.png'],
    ['app.js', 'const deps=["_astro/a.js","/_astro/b.js"]', '"/_astro/b.js'],
    ['app.js', 'img.src="/logo.png"', '.src="/logo.png'],
    ['page.html', '<video controls poster="/poster.jpg"></video>', 'poster="/poster.jpg'],
    ['page.html', '<video poster="https://cdn.example.com/poster.jpg"></video>', 'poster="https://cdn.example.com/poster.jpg'],
    ['page.html', '<object data="/diagram.svg" type="image/svg+xml"></object>', 'data="/diagram.svg'],
    ['page.html', '<object data="https://cdn.example.com/diagram.svg"></object>', 'data="https://cdn.example.com/diagram.svg'],
    ['app.js', 'location.href="/x"', '.href="/x'],
    ['app.js', "a.href = '//cdn.example.com/x'", ".href = '//cdn.example.com/x"],
  ])('flags %s: %s', (path, text, expected) => {
    expect(matches(path, text)).toEqual([expected]);
  });

  it('flags each absolute srcset candidate, and nothing else in it', () => {
    expect(matches('page.html', '<img srcset="small.png 1x, /large.png 2x, https://cdn.example.com/xl.png 3x">')).toEqual([
      '/large.png',
      'https://cdn.example.com/xl.png',
    ]);
  });

  it('flags lazy-loading data-srcset the same way', () => {
    expect(matches('page.html', '<img data-srcset="/a.png 1x">')).toEqual(['/a.png']);
  });

  it('reports the line of each finding', () => {
    const findings = findAbsoluteUrls('page.html', '<!doctype html>\n<p>ok</p>\n<img src="/a.png">\n\n<a href="/b">b</a>');
    expect(findings).toEqual([
      { file: 'page.html', line: 3, match: 'src="/a.png' },
      { file: 'page.html', line: 5, match: 'href="/b' },
    ]);
  });

  it.each([
    ['page.html', '<a href="#main">Skip to content</a>'],
    ['page.html', '<link rel="stylesheet" href="./_astro/app.css"><script src="_astro/app.js"></script><a href="../index.html">Up</a>'],
    ['page.html', '<a href="https://www.gov.uk/">a link the learner may follow</a>'],
    ['page.html', '<img src="data:image/png;base64,iVBORw0KGgo=">'],
    ['page.html', '<img srcset="data:image/jpeg;base64,/9j/4AAQSkZJRg==, small.png 1x">'],
    ['page.html', '<!-- <script src="/old.js"></script> -->'],
    ['page.html', '<script type="application/json">{"url":"/_astro/x.js"}</script>'],
    ['icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>'],
    ['app.css', 'body{background:url(data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>)}'],
    ['app.css', '/* background: url(/old.png) */ a{background:url(../img/a.png)}'],
    ['app.js', '// see import("/_astro/x.js") for the old way\nimport("./x.js")'],
    ['app.js', '/* fetch("/api") */ fetch("api")'],
    ['app.js', 'document.createElementNS("http://www.w3.org/2000/svg","svg")'],
    ['app.js', 'throw new Error("see https://svelte.dev/e/x")'],
    ['app.js', 'const a="/",b=x/2/y;const c=\'//\''],
    ['app.js', 'import{a}from"./chunk.js";import b from "../b.js";const c=import("x.js")'],
    ['imsmanifest.xml', '<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><file href="/x"/></manifest>'],
    ['font.woff2', 'src="/binary-looking"'],
  ])('does not flag %s: %s', (path, text) => {
    expect(findAbsoluteUrls(path, text)).toEqual([]);
  });

  it('still sees code after a string or regex literal that contains //', () => {
    expect(matches('app.js', 'const u="http://a";fetch("/x")')).toEqual(['fetch("/x']);
    expect(matches('app.js', 'const r=/\\/\\//g;fetch("/x")')).toEqual(['fetch("/x']);
    expect(matches('app.js', 'const t=`a${b}//c`;fetch("/x")')).toEqual(['fetch("/x']);
  });
});

describe('checkPackage', () => {
  it.each(['1.2', '2004'] as const)('accepts a correct SCORM %s package', (version) => {
    expect(checkPackage(demoPackageFiles(version), version)).toEqual([]);
  });

  it('accepts the zips buildPackages produces, read back from their bytes', () => {
    for (const built of buildPackages(demoCourse, demoSite())) expect(checkPackage(readZip(built.zip), built.scormVersion!)).toEqual([]);
  });

  it('reports a manifest that is missing or not at the root', () => {
    const files = demoPackageFiles('1.2');
    const manifest = files.get('imsmanifest.xml')!;
    files.delete('imsmanifest.xml');
    expect(checkPackage(files, '1.2')).toContain('imsmanifest.xml: missing at the zip root');
    files.set('course/imsmanifest.xml', manifest);
    expect(checkPackage(files, '1.2')).toContain('course/imsmanifest.xml: the manifest must be at the zip root, not in a folder');
  });

  it.each(['1.5', '0', 'seventy'])('reports a 2004 pass mark (minNormalizedMeasure) of %s, outside (0, 1]', (measure) => {
    const files = withManifestEdit(demoPackageFiles('2004'), '<imsss:minNormalizedMeasure>0.7<', `<imsss:minNormalizedMeasure>${measure}<`);
    expect(checkPackage(files, '2004')).toContainEqual(expect.stringContaining(`imsss:minNormalizedMeasure "${measure}" is not a number in (0, 1]`));
    expect(checkPackage(demoPackageFiles('2004'), '2004')).toEqual([]);
  });

  it('reports a listed file missing from the zip', () => {
    const files = demoPackageFiles('2004');
    files.delete('_astro/app.css');
    expect(checkPackage(files, '2004')).toEqual([expect.stringMatching(/^imsmanifest\.xml: line \d+: <file href="_astro\/app\.css">: file is not in the package$/)]);
  });

  it('reports a launch href missing from the zip', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), 'href="m1.html">', 'href="m1-missing.html">');
    expect(checkPackage(files, '1.2')).toEqual([expect.stringMatching(/<resource href="m1-missing\.html">: file is not in the package$/)]);
  });

  it('reports a file in the zip that no <file href> lists', () => {
    const files = demoPackageFiles('1.2').set('notes.txt', encode('stray'));
    expect(checkPackage(files, '1.2')).toEqual(['imsmanifest.xml: notes.txt is in the zip but no <file href> lists it']);
  });

  it('reports the SCORM 2004 spelling adlcp:scormType in a 1.2 manifest', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), /adlcp:scormtype=/g, 'adlcp:scormType=');
    const problems = checkPackage(files, '1.2');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/<resource identifier="res-m1"> has adlcp:scormType, which is the spelling of the other SCORM version; SCORM 1\.2 needs adlcp:scormtype$/);
  });

  it('reports the SCORM 1.2 spelling adlcp:scormtype in a 2004 manifest (the XSD lets this through)', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), 'adlcp:scormType="asset"', 'adlcp:scormtype="asset"');
    expect(checkPackage(files, '2004')).toEqual([
      expect.stringMatching(/<resource identifier="shared-assets"> has adlcp:scormtype, which is the spelling of the other SCORM version; SCORM 2004 needs adlcp:scormType$/),
    ]);
  });

  it('reports a scormtype value other than sco or asset', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), 'adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"');
    expect(checkPackage(files, '1.2')).toEqual([expect.stringMatching(/<resource identifier="res-m1">: adlcp:scormtype="SCO", expected "sco" or "asset"$/)]);
  });

  it('reports a duplicate identifier', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), 'identifier="item-2-email"', 'identifier="item-m1"');
    expect(checkPackage(files, '2004')).toEqual([expect.stringMatching(/<item identifier="item-m1">: identifier "item-m1" is already used on line \d+$/)]);
  });

  it('reports an identifierref that names no resource', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), 'identifierref="res-2-email"', 'identifierref="res-nowhere"');
    expect(checkPackage(files, '1.2')).toEqual([expect.stringMatching(/<item identifier="item-2-email">: identifierref "res-nowhere" names no <resource>$/)]);
  });

  it('reports a dependency that names no resource', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), '<dependency identifierref="shared-assets"/>', '<dependency identifierref="assets"/>');
    expect(checkPackage(files, '2004')).toEqual([expect.stringMatching(/<dependency identifierref="assets"> names no <resource>$/)]);
  });

  it('reports an organizations default that names no organization', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), 'default="org-demo-course"', 'default="org-other"');
    expect(checkPackage(files, '2004')).toEqual([expect.stringMatching(/<organizations default="org-other"> names no <organization>$/)]);
  });

  it('reports an absolute URL in a packaged page, with file and line', () => {
    const files = demoPackageFiles('1.2').set('m1.html', encode('<!doctype html>\n<img src="/logo.png">'));
    expect(checkPackage(files, '1.2')).toEqual(['m1.html:2: absolute or external URL src="/logo.png']);
  });

  it('reports a page linking to a page the zip lacks, naming the page and the link', () => {
    const files = demoPackageFiles('1.2').set('2-email.html', encode('<!doctype html><a href="./index.html">Home</a> <a href="./m3.html#start">Next module</a>'));
    expect(checkPackage(files, '1.2')).toEqual(['2-email.html: links to ./m3.html#start, which is not in the zip']);
  });

  it('reports a module package whose course home still lists the module it leaves out', () => {
    const files = demoPackageFiles('2004');
    files.delete('2-email.html');
    expect(checkPackage(files, '2004')).toEqual([
      expect.stringMatching(/^imsmanifest\.xml: line \d+: <resource href="2-email\.html">: file is not in the package$/),
      expect.stringMatching(/^imsmanifest\.xml: line \d+: <file href="2-email\.html">: file is not in the package$/),
      'index.html: links to 2-email.html, which is not in the zip',
    ]);
  });

  it('reports a manifest checked as the wrong SCORM version', () => {
    const problems = checkPackage(demoPackageFiles('1.2'), '2004');
    expect(problems).toContain('imsmanifest.xml: <schemaversion> is "1.2", SCORM 2004 needs "2004 4th Edition"');
    expect(problems).toContain('imsmanifest.xml: <manifest> namespace is "http://www.imsproject.org/xsd/imscp_rootv1p1p2", SCORM 2004 needs "http://www.imsglobal.org/xsd/imscp_v1p1"');
  });

  it('reports a missing or out-of-range 1.2 mastery score', () => {
    const missing = withManifestEdit(demoPackageFiles('1.2'), '<adlcp:masteryscore>70</adlcp:masteryscore>', '');
    expect(checkPackage(missing, '1.2')).toEqual([expect.stringMatching(/<item identifier="item-m1">: no adlcp:masteryscore \(the pass mark\)$/)]);
    const tooHigh = withManifestEdit(demoPackageFiles('1.2'), '<adlcp:masteryscore>85<', '<adlcp:masteryscore>120<');
    expect(checkPackage(tooHigh, '1.2')).toEqual([expect.stringMatching(/<item identifier="item-2-email">: adlcp:masteryscore "120" is not a number from 0 to 100$/)]);
  });

  it('reports a 2004 SCO whose pass mark the LMS would ignore', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), 'objectiveID="m1-mastery" satisfiedByMeasure="true"', 'objectiveID="m1-mastery"');
    expect(checkPackage(files, '2004')).toEqual([expect.stringMatching(/<item identifier="item-m1">: imsss:primaryObjective lacks satisfiedByMeasure="true"/)]);
  });

  it('reports a manifest that is not well-formed', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '</organizations>', '');
    expect(checkPackage(files, '1.2')).toEqual([expect.stringMatching(/^imsmanifest\.xml: not well-formed XML: line \d+: <\/manifest> does not close <organizations>$/)]);
  });
});

describe('buildPackages', () => {
  it('stops before zipping when the site has absolute URLs, listing file:line: match', () => {
    const site = demoSite().map((entry) => (entry.path === 'm1.html' ? { ...entry, data: encode('<p>\n<script src="/_astro/app.js"></script>') } : entry));
    expect(() => buildPackages(demoCourse, site)).toThrow(PackagingError);
    expect(() => buildPackages(demoCourse, site)).toThrow(/m1\.html:2: src="\/_astro\/app\.js/);
  });

  it('names one zip per SCORM version after the course id', () => {
    expect(buildPackages(demoCourse, demoSite()).map((built) => built.fileName)).toEqual(['demo-course-scorm12.zip', 'demo-course-scorm2004.zip']);
  });
});

/** The 1-based line of the first occurrence of `search` in the manifest text. */
const lineOf = (files: Map<string, Uint8Array>, search: string) => manifestText(files).slice(0, manifestText(files).indexOf(search)).split('\n').length;
const withManifest = (files: Map<string, Uint8Array>, xml: string) => new Map(files).set('imsmanifest.xml', encode(xml));

describe('checkPackage: exact messages naming the element and field', () => {
  it('reports a manifest whose root element is not <manifest>', () => {
    const files = withManifest(demoPackageFiles('1.2'), '<?xml version="1.0"?>\n<package><manifest/></package>');
    expect(checkPackage(files, '1.2')).toEqual(['imsmanifest.xml: root element is not <manifest>']);
  });

  it('reports a character reference past U+10FFFF as not well-formed, instead of crashing', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '<title>Live chat</title>', '<title>Live chat &#x110000;</title>');
    expect(checkPackage(files, '1.2')).toEqual(['imsmanifest.xml: not well-formed XML: &#x110000; names no character']);
    // The last code point there is, U+10FFFF, still reads fine.
    expect(checkPackage(withManifestEdit(demoPackageFiles('1.2'), '<title>Live chat</title>', '<title>Live chat &#1114111;</title>'), '1.2')).toEqual([]);
  });

  it('reports a manifest without a namespace', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '\n    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', '');
    expect(checkPackage(files, '1.2')).toEqual(['imsmanifest.xml: <manifest> namespace is "", SCORM 1.2 needs "http://www.imsproject.org/xsd/imscp_rootv1p1p2"']);
  });

  it('reports a missing <schemaversion>, with or without <metadata>', () => {
    const expected = ['imsmanifest.xml: <schemaversion> is missing, SCORM 1.2 needs "1.2"'];
    expect(checkPackage(withManifestEdit(demoPackageFiles('1.2'), '<schemaversion>1.2</schemaversion>', ''), '1.2')).toEqual(expected);
    expect(checkPackage(withManifestEdit(demoPackageFiles('1.2'), /<metadata>\n {4}<schema>[\s\S]*?\n {2}<\/metadata>\n/, ''), '1.2')).toEqual(expected);
  });

  it('finds <metadata> when another element comes before it', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), '  <metadata>\n    <schema>', '  <ignored/>\n  <metadata>\n    <schema>');
    expect(checkPackage(files, '2004')).toEqual([]);
  });

  it('reports an <organization> or <item> without an identifier', () => {
    const noOrganizationId = withManifestEdit(demoPackageFiles('2004'), '<organization identifier="org-demo-course">', '<organization>');
    const organizationsLine = lineOf(noOrganizationId, '<organizations');
    expect(checkPackage(noOrganizationId, '2004')).toEqual([
      `imsmanifest.xml: line ${organizationsLine + 1}: <organization> has no identifier`,
      `imsmanifest.xml: line ${organizationsLine}: <organizations default="org-demo-course"> names no <organization>`,
    ]);
    const noItemId = withManifestEdit(demoPackageFiles('2004'), '<item identifier="item-2-email" ', '<item ');
    expect(checkPackage(noItemId, '2004')).toEqual([`imsmanifest.xml: line ${lineOf(noItemId, '<item identifierref="res-2-email"')}: <item> has no identifier`]);
  });

  it('reports a <resource> without an identifier, and checks nothing else about it', () => {
    // It cannot be referred to, so its missing scormType is not reported as well.
    const files = withManifestEdit(demoPackageFiles('1.2'), '<resource identifier="shared-assets" type="webcontent" adlcp:scormtype="asset">', '<resource type="webcontent">');
    const line = lineOf(files, '<resource type="webcontent">');
    expect(checkPackage(files, '1.2')).toEqual([
      `imsmanifest.xml: line ${line}: <resource> has no identifier`,
      `imsmanifest.xml: line ${lineOf(files, '<dependency')}: <dependency identifierref="shared-assets"> names no <resource>`,
      `imsmanifest.xml: line ${lineOf(files, '<dependency') + 4}: <dependency identifierref="shared-assets"> names no <resource>`,
    ]);
  });

  it.each([
    ['<organization identifier="org-demo-course">', '<organization identifier="1org">', 'default="org-demo-course"', 'default="1org"', '<organization identifier="1org">'],
    ['<item identifier="item-m1"', '<item identifier="item m1"', '', '', '<item identifier="item m1">'],
    ['<resource identifier="res-m1"', '<resource identifier="res:m1"', 'identifierref="res-m1"', 'identifierref="res:m1"', '<resource identifier="res:m1">'],
  ])('reports an identifier that is not an NCName: %s', (search, replacement, refSearch, refReplacement, shown) => {
    let files = withManifestEdit(demoPackageFiles('1.2'), search, replacement);
    if (refSearch !== '') files = withManifestEdit(files, refSearch, refReplacement);
    expect(checkPackage(files, '1.2')).toEqual([`imsmanifest.xml: line ${lineOf(files, replacement)}: ${shown}: identifier is not a valid NCName`]);
  });

  it('reports a manifest without <organizations>, or with no <organization> in it', () => {
    const none = withManifestEdit(demoPackageFiles('1.2'), /<organizations [\s\S]*<\/organizations>\n/, '');
    expect(checkPackage(none, '1.2')).toEqual(['imsmanifest.xml: no <organizations>']);
    const empty = withManifestEdit(demoPackageFiles('1.2'), /<organizations [\s\S]*<\/organizations>\n/, '<organizations/>\n');
    expect(checkPackage(empty, '1.2')).toEqual(['imsmanifest.xml: no <organization>: the LMS has nothing to launch']);
  });

  it('accepts <organizations> without a default, and a default naming any of several organizations', () => {
    expect(checkPackage(withManifestEdit(demoPackageFiles('1.2'), ' default="org-demo-course"', ''), '1.2')).toEqual([]);
    const second = withManifestEdit(demoPackageFiles('1.2'), '<organizations default="org-demo-course">', '<organizations default="org-demo-course">\n    <organization identifier="org-first"><title>First</title></organization>');
    expect(checkPackage(second, '1.2')).toEqual([]);
  });

  it('reports a resource without a scormtype', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), ' adlcp:scormtype="asset"', '');
    expect(checkPackage(files, '1.2')).toEqual([`imsmanifest.xml: line ${lineOf(files, '<resource identifier="shared-assets"')}: <resource identifier="shared-assets"> has no adlcp:scormtype`]);
  });

  it('does not take an unprefixed scormtype for adlcp:scormtype', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), 'adlcp:scormtype="asset"', 'scormtype="asset"');
    expect(checkPackage(files, '1.2')).toEqual([`imsmanifest.xml: line ${lineOf(files, '<resource identifier="shared-assets"')}: <resource identifier="shared-assets"> has no adlcp:scormtype`]);
  });

  it('reports a SCO without a launch href, and not an asset without one', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), ' href="m1.html">', '>');
    expect(checkPackage(files, '1.2')).toEqual([`imsmanifest.xml: line ${lineOf(files, '<resource identifier="res-m1"')}: <resource identifier="res-m1"> is a SCO without a launch href`]);
  });

  it('reports a dependency without an identifierref', () => {
    const files = withManifestEdit(demoPackageFiles('2004'), '<dependency identifierref="shared-assets"/>', '<dependency/>');
    expect(checkPackage(files, '2004')).toEqual([`imsmanifest.xml: line ${lineOf(files, '<dependency/>')}: <dependency identifierref=""> names no <resource>`]);
  });

  it('accepts an item without identifierref (a section that launches nothing)', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), ' identifierref="res-2-email"', '');
    expect(checkPackage(files, '1.2')).toEqual([]);
  });

  it('asks no pass mark of an item that launches an asset', () => {
    const files = withManifestEdit(withManifestEdit(demoPackageFiles('1.2'), 'identifierref="res-2-email"', 'identifierref="shared-assets"'), '<adlcp:masteryscore>85</adlcp:masteryscore>', '');
    expect(checkPackage(files, '1.2')).toEqual([]);
  });

  it('reports a <file> without an href', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '<file href="m1.html"/>', '<file href="m1.html"/><file/>');
    expect(checkPackage(files, '1.2')).toEqual([`imsmanifest.xml: line ${lineOf(files, '<file/>')}: <file> has no href`]);
  });

  it('does not count a launch href as listing the file: it needs a <file href> too', () => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '<file href="m1.html"/>', '');
    expect(checkPackage(files, '1.2')).toEqual(['imsmanifest.xml: m1.html is in the zip but no <file href> lists it']);
  });

  it('resolves hrefs with a query, a literal %, or %-escapes', () => {
    let files = withManifestEdit(demoPackageFiles('1.2'), 'href="m1.html">', 'href="m1.html?lang=en">');
    files = withManifestEdit(files, '<file href="index.html"/>', '<file href="index.html"/>\n      <file href="100%.html"/>\n      <file href="my%20notes.html"/>');
    files.set('100%.html', encode('<p>literal percent</p>')).set('my notes.html', encode('<p>space</p>'));
    expect(checkPackage(files, '1.2')).toEqual([]);
  });

  it.each([
    ['0', []],
    ['100', []],
    ['-1', ['-1']],
    ['101', ['101']],
    ['seventy', ['seventy']],
    ['', ['']],
  ])('checks a 1.2 mastery score of "%s" against 0 to 100', (score, bad) => {
    const files = withManifestEdit(demoPackageFiles('1.2'), '<adlcp:masteryscore>70<', `<adlcp:masteryscore>${score}<`);
    expect(checkPackage(files, '1.2')).toEqual(bad.map((text) => `imsmanifest.xml: line ${lineOf(files, '<item identifier="item-m1"')}: <item identifier="item-m1">: adlcp:masteryscore "${text}" is not a number from 0 to 100`));
  });

  it.each([
    ['1', []],
    ['', ['']],
  ])('checks a 2004 pass mark of "%s" against (0, 1]', (measure, bad) => {
    const files = withManifestEdit(demoPackageFiles('2004'), '<imsss:minNormalizedMeasure>0.7<', `<imsss:minNormalizedMeasure>${measure}<`);
    expect(checkPackage(files, '2004')).toEqual(bad.map((text) => `imsmanifest.xml: line ${lineOf(files, '<item identifier="item-m1"')}: <item identifier="item-m1">: imsss:minNormalizedMeasure "${text}" is not a number in (0, 1]`));
  });

  it('reports a 2004 SCO without a primary objective, or whose primary objective has no pass mark', () => {
    const message = (files: Map<string, Uint8Array>) => [
      `imsmanifest.xml: line ${lineOf(files, '<item identifier="item-m1"')}: <item identifier="item-m1">: no imsss:primaryObjective with imsss:minNormalizedMeasure (the pass mark)`,
    ];
    const noPrimary = withManifestEdit(demoPackageFiles('2004'), /<imsss:primaryObjective objectiveID="m1-mastery"[\s\S]*?<\/imsss:primaryObjective>/, '');
    expect(checkPackage(noPrimary, '2004')).toEqual(message(noPrimary));
    const noMeasure = withManifestEdit(demoPackageFiles('2004'), '<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>', '<imsss:mapInfo targetObjectiveID="m1-global"/>');
    expect(checkPackage(noMeasure, '2004')).toEqual(message(noMeasure));
  });
});

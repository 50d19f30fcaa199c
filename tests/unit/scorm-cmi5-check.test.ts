import { describe, expect, it } from 'vitest';
import { buildCmi5Xml, checkCmi5Package } from '../../scorm/cmi5-package.ts';
import { buildPackageSpec } from '../../scorm/package-spec.ts';
import { demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

// checkCmi5Package is what a centre runs on a cmi5 zip: each problem names cmi5.xml, the line and the <au>.

const encode = (text: string) => new TextEncoder().encode(text);
const NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const COURSE = '  <course id="urn:x-course:demo"><title><langstring lang="en-GB">Demo</langstring></title></course>';

/** An AU of four lines; `attributes` and `url` go in as written. */
const au = (attributes: string, url = '<url>m1.html</url>') => [`  <au ${attributes}>`, '    <title><langstring lang="en-GB">Module</langstring></title>', `    ${url}`, '  </au>'].join('\n');

/**
 * A package whose cmi5.xml holds `aus` after the course: the first AU starts on
 * line 4, the next on line 8, and so on. m1.html is in the package.
 */
function cmi5Package(aus: string[], { course = COURSE, namespace = NAMESPACE } = {}): Map<string, Uint8Array> {
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', `<courseStructure xmlns="${namespace}">`, course, ...aus, '</courseStructure>', ''].join('\n');
  return new Map([
    ['cmi5.xml', encode(xml)],
    ['m1.html', encode('<!doctype html>')],
  ]);
}

const GOOD = 'id="urn:x-course:demo:au:m1" masteryScore="0.7"';

describe('checkCmi5Package', () => {
  it('accepts a correct course structure', () => {
    expect(checkCmi5Package(cmi5Package([au(GOOD)]))).toEqual([]);
  });

  it('reports a package without cmi5.xml', () => {
    expect(checkCmi5Package(new Map([['m1.html', encode('x')]]))).toEqual(['cmi5.xml: missing at the zip root']);
  });

  it('reports a cmi5.xml that is not well-formed', () => {
    expect(checkCmi5Package(new Map([['cmi5.xml', encode(`<courseStructure xmlns="${NAMESPACE}">`)]]))).toEqual(['cmi5.xml: not well-formed XML: <courseStructure> is never closed']);
  });

  it('reports a character reference past U+10FFFF as not well-formed, instead of crashing', () => {
    expect(checkCmi5Package(cmi5Package([au('id="urn:a&#1114112;"')]))).toEqual(['cmi5.xml: not well-formed XML: &#1114112; names no character']);
  });

  it('reports a root element other than <courseStructure>', () => {
    expect(checkCmi5Package(new Map([['cmi5.xml', encode('<manifest><course id="urn:x"/></manifest>')]]))).toEqual(['cmi5.xml: root element is not <courseStructure>']);
  });

  it('reports a wrong namespace', () => {
    expect(checkCmi5Package(cmi5Package([au(GOOD)], { namespace: 'http://example.com/cmi5' }))).toEqual([`cmi5.xml: <courseStructure> namespace is not "${NAMESPACE}"`]);
  });

  it('reports a missing <course>, or one without an id', () => {
    expect(checkCmi5Package(cmi5Package([au(GOOD)], { course: '' }))).toEqual(['cmi5.xml: <course> with an id is missing']);
    expect(checkCmi5Package(cmi5Package([au(GOOD)], { course: '  <course/>' }))).toEqual(['cmi5.xml: <course> with an id is missing']);
  });

  it('reports a page linking to a page the zip lacks, naming the page and the link', () => {
    const files = cmi5Package([au(GOOD)]).set('m1.html', encode('<!doctype html><a href="glossary.html#terms">Glossary</a> <a href="m1.html">Again</a>'));
    expect(checkCmi5Package(files)).toEqual(['m1.html: links to glossary.html#terms, which is not in the zip']);
  });

  it('reports a course with no AU', () => {
    expect(checkCmi5Package(cmi5Package([]))).toEqual(['cmi5.xml: no <au>: the LMS has nothing to launch']);
  });

  it.each([
    ['', ''],
    ['id="9urn:x-course:demo:au:m1"', '9urn:x-course:demo:au:m1'],
    ['id="urn:x-course:demo au m1"', 'urn:x-course:demo au m1'],
    ['id="m1"', 'm1'],
  ])('reports an AU id that is not an IRI: %s', (attributes, shown) => {
    expect(checkCmi5Package(cmi5Package([au(attributes)]))).toEqual([`cmi5.xml: line 4: <au id="${shown}">: id is not an IRI`]);
  });

  it('reports two AUs with the same id, at the second', () => {
    expect(checkCmi5Package(cmi5Package([au(GOOD), au(GOOD)]))).toEqual(['cmi5.xml: line 8: <au id="urn:x-course:demo:au:m1">: id is used by another <au>']);
  });

  it.each(['0', '1', '0.85'])('accepts a masteryScore of %s', (score) => {
    expect(checkCmi5Package(cmi5Package([au(`id="urn:a" masteryScore="${score}"`)]))).toEqual([]);
  });

  it('accepts an AU without a masteryScore', () => {
    expect(checkCmi5Package(cmi5Package([au('id="urn:a"')]))).toEqual([]);
  });

  it.each(['1.5', '-0.1', 'seventy', '', ' '])('reports a masteryScore of "%s", outside 0 to 1', (score) => {
    expect(checkCmi5Package(cmi5Package([au(`id="urn:a" masteryScore="${score}"`)]))).toEqual([`cmi5.xml: line 4: <au id="urn:a">: masteryScore "${score}" is not a number from 0 to 1`]);
  });

  it('reports an AU without a <url> or with an empty one', () => {
    expect(checkCmi5Package(cmi5Package([au('id="urn:a"', '')]))).toEqual(['cmi5.xml: line 4: <au id="urn:a">: no <url>']);
    expect(checkCmi5Package(cmi5Package([au('id="urn:a"', '<url></url>')]))).toEqual(['cmi5.xml: line 4: <au id="urn:a">: no <url>']);
  });

  it('reports a relative <url> whose file is not in the package, even with a colon in it', () => {
    expect(checkCmi5Package(cmi5Package([au('id="urn:a"', '<url>missing.html</url>'), au('id="urn:b"', '<url>pages/v1.2:intro.html</url>')]))).toEqual([
      'cmi5.xml: line 4: <au id="urn:a">: <url> missing.html: file is not in the package',
      'cmi5.xml: line 8: <au id="urn:b">: <url> pages/v1.2:intro.html: file is not in the package',
    ]);
  });

  it('accepts an absolute <url>, and a relative one with a query or fragment', () => {
    const urls = ['https://lms.example.com/au/1', 'm1.html?lang=en', 'm1.html#start'];
    expect(checkCmi5Package(cmi5Package(urls.map((url, i) => au(`id="urn:a${i}"`, `<url>${url}</url>`))))).toEqual([]);
  });
});

describe('buildCmi5Xml', () => {
  it('writes the course and one AU per module, every text escaped and in the course language, as the LMS imports it', () => {
    const spec = buildPackageSpec(demoCourse, '2004', demoSite().map((entry) => entry.path));
    expect(buildCmi5Xml(spec)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<courseStructure xmlns="${NAMESPACE}">`,
        '  <course id="urn:x-course:demo-course">',
        '    <title><langstring lang="en-GB">Safety &amp; &lt;Security&gt; for &quot;new&quot; staff</langstring></title>',
        '    <description><langstring lang="en-GB">A two-module course used by the packaging tests. Version 1.2.3.</langstring></description>',
        '  </course>',
        '  <au id="urn:x-course:demo-course:au:m1" moveOn="CompletedAndPassed" masteryScore="0.7" launchMethod="AnyWindow">',
        '    <title><langstring lang="en-GB">Live chat</langstring></title>',
        '    <description><langstring lang="en-GB">Live chat: about 30 minutes.</langstring></description>',
        '    <url>m1.html</url>',
        '  </au>',
        '  <au id="urn:x-course:demo-course:au:2-email" moveOn="CompletedAndPassed" masteryScore="0.85" launchMethod="AnyWindow">',
        '    <title><langstring lang="en-GB">Email &amp; tickets</langstring></title>',
        '    <description><langstring lang="en-GB">Email &amp; tickets: about 20 minutes.</langstring></description>',
        '    <url>2-email.html</url>',
        '  </au>',
        '</courseStructure>',
        '',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { escapeXml, lineCounter, parseXml, XmlSyntaxError, type XmlElement } from '../../scorm/xml.ts';

// The manifest writer's escaping and the checker's reader: what an LMS would read back from the XML.

/** An element as plain data, so a whole tree can be compared at once. */
const plain = (element: XmlElement): unknown => ({
  name: element.name,
  attributes: Object.fromEntries(element.attributes),
  text: element.text,
  line: element.line,
  children: element.children.map(plain),
});

/** The error parseXml throws for `source`. */
function parseError(source: string): unknown {
  try {
    parseXml(source);
  } catch (error) {
    return error;
  }
  throw new Error('parseXml accepted the source');
}

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`Tom & Jerry's <"show">`)).toBe('Tom &amp; Jerry&apos;s &lt;&quot;show&quot;&gt;');
  });

  it('drops the control characters XML 1.0 forbids and keeps tab, line feed and carriage return', () => {
    expect(escapeXml('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh\ti\nj\rk')).toBe('abcdefgh\ti\nj\rk');
  });
});

describe('parseXml', () => {
  it('reads a document into a tree of names, attributes, trimmed text and lines', () => {
    const source = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE manifest SYSTEM "manifest.dtd">',
      '<!-- written by the packager,\n  two lines -->',
      `<manifest identifier = 'course-1' version= "1.2">`,
      '  <title>  Safety &amp; security  </title>',
      '<item identifierref="res-1"/>',
      '</manifest>',
    ].join('\n');
    expect(plain(parseXml(source))).toEqual({
      name: '#document',
      attributes: {},
      // The line breaks between the prolog, DOCTYPE and comment: the document node is never closed, so never trimmed.
      text: '\n\n\n',
      line: 1,
      children: [
        {
          name: 'manifest',
          attributes: { identifier: 'course-1', version: '1.2' },
          text: '',
          line: 5,
          children: [
            { name: 'title', attributes: {}, text: 'Safety & security', line: 6, children: [] },
            { name: 'item', attributes: { identifierref: 'res-1' }, text: '', line: 7, children: [] },
          ],
        },
      ],
    });
  });

  it('reads CDATA as text, markup characters and all', () => {
    expect(parseXml('<a><![CDATA[ x < y & z ]]></a>').children[0]!.text).toBe('x < y & z');
  });

  it('decodes named, decimal and hexadecimal character references in text and attributes', () => {
    const element = parseXml('<a title="&#x2014;&#169;&lt;">&#x41;&#xe9; &#8212;&#65; &quot;&apos;&gt; &nbsp; &#x;</a>').children[0]!;
    expect(element.attributes.get('title')).toBe('—©<');
    // An unknown entity (&nbsp; is HTML, not XML) and an empty reference are left as written.
    expect(element.text).toBe('Aé —A "\'> &nbsp; &#x;');
  });

  it('numbers lines from the start of each line', () => {
    expect(parseXml('<a>\n<b/>\n</a>').children[0]!.children[0]!.line).toBe(2);
  });

  it('reports a "<" that starts no tag, with its line', () => {
    const error = parseError('<a>\n1 < 2</a>');
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect(error).toMatchObject({ name: 'XmlSyntaxError', message: 'line 2: "<" that starts no valid tag' });
  });

  it('reports an element that is never closed', () => {
    expect(parseError('<manifest>\n<organizations></organizations>')).toMatchObject({
      name: 'XmlSyntaxError',
      message: '<manifest> is never closed',
    });
  });

  it('reports a closing tag that does not match, with its line', () => {
    expect(parseError('<a>\n<b>\n</a>')).toMatchObject({ name: 'XmlSyntaxError', message: 'line 3: </a> does not close <b>' });
  });
});

describe('lineCounter', () => {
  it('maps offsets to 1-based lines, a newline belonging to the line it ends', () => {
    const lineAt = lineCounter('ab\ncd\n\nef');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(lineAt)).toEqual([1, 1, 1, 2, 2, 2, 3, 4, 4, 4]);
  });
});

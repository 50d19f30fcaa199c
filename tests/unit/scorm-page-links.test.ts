import { describe, expect, it } from 'vitest';
import { deadPageLinks, missingPageLinks, pageLinks } from '../../scorm/page-links.ts';

// A one-module package leaves the other modules' pages out; a link to one of them is a dead end in the LMS.

const encode = (text: string) => new TextEncoder().encode(text);
const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([path, text]): [string, Uint8Array] => [path, encode(text)]));

describe('pageLinks', () => {
  it.each([
    ['<a href="./a.html">', './a.html'],
    ['<a href="a.html#part">', 'a.html#part'],
    ["<a href='b.html?read#x'>", 'b.html?read#x'],
    ['<a href=c.htm>', 'c.htm'],
    ['<iframe src="d.html"></iframe>', 'd.html'],
    ['<A HREF="E.HTML">', 'E.HTML'],
    ['<a href = " f.html ">', 'f.html'],
    ['<a class="x" href="../g.html">', '../g.html'],
  ])('finds the page link in %s', (html, link) => {
    expect(pageLinks(html)).toEqual([link]);
  });

  it.each([
    ['a link to another site', '<a href="https://example.com/a.html">'],
    ['a mail link', '<a href="mailto:help@example.com?subject=a.html">'],
    ['a root-relative link (absolute-urls.ts reports it)', '<a href="/a.html">'],
    ['a protocol-relative link', '<a href="//cdn.example.com/a.html">'],
    ['a fragment on this page', '<a href="#top">'],
    ['a stylesheet', '<link rel="stylesheet" href="_astro/app.css">'],
    ['a script', '<script src="_astro/a.html.js"></script>'],
    ['a data attribute', '<img data-src="a.html">'],
    ['a namespaced attribute', '<use xlink:href="a.html#icon"/>'],
    ['a JSON value', '{"href":"a.html?read#x"}'],
  ])('ignores %s', (_, html) => {
    expect(pageLinks(html)).toEqual([]);
  });

  it('finds every link, in page order', () => {
    expect(pageLinks('<a href="one.html">1</a><p>text</p><a href="two.html">2</a>')).toEqual(['one.html', 'two.html']);
  });
});

describe('missingPageLinks', () => {
  const inZip = (...paths: string[]) => (path: string) => paths.includes(path);

  it('judges the page a link names without its query and fragment', () => {
    expect(missingPageLinks('index.html', '<a href="./a.html?read#x">', inZip('a.html'))).toEqual([]);
    expect(missingPageLinks('index.html', '<a href="./gone.html#x">', inZip('a.html'))).toEqual(['./gone.html#x']);
  });

  it('resolves a link from the folder of the page that holds it', () => {
    expect(missingPageLinks('sub/page.html', '<a href="../index.html">', inZip('index.html'))).toEqual([]);
    expect(missingPageLinks('sub/page.html', '<a href="next.html">', inZip('sub/next.html'))).toEqual([]);
    expect(missingPageLinks('sub/page.html', '<a href="next.html">', inZip('next.html'))).toEqual(['next.html']);
  });

  it('reports a link that climbs out of the package', () => {
    expect(missingPageLinks('index.html', '<a href="../index.html">', inZip('index.html'))).toEqual(['../index.html']);
  });

  it('finds a page whose name is %-escaped in the link, and survives a malformed escape', () => {
    expect(missingPageLinks('index.html', '<a href="my%20notes.html">', inZip('my notes.html'))).toEqual([]);
    expect(missingPageLinks('index.html', '<a href="my%20notes.html">', inZip('my%20notes.html'))).toEqual([]);
    expect(missingPageLinks('index.html', '<a href="bad%E0%A4%A.html">', inZip('index.html'))).toEqual(['bad%E0%A4%A.html']);
    expect(missingPageLinks('index.html', '<a href="bad%E0%A4%A.html">', inZip('bad%E0%A4%A.html'))).toEqual([]);
  });

  it('names each missing link once', () => {
    expect(missingPageLinks('index.html', '<a href="gone.html">1</a><a href="gone.html">2</a><a href="gone.html#x">3</a>', inZip())).toEqual(['gone.html', 'gone.html#x']);
  });
});

describe('deadPageLinks', () => {
  it('names the page and the link, for every page that has one', () => {
    const zip = files({
      'index.html': '<a href="./m1.html">1</a> <a href="./m2.html#start">2</a>',
      'm1.html': '<a href="./index.html">Home</a>',
      'docs/guide.HTM': '<a href="../m3.html">3</a>',
    });
    expect(deadPageLinks(zip)).toEqual([
      'index.html: links to ./m2.html#start, which is not in the zip',
      'docs/guide.HTM: links to ../m3.html, which is not in the zip',
    ]);
  });

  it('reads pages only: a script or a text file may mention a page it never links to', () => {
    expect(deadPageLinks(files({ '_astro/app.js': 'a.innerHTML=\'<a href="gone.html">\'', 'notes.txt': '<a href="gone.html">' }))).toEqual([]);
  });
});

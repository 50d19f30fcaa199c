import { describe, expect, it } from 'vitest';
import { blankJsComments, findAbsoluteUrls, isScannedForUrls, srcsetUrls } from '../../scorm/absolute-urls.ts';

// The scanner's own fixtures: each snippet states exactly what must be reported (text and line) and what must not.
// tests/unit/scorm-validate.test.ts keeps the everyday cases; these pin down the edges of each rule.

const matches = (path: string, text: string) => findAbsoluteUrls(path, text).map((finding) => finding.match);

/** `source` with each listed comment replaced by spaces (newlines kept), i.e. what blankJsComments must return. */
function blanked(source: string, ...comments: string[]): string {
  let result = source;
  for (const comment of comments) {
    const at = result.indexOf(comment);
    if (at === -1) throw new Error(`fixture error: ${comment} is not in ${source}`);
    result = result.slice(0, at) + comment.replace(/[^\n]/g, ' ') + result.slice(at + comment.length);
  }
  return result;
}

describe('which files are scanned', () => {
  it.each(['index.html', 'page.htm', 'icon.svg', 'app.css', 'app.js', 'chunk.mjs', 'PAGE.HTML'])('scans %s', (path) => {
    expect(isScannedForUrls(path)).toBe(true);
  });

  it.each(['imsmanifest.xml', 'LICENSE', 'app.js.map', 'page.html.bak', 'font.woff2'])('does not scan %s', (path) => {
    expect(isScannedForUrls(path)).toBe(false);
  });

  it('treats .htm pages like .html pages', () => {
    expect(matches('page.htm', '<img src="/a.png">')).toEqual(['src="/a.png']);
  });

  it('reports nothing in a file without an extension or with a trailing non-page extension', () => {
    // A source map holds the original code, URLs and all, but is never run.
    expect(findAbsoluteUrls('app.js.map', '{"sourcesContent":["fetch(\\"/api\\")"]}')).toEqual([]);
    expect(findAbsoluteUrls('LICENSE', 'see <img src="/a.png">')).toEqual([]);
  });
});

describe('srcset', () => {
  it.each([
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png', ['a.png']],
    ['/a.png', ['/a.png']],
    ['a.png, /b.png 2x', ['a.png', '/b.png']],
    ['a.png,, b.png', ['a.png', 'b.png']],
    ['  a.png 100w ,b.png 200w, ', ['a.png', 'b.png']],
    ['data:image/png;base64,AAAA 1x, b.png 2x', ['data:image/png;base64,AAAA', 'b.png']],
    ['a.png 1x,b.png', ['a.png', 'b.png']],
    ['', []],
  ])('splits %j into its candidate URLs', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });

  it('flags an http:// candidate as well as an https:// one', () => {
    expect(matches('page.html', '<img srcset="http://cdn.example.com/a.png 1x, https://cdn.example.com/b.png 2x">')).toEqual([
      'http://cdn.example.com/a.png',
      'https://cdn.example.com/b.png',
    ]);
  });

  it('flags a candidate after one that ends at its comma', () => {
    expect(matches('page.html', '<img srcset="small.png, /large.png 2x">')).toEqual(['/large.png']);
  });

  it('reads single-quoted srcset values', () => {
    expect(matches('page.html', "<img srcset='/a.png 1x'>")).toEqual(['/a.png']);
  });

  it('does not flag a relative candidate that merely contains a URL', () => {
    expect(findAbsoluteUrls('page.html', '<img srcset="thumb.php?u=https://example.com/a.png 1x">')).toEqual([]);
  });

  it('leaves a srcset with nothing absolute open to the other rules', () => {
    // Only a srcset that reported something claims its text; here the CSS rule still sees the url().
    expect(matches('page.html', '<img srcset="a.png 1x, url(/b.png) 2x">')).toEqual(['url(/b.png']);
  });
});

describe('findings from several rules', () => {
  it('reports a finding that comes earlier in the text than one from an earlier rule, in line order', () => {
    const findings = findAbsoluteUrls('page.html', '<img src="https://cdn.example.com/a.png">\n<a href="/b">b</a>');
    expect(findings).toEqual([
      { file: 'page.html', line: 1, match: 'src="https://cdn.example.com/a.png' },
      { file: 'page.html', line: 2, match: 'href="/b' },
    ]);
  });

  it('reports two findings whose text touches but does not overlap', () => {
    expect(matches('page.html', '<img srcset="/a.png"src="/b.png">')).toEqual(['src="/b.png', '/a.png']);
    expect(matches('app.js', 'img.src=`/img/${"/_astro/x.png"}`')).toEqual(['.src=`/img/${', '"/_astro/x.png']);
  });
});

describe('the reported text', () => {
  it('collapses each run of whitespace to one space', () => {
    expect(matches('page.html', '<img src  =\n   "/a.png">')).toEqual(['src = "/a.png']);
  });

  it('keeps a match of 120 characters whole and cuts a longer one to 119 and an ellipsis', () => {
    const exactly120 = `src="/${'a'.repeat(114)}`;
    expect(exactly120).toHaveLength(120);
    expect(matches('page.html', `<img ${exactly120}">`)).toEqual([exactly120]);
    const long = `src="/${'b'.repeat(115)}`;
    expect(matches('page.html', `<img ${long}">`)).toEqual([`src="/${'b'.repeat(113)}…`]);
  });
});

describe('inline scripts in a page', () => {
  it('scans a script body that spans lines, and a closing tag with a space', () => {
    expect(findAbsoluteUrls('page.html', '<script>\n  const a = 1;\n  fetch("/api/x");\n</script >')).toEqual([
      { file: 'page.html', line: 3, match: 'fetch("/api/x' },
    ]);
  });

  it('reports the line of a finding in a script whose start tag spans lines', () => {
    expect(findAbsoluteUrls('page.html', '<p>intro</p>\n<script\n  type="module"\n>fetch("/a")</script>')).toEqual([
      { file: 'page.html', line: 4, match: 'fetch("/a' },
    ]);
    expect(findAbsoluteUrls('page.html', '<p>intro</p>\n<script>fetch("/a")</script>')).toEqual([{ file: 'page.html', line: 2, match: 'fetch("/a' }]);
  });

  it('scans classic and JavaScript-typed scripts', () => {
    expect(matches('page.html', '<script>fetch("/a")</script>')).toEqual(['fetch("/a']);
    expect(matches('page.html', '<script type="text/javascript">fetch("/a")</script>')).toEqual(['fetch("/a']);
  });

  it.each([
    ['a JSON block typed with spaces around "="', '<script type = "application/json">{"logo":"/_astro/logo.png"}</script>'],
    ['an unquoted data-block type', '<script type=application/ld+json>{"logo":"/_astro/logo.png"}</script>'],
    ['the ignored body of a script with src', '<script src="app.js">fetch("/x")</script>'],
    ['the ignored body of a script with src = (spaced)', '<script src = "app.js">fetch("/x")</script>'],
  ])('does not scan %s', (_, html) => {
    expect(findAbsoluteUrls('page.html', html)).toEqual([]);
  });
});

describe('comments keep lines and offsets', () => {
  it('reports the right line after a markup comment that spans lines', () => {
    expect(findAbsoluteUrls('page.html', '<!--\nold\n-->\n<img src="/a.png">')).toEqual([{ file: 'page.html', line: 4, match: 'src="/a.png' }]);
  });

  it('reports the right line after a comment on the line before', () => {
    expect(findAbsoluteUrls('page.html', '<!-- a comment -->\n<img src="/a.png">')).toEqual([{ file: 'page.html', line: 2, match: 'src="/a.png' }]);
    expect(findAbsoluteUrls('app.css', '/* a comment */\na{background:url(/a.png)}')).toEqual([{ file: 'app.css', line: 2, match: 'url(/a.png' }]);
  });

  it('reports code after a // comment in a script, and nothing in the comment', () => {
    expect(findAbsoluteUrls('app.js', 'fetch("/a") // was fetch("/b")\nfetch("/c")')).toEqual([
      { file: 'app.js', line: 1, match: 'fetch("/a' },
      { file: 'app.js', line: 2, match: 'fetch("/c' },
    ]);
  });
});

describe('blankJsComments', () => {
  it.each([
    // comments
    ['a line comment', 'x = 1; // note', ['// note']],
    ['a line comment at the very end', 'x = 1;//', ['//']],
    ['a block comment, keeping the code after it', 'a/*x*/b', ['/*x*/']],
    ['a block comment over lines, keeping the newlines', 'a /* one\ntwo */ b', ['/* one\ntwo */']],
    ['an unterminated block comment', 'a /* open', ['/* open']],
    ['a block comment opening with /*/, which does not close it', 'a /*/ b */ c', ['/*/ b */']],
    ['only the comment line, not the next', '// c\nfetch("/x")', ['// c']],
    ['the comment after a stray closing brace (at the top level it closes no template)', '} // c', ['// c']],
    // strings
    ['a comment after a double-quoted string', 'x = "a//b"; // c', ['// c']],
    ["a comment after a single-quoted string", "x = 'a//b'; // c", ['// c']],
    ['a comment after a string with an escaped quote', 'x = "a\\"b//"; // c', ['// c']],
    ['a comment after a string ending in an escaped backslash', 'x = "a\\\\"; // c', ['// c']],
    ['a comment on the line after an unterminated string', 'x = "open\n// c', ['// c']],
    ['a comment after a division of a string', 'x = "100" / 4; // c', ['// c']],
    // regular expressions
    ['a comment after a regex literal', 'x = /a/g; // c', ['// c']],
    ['nothing in a source ending with a regex', 'x = /ab/', []],
    ['a comment after a regex with a quote in it', 'x = /"/.test(s); // c', ['// c']],
    ['a comment after a regex at the very start', '/"/.test(s) // c', ['// c']],
    ['a comment after a regex with escaped slashes', 'x = /\\/\\//g; // c', ['// c']],
    ['a comment after a regex whose class holds / and "', 's.replace(/[/"]/g, "") // c', ['// c']],
    ['a comment after a regex whose class closes before the end', 'x = /[a]"/; // c', ['// c']],
    ['a comment after a regex with flags and a method', 'x = /a"/gi.test(s); // c', ['// c']],
    ['a comment after a keyword then a regex', 'return /"/.test(s); // c', ['// c']],
    ['a comment after typeof then a regex', 'typeof /"/ // c', ['// c']],
    ['a comment after an opening bracket then a regex', 'f(/"/) // c', ['// c']],
    ['a comment after a block then a regex', 'if (a) {}\n/"/.test(s) // c', ['// c']],
    ['a comment after a division and then a regex', 'x = n / /"/.source.length; // c', ['// c']],
    ['a comment after a regex then a division', 'x = /a/g / 2; // c', ['// c']],
    ['a comment on the line after a division that looked like a regex', 'n = i++ / 2\n// half', ['// half']],
    // divisions
    ['a comment after a division of a number', 'x = 10 / 2; // c', ['// c']],
    ['nothing in a source ending with a number', 'x = 10', []],
    ['a comment after a division of a call', 'x = sum(a) / 2; // c', ['// c']],
    ['a comment after a division of a name', 'x = total / 2; // c', ['// c']],
    ['a comment after a multiplication', 'y = 2*x; // c', ['// c']],
    ['nothing in a source ending with a name', 'x = y', []],
    // template literals
    ['a comment after a template literal', 'x = `a//b`; // c', ['// c']],
    ['a comment after a template with an escaped backtick', 'x = `ab\\`//`; // c', ['// c']],
    ['a comment after a template with a lone $', 'x = `price: $5`; // c', ['// c']],
    ['a comment after a template with braces in its text', "x = `a {it's} b`; // c", ['// c']],
    ['a comment after a template whose ${} holds a backtick', 'x = `${"`"}`; // c', ['// c']],
    ['a comment after a template whose ${} holds braces', 'x = `${ f({}) + "`" }`; // c', ['// c']],
    ['a comment after a template whose ${} holds a call', 'x = `${ f("`") }`; // c', ['// c']],
    ['a comment after a nested template', 'x = `${`y`}`; // c', ['// c']],
    ['a comment after a template then a division', 'x = `4` / 2; // c', ['// c']],
    ['a comment inside ${}', 'x = `${a /* c */}`', ['/* c */']],
  ])('blanks %s', (_, source, comments) => {
    expect(blankJsComments(source)).toBe(blanked(source, ...comments));
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/course/content-error.ts';
import { loadGlossary } from '../../src/course/load-glossary.ts';
import { glossaryPlugin } from '../../src/integrations/glossary-plugin.ts';
import { courseWith, problems, removeCourseCopies } from '../support/course-fixture.ts';
import { termAnchor, termFinder, type GlossaryTerm } from '../../src/lib/glossary-match.ts';

const terms: GlossaryTerm[] = [
  { term: 'browser', definition: 'The program you use to open websites.', aliases: ['browsers', 'web browser'] },
  { term: 'cookies', definition: 'Small files a website saves in the browser.', aliases: [] },
  { term: 'two-step verification', definition: 'A second check when you sign in.', aliases: [] },
];

describe('termFinder', () => {
  it('finds the first use of each term once, whole words, any case, keeping the words as written', () => {
    const find = termFinder(terms);
    const used = new Set<string>();
    const first = find('Clear your Cookies, then open another web browser. Browsers differ.', used);
    expect(first.map((u) => [u.term, u.text])).toEqual([
      ['cookies', 'Cookies'],
      ['browser', 'web browser'],
    ]);
    // A later text node of the same lesson: both already used.
    expect(find('cookies and browsers again', used)).toEqual([]);
    // Not inside other words.
    expect(termFinder(terms)('microbrowsers and cookiesheet', new Set())).toEqual([]);
  });

  it('treats a hyphenated term as one word and gives each term a stable anchor', () => {
    const [use] = termFinder(terms)('Turn on two-step verification now.', new Set());
    expect(use).toMatchObject({ term: 'two-step verification', start: 8, end: 29 });
    expect(termAnchor('Two-step verification')).toBe('term-two-step-verification');
  });

  it('prefers the longer of two forms starting at the same place, whatever order they were listed in', () => {
    const listed: GlossaryTerm[] = [
      { term: 'sign in', definition: 'Open your account.', aliases: [] },
      { term: 'sign in details', definition: 'Your email and password.', aliases: [] },
    ];
    expect(termFinder(listed)('Check your sign in details first.', new Set()).map((u) => u.text)).toEqual(['sign in details']);
  });

  it('matches punctuation in a term literally', () => {
    const listed: GlossaryTerm[] = [{ term: 'GOV.UK', definition: 'The government website.', aliases: [] }];
    expect(termFinder(listed)('Go to GOV.UK or GOVXUK.', new Set()).map((u) => [u.text, u.start])).toEqual([['GOV.UK', 6]]);
    expect(termFinder(listed)('Go to GOVUK.', new Set())).toEqual([]);
  });

  it('finds nothing with an empty glossary', () => {
    expect(termFinder([])('Any lesson text.', new Set())).toEqual([]);
  });

  it('makes anchors of single dashes, with none at either end', () => {
    expect(termAnchor('(PIN) -- code')).toBe('term-pin-code');
  });
});

// Scratch folders made by these tests, removed after each test so runs do not fill the temp folder.
const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
  scratchDirs.push(dir);
  return dir;
}

function contentDir(files: Record<string, string>): string {
  const dir = scratchDir();
  mkdirSync(join(dir, 'content', 'glossary'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'content', 'glossary', name), text);
  return join(dir, 'content');
}

describe('loadGlossary', () => {
  it('reads every file, sorted by term, remembering which file each came from', () => {
    const issues: ContentIssue[] = [];
    const items = loadGlossary(
      contentDir({
        'm2.yaml': '- term: routing\n  definition: How the system decides who gets a contact.\n',
        'm1.yaml': '- term: browser\n  definition: The program you use to open websites.\n  aliases: [browsers]\n',
      }),
      issues,
    );
    expect(issues).toEqual([]);
    expect(items.map((i) => [i.term, i.file, i.aliases])).toEqual([
      ['browser', 'content/glossary/m1.yaml', ['browsers']],
      ['routing', 'content/glossary/m2.yaml', []],
    ]);
  });

  it('fails a term defined in two files, naming both files', () => {
    const issues: ContentIssue[] = [];
    loadGlossary(
      contentDir({
        'm1.yaml': '- term: Browser\n  definition: The program you use to open websites.\n',
        'm2.yaml': '- term: cache\n  definition: Saved copies of pages.\n  aliases: [browser]\n',
      }),
      issues,
    );
    expect(issues).toEqual([
      {
        file: 'content/glossary/m2.yaml',
        field: '[0].aliases[0]',
        message: '"browser" is already defined in content/glossary/m1.yaml ([0].term); each term belongs to one glossary file',
      },
    ]);
  });

  it('reports a missing definition and a badly named file as file: field: problem', () => {
    const issues: ContentIssue[] = [];
    loadGlossary(contentDir({ 'Module 1.yaml': '- term: x\n', 'm1.yaml': '- term: browser\n' }), issues);
    expect(issues.map((i) => `${i.file}: ${i.field}`)).toEqual(['content/glossary/Module 1.yaml: (file name)', 'content/glossary/m1.yaml: [0].definition']);
  });
});

describe('loadGlossary: files an author might leave in content/glossary/', () => {
  const DEF = '  definition: How the system decides who gets a contact.\n';

  it('gives no entries and no problems when there is no glossary folder', () => {
    const dir = scratchDir();
    const issues: ContentIssue[] = [];
    expect(loadGlossary(join(dir, 'content'), issues)).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('sorts entries by term even when the files list them in another order', () => {
    const issues: ContentIssue[] = [];
    const items = loadGlossary(contentDir({ 'm1.yaml': `- term: routing\n${DEF}- term: cache\n${DEF}`, 'm2.yaml': `- term: browser\n${DEF}` }), issues);
    expect(items.map((i) => i.term)).toEqual(['browser', 'cache', 'routing']);
  });

  it('ignores files that are not YAML', () => {
    const issues: ContentIssue[] = [];
    const items = loadGlossary(contentDir({ 'README.md': '# Notes', 'm1.yaml': `- term: routing\n${DEF}` }), issues);
    expect(issues).toEqual([]);
    expect(items.map((i) => i.term)).toEqual(['routing']);
  });

  it('reports a .yml file by name, so the author renames it', () => {
    const issues: ContentIssue[] = [];
    loadGlossary(contentDir({ 'm1.yml': `- term: routing\n${DEF}` }), issues);
    expect(issues).toEqual([{ file: 'content/glossary/m1.yml', field: '(file name)', message: 'name a glossary file after its module id, e.g. u219-lo2.yaml' }]);
  });

  it('reports invalid YAML with the first line of the parser message', () => {
    const issues: ContentIssue[] = [];
    loadGlossary(contentDir({ 'm1.yaml': '- term: [unclosed\n' }), issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe('content/glossary/m1.yaml');
    expect(issues[0]!.field).toBe('');
    expect(issues[0]!.message).toMatch(/^not valid YAML: [A-Za-z][^\n]{10,}$/);
  });

  it('reports an empty file as needing at least one term', () => {
    const issues: ContentIssue[] = [];
    loadGlossary(contentDir({ 'm1.yaml': '' }), issues);
    expect(issues).toEqual([{ file: 'content/glossary/m1.yaml', field: '(file)', message: 'list at least one term, or delete the file' }]);
  });

  it('treats words that differ only under upper-casing (Maße, Masse) as different terms', () => {
    // Duplicates are found case-insensitively by lower case; upper case would fold ß into SS.
    const issues: ContentIssue[] = [];
    const items = loadGlossary(contentDir({ 'm1.yaml': `- term: Maße\n${DEF}`, 'm2.yaml': `- term: Masse\n${DEF}` }), issues);
    expect(issues).toEqual([]);
    expect(items).toHaveLength(2);
  });
});

describe('the course build', () => {
  afterEach(removeCourseCopies);

  it('fails on a term defined in two modules\' glossary files, naming both', () => {
    const root = courseWith((p) => {
      mkdirSync(p('glossary'));
      writeFileSync(p('glossary/m1.yaml'), '- term: cookies\n  definition: Small files a website saves in the browser.\n');
      writeFileSync(p('glossary/m2.yaml'), '- term: Cookies\n  definition: Files that remember you on a website.\n');
    });
    expect(problems(root)).toEqual(['content/glossary/m2.yaml: [0].term: "Cookies" is already defined in content/glossary/m1.yaml ([0].term); each term belongs to one glossary file']);
  });
});

describe('glossary plugin (MDX build)', () => {
  const compile = async (source: string) => (await mdxToJs(source, { mdastPlugins: [glossaryPlugin(terms)] })).code;

  it('marks only the first use in a lesson, skipping headings, links and quoted chat lines', async () => {
    const code = await compile(
      [
        '## Your browser',
        '',
        '<Conversation title="Chat">',
        '<Line who="customer">My browser is old.</Line>',
        '</Conversation>',
        '',
        'Ask which [browser](#b) they use. The browser matters. Another browser line.',
        '',
        'Cookies too.',
      ].join('\n'),
    );
    expect(code).toContain('term: "browser"');
    expect(code).toContain('term: "cookies"');
    expect(code.match(/term: "browser"/g)).toHaveLength(1);
    // The heading and the chat line keep plain text; the marked use is the one after the link.
    expect(code).toMatch(/children: "Your browser"/);
    expect(code).toMatch(/children: "My browser is old\."/);
    expect(code).toMatch(/" they use\. The ",\s*_jsx\(Term/);
  });

  it('does not mark a term in a table heading (hidden on a phone), only in the table body', async () => {
    const code = await compile(['| Your browser | Why |', '|---|---|', '| An old browser | It may not show the page |'].join('\n'));
    expect(code.match(/term: "browser"/g)).toHaveLength(1);
    expect(code).toMatch(/children: "Your browser"/);
    expect(code).toMatch(/"An old ",\s*_jsx\(Term/);
  });

  it('starts afresh in each lesson', async () => {
    expect((await compile('A browser.')).match(/term: "browser"/g)).toHaveLength(1);
    expect((await compile('A browser again.')).match(/term: "browser"/g)).toHaveLength(1);
  });
});

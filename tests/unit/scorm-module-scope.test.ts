import { describe, expect, it } from 'vitest';
import { buildRelease } from '../../scorm/build-packages.ts';
import { scopePageToModule, scopeSiteToModule } from '../../scorm/module-scope.ts';
import { PackagingError } from '../../scorm/package-spec.ts';
import { readSchemaFiles } from '../../scorm/schema-files.ts';
import { readZip } from '../../scorm/zip.ts';
import { COURSE_PACKAGE_ONLY, MODULE_PACKAGE_ONLY, parsePackageScope, scopeForModules } from '../../src/lib/package-scope.ts';
import { DEMO_HOME, demoCourse, demoSite } from '../fixtures/packages/demo-package.ts';

// A one-module package lists only its module: the build marks the blocks, the packager applies the marks.

const encode = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('package scope marks (src/lib/package-scope.ts)', () => {
  it('names modules as module:<id> words', () => {
    expect(scopeForModules(['m1', '2-email'])).toBe('module:m1 module:2-email');
    expect(parsePackageScope('module:m1 module:2-email')).toEqual({ kind: 'modules', moduleIds: ['m1', '2-email'] });
  });

  it('reads the two package-wide marks', () => {
    expect(COURSE_PACKAGE_ONLY).toBe('course-package');
    expect(MODULE_PACKAGE_ONLY).toBe('module-package');
    expect(parsePackageScope('course-package')).toEqual({ kind: 'course-package' });
    expect(parsePackageScope('module-package')).toEqual({ kind: 'module-package' });
  });

  it.each(['', 'm1', 'module:', 'module:m1  module:2', 'module:m1 course-package', 'modules:m1', 'xmodule:m1', 'Course-package'])('refuses "%s"', (value) => {
    expect(parsePackageScope(value)).toBeUndefined();
  });
});

describe('scopePageToModule', () => {
  it("keeps the module's own entry and drops the others, with everything inside them", () => {
    const html = '<ol><li data-package-scope="module:m1"><a href="m1.html">1</a></li><li data-package-scope="module:m2"><a href="m2.html">2</a><ul><li>Outcome</li></ul></li></ol>';
    expect(scopePageToModule('index.html', html, 'm1')).toBe('<ol><li data-package-scope="module:m1"><a href="m1.html">1</a></li></ol>');
    expect(scopePageToModule('index.html', html, 'm2')).toBe('<ol><li data-package-scope="module:m2"><a href="m2.html">2</a><ul><li>Outcome</li></ul></li></ol>');
  });

  it('keeps a block marked for several modules when the package holds any of them', () => {
    const html = '<p>a</p><li class="x" data-package-scope="module:m1 module:m2">both</li><p>b</p>';
    expect(scopePageToModule('index.html', html, 'm2')).toBe(html);
    expect(scopePageToModule('index.html', html, 'final')).toBe('<p>a</p><p>b</p>');
  });

  it('finds the end of an element that holds others of its own kind', () => {
    const html = '<div data-package-scope="module:m2"><div><div>deep</div></div><DIV>upper</DIV></div><div>after</div>';
    expect(scopePageToModule('page.html', html, 'm1')).toBe('<div>after</div>');
  });

  it('does not take a longer tag name for the closing tag (li and link)', () => {
    const html = '<li data-package-scope="module:m2"><link rel="x" href="a.css"><li-x></li-x></li><p>after</p>';
    expect(scopePageToModule('page.html', html, 'm1')).toBe('<p>after</p>');
  });

  it('drops whole-course blocks, and shows module-package blocks without their hidden attribute', () => {
    const html = '<p data-package-scope="course-package">Take all nine.</p><p class="note" data-package-scope="module-package" hidden>One module.</p>';
    expect(scopePageToModule('index.html', html, 'm1')).toBe('<p class="note" data-package-scope="module-package">One module.</p>');
    expect(scopePageToModule('index.html', '<p data-package-scope="module-package" hidden="">One.</p>', 'm1')).toBe('<p data-package-scope="module-package">One.</p>');
    expect(scopePageToModule('index.html', '<p data-package-scope="module-package" hidden class="note">One.</p>', 'm1')).toBe('<p data-package-scope="module-package" class="note">One.</p>');
  });

  it('scopes marks inside a kept or shown block, and skips those inside a dropped one', () => {
    const html = [
      '<section data-package-scope="module-package" hidden><span data-package-scope="module:m2">m2</span><span data-package-scope="module:m1">m1</span></section>',
      '<section data-package-scope="module:m2"><p data-package-scope="module-package">not reached</p></section>',
    ].join('');
    expect(scopePageToModule('page.html', html, 'm1')).toBe('<section data-package-scope="module-package"><span data-package-scope="module:m1">m1</span></section>');
  });

  it('leaves a page without marks, and unmarked look-alikes, as they are', () => {
    const html = '<li data-scope="module:m2">x</li><li data-package-scopes="module:m2">y</li><p>package-scope="module:m2"</p>';
    expect(scopePageToModule('page.html', html, 'm1')).toBe(html);
  });

  it('refuses a mark it does not know, naming the page and the element', () => {
    expect(() => scopePageToModule('index.html', '<li data-package-scope="m2">x</li>', 'm1')).toThrow(
      new PackagingError('index.html: <li data-package-scope="m2">: data-package-scope must be "course-package", "module-package" or "module:<id>" words (src/lib/package-scope.ts)'),
    );
  });

  it('refuses a module-package block that was built visible', () => {
    expect(() => scopePageToModule('index.html', '<p data-package-scope="module-package" data-hidden>One.</p>', 'm1')).toThrow(
      new PackagingError('index.html: <p data-package-scope="module-package" data-hidden>: a module-package block must be built hidden, or the whole course shows it too'),
    );
    expect(() => scopePageToModule('index.html', '<p data-package-scope="module-package" hiddenness>One.</p>', 'm1')).toThrow(/a module-package block must be built hidden/);
  });

  it('refuses a block it cannot find the end of', () => {
    expect(() => scopePageToModule('index.html', '<li data-package-scope="module:m2"><li>x</li>', 'm1')).toThrow(
      new PackagingError('index.html: <li data-package-scope="module:m2"> has no closing </li>, so a module package cannot leave it out'),
    );
    expect(() => scopePageToModule('index.html', '<img alt="" data-package-scope="module:m2">', 'm1')).toThrow(/^index\.html: <img alt="" data-package-scope="module:m2"> has no closing <\/img>/);
  });
});

describe('scopeSiteToModule', () => {
  it('scopes every page and leaves other files byte for byte', () => {
    const site = demoSite().filter((entry) => entry.path !== '2-email.html');
    const scoped = scopeSiteToModule(site, 'm1');
    expect(scoped.map((entry) => entry.path)).toEqual(site.map((entry) => entry.path));
    expect(text(scoped[0]!.data)).toBe(scopePageToModule('index.html', DEMO_HOME, 'm1'));
    expect(text(scoped[0]!.data)).not.toContain('2-email.html');
    expect(scoped.find((entry) => entry.path === 'fonts/inter.woff2')).toBe(site.find((entry) => entry.path === 'fonts/inter.woff2'));
  });

  it('refuses a page that still links to a page the package leaves out, naming the page and each link', () => {
    const site = [
      ...demoSite().filter((entry) => entry.path !== '2-email.html'),
      { path: 'glossary.html', data: encode('<a href="./2-email.html#terms">Email</a> <a href="m1.html">Live chat</a> <a href="./final.html">Final</a>') },
    ];
    expect(() => scopeSiteToModule(site, 'm1')).toThrow(
      new PackagingError(
        'glossary.html: links to ./2-email.html#terms, ./final.html, which the package of module "m1" leaves out; ' +
          'mark the element holding each link with data-package-scope="module:<the module it belongs to>" (src/lib/package-scope.ts)',
      ),
    );
  });
});

describe('buildRelease: module packages list their own module only', () => {
  const release = () => buildRelease(demoCourse, demoSite(), { '1.2': readSchemaFiles('1.2'), '2004': readSchemaFiles('2004') });
  const home = (fileName: string) => text(readZip(release().find((built) => built.fileName === fileName)!.zip).get('index.html'));

  it('a module package lists its module, says it holds one, and drops the whole-course line', () => {
    for (const fileName of ['modules/2-email-scorm12.zip', 'modules/2-email-scorm2004.zip']) {
      expect(home(fileName)).toBe(scopePageToModule('index.html', DEMO_HOME, '2-email'));
      expect(home(fileName)).toContain('<p class="note" data-package-scope="module-package">This activity holds one module.</p>');
      expect(home(fileName)).not.toContain('m1.html');
      expect(home(fileName)).not.toContain('Take both modules.');
    }
  });

  it('the whole-course packages keep the course home as built', () => {
    for (const fileName of ['demo-course-scorm12.zip', 'demo-course-scorm2004.zip', 'demo-course-cmi5.zip']) expect(home(fileName)).toBe(DEMO_HOME);
  });
});

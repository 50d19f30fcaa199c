import { parsePackageScope, PACKAGE_SCOPE_ATTRIBUTE } from '../src/lib/package-scope.ts';
import { PackagingError } from './package-spec.ts';
import { isPage, missingPageLinks } from './page-links.ts';
import type { ZipEntry } from './zip.ts';

/**
 * Shared pages list every module; a one-module package must show only its own.
 * The build marks the blocks that depend on the package (src/lib/package-scope.ts),
 * and this rewrite acts on those marks only: it never guesses from links or text.
 * Any link left to a page the package lacks stops packaging, naming the page.
 */

/** `page`'s HTML as the package of module `moduleId` shows it. @throws PackagingError for a mark it cannot apply */
export function scopePageToModule(page: string, html: string, moduleId: string): string {
  // Built per call (not once per module) so mutation testing can plant bugs in it while a test runs.
  const marked = new RegExp(String.raw`<([a-z][a-z0-9-]*)(?=[\s/>])[^>]*?\s${PACKAGE_SCOPE_ATTRIBUTE}="([^"]*)"[^>]*>`, 'gi');
  let scoped = '';
  let copiedUpTo = 0;
  for (let match = marked.exec(html); match !== null; match = marked.exec(html)) {
    const [openingTag, tagName, value] = match as unknown as [string, string, string];
    const mark = parsePackageScope(value);
    if (mark === undefined)
      throw new PackagingError(`${page}: ${openingTag}: ${PACKAGE_SCOPE_ATTRIBUTE} must be "course-package", "module-package" or "module:<id>" words (src/lib/package-scope.ts)`);
    if (mark.kind === 'modules' && mark.moduleIds.includes(moduleId)) continue;
    scoped += html.slice(copiedUpTo, match.index);
    if (mark.kind === 'module-package') {
      scoped += shown(page, openingTag);
      copiedUpTo = match.index + openingTag.length;
    } else {
      copiedUpTo = elementEnd(page, html, tagName, match.index, openingTag);
      marked.lastIndex = copiedUpTo;
    }
  }
  return scoped + html.slice(copiedUpTo);
}

/**
 * The site as the package of module `moduleId` ships it: every page scoped.
 * @param site the files that package holds (the other modules' pages already left out)
 * @throws PackagingError when a page still links to a page not in `site`
 */
export function scopeSiteToModule(site: ZipEntry[], moduleId: string): ZipEntry[] {
  const paths = new Set(site.map((entry) => entry.path));
  const hasFile = (path: string) => paths.has(path);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  return site.map((entry) => {
    if (!isPage(entry.path)) return entry;
    const html = scopePageToModule(entry.path, decoder.decode(entry.data), moduleId);
    const dead = missingPageLinks(entry.path, html, hasFile);
    if (dead.length > 0)
      throw new PackagingError(
        `${entry.path}: links to ${dead.join(', ')}, which the package of module "${moduleId}" leaves out; ` +
          `mark the element holding each link with ${PACKAGE_SCOPE_ATTRIBUTE}="module:<the module it belongs to>" (src/lib/package-scope.ts)`,
      );
    return { path: entry.path, data: encoder.encode(html) };
  });
}

/** The opening tag without its `hidden` attribute; a block built visible would show in the whole course too. */
function shown(page: string, openingTag: string): string {
  const withoutHidden = openingTag.replace(/\shidden(?:="")?(?=[\s/>])/i, '');
  if (withoutHidden === openingTag) throw new PackagingError(`${page}: ${openingTag}: a module-package block must be built hidden, or the whole course shows it too`);
  return withoutHidden;
}

/** Where the element opened at `start` ends, past its matching closing tag (same-name elements may nest). */
function elementEnd(page: string, html: string, tagName: string, start: number, openingTag: string): number {
  const tags = new RegExp(String.raw`<(/?)${tagName}(?=[\s/>])[^>]*>`, 'gi');
  tags.lastIndex = start + openingTag.length;
  let depth = 1;
  for (let tag = tags.exec(html); tag !== null; tag = tags.exec(html)) {
    depth += tag[1] === '/' ? -1 : 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  throw new PackagingError(`${page}: ${openingTag} has no closing </${tagName}>, so a module package cannot leave it out`);
}

import { posix } from 'node:path';

/**
 * Links from one page of a package to another (`href` or `src` naming a local
 * .html file). A link whose page is not in the zip is a dead end in the LMS,
 * which is what a one-module package risks: it leaves the other modules' pages out.
 */

const PAGE = /\.html?$/i;

/** `href="…"`, `src='…'` or unquoted; not `data-src` or `xlink:href`, which are other attributes. */
const LINK_ATTRIBUTE = /(?<![\w:-])(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** A scheme (`https:`, `mailto:`) or a leading `/` leaves the package; absolute-urls.ts judges those. */
const LEAVES_THE_PACKAGE = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

export function isPage(path: string): boolean {
  return PAGE.test(path);
}

/** Every link in `html` to a local page, as written (fragment and query kept). */
export function pageLinks(html: string): string[] {
  return [...html.matchAll(LINK_ATTRIBUTE)]
    .map((match) => (match[1] ?? match[2] ?? match[3]!).trim())
    .filter((link) => !LEAVES_THE_PACKAGE.test(link) && isPage(pathOf(link)));
}

/** The links in page `page` whose target file `hasFile` does not know, each once, in page order. */
export function missingPageLinks(page: string, html: string, hasFile: (path: string) => boolean): string[] {
  const missing = pageLinks(html).filter((link) => !candidatePaths(page, link).some(hasFile));
  return [...new Set(missing)];
}

/** One problem per page and link whose target page is not in the zip, as `page: links to link, which is not in the zip`. */
export function deadPageLinks(files: Map<string, Uint8Array>): string[] {
  const decoder = new TextDecoder();
  const hasFile = (path: string) => files.has(path);
  return [...files]
    .filter(([path]) => isPage(path))
    .flatMap(([path, bytes]) => missingPageLinks(path, decoder.decode(bytes), hasFile).map((link) => `${path}: links to ${link}, which is not in the zip`));
}

function pathOf(link: string): string {
  return link.split(/[?#]/, 1)[0]!;
}

/** The zip path a link names, relative to its page's folder, as written and %-decoded. */
function candidatePaths(page: string, link: string): string[] {
  const path = posix.normalize(posix.join(posix.dirname(page), pathOf(link)));
  try {
    return [path, decodeURIComponent(path)];
  } catch {
    return [path]; // a malformed %-escape names no file but the one as written
  }
}

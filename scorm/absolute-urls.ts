import { lineCounter } from './xml.ts';

/**
 * Finds URLs that break a SCORM package. An LMS serves the zip from some deep
 * path (`/pluginfile.php/123/mod_scorm/content/1/`), so a root-relative URL
 * (`/_astro/x.js`) points outside the package, and an `http(s)://` URL that the
 * page loads makes the course depend on the internet (and on the LMS's CSP).
 * Links the learner may follow (`<a href="https://…">`) are fine.
 */

export interface AbsoluteUrlFinding {
  file: string;
  /** 1-based. */
  line: number;
  /** The offending text, e.g. `src="/_astro/app.js`. */
  match: string;
}

interface Rule {
  pattern: RegExp;
  /** Optional second look at a match (e.g. srcset needs parsing); returns the offending parts. */
  refine?: (match: RegExpExecArray) => string[];
}

const ROOT_OR_PROTOCOL_RELATIVE = String.raw`\/`; // "/x" and "//cdn.example/x" both leave the package
const EXTERNAL = String.raw`https?:\/\/`;

/**
 * HTML/SVG attributes. Loading attributes (`src`, `data-src`, Astro's island
 * `component-url`/`renderer-url`, `poster`, `<object data>`) may not be root-relative
 * or external. Navigation attributes (`href`, `action`) may not be root-relative, as
 * that leaves the package; an external `href` is only a problem on `<link>`,
 * which loads it (stylesheet, preload, icon, preconnect).
 */
const HTML_RULES: Rule[] = [
  { pattern: new RegExp(String.raw`(?<![\w:-])(?:[\w:-]*(?:src|href|url)|action|formaction|poster|data)\s*=\s*["']?\s*${ROOT_OR_PROTOCOL_RELATIVE}[^"'\s>]*`, 'gi') },
  { pattern: new RegExp(String.raw`(?<![\w:-])(?:[\w:-]*(?:src|url)|poster|data)\s*=\s*["']?\s*${EXTERNAL}[^"'\s>]*`, 'gi') },
  { pattern: new RegExp(String.raw`<link\b[^>]*?\shref\s*=\s*["']?\s*${EXTERNAL}[^"'\s>]*`, 'gi') },
  {
    pattern: /(?<![\w:-])[\w:-]*srcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi, // srcset, imagesrcset, data-srcset
    refine: (match) => srcsetUrls(match[1] ?? match[2]!).filter((url) => url.startsWith('/') || /^https?:\/\//i.test(url)),
  },
];

const CSS_RULES: Rule[] = [
  { pattern: new RegExp(String.raw`url\(\s*["']?\s*(?:${ROOT_OR_PROTOCOL_RELATIVE}|${EXTERNAL})[^)"'\s]*`, 'gi') },
  { pattern: new RegExp(String.raw`@import\s+["']\s*(?:${ROOT_OR_PROTOCOL_RELATIVE}|${EXTERNAL})[^"'\s]*`, 'gi') },
];

/**
 * JavaScript: only string literals in a loading position. Minified bundles are
 * full of URL-looking strings that are never fetched (the SVG namespace, error
 * messages with doc links, regexes), so a rule like "any string starting with /"
 * would fail every build. Flagged: static/dynamic imports and re-exports of "/" or
 * http(s) specifiers, fetch/Worker/importScripts/new URL of "/…", `.src = "/…"`,
 * `.href = "/…"`, and any "/_astro/…" literal: Vite's preload helper lists chunk
 * URLs that way when Astro's base is absolute, which is the usual way a build
 * breaks in an LMS.
 */
const Q = `["'\`]`;
const JS_RULES: Rule[] = [
  { pattern: new RegExp(String.raw`\b(?:from|import)\s*${Q}(?:${ROOT_OR_PROTOCOL_RELATIVE}|${EXTERNAL})[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`\bimport\s*\(\s*${Q}(?:${ROOT_OR_PROTOCOL_RELATIVE}|${EXTERNAL})[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`\b(?:fetch|importScripts|new\s+(?:URL|Worker|SharedWorker|EventSource))\s*\(\s*${Q}${ROOT_OR_PROTOCOL_RELATIVE}[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`\b(?:fetch|importScripts|new\s+(?:Worker|SharedWorker|EventSource))\s*\(\s*${Q}${EXTERNAL}[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`\.(?:src|href)\s*=\s*${Q}${ROOT_OR_PROTOCOL_RELATIVE}[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`\.src\s*=\s*${Q}${EXTERNAL}[^"'\`\s]*`, 'g') },
  { pattern: new RegExp(String.raw`${Q}\/_astro\/[^"'\`\s]*`, 'g') },
];

const MAX_MATCH_LENGTH = 120;

const SCANNED_EXTENSIONS = new Set(['html', 'htm', 'svg', 'css', 'js', 'mjs']);

function extensionOf(path: string): string | undefined {
  // Group 1 is always there when the pattern matches. (No `?.[1]!.`: Stryker's instrumenter cannot parse it.)
  const match = /\.([a-z0-9]+)$/i.exec(path);
  return match === null ? undefined : match[1]!.toLowerCase();
}

/** Only page resources are scanned: the manifest and XSDs legitimately hold namespace URIs. */
export function isScannedForUrls(path: string): boolean {
  // Stryker disable next-line StringLiteral: equivalent, any fallback that is not a scanned extension gives the same false
  return SCANNED_EXTENSIONS.has(extensionOf(path) ?? '');
}

export function findAbsoluteUrls(path: string, text: string): AbsoluteUrlFinding[] {
  const extension = extensionOf(path);
  const lineAt = lineCounter(text);
  const findings: AbsoluteUrlFinding[] = [];
  // Rules overlap (`import("/_astro/x.js")` is also a "/_astro/" literal): report each stretch of text once.
  // Stryker disable next-line ArrayDeclaration: equivalent, a seeded non-numeric entry compares as NaN, so it never overlaps
  const reported: [number, number][] = [];
  const run = (rules: Rule[], scanned: string, offset: number) => {
    for (const rule of rules)
      for (const match of scanned.matchAll(rule.pattern)) {
        const start = offset + match.index;
        const end = start + match[0].length;
        if (reported.some(([from, to]) => start < to && from < end)) continue;
        const parts = rule.refine ? rule.refine(match) : [match[0]];
        if (parts.length > 0) reported.push([start, end]);
        // Stryker disable next-line MethodExpression: equivalent, no rule matches or srcset URL starts or ends with whitespace
        for (const part of parts) findings.push({ file: path, line: lineAt(start), match: shorten(part.trim()) });
      }
  };
  switch (extension) {
    case 'html':
    case 'htm':
    case 'svg': {
      const html = blankMarkupComments(text);
      run(HTML_RULES, html, 0);
      run(CSS_RULES, html, 0); // <style> blocks and style="" attributes
      for (const script of inlineScripts(html)) run(JS_RULES, blankJsComments(script.body), script.offset);
      break;
    }
    case 'css':
      run(CSS_RULES, blankCssComments(text), 0);
      break;
    case 'js':
    case 'mjs':
      run(JS_RULES, blankJsComments(text), 0);
      break;
  }
  return findings.sort((a, b) => a.line - b.line);
}

function shorten(match: string): string {
  const text = match.replace(/\s+/g, ' ');
  return text.length > MAX_MATCH_LENGTH ? `${text.slice(0, MAX_MATCH_LENGTH - 1)}…` : text;
}

/**
 * The URL of each srcset candidate. Parsed as the HTML spec does (URL = run of
 * non-space characters, descriptors after it, comma between candidates), because
 * a data: URL contains commas and a JPEG's base64 starts with "/9j/".
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the end srcset[i] is undefined, tested as "undefined", which has no space or comma
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    // Stryker disable next-line EqualityOperator: equivalent, one step past the end and slice() clamps to the same URL
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    const endsCandidate = url.endsWith(',');
    url = url.replace(/,+$/, '');
    if (url) urls.push(url);
    // Stryker disable next-line EqualityOperator: equivalent, one step past the end, and the outer loop stops all the same
    if (!endsCandidate) while (i < srcset.length && srcset[i] !== ',') i++; // skip descriptors
  }
  return urls;
}

/** Inline (no src) classic or module scripts; JSON and other data blocks are not code. */
function inlineScripts(html: string): { body: string; offset: number }[] {
  const scripts: { body: string; offset: number }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    const typeMatch = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes);
    const type = typeMatch === null ? undefined : typeMatch[1]!.toLowerCase();
    if (/\bsrc\s*=/i.test(attributes)) continue;
    if (type !== undefined && type !== 'module' && !type.includes('javascript')) continue;
    scripts.push({ body: match[2]!, offset: match.index + match[0].indexOf('>') + 1 });
  }
  return scripts;
}

/** Replaces every character except newlines with a space, so offsets and lines stay valid. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function blankMarkupComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, blank);
}

function blankCssComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, blank);
}

/** After these, a `/` starts a regular expression literal rather than a division. */
const REGEX_AFTER_PUNCTUATION = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_KEYWORD = new Set(['return', 'typeof', 'instanceof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/**
 * Blanks `//` and `/* *\/` comments in JavaScript so a URL in a comment is not
 * reported. Walks strings, template literals (with nested `${}`) and regex
 * literals, so `"http://x"` or `/\/\//` are not mistaken for comments.
 */
export function blankJsComments(source: string): string {
  const chars = source.split('');
  const n = source.length;
  const blankRange = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (chars[k] !== '\n') chars[k] = ' ';
  };

  const endOfString = (start: number, quote: string): number => {
    let i = start + 1;
    // Stryker disable next-line EqualityOperator: equivalent, at i === n the undefined character only steps past the end, and the result is n all the same
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === quote) return i + 1;
      else if (c === '\n') return i; // unterminated: stop at the line end
      else i++;
    }
    return n;
  };

  /** End of the regex literal starting at `start`, or -1 if the line ends first. */
  const endOfRegex = (start: number): number => {
    let i = start + 1;
    let inClass = false;
    // Stryker disable next-line EqualityOperator: equivalent, at i === n the undefined character only steps past the end, and the result is n all the same
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '\n') return -1; // not a regex after all: the "/" was an operator
      else if (c === '[') (inClass = true), i++;
      else if (c === ']') (inClass = false), i++;
      else if (c === '/' && !inClass) {
        i++;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: equivalent, valid flags (dgimsuvy) spell no keyword, so reading them as a name, or one step past the end, leaves the same state
        while (i < n && /[a-z]/i.test(source[i]!)) i++;
        return i;
      } else i++;
    }
    return n;
  };

  const endOfTemplate = (start: number): number => {
    let i = start + 1;
    // Stryker disable next-line EqualityOperator: equivalent, at i === n the undefined character only steps past the end, and the result is n all the same
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') return i + 1;
      else if (c === '$' && source[i + 1] === '{') i = scanCode(i + 2, true);
      else i++;
    }
    return n;
  };

  /** Scans code; when `untilClosingBrace`, returns just after the `}` that ends a template `${`. */
  const scanCode = (start: number, untilClosingBrace: boolean): number => {
    let i = start;
    let depth = 0;
    let regexAllowed = true;
    // Stryker disable next-line EqualityOperator: equivalent, at i === n the undefined character only steps past the end, and the result is n all the same
    while (i < n) {
      const c = source[i]!;
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        const stop = end === -1 ? n : end;
        blankRange(i, stop);
        i = stop;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        const stop = end === -1 ? n : end + 2;
        blankRange(i, stop);
        i = stop;
      } else if (c === '"' || c === "'") {
        i = endOfString(i, c);
        regexAllowed = false;
      } else if (c === '`') {
        i = endOfTemplate(i);
        regexAllowed = false;
      } else if (c === '/') {
        const regexEnd: number = regexAllowed ? endOfRegex(i) : -1;
        // After a regex literal comes an operator; after a division, an operand (which may be a regex).
        regexAllowed = regexEnd === -1;
        i = regexEnd === -1 ? i + 1 : regexEnd;
      } else if (/[A-Za-z_$]/.test(c)) {
        let end = i + 1;
        // Stryker disable next-line EqualityOperator: equivalent, one step past the end and slice() clamps to the same name
        while (end < n && /[\w$]/.test(source[end]!)) end++;
        regexAllowed = REGEX_AFTER_KEYWORD.has(source.slice(i, end));
        i = end;
        // The directive sits after `else`: a comment before `}` belongs to the block above, which Stryker would not apply it to.
      } else /* Stryker disable next-line ConditionalExpression: equivalent, digits read as punctuation also leave regexAllowed false, and valid JS has no name straight after a number */ if (/\d/.test(c)) {
        // Stryker disable next-line EqualityOperator: equivalent, one step past the end, and the scan stops all the same
        while (i < n && /[\w.]/.test(source[i]!)) i++;
        regexAllowed = false;
      } else {
        if (c === '{') depth++;
        else if (c === '}') {
          if (untilClosingBrace && depth === 0) return i + 1;
          depth--;
        }
        if (!/\s/.test(c)) regexAllowed = REGEX_AFTER_PUNCTUATION.has(c);
        i++;
      }
    }
    return n;
  };

  scanCode(0, false);
  return chars.join('');
}

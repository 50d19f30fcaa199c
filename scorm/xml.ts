/**
 * Just enough XML for manifests: escaping for the writers, and a tokenizer for
 * the checker that reads back what an LMS reads (element names, attributes,
 * text). No namespaces are resolved: SCORM manifests use fixed prefixes and the
 * checker cares about the literal attribute names (`scormtype` vs `scormType`).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe in both text and double-quoted attribute values. */
export function escapeXml(value: string): string {
  // Characters XML 1.0 forbids outright (C0 controls except tab/LF/CR) would make the manifest not well-formed.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  /** Concatenated text directly inside the element (entities decoded, trimmed). */
  text: string;
  children: XmlElement[];
  /** 1-based line of the start tag, for messages. */
  line: number;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const NAME = '[A-Za-z_:][\\w.:-]*';
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

/**
 * Parses a document into a tree of elements. Skips the prolog, comments,
 * processing instructions, DOCTYPE; reads CDATA as text. Throws XmlSyntaxError on
 * mismatched or unclosed tags, so a truncated manifest is reported, not half-read.
 */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: new Map(), text: '', children: [], line: 1 };
  const stack: XmlElement[] = [root];
  const lineAt = lineCounter(source);
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(source)) !== null) {
    const [whole, cdata, closeName, openName, attributeText, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (cdata !== undefined) current.text += cdata;
    else if (text !== undefined) current.text += decodeEntities(text);
    else if (closeName !== undefined) {
      if (current.name !== closeName)
        throw new XmlSyntaxError(`line ${lineAt(match.index)}: </${closeName}> does not close <${current.name}>`);
      current.text = current.text.trim();
      stack.pop();
    } else if (openName !== undefined) {
      const element: XmlElement = { name: openName, attributes: parseAttributes(attributeText!), text: '', children: [], line: lineAt(match.index) };
      current.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    } else if (whole === '<') throw new XmlSyntaxError(`line ${lineAt(match.index)}: "<" that starts no valid tag`);
  }
  if (stack.length > 1) throw new XmlSyntaxError(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

/** Every element below `root` (depth first, document order) whose name is one of `names`. */
export function findAll(root: XmlElement, ...names: string[]): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (names.includes(child.name)) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) attributes.set(match[1]!, decodeEntities(match[2] ?? match[3]!));
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return character(parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return character(parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** The character a reference names; past U+10FFFF there is none (and String.fromCodePoint would throw a RangeError). */
function character(codePoint: number, reference: string): string {
  if (codePoint > 0x10ffff) throw new XmlSyntaxError(`${reference} names no character`);
  return String.fromCodePoint(codePoint);
}

/** Maps a string offset to its 1-based line number without rescanning from the start each time. */
export function lineCounter(text: string): (offset: number) => number {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    // Stryker disable next-line ArithmeticOperator: equivalent, an index past the end reads undefined, which compares as after every offset, like the end itself
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

import { join } from 'node:path';
import type { MdastPluginEntry } from 'satteri';
import { loadGlossary } from '../course/load-glossary.ts';
import { termFinder, type GlossaryTerm } from '../lib/glossary-match.ts';

/**
 * Text inside these is not marked: headings and links (a button inside them would be wrong), code,
 * quoted speech and drawn screens (the words are someone else's), exercise items, and terms already marked.
 */
const SKIPPED_NODES = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html']);
export const UNMARKED_COMPONENTS = new Set(['Term', 'Line', 'Conversation', 'Screen', 'Field', 'ScreenButton', 'ScreenMenu', 'SortItem', 'JourneyStep']);

interface TreeNode {
  type: string;
  name?: string | null;
}

/** True when `node` sits where a term must not be marked (see SKIPPED_NODES). */
export function insideSkipped(ancestors: readonly TreeNode[]): boolean {
  return ancestors.some((a) => SKIPPED_NODES.has(a.type) || (a.type.startsWith('mdxJsx') && UNMARKED_COMPONENTS.has(a.name ?? '')));
}

/** `<Term term="…" definition="…">words as written</Term>`, the element the module page renders with term.astro. */
export function termElement(term: string, definition: string, text: string) {
  return {
    type: 'mdxJsxTextElement' as const,
    name: 'Term',
    attributes: [
      { type: 'mdxJsxAttribute' as const, name: 'term', value: term },
      { type: 'mdxJsxAttribute' as const, name: 'definition', value: definition },
    ],
    children: [{ type: 'text' as const, value: text }],
  };
}

/**
 * The MDX (Sätteri) plugin that marks each lesson's first use of every glossary term.
 * A factory: Sätteri calls it once per document, so "first use" starts afresh in each lesson.
 */
export function glossaryPlugin(terms: readonly GlossaryTerm[]): MdastPluginEntry {
  return (document) => {
    if (document.sourceFormat !== 'mdx' || terms.length === 0) return null;
    const find = termFinder(terms);
    const used = new Set<string>();
    return {
      name: 'course-glossary',
      text(node, ctx) {
        const ancestors: TreeNode[] = [];
        for (let p = ctx.parent(node) as Parameters<typeof ctx.parent>[0] | undefined; p; p = ctx.parent(p)) ancestors.push(p as TreeNode);
        // A table's heading row is hidden from sight on a phone (each cell shows its heading instead): a term button
        // there would take keyboard focus unseen, so the first use is marked in the table's body or later text.
        const inHeadingRow = ancestors.some((a) => a.type === 'tableRow' && ctx.indexOf(a as never) === 0);
        if (insideSkipped(ancestors) || inHeadingRow) return;
        const uses = find(node.value, used);
        if (uses.length === 0) return;
        const parts: object[] = [];
        let at = 0;
        for (const use of uses) {
          if (use.start > at) parts.push({ type: 'text', value: node.value.slice(at, use.start) });
          parts.push(termElement(use.term, use.definition, use.text));
          at = use.end;
        }
        if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
        ctx.replaceNode(node, parts as never);
      },
    };
  };
}

/** The plugin with the terms of content/glossary/*.yaml (problems there are reported by the course-content integration). */
export function courseGlossaryPlugin(contentDir = join(process.cwd(), 'content')): MdastPluginEntry {
  return glossaryPlugin(loadGlossary(contentDir, []));
}

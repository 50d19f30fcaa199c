/**
 * Finding glossary terms in lesson text. Pure: the remark plugin that marks a
 * lesson's first use of each term, and its tests, share it.
 */

export interface GlossaryTerm {
  term: string;
  definition: string;
  aliases: readonly string[];
}

export interface TermUse {
  /** The entry's `term`: the same for every alias. */
  term: string;
  definition: string;
  start: number;
  end: number;
  /** The words as written in the lesson (keeps the author's capitals and plural). */
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns a finder that reports, in text order, the first use of each term not yet in `used`
 * (and adds it there), so a lesson's text nodes can be fed one by one with one shared set.
 * Whole words only, any case; a longer form wins over a shorter one it contains.
 */
export function termFinder(terms: readonly GlossaryTerm[]): (text: string, used: Set<string>) => TermUse[] {
  const byForm = new Map<string, GlossaryTerm>();
  for (const entry of terms) for (const form of [entry.term, ...entry.aliases]) byForm.set(form.toLowerCase(), entry);
  if (byForm.size === 0) return () => [];
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(${forms.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
  return (text, used) => {
    const uses: TermUse[] = [];
    for (const match of text.matchAll(pattern)) {
      const entry = byForm.get(match[1]!.toLowerCase())!;
      if (used.has(entry.term)) continue;
      used.add(entry.term);
      uses.push({ term: entry.term, definition: entry.definition, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
    return uses;
  };
}

/** The glossary page's anchor for a term: `term-two-step-verification`. */
export function termAnchor(term: string): string {
  return `term-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '')}`;
}

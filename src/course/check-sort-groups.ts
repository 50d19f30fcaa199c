import { parseGroups } from '../lib/sort-check.ts';
import type { ContentIssue } from './content-error.ts';

/**
 * A <SortItem> cannot see its <Sort>'s groups when it renders, so the build checks the pairing in the
 * MDX source: each item's group must be one of its Sort's groups, and a Sort needs two groups and an item.
 */
export function checkSortGroups(file: string, source: string, issues: ContentIssue[]): void {
  let sortNumber = 0;
  for (const block of source.matchAll(/<Sort\b([^>]*)>([\s\S]*?)<\/Sort>/g)) {
    sortNumber++;
    const field = `<Sort> ${sortNumber}`;
    // Stryker disable next-line StringLiteral: equivalent, group 1 ([^>]*) always participates in the match, so the fallback is never used
    const groupsAttr = /groups="([^"]*)"/.exec(block[1] ?? '')?.[1];
    // Stryker disable next-line StringLiteral: equivalent, any fallback without "|" parses to one group and fails the two-group rule just as '' does
    const groups = parseGroups(groupsAttr ?? '');
    if (groups.length < 2) {
      issues.push({ file, field: `${field}.groups`, message: 'needs at least two groups, e.g. groups="Open | Probing | Closed"' });
      continue;
    }
    // Stryker disable next-line StringLiteral: equivalent, group 2 ([\s\S]*?) always participates in the match, so the fallback is never used
    const items = [...(block[2] ?? '').matchAll(/<SortItem\b([^>]*)>/g)];
    if (items.length === 0) issues.push({ file, field, message: 'has no <SortItem group="…" feedback="…"> inside' });
    items.forEach((item, i) => {
      // Stryker disable next-line StringLiteral: equivalent, group 1 ([^>]*) always participates in the match, so the fallback is never used
      const attributes = item[1] ?? '';
      // Group 1 always participates when the regex matches, so only the exec(...) result can be missing.
      // (Not `?.[1]!.trim()`: Stryker's instrumenter cannot parse an optional chain into a non-null assertion.)
      const groupMatch = /group="([^"]*)"/.exec(attributes);
      const group = groupMatch === null ? undefined : groupMatch[1]!.trim();
      // Stryker disable next-line ConditionalExpression: equivalent, groups holds only strings, so !groups.includes(undefined) is already true
      if (group === undefined || !groups.includes(group))
        issues.push({ file, field: `${field} <SortItem> ${i + 1}.group`, message: `"${group ?? ''}" is not one of this Sort's groups (${groups.join(', ')})` });
      if (!/feedback="[^"]+"/.test(attributes))
        issues.push({ file, field: `${field} <SortItem> ${i + 1}.feedback`, message: 'needs feedback="…" saying why the example belongs in its group' });
    });
  }
}

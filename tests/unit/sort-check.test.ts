import { describe, expect, it } from 'vitest';
import { checkSortGroups } from '../../src/course/check-sort-groups.ts';
import type { ContentIssue } from '../../src/course/content-error.ts';
import { checkSort, parseGroups, verdictLabel } from '../../src/lib/sort-check.ts';

describe('checkSort', () => {
  const answers = ['Open', 'Closed', 'Open'];

  it('counts right answers and says how many are still to choose', () => {
    const result = checkSort(answers, ['Open', 'Open', null]);
    expect(result.verdicts).toEqual(['right', 'wrong', 'unanswered']);
    expect(result.right).toBe(1);
    expect(result.summary).toBe('1 of 3 in the right group. 1 still to choose.');
  });

  it('asks the learner to read the feedback when all are chosen but some are wrong, and praises a full score', () => {
    expect(checkSort(answers, ['Open', 'Open', 'Open']).summary).toBe('2 of 3 in the right group. Read the feedback under each one, then change your choice and check again.');
    expect(checkSort(answers, ['Open', 'Closed', 'Open']).summary).toBe('All 3 in the right group. Well done.');
  });

  it('labels each verdict with the right group', () => {
    expect(verdictLabel('right', 'Open')).toBe('Right: Open.');
    expect(verdictLabel('wrong', 'Closed')).toBe('Not quite: this one is Closed.');
  });

  it('parses groups separated by |, ignoring spaces and empty entries', () => {
    expect(parseGroups(' Open |Probing|  Closed | ')).toEqual(['Open', 'Probing', 'Closed']);
  });
});

describe('checkSortGroups (build check of the MDX source)', () => {
  const issuesFor = (source: string) => {
    const issues: ContentIssue[] = [];
    checkSortGroups('content/modules/m/01-x.mdx', source, issues);
    return issues.map((i) => `${i.field}: ${i.message}`);
  };

  it('accepts items whose group is one of the Sort groups', () => {
    expect(issuesFor('<Sort title="T" groups="Open | Closed">\n<SortItem group="Open" feedback="Why.">A</SortItem>\n<SortItem group=" Closed" feedback="Why.">B</SortItem>\n</Sort>')).toEqual([]);
  });

  it('names the Sort and item whose group is unknown or whose feedback is missing', () => {
    expect(
      issuesFor('<Sort title="T" groups="Open | Closed">\n<SortItem group="Open" feedback="Why.">A</SortItem>\n</Sort>\n\n<Sort title="U" groups="Open | Closed">\n<SortItem group="Probing">B</SortItem>\n</Sort>'),
    ).toEqual([
      '<Sort> 2 <SortItem> 1.group: "Probing" is not one of this Sort\'s groups (Open, Closed)',
      '<Sort> 2 <SortItem> 1.feedback: needs feedback="…" saying why the example belongs in its group',
    ]);
  });

  it('reports a Sort with no groups attribute, and an item with no group attribute', () => {
    expect(issuesFor('<Sort title="T">\n<SortItem group="Open" feedback="Why.">A</SortItem>\n</Sort>')).toEqual(['<Sort> 1.groups: needs at least two groups, e.g. groups="Open | Probing | Closed"']);
    expect(issuesFor('<Sort title="T" groups="Open | Closed">\n<SortItem feedback="Why.">A</SortItem>\n</Sort>')).toEqual(['<Sort> 1 <SortItem> 1.group: "" is not one of this Sort\'s groups (Open, Closed)']);
  });

  it('needs two groups and at least one item', () => {
    expect(issuesFor('<Sort title="T" groups="Open">\n</Sort>')).toEqual(['<Sort> 1.groups: needs at least two groups, e.g. groups="Open | Probing | Closed"']);
    expect(issuesFor('<Sort title="T" groups="Open | Closed">\n</Sort>')).toEqual(['<Sort> 1: has no <SortItem group="…" feedback="…"> inside']);
  });
});

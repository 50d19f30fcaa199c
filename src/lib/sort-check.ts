/** Logic of the <Sort> exercise, kept apart from the DOM so it is tested without a browser. */

/** "Open | Probing | Closed" → ["Open", "Probing", "Closed"]. */
export function parseGroups(groups: string): string[] {
  return groups.split('|').map((g) => g.trim()).filter(Boolean);
}

export type SortVerdict = 'right' | 'wrong' | 'unanswered';

export interface SortResult {
  verdicts: SortVerdict[];
  right: number;
  total: number;
  /** One sentence for the live region, e.g. "3 of 5 in the right group. 1 still to choose." */
  summary: string;
}

/**
 * Compares the learner's choices with each item's group.
 * @param answers the right group of each item, in order
 * @param choices the learner's choice for each item, `null` where none is made yet
 */
export function checkSort(answers: readonly string[], choices: readonly (string | null)[]): SortResult {
  const verdicts = answers.map<SortVerdict>((answer, i) => {
    const choice = choices[i] ?? null;
    if (choice === null) return 'unanswered';
    return choice === answer ? 'right' : 'wrong';
  });
  const right = verdicts.filter((v) => v === 'right').length;
  const open = verdicts.filter((v) => v === 'unanswered').length;
  const total = answers.length;
  const parts = [right === total ? `All ${total} in the right group. Well done.` : `${right} of ${total} in the right group.`];
  if (open > 0) parts.push(`${open} still to choose.`);
  else if (right < total) parts.push('Read the feedback under each one, then change your choice and check again.');
  return { verdicts, right, total, summary: parts.join(' ') };
}

/** Words shown before a checked item's feedback. */
export function verdictLabel(verdict: 'right' | 'wrong', answer: string): string {
  return verdict === 'right' ? `Right: ${answer}.` : `Not quite: this one is ${answer}.`;
}

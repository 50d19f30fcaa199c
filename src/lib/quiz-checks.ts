import type { ContentIssue } from '../course/content-error.ts';
import type { Quiz } from '../schemas/quiz.ts';
import { banksOf, itemBank } from './quiz-model.ts';

type OutcomeInput = { id: string; title: string; criteria: readonly string[] };

/** Rules that need the module's outcomes: every bank can supply its draw, and every reported outcome gets at least 2 items per attempt. */
export function checkQuizBanks(quiz: Quiz, outcomes: readonly OutcomeInput[], file: string, issues: ContentIssue[]): void {
  const items = quiz.items.map((item) => ({ item, bank: itemBank(item, outcomes) }));
  const sizes = banksOf(items);
  const draw = quiz.draw;
  const takes = (bank: string): number => {
    if (!draw) return sizes.get(bank) ?? 0;
    return 'per_outcome' in draw ? draw.per_outcome : (draw.per_bank[bank] ?? sizes.get(bank) ?? 0);
  };

  if (draw && 'per_bank' in draw)
    for (const bank of Object.keys(draw.per_bank))
      if (!sizes.has(bank))
        issues.push({ file, field: `draw.per_bank.${bank}`, message: `no item is in bank "${bank}"; the banks are ${[...sizes.keys()].join(', ')}` });

  // Stryker disable next-line ConditionalExpression: equivalent, with no draw takes() gives each bank its own size, so no bank is ever overdrawn
  if (draw)
    for (const [bank, size] of sizes)
      if (takes(bank) > size)
        issues.push({
          file,
          field: 'per_outcome' in draw ? 'draw.per_outcome' : `draw.per_bank.${bank}`,
          message: `bank "${bank}" has ${size} item${size === 1 ? '' : 's'} but the draw takes ${takes(bank)}; add items or draw fewer`,
        });

  for (const outcome of outcomes) {
    const serves = ({ item }: (typeof items)[number]) => outcome.criteria.some((c) => item.criteria.includes(c));
    if (!items.some(serves)) continue;
    // The fewest items an attempt can hold for this outcome: a bank's draw may first use up its other items.
    let fewest = 0;
    for (const [bank, size] of sizes) {
      const serving = items.filter((entry) => entry.bank === bank && serves(entry)).length;
      fewest += Math.max(0, Math.min(takes(bank), size) - (size - serving));
    }
    if (fewest < 2)
      issues.push({
        file,
        field: draw ? 'draw' : 'items',
        message: `outcome "${outcome.id}" can get only ${fewest} item${fewest === 1 ? '' : 's'} in an attempt; a quiz needs at least 2 items for each outcome it reports`,
      });
  }
}

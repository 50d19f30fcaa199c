import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/course/content-error.ts';
import { checkQuizBanks } from '../../src/lib/quiz-checks.ts';
import { allTypesQuiz, FIXTURE_OUTCOMES } from '../support/quiz-fixture.ts';

const FILE = 'content/modules/m1/quiz.yaml';
type Outcome = (typeof FIXTURE_OUTCOMES)[number];

/** Issues for the all-types quiz (systems bank: 3 items, navigating: 4) with the given draw. */
function issuesFor(draw: unknown, outcomes: readonly Outcome[] = FIXTURE_OUTCOMES, edit: (quiz: ReturnType<typeof allTypesQuiz>) => void = () => {}) {
  const quiz = allTypesQuiz(draw === undefined ? {} : { draw });
  edit(quiz);
  const issues: ContentIssue[] = [];
  checkQuizBanks(quiz, outcomes, FILE, issues);
  return issues;
}

describe('checkQuizBanks', () => {
  it('names the bank a per-bank draw takes too many from', () => {
    expect(issuesFor({ per_bank: { systems: 4 } })).toEqual([
      { file: FILE, field: 'draw.per_bank.systems', message: 'bank "systems" has 3 items but the draw takes 4; add items or draw fewer' },
    ]);
  });

  it('says "1 item" for a bank of one', () => {
    const ownBank = (quiz: ReturnType<typeof allTypesQuiz>) => {
      quiz.items[6]!.bank = 'typed';
    };
    expect(issuesFor({ per_bank: { typed: 2 } }, FIXTURE_OUTCOMES, ownBank)).toEqual([
      { file: FILE, field: 'draw.per_bank.typed', message: 'bank "typed" has 1 item but the draw takes 2; add items or draw fewer' },
    ]);
  });

  it('ignores an outcome no item serves', () => {
    expect(issuesFor(undefined, [...FIXTURE_OUTCOMES, { id: 'unused', title: 'Unused', criteria: ['U219.9.9'] }])).toEqual([]);
  });

  it('counts the items an attempt can be left with for an outcome, in words', () => {
    // forms is served only by the true/false item in the systems bank; drawing 2 of 3 may leave it out.
    expect(issuesFor({ per_bank: { systems: 2 } }, [...FIXTURE_OUTCOMES, { id: 'forms', title: 'Forms', criteria: ['D4.3.1'] }])).toEqual([
      {
        file: FILE,
        field: 'draw',
        message: 'outcome "forms" can get only 0 items in an attempt; a quiz needs at least 2 items for each outcome it reports',
      },
    ]);
    expect(issuesFor({ per_bank: { systems: 1 } })).toEqual([
      {
        file: FILE,
        field: 'draw',
        message: 'outcome "systems" can get only 1 item in an attempt; a quiz needs at least 2 items for each outcome it reports',
      },
    ]);
  });
});

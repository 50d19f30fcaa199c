import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { courseWith, problems, removeCourseCopies } from '../support/course-fixture.ts';
import { PROJECT_ROOT } from '../support/real-course.ts';

const QUIZ = 'content/modules/m1/quiz.yaml';
const ALL_TYPES = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/quiz/all-types.yaml'), 'utf8');

/** The minimal course with the all-types quiz as module m1's quiz, edited by `edit`. */
function problemsWith(edit: (quiz: string) => string): string[] {
  return problems(courseWith((path) => writeFileSync(path('modules/m1/quiz.yaml'), edit(ALL_TYPES))));
}

function replaced(from: string, to: string) {
  return (text: string) => {
    if (!text.includes(from)) throw new Error(`fixture edit failed: "${from}" not in the quiz`);
    return text.replace(from, to);
  };
}

afterEach(removeCourseCopies);

describe('quiz authoring errors fail the build, naming file, item and field', () => {
  it('accepts the fixture with every item type', () => {
    expect(problemsWith((q) => q)).toEqual([]);
  });

  it('a best-reply item with no correct answer', () => {
    expect(problemsWith(replaced('{ id: a, text: Best reply, correct: true }', '{ id: a, text: Best reply }'))).toContain(
      `${QUIZ}: items[3].options: a best-reply item needs exactly one option with correct: true (found 0)`,
    );
  });

  it('a best-reply item without the customer message', () => {
    expect(problemsWith(replaced("    customer_message: I can't find the button.\n", '')).join('\n')).toMatch(/quiz\.yaml: items\[3\]\.customer_message: /);
  });

  it('a matching answer that is not among the answers', () => {
    expect(problemsWith(replaced('{ id: p3, text: Prompt three, answer: c }', '{ id: p3, text: Prompt three, answer: e }'))).toContain(
      `${QUIZ}: items[4].prompts[2].answer: "e" is not among the answers; expected one of a, b, c, d`,
    );
  });

  it('duplicate item ids and duplicate option ids', () => {
    const found = problemsWith((q) => replaced('  - id: multiple\n', '  - id: single\n')(replaced('{ id: c, text: Other wrong one }', '{ id: b, text: Other wrong one }')(q)));
    expect(found).toContain(`${QUIZ}: items[1].id: duplicate item id "single"`);
    expect(found).toContain(`${QUIZ}: items[0].options[2].id: duplicate option id "b"`);
  });

  it('a bank smaller than its draw', () => {
    // systems has 3 items, navigating 4: only systems is too small.
    expect(problemsWith((q) => q.replace('mode: practice\n', 'mode: practice\ndraw: { per_outcome: 4 }\n'))).toEqual([
      `${QUIZ}: draw.per_outcome: bank "systems" has 3 items but the draw takes 4; add items or draw fewer`,
    ]);
  });

  it('a draw naming a bank no item is in', () => {
    expect(problemsWith((q) => q.replace('mode: practice\n', 'mode: practice\ndraw: { per_bank: { sistems: 2 } }\n'))).toContain(
      `${QUIZ}: draw.per_bank.sistems: no item is in bank "sistems"; the banks are systems, navigating`,
    );
  });

  it('an unknown criterion', () => {
    expect(problemsWith(replaced('  - id: order\n    type: ordering\n    criteria: [U219.1.2]', '  - id: order\n    type: ordering\n    criteria: [U219.1.2, U219.1.9]'))).toContain(
      `${QUIZ}: items[5].criteria[1]: unknown criterion id "U219.1.9"; expected an id listed in content/standards/*.yaml`,
    );
  });

  it('a matching item whose sides differ in count without distractors', () => {
    expect(problemsWith(replaced('{ id: d, text: Answer D, distractor: true }', '{ id: d, text: Answer D }'))).toContain(
      `${QUIZ}: items[4].answers: 4 answers for 3 prompts: mark each extra answer with distractor: true, or give each answer a prompt`,
    );
  });

  it('an ordering item with fewer than 3 steps', () => {
    expect(problemsWith(replaced('steps: [Step one, Step two, Step three, Step four]', 'steps: [Step one, Step two]'))).toContain(
      `${QUIZ}: items[5].steps: an ordering item needs at least 3 steps`,
    );
  });

  it('a fill-in item with no accepted answer', () => {
    expect(problemsWith(replaced('accepted: [Date of birth, DOB]', 'accepted: []'))).toContain(`${QUIZ}: items[6].accepted: a fill-in item needs at least one accepted answer`);
  });

  it('a quiz with fewer than 2 items for an outcome it reports', () => {
    const found = problemsWith((q) => q.replace('mode: practice\n', 'mode: practice\ndraw: { per_outcome: 1 }\n'));
    expect(found).toContain(`${QUIZ}: draw: outcome "systems" can get only 1 item in an attempt; a quiz needs at least 2 items for each outcome it reports`);
    expect(found).toContain(`${QUIZ}: draw: outcome "navigating" can get only 1 item in an attempt; a quiz needs at least 2 items for each outcome it reports`);
  });

  it('counts items, not draws, when the quiz has no draw', () => {
    const onlyOneSystemsItem = (q: string) => q.replaceAll('criteria: [U219.1.1, D4.3.1]', 'criteria: [U219.1.2]').replaceAll('criteria: [U219.1.1]', 'criteria: [U219.1.2]').replace('  - id: single\n    type: single\n    criteria: [U219.1.2]', '  - id: single\n    type: single\n    criteria: [U219.1.1]');
    expect(problemsWith(onlyOneSystemsItem)).toContain(`${QUIZ}: items: outcome "systems" can get only 1 item in an attempt; a quiz needs at least 2 items for each outcome it reports`);
  });
});

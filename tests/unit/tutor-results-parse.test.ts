import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/tutor-results/parse-report.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const moodle12 = read('moodle-4.3/interactions-scorm12-all-columns.txt');
const errors = (report: ReturnType<typeof parseReport>) => report.problems.filter((p) => p.severity === 'error').map((p) => p.message);
const warnings = (report: ReturnType<typeof parseReport>) => report.problems.filter((p) => p.severity === 'warning').map((p) => p.message);

describe('Moodle 4.3 interactions report', () => {
  it('reads every answer of the SCORM 1.2 export, in the order Moodle wrote them', () => {
    const report = parseReport('interactions-scorm12-all-columns.txt', moodle12);
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('moodle-interactions');
    expect(report.answers).toHaveLength(30);
    expect(new Set(report.answers.map((a) => a.learner))).toEqual(new Set(['student@example.invalid']));
    expect(report.answers[1]).toMatchObject({ learnerName: 'Sam Student', interactionId: 'u219-lo1-quiz-q02', response: 'a', result: 'wrong' });
    expect(report.answers[16]).toMatchObject({ interactionId: 'u219-lo1-quiz-q02', response: 'a,b,c,d', result: 'correct' });
    expect(report.answers.filter((a) => a.result === 'wrong').map((a) => a.interactionId)).toEqual(['q02', 'q06', 'q10', 'q13', 'q14'].map((q) => `u219-lo1-quiz-${q}`));
    expect(report.scores).toEqual([{ learner: 'student@example.invalid', learnerName: 'Sam Student', scoTitle: 'How real-time online customer service works', attempt: 1, score: '100' }]);
  });

  it('reads a package of several SCOs, whose rows hold a score and a block of question columns per SCO', () => {
    const [header, row] = Papa.parse<string[]>(moodle12, { delimiter: '\t', skipEmptyLines: true }).data as [string[], string[]];
    const block = row.slice(7);
    const otherBlock = block.map((_cell, i) => (i === 0 ? 'm2-quiz-q01' : i === 1 ? 'b' : i === 2 ? 'b' : i === 3 ? 'correct' : ''));
    const twoScos = [
      [...header.slice(0, 7), 'Module two', ...header.slice(7)],
      [...row.slice(0, 7), ...block, '80', ...otherBlock],
      ['Ali Second', 'ali@example.invalid', '1', '', '', '0', 'Not attempted', ...block.map(() => ''), '50', ...otherBlock],
    ];
    const report = parseReport('two-scos.txt', Papa.unparse(twoScos, { delimiter: '\t' }));
    expect(report.problems).toEqual([]);
    expect(report.answers.filter((a) => a.learnerName === 'Sam Student')).toHaveLength(31);
    expect(report.answers.filter((a) => a.learnerName === 'Ali Second')).toEqual([expect.objectContaining({ interactionId: 'm2-quiz-q01', result: 'correct', sequence: [0, 1, 3, 1, 0] })]);
    expect(report.scores.map((s) => [s.learnerName, s.scoTitle, s.score])).toEqual([
      ['Sam Student', 'How real-time online customer service works', '100'],
      ['Sam Student', 'Module two', '80'],
      ['Ali Second', 'Module two', '50'],
    ]);
  });

  it('reads the same report downloaded as CSV', () => {
    const csv = Papa.unparse(Papa.parse<string[]>(moodle12, { delimiter: '\t', skipEmptyLines: true }).data);
    const report = parseReport('interactions.csv', csv);
    expect(report.problems).toEqual([]);
    expect(report.answers).toEqual(parseReport('interactions.txt', moodle12).answers);
  });

  it('says the SCORM 2004 export has no interactions and why', () => {
    const report = parseReport('interactions-scorm2004-all-columns.txt', read('moodle-4.3/interactions-scorm2004-all-columns.txt'));
    expect(report.answers).toEqual([]);
    expect(errors(report)).toEqual([expect.stringMatching(/^interactions-scorm2004-all-columns\.txt: no interactions in this export.*SCORM 2004.*use the SCORM 1\.2 package/)]);
  });

  it('says the objectives report has no answers and which report to export instead', () => {
    const report = parseReport('objectives-scorm12.txt', read('moodle-4.3/objectives-scorm12.txt'));
    expect(report.answers).toEqual([]);
    expect(errors(report)).toEqual([expect.stringMatching(/objectives report.*Interactions report.*"Summary of question"/)]);
  });

  it('names the report settings to switch on when the interaction id column is missing', () => {
    const rows = Papa.parse<string[]>(moodle12, { delimiter: '\t', skipEmptyLines: true }).data;
    const keep = rows[0]!.map((h) => !/^Question \d+$/.test(h));
    const withoutIds = Papa.unparse(rows.map((r) => r.filter((_, i) => keep[i])), { delimiter: '\t' });
    const report = parseReport('no-ids.txt', withoutIds);
    expect(errors(report)).toEqual([expect.stringMatching(/^no-ids\.txt: the interaction id column \("Question 0".*tick "Summary of question"/)]);
  });

  it('judges right and wrong from the right answer when the result columns are off', () => {
    const rows = Papa.parse<string[]>(moodle12, { delimiter: '\t', skipEmptyLines: true }).data;
    const keep = rows[0]!.map((h) => !/^Result \d+$/.test(h));
    const report = parseReport('no-results.txt', Papa.unparse(rows.map((r) => r.filter((_, i) => keep[i])), { delimiter: '\t' }));
    expect(report.answers.map((a) => a.result)).toEqual(parseReport('x', moodle12).answers.map((a) => a.result));
  });
});

describe('generic CSV', () => {
  it('reads learner, interaction_id, result, response and timestamp', () => {
    const report = parseReport('generic-example.csv', read('tutor-results/generic-example.csv'));
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('generic-csv');
    expect(report.answers).toHaveLength(5);
    expect(report.answers[2]).toMatchObject({ learner: 'Asha Patel', interactionId: 'u219:lo1:quiz:q04', result: 'wrong', response: 'c', time: Date.parse('2026-12-01T09:11:00Z') });
  });

  it('reads quiz part marks (a number 0-1) as right, wrong or partly right', () => {
    const csv = 'learner,interaction_id,result\nAsha,u219-lo1-quiz-q02,0.5\nAsha,u219-lo1-quiz-q16,1\nAsha,u219-lo1-quiz-q17,0\nAsha,u219-lo1-quiz-q21,0.67a\n';
    const report = parseReport('marks.csv', csv);
    expect(report.answers.map((a) => a.result)).toEqual(['neutral', 'correct', 'wrong']);
    expect(report.problems).toHaveLength(1);
  });

  it('needs only the three required columns, and leaves out rows it cannot read, saying why', () => {
    const report = parseReport('mine.csv', 'Interaction_ID,Learner,Result\nq1,Ann,correct\nq2,Ann,maybe\nq3,Ann\n');
    expect(report.answers).toEqual([expect.objectContaining({ learner: 'Ann', interactionId: 'q1', result: 'correct' })]);
    expect(warnings(report)).toEqual([
      'mine.csv: row 3 has result "maybe", expected correct, wrong or neutral; it is left out.',
      expect.stringMatching(/^mine\.csv: row 4 has 2 column\(s\), expected at least 3 .*cut off; it is left out\.$/),
    ]);
  });

  it('names a missing required column', () => {
    expect(errors(parseReport('x.csv', 'learner,interaction_id,score\nAnn,q1,1\n'))).toEqual([expect.stringMatching(/^x\.csv: the header has no result column/)]);
  });
});

describe('malformed files', () => {
  it('a wrong delimiter', () => {
    const report = parseReport('semicolons.csv', read('tutor-results/semicolons.csv'));
    expect(report.answers).toEqual([]);
    expect(errors(report)).toEqual([expect.stringMatching(/^semicolons\.csv: the columns are separated by ";". Expected tabs .* or commas/)]);
  });

  it('a truncated row: the whole rows are kept, the cut one keeps only its complete answers', () => {
    const report = parseReport('truncated-row.txt', read('tutor-results/truncated-row.txt'));
    expect(warnings(report)).toEqual([expect.stringMatching(/^truncated-row\.txt: row 3 \(Ali Second\) stops at column 29 of 127 \("Response 5"\).*cut off/)]);
    expect(report.answers.filter((a) => a.learner === 'student@example.invalid')).toHaveLength(30);
    expect(report.answers.filter((a) => a.learner === 'ali@example.invalid').map((a) => a.interactionId)).toEqual(['q01', 'q02', 'q03', 'q04', 'q05'].map((q) => `u219-lo1-quiz-${q}`));
  });

  it('a file cut off inside a quoted field', () => {
    const report = parseReport('cut.txt', `${moodle12.split('\n')[0]}\n"Sam Stud`);
    expect(errors(report)).toEqual([expect.stringMatching(/^cut\.txt: row \d+ has a quote \(".*never closed.*cut off/)]);
  });

  it('an HTML page saved as .csv', () => {
    const report = parseReport('saved-page.csv', read('tutor-results/saved-page.csv'));
    expect(errors(report)).toEqual([expect.stringMatching(/^saved-page\.csv: this is a web page \(HTML\), not a report export/)]);
  });

  it('a spreadsheet download (Excel or ODS)', () => {
    expect(errors(parseReport('report.xlsx', 'PK\u0003\u0004binary'))).toEqual([expect.stringMatching(/^report\.xlsx: this is a spreadsheet file.*text format/)]);
    expect(errors(parseReport('report.txt', 'PK\u0003\u0004binary'))).toHaveLength(1);
  });

  it('an empty file and an unknown header', () => {
    expect(errors(parseReport('empty.csv', '\uFEFF\n'))).toEqual(['empty.csv: the file is empty. Expected a report exported from the LMS.']);
    expect(errors(parseReport('other.csv', 'a,b,c\n1,2,3\n'))).toEqual([expect.stringMatching(/^other\.csv: the header row \(a, b, c\) is not one this page knows/)]);
  });
});

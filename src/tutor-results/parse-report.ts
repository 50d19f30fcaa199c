import Papa from 'papaparse';

/** One answer to one interaction, as the LMS export records it. */
export interface AnswerRecord {
  /** Stable key for the learner: e-mail when the export has one, else the name. */
  learner: string;
  learnerName: string;
  interactionId: string;
  result: AnswerResult;
  response?: string;
  /** Milliseconds since 1970 when the export gives a time; compared before `sequence`. */
  time?: number;
  /** Order within everything loaded: file, attempt, row, column. Later is larger. */
  sequence: number[];
}

export type AnswerResult = 'correct' | 'wrong' | 'neutral';

/** A module score column of a Moodle report (one per SCO, titled with the SCO's title). */
export interface ScoreRecord {
  learner: string;
  learnerName: string;
  scoTitle: string;
  attempt: number;
  score: string;
}

export type ReportFormat = 'moodle-interactions' | 'generic-csv';

export interface ParsedReport {
  file: string;
  format: ReportFormat | null;
  answers: AnswerRecord[];
  scores: ScoreRecord[];
  /** `error`: nothing in the file could be used; `warning`: some rows were left out, the rest is used. */
  problems: { severity: 'error' | 'warning'; message: string }[];
}

const MOODLE_SETTINGS = 'In Moodle, open the SCORM activity, Reports, Interactions report; under "Options" tick "Summary of question", "Summary of response", "Right answer" and "Result", show the report, then "Download in text format"';
const GENERIC_HEADER = 'learner, interaction_id, result (optional: response, timestamp)';
const RESULTS: Record<string, AnswerResult> = { correct: 'correct', right: 'correct', wrong: 'wrong', incorrect: 'wrong', neutral: 'neutral', unanticipated: 'wrong' };

/** A result word, or a quiz part mark (a number 0–1: 1 right, 0 wrong, between: partly right). */
function readResult(text: string): AnswerResult | undefined {
  if (RESULTS[text]) return RESULTS[text];
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const mark = Number(text);
  return mark >= 1 ? 'correct' : mark <= 0 ? 'wrong' : 'neutral';
}

/** Reads one report file. Never throws: every problem is a message naming the file and what was expected. */
export function parseReport(file: string, text: string, fileIndex = 0): ParsedReport {
  const report: ParsedReport = { file, format: null, answers: [], scores: [], problems: [] };
  const fail = (message: string) => {
    report.problems.push({ severity: 'error', message: `${file}: ${message}` });
    return report;
  };
  const body = text.replace(/^\uFEFF/, '');
  // Zip-based (.xlsx, .ods) and old binary (.xls) spreadsheets start with these bytes.
  if (/\.(xlsx?|ods)$/i.test(file) || body.startsWith('PK\u0003\u0004') || body.startsWith('\u00D0\u00CF\u0011\u00E0') || body.startsWith('\uFFFD\uFFFD\u0011'))
    return fail('this is a spreadsheet file (Excel or ODS), which this page cannot read. Download the report in text format, or save it from your spreadsheet as "CSV (comma delimited)".');
  if (body.trim() === '') return fail('the file is empty. Expected a report exported from the LMS.');
  if (/^\s*<(!doctype html|html|head|body|\?xml)/i.test(body) || /<\/?(html|table|div)\b[^>]*>/i.test(body.slice(0, 2000)))
    return fail('this is a web page (HTML), not a report export. Save the report with the LMS\'s download button ("Download in text format" or CSV in Moodle), not the browser\'s "Save page as".');

  const firstLine = body.split(/\r?\n/, 1)[0]!;
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length < 3) {
    const other = [';', '|'].find((d) => firstLine.split(d).length >= 3);
    return fail(
      other
        ? `the columns are separated by "${other}". Expected tabs (Moodle's text format) or commas (CSV). Export the report again as text or CSV, or save it from your spreadsheet as "CSV (comma delimited)".`
        : `the first row has ${header.length} column(s). Expected a header row: Moodle's interactions report, or ${GENERIC_HEADER}.`,
    );
  }
  // An unclosed quote swallows the rest of the file: the file was cut off or edited by hand.
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return fail(`row ${(quoteError.row ?? 0) + 1} has a quote (") that is never closed, so the file looks cut off. Download the report again.`);

  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('interaction_id')) return readGeneric(report, rows, lower, fileIndex);
  if (lower.includes('attempt') && lower.includes('name')) return readMoodle(report, rows, header, fileIndex);
  return fail(`the header row (${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}) is not one this page knows. Expected Moodle's interactions report, or a CSV with the columns ${GENERIC_HEADER}.`);
}

function readMoodle(report: ParsedReport, rows: string[][], header: string[], fileIndex: number): ParsedReport {
  const { file } = report;
  report.format = 'moodle-interactions';
  const column = (name: string) => header.indexOf(name);
  const questionColumns = header.flatMap((h, i) => {
    const match = /^(Question|Response|Right answer|Result) (\d+)$/.exec(h);
    return match ? [{ kind: match[1]!, n: Number(match[2]), index: i }] : [];
  });
  const questionNumbers = [...new Set(questionColumns.map((q) => q.n))].sort((a, b) => a - b);
  const at = (kind: string, n: number) => questionColumns.find((q) => q.kind === kind && q.n === n)?.index ?? -1;
  if (!questionColumns.some((q) => q.kind === 'Question')) {
    report.problems.push({
      severity: 'error',
      message: questionColumns.length > 0
        ? `${file}: the interaction id column ("Question 0", "Question 1", …) is missing, so answers cannot be matched to criteria. ${MOODLE_SETTINGS}.`
        : `${file}: this Moodle report has no interaction columns (it looks like the ${header.length > 7 ? 'objectives' : 'basic'} report, which has no answers per question). ${MOODLE_SETTINGS}.`,
    });
    return report;
  }
  if (!questionColumns.some((q) => q.kind === 'Result' || q.kind === 'Right answer')) {
    report.problems.push({ severity: 'error', message: `${file}: the export has interaction ids but no "Result" columns, so right and wrong cannot be told apart. ${MOODLE_SETTINGS}.` });
    return report;
  }
  const nameAt = column('Name');
  const emailAt = column('Email address');
  const attemptAt = column('Attempt');
  const scoreAt = column('Score');
  const firstQuestion = Math.min(...questionColumns.map((q) => q.index));
  // Between "Score" and the first question column the header has one column per SCO, titled with the SCO's title,
  // then one block of question columns. Each row holds, per SCO in that order, its score and its own block
  // (Moodle's report code does this), so a package of several SCOs gives rows longer than the header.
  const scoTitles = scoreAt >= 0 && scoreAt < firstQuestion ? header.slice(scoreAt + 1, firstQuestion) : [];
  const origin = scoTitles.length > 0 ? scoreAt + 1 : firstQuestion;
  const blockWidth = header.length - firstQuestion;
  const segmentWidth = (scoTitles.length > 0 ? 1 : 0) + blockWidth;
  const segments = Math.max(1, scoTitles.length);
  const expectedLength = origin + segments * segmentWidth;
  const offsetIn = (kind: string, n: number) => {
    const index = at(kind, n);
    return index < 0 ? -1 : index - firstQuestion;
  };

  rows.slice(1).forEach((row, r) => {
    const rowNumber = r + 2;
    const learnerName = row[nameAt]?.trim() ?? '';
    const learner = (emailAt >= 0 && row[emailAt]?.trim()) || learnerName;
    if (!learner) {
      report.problems.push({ severity: 'warning', message: `${file}: row ${rowNumber} has no learner name; it is left out.` });
      return;
    }
    const attempt = Number(row[attemptAt]) || 0;
    // Moodle writes every cell, empty or not; a shorter row was cut off. Questions it does not reach are left out.
    const cut = row.length < expectedLength && row.length > origin;
    if (cut)
      report.problems.push({
        severity: 'warning',
        message: `${file}: row ${rowNumber} (${learnerName}) stops at column ${row.length} of ${expectedLength}${row.length <= header.length ? ` ("${header[row.length - 1]}")` : ''}; the file looks cut off. Questions without a "Result" in that row are left out: download the report again.`,
      });
    for (let segment = 0; segment < segments; segment++) {
      const start = origin + segment * segmentWidth;
      const block = start + (scoTitles.length > 0 ? 1 : 0);
      const score = scoTitles.length > 0 ? row[start]?.trim() : '';
      if (score && !/^not attempted$/i.test(score)) report.scores.push({ learner, learnerName, scoTitle: scoTitles[segment]!, attempt, score });
      const cell = (kind: string, n: number) => (offsetIn(kind, n) < 0 ? undefined : row[block + offsetIn(kind, n)]?.trim());
      for (const n of questionNumbers) {
        const id = cell('Question', n);
        if (!id || (cut && block + Math.max(offsetIn('Result', n), offsetIn('Right answer', n)) >= row.length)) continue;
        const resultText = cell('Result', n)?.toLowerCase();
        const response = cell('Response', n);
        const right = cell('Right answer', n);
        // Without a result column, a response equal to the right answer is right.
        const result = resultText ? readResult(resultText) : response && right !== undefined ? (response === right ? 'correct' : 'wrong') : undefined;
        if (!result) {
          const why = resultText ? `result "${resultText}" (expected correct, wrong or neutral)` : 'no result';
          report.problems.push({ severity: 'warning', message: `${file}: row ${rowNumber} (${learnerName}), "Question ${n}" ${id} has ${why}; it is left out.` });
          continue;
        }
        report.answers.push({ learner, learnerName, interactionId: id, result, ...(response ? { response } : {}), sequence: [fileIndex, attempt, rowNumber, segment, n] });
      }
    }
  });
  if (report.answers.length === 0 && !report.problems.some((p) => p.severity === 'warning'))
    report.problems.push({
      severity: 'error',
      message: `${file}: no interactions in this export: every "Question" column is empty. Moodle 4.3 stores the answers of SCORM 2004 packages but does not show them in this report; use the SCORM 1.2 package for per-question reports.`,
    });
  return report;
}

function readGeneric(report: ParsedReport, rows: string[][], header: string[], fileIndex: number): ParsedReport {
  const { file } = report;
  report.format = 'generic-csv';
  const at = (name: string) => header.indexOf(name);
  const missing = ['learner', 'interaction_id', 'result'].filter((name) => at(name) < 0);
  if (missing.length > 0) {
    report.problems.push({ severity: 'error', message: `${file}: the header has no ${missing.join(', ')} column. Expected the columns ${GENERIC_HEADER}.` });
    return report;
  }
  const [learnerAt, idAt, resultAt, responseAt, timeAt] = ['learner', 'interaction_id', 'result', 'response', 'timestamp'].map(at) as [number, number, number, number, number];
  const required = Math.max(learnerAt, idAt, resultAt) + 1;
  rows.slice(1).forEach((row, r) => {
    const rowNumber = r + 2;
    const leave = (why: string) => report.problems.push({ severity: 'warning', message: `${file}: row ${rowNumber} ${why}; it is left out.` });
    if (row.length < required) return leave(`has ${row.length} column(s), expected at least ${required} (${GENERIC_HEADER}); the file may be cut off`);
    const learner = row[learnerAt]!.trim();
    const interactionId = row[idAt]!.trim();
    const resultText = row[resultAt]!.trim().toLowerCase();
    if (!learner || !interactionId) return leave('has no learner or no interaction_id');
    const result = readResult(resultText);
    if (!result) return leave(`has result "${resultText}", expected correct, wrong or neutral`);
    let time: number | undefined;
    const timeText = timeAt >= 0 ? row[timeAt]?.trim() : '';
    if (timeText) {
      time = Date.parse(timeText);
      if (Number.isNaN(time)) return leave(`has timestamp "${timeText}", expected a date and time such as 2026-12-02T09:30:00Z`);
    }
    const response = responseAt >= 0 ? row[responseAt]?.trim() : '';
    report.answers.push({ learner, learnerName: learner, interactionId, result, ...(response ? { response } : {}), ...(time !== undefined ? { time } : {}), sequence: [fileIndex, 0, rowNumber, 0] });
  });
  if (report.answers.length === 0 && report.problems.length === 0)
    report.problems.push({ severity: 'error', message: `${file}: the file has a header but no answers.` });
  return report;
}

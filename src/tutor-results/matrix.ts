import { interactionLookup, type CriteriaMap } from './criteria-map.ts';
import type { AnswerRecord, AnswerResult, ScoreRecord } from './parse-report.ts';

/** A criterion as one learner's latest answers show it. Never "achieved": the course checks knowledge only. */
export type CriterionStatus = 'shown' | 'not-yet' | 'not-attempted';

export interface CriterionCell {
  module: string;
  criterion: string;
  status: CriterionStatus;
  right: number;
  wrong: number;
  /** Scenario replies that were acceptable but not the best. */
  partly: number;
  notAttempted: number;
  /** Interaction ids whose latest answer was wrong or partly right, for the "needing attention" view. */
  toReview: string[];
}

export interface LearnerResults {
  learner: string;
  name: string;
  cells: CriterionCell[];
  /** Latest attempt's score per module id (Moodle's SCO columns). */
  moduleScores: Record<string, string>;
}

export interface UnknownInteraction {
  id: string;
  /** `older-version`: the id belongs to a module of this course but not to this version; `other-course`: not ours. */
  reason: 'older-version' | 'other-course';
  module?: string;
  learners: number;
  answers: number;
}

export interface ResultsMatrix {
  learners: LearnerResults[];
  /** Criteria rows in display order: module (course order), standard, criterion (catalogue order). */
  rows: { module: string; standard: string; criterion: string }[];
  unknown: UnknownInteraction[];
  /** Score columns whose title is no module of this course. */
  unknownScoreColumns: string[];
}

/** Later answer first: a timestamp wins when both answers have one, otherwise file, attempt, row, column order. */
export function isLater(a: AnswerRecord, b: AnswerRecord): boolean {
  if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return a.time > b.time;
  for (let i = 0; i < Math.max(a.sequence.length, b.sequence.length); i++) {
    const d = (a.sequence[i] ?? 0) - (b.sequence[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

export function buildMatrix(map: CriteriaMap, answers: readonly AnswerRecord[], scores: readonly ScoreRecord[] = []): ResultsMatrix {
  const lookup = interactionLookup(map);
  const criterionOrder = new Map(map.criteria.map((c, i) => [c.id, i]));
  const standards = [...new Set(map.criteria.map((c) => c.standard))];

  // Checks per module and criterion.
  const checks = new Map<string, string[]>();
  for (const [id, check] of Object.entries(map.interactions))
    for (const criterion of check.criteria) {
      const key = `${check.module}\n${criterion}`;
      checks.set(key, [...(checks.get(key) ?? []), id]);
    }
  const rows = map.modules.flatMap((m) =>
    map.criteria
      .filter((c) => checks.has(`${m.id}\n${c.id}`))
      .map((c) => ({ module: m.id, standard: c.standard, criterion: c.id }))
      .sort((a, b) => standards.indexOf(a.standard) - standards.indexOf(b.standard) || criterionOrder.get(a.criterion)! - criterionOrder.get(b.criterion)!),
  );

  // Latest answer per learner and interaction (normal and fallback ids are one interaction).
  const latest = new Map<string, Map<string, AnswerRecord>>();
  const names = new Map<string, string>();
  const unknown = new Map<string, { reason: UnknownInteraction['reason']; module?: string; learners: Set<string>; answers: number }>();
  for (const answer of answers) {
    names.set(answer.learner, answer.learnerName);
    const check = lookup.find(answer.interactionId);
    if (!check) {
      const module = lookup.moduleOf(answer.interactionId);
      const entry = unknown.get(answer.interactionId) ?? { reason: module ? 'older-version' : 'other-course', ...(module ? { module } : {}), learners: new Set(), answers: 0 };
      entry.learners.add(answer.learner);
      entry.answers++;
      unknown.set(answer.interactionId, entry);
      continue;
    }
    const own = latest.get(answer.learner) ?? new Map<string, AnswerRecord>();
    latest.set(answer.learner, own);
    const before = own.get(check.id);
    if (!before || isLater(answer, before)) own.set(check.id, answer);
  }

  const moduleByTitle = new Map(map.modules.map((m) => [m.title.trim().toLowerCase(), m.id]));
  const unknownScoreColumns = [...new Set(scores.map((s) => s.scoTitle).filter((t) => !moduleByTitle.has(t.trim().toLowerCase())))];

  const learners = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!, 'en-GB')).map((learner): LearnerResults => {
    const own = latest.get(learner) ?? new Map<string, AnswerRecord>();
    const cells = rows.map(({ module, criterion }): CriterionCell => {
      const results = checks.get(`${module}\n${criterion}`)!.map((id) => [id, own.get(id)?.result] as const);
      const count = (r: AnswerResult | undefined) => results.filter(([, result]) => result === r).length;
      const [right, wrong, partly, notAttempted] = [count('correct'), count('wrong'), count('neutral'), count(undefined)];
      const status: CriterionStatus = right + wrong + partly === 0 ? 'not-attempted' : wrong + partly === 0 ? 'shown' : 'not-yet';
      const toReview = results.filter(([, r]) => r === 'wrong' || r === 'neutral').map(([id]) => id);
      return { module, criterion, status, right, wrong, partly, notAttempted, toReview };
    });
    const moduleScores: Record<string, string> = {};
    const latestAttempt: Record<string, number> = {};
    for (const score of scores.filter((s) => s.learner === learner)) {
      const module = moduleByTitle.get(score.scoTitle.trim().toLowerCase());
      if (module && score.attempt >= (latestAttempt[module] ?? -1)) {
        latestAttempt[module] = score.attempt;
        moduleScores[module] = score.score;
      }
    }
    return { learner, name: names.get(learner)!, cells, moduleScores };
  });
  return {
    learners,
    rows,
    unknown: [...unknown].map(([id, u]) => ({ id, reason: u.reason, ...(u.module ? { module: u.module } : {}), learners: u.learners.size, answers: u.answers })),
    unknownScoreColumns,
  };
}

/** How a cell reads. Performance criteria say what the course can show: the knowledge behind them. */
export function statusLabel(status: CriterionStatus, kind: 'knowledge' | 'performance'): string {
  const base = status === 'shown' ? 'shown' : status === 'not-yet' ? 'not yet' : 'not attempted';
  return kind === 'performance' && status !== 'not-attempted' ? `knowledge behind it: ${base}` : base;
}

export interface MatrixFilter {
  module?: string;
  standard?: string;
  learner?: string;
}

export function filterRows(matrix: ResultsMatrix, filter: MatrixFilter): number[] {
  return matrix.rows.flatMap((row, i) => ((!filter.module || row.module === filter.module) && (!filter.standard || row.standard === filter.standard) ? [i] : []));
}

/** Quotes a CSV field when it needs it; a leading = + - @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The matrix as CSV for a centre's tracker: one line per learner and criterion shown by the filter. */
export function matrixCsv(map: CriteriaMap, matrix: ResultsMatrix, filter: MatrixFilter, exportedOn: string): string {
  const kindOf = new Map(map.criteria.map((c) => [c.id, c.kind]));
  const lines = [['learner', 'learner_id', 'module', 'standard', 'criterion', 'kind', 'status', 'right', 'wrong', 'partly_right', 'not_attempted', 'module_score', 'course_version', 'exported_on']];
  const indexes = filterRows(matrix, filter);
  for (const learner of matrix.learners) {
    if (filter.learner && learner.learner !== filter.learner) continue;
    for (const i of indexes) {
      const cell = learner.cells[i]!;
      const kind = kindOf.get(cell.criterion) ?? 'knowledge';
      lines.push([learner.name, learner.learner, cell.module, matrix.rows[i]!.standard, cell.criterion, kind, statusLabel(cell.status, kind), String(cell.right), String(cell.wrong), String(cell.partly), String(cell.notAttempted), learner.moduleScores[cell.module] ?? '', map.version, exportedOn]);
    }
  }
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export interface StatusCounts {
  shown: number;
  notYet: number;
  notAttempted: number;
}

/** How many of the given rows a learner has shown, not yet shown and not attempted. */
export function countStatuses(learner: LearnerResults, rowIndexes: readonly number[]): StatusCounts {
  const counts: StatusCounts = { shown: 0, notYet: 0, notAttempted: 0 };
  for (const i of rowIndexes) {
    const status = learner.cells[i]!.status;
    if (status === 'shown') counts.shown++;
    else if (status === 'not-yet') counts.notYet++;
    else counts.notAttempted++;
  }
  return counts;
}

/** The "needing attention" view: the learner's criteria not yet shown, with the items to go over. */
export function needingAttention(learner: LearnerResults, rowIndexes: readonly number[]): CriterionCell[] {
  return rowIndexes.map((i) => learner.cells[i]!).filter((cell) => cell.status === 'not-yet');
}

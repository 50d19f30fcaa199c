import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCriteriaMap, courseCriteriaMap, type CriteriaMap } from '../../src/tutor-results/criteria-map.ts';
import { buildMatrix, countStatuses, filterRows, matrixCsv, needingAttention, statusLabel } from '../../src/tutor-results/matrix.ts';
import { parseReport, type AnswerRecord } from '../../src/tutor-results/parse-report.ts';
import { realCourse } from '../support/real-course.ts';
import { scenarioInteractionId } from '../../src/lib/lms-ids.ts';

const criterion = (id: string, standard: string, kind: 'knowledge' | 'performance', checked: { module: string; kind: 'quiz-item' | 'scenario-choice'; id: string }[]) => ({
  id,
  standard: standard as 'U219',
  text: `Text of ${id}`,
  kind,
  home: 'm1',
  taught: [],
  checked,
});
/** m1 has quiz items q1 (U219.1.1, CFACSD4.P1) and q2 (U219.1.1); m2 a scenario decision `chat/greet` whose replies check CFACSD4.P1. */
const map: CriteriaMap = buildCriteriaMap({
  meta: { id: 'course', title: 'Course', version: '1.2.0' },
  modules: [{ id: 'm1', title: 'Module one' }, { id: 'm2', title: 'Module two' }],
  coverage: {
    criteria: [
      criterion('U219.1.1', 'U219', 'knowledge', [{ module: 'm1', kind: 'quiz-item', id: 'q1' }, { module: 'm1', kind: 'quiz-item', id: 'q2' }]),
      criterion('CFACSD4.P1', 'CFACSD4', 'performance', [{ module: 'm1', kind: 'quiz-item', id: 'q1' }, { module: 'm2', kind: 'scenario-choice', id: 'chat/greet/a' }, { module: 'm2', kind: 'scenario-choice', id: 'chat/greet/b' }]),
      criterion('U219.9.9', 'U219', 'knowledge', []),
    ],
  },
});
let sequence = 0;
const answer = (interactionId: string, result: AnswerRecord['result'], extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  learner: 'ann@example.invalid',
  learnerName: 'Ann',
  interactionId,
  result,
  sequence: [0, 1, ++sequence, 0],
  ...extra,
});
const cell = (m: ReturnType<typeof buildMatrix>, module: string, id: string, learner = 0) => m.learners[learner]!.cells[m.rows.findIndex((r) => r.module === module && r.criterion === id)];

describe('criteria map', () => {
  it('maps quiz items and scenario decisions (one id per decision) to criteria; criteria nothing checks are left out', () => {
    expect(map.interactions).toEqual({
      'm1-quiz-q1': { module: 'm1', kind: 'quiz-item', criteria: ['U219.1.1', 'CFACSD4.P1'] },
      'm1-quiz-q2': { module: 'm1', kind: 'quiz-item', criteria: ['U219.1.1'] },
      'm2-chat-greet': { module: 'm2', kind: 'scenario-decision', criteria: ['CFACSD4.P1'] },
    });
    expect(map.criteria.map((c) => c.id)).toEqual(['U219.1.1', 'CFACSD4.P1']);
  });

  it('covers every quiz item of the real course', () => {
    const course = realCourse();
    const real = courseCriteriaMap(course);
    for (const mod of course.modules) for (const item of mod.quiz?.items ?? []) expect(real.interactions[`${mod.meta.id}-quiz-${item.id}`]?.criteria.toSorted()).toEqual(item.criteria.toSorted());
    for (const mod of course.modules)
      for (const { scenario } of mod.scenarios)
        for (const [node, { choices = [] }] of Object.entries(scenario.nodes))
          if (choices.length > 0) expect(real.interactions[scenarioInteractionId(mod.meta.id, scenario.id, node)]).toMatchObject({ module: mod.meta.id, kind: 'scenario-decision' });
    expect(real.version).toBe(course.meta.version);
  });
});

describe('results matrix', () => {
  it('groups rows by module, then standard, then criterion', () => {
    expect(buildMatrix(map, []).rows).toEqual([
      { module: 'm1', standard: 'U219', criterion: 'U219.1.1' },
      { module: 'm1', standard: 'CFACSD4', criterion: 'CFACSD4.P1' },
      { module: 'm2', standard: 'CFACSD4', criterion: 'CFACSD4.P1' },
    ]);
  });

  it('counts the latest answer to each item, across attempts and files, in normal or fallback id form', () => {
    const m = buildMatrix(map, [
      answer('m1-quiz-q1', 'correct', { sequence: [0, 2, 1, 0] }),
      answer('m1-quiz-q1', 'wrong', { sequence: [0, 1, 9, 0] }), // an earlier attempt, later in the file
      answer('m1:quiz:q2', 'wrong', { sequence: [0, 1, 1, 0] }),
      answer('m1-quiz-q2', 'correct', { sequence: [1, 1, 1, 0] }), // a file loaded after the first
    ]);
    expect(cell(m, 'm1', 'U219.1.1')).toMatchObject({ status: 'shown', right: 2, wrong: 0, notAttempted: 0 });
    expect(cell(m, 'm1', 'CFACSD4.P1')).toMatchObject({ status: 'shown', right: 1 });
    expect(cell(m, 'm2', 'CFACSD4.P1')).toMatchObject({ status: 'not-attempted', notAttempted: 1 });
  });

  it('a later wrong answer undoes an earlier right one; timestamps decide when both answers have one', () => {
    const m = buildMatrix(map, [
      answer('m1-quiz-q1', 'correct'),
      answer('m1-quiz-q1', 'wrong'),
      answer('m1-quiz-q2', 'wrong', { time: Date.parse('2026-12-01T10:00:00Z') }),
      answer('m1-quiz-q2', 'correct', { time: Date.parse('2026-12-01T09:00:00Z') }),
    ]);
    expect(cell(m, 'm1', 'U219.1.1')).toMatchObject({ status: 'not-yet', right: 0, wrong: 2, toReview: ['m1-quiz-q1', 'm1-quiz-q2'] });
  });

  it('an acceptable (not best) scenario reply is partly right, not shown', () => {
    const m = buildMatrix(map, [answer('m2-chat-greet', 'neutral')]);
    expect(cell(m, 'm2', 'CFACSD4.P1')).toMatchObject({ status: 'not-yet', partly: 1, toReview: ['m2-chat-greet'] });
  });

  it('half attempted: right so far is shown, with the rest counted as not attempted', () => {
    expect(cell(buildMatrix(map, [answer('m1-quiz-q2', 'correct')]), 'm1', 'U219.1.1')).toMatchObject({ status: 'shown', right: 1, notAttempted: 1 });
  });

  it('lists unknown ids: other versions of our modules and other courses, never dropped silently', () => {
    const m = buildMatrix(map, [answer('m1-quiz-q99', 'correct'), answer('m1:quiz:q99', 'wrong', { learner: 'bo', learnerName: 'Bo' }), answer('xyz-7', 'correct')]);
    expect(m.unknown).toEqual([
      { id: 'm1-quiz-q99', reason: 'older-version', module: 'm1', learners: 1, answers: 1 },
      { id: 'm1:quiz:q99', reason: 'older-version', module: 'm1', learners: 1, answers: 1 },
      { id: 'xyz-7', reason: 'other-course', learners: 1, answers: 1 },
    ]);
    expect(m.learners.map((l) => l.name)).toEqual(['Ann', 'Bo']);
  });

  it('keeps each learner apart and takes module scores from the latest attempt', () => {
    const m = buildMatrix(map, [answer('m1-quiz-q1', 'correct'), answer('m1-quiz-q1', 'wrong', { learner: 'bo', learnerName: 'Bo' })], [
      { learner: 'ann@example.invalid', learnerName: 'Ann', scoTitle: 'Module one', attempt: 2, score: '80' },
      { learner: 'ann@example.invalid', learnerName: 'Ann', scoTitle: 'Module one', attempt: 1, score: '40' },
      { learner: 'ann@example.invalid', learnerName: 'Ann', scoTitle: 'Old module', attempt: 1, score: '10' },
    ]);
    expect(m.learners.map((l) => [l.name, cell(m, 'm1', 'CFACSD4.P1', m.learners.indexOf(l))!.status, l.moduleScores])).toEqual([
      ['Ann', 'shown', { m1: '80' }],
      ['Bo', 'not-yet', {}],
    ]);
    expect(m.unknownScoreColumns).toEqual(['Old module']);
  });

  it('counts statuses and lists criteria needing attention within a filter', () => {
    const m = buildMatrix(map, [answer('m1-quiz-q1', 'wrong'), answer('m1-quiz-q2', 'correct')]);
    expect(countStatuses(m.learners[0]!, filterRows(m, {}))).toEqual({ shown: 0, notYet: 2, notAttempted: 1 });
    expect(countStatuses(m.learners[0]!, filterRows(m, { module: 'm2' }))).toEqual({ shown: 0, notYet: 0, notAttempted: 1 });
    expect(needingAttention(m.learners[0]!, filterRows(m, { standard: 'CFACSD4' })).map((c) => [c.module, c.criterion, c.toReview])).toEqual([['m1', 'CFACSD4.P1', ['m1-quiz-q1']]]);
  });

  it('performance criteria read "knowledge behind it", never "achieved"', () => {
    expect(statusLabel('shown', 'performance')).toBe('knowledge behind it: shown');
    expect(statusLabel('not-yet', 'performance')).toBe('knowledge behind it: not yet');
    expect(statusLabel('not-attempted', 'performance')).toBe('not attempted');
    expect(statusLabel('shown', 'knowledge')).toBe('shown');
  });

  it('exports the filtered matrix as CSV with course version and date, safe for spreadsheets', () => {
    const m = buildMatrix(map, [answer('m1-quiz-q1', 'correct', { learnerName: '=Ann, "A"' })]);
    expect(matrixCsv(map, m, { standard: 'CFACSD4' }, '2026-12-02').split('\r\n')).toEqual([
      'learner,learner_id,module,standard,criterion,kind,status,right,wrong,partly_right,not_attempted,module_score,course_version,exported_on',
      `"'=Ann, ""A""",ann@example.invalid,m1,CFACSD4,CFACSD4.P1,performance,knowledge behind it: shown,1,0,0,0,,1.2.0,2026-12-02`,
      `"'=Ann, ""A""",ann@example.invalid,m2,CFACSD4,CFACSD4.P1,performance,not attempted,0,0,0,1,,1.2.0,2026-12-02`,
      '',
    ]);
  });
});

describe('the SCORM 1.2 fixture against the real course', () => {
  it('module 1: every criterion its quiz checks is shown (the second, passing attempt is the latest)', () => {
    const map = courseCriteriaMap(realCourse());
    const report = parseReport('x.txt', readFileSync(join(import.meta.dirname, '../fixtures/moodle-4.3/interactions-scorm12-all-columns.txt'), 'utf8'));
    const m = buildMatrix(map, report.answers, report.scores);
    expect(m.unknown).toEqual([]);
    expect(m.learners).toHaveLength(1);
    const [sam] = m.learners;
    expect(sam!.moduleScores).toEqual({ 'u219-lo1': '100' });
    const module1 = sam!.cells.filter((c) => c.module === 'u219-lo1');
    expect(module1.length).toBeGreaterThan(10);
    expect(module1.filter((c) => c.status !== 'shown')).toEqual([]);
    // The bank now holds items this recorded attempt never drew: they count as not attempted, never as wrong.
    expect(module1.every((c) => c.wrong === 0 && c.right > 0)).toBe(true);
  });
});

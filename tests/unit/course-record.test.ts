import { describe, expect, it } from 'vitest';
import { courseRecordKey, latestLearner, readCourseRecord, writeModuleRecord, type ModuleUpdate } from '../../src/tracking/course-record.ts';
import { memoryStore } from '../support/memory-store.ts';

// The course record is what this browser keeps across module SCOs (course home, certificate, reflective account).
// A shared computer at a centre has several learners, and the stored value may be old or hand-edited.

const update = (overrides: Partial<ModuleUpdate> = {}): ModuleUpdate => ({
  courseId: 'support',
  moduleId: 'u219-lo1',
  learnerId: 'L1',
  learnerName: 'Patel, Sam',
  completed: true,
  success: 'passed',
  score: 85,
  reflections: {},
  now: 1_000,
  ...overrides,
});

describe('writeModuleRecord', () => {
  it('stores one JSON value per course, under a key named after the course', () => {
    const store = memoryStore();
    writeModuleRecord(store, update({ reflections: { first: 'I asked what they had tried.', empty: '' } }));
    expect(courseRecordKey('support')).toBe('course:support:record');
    expect(JSON.parse(store.get('course:support:record')!)).toEqual({
      latest: 'L1',
      learners: { L1: { learnerName: 'Patel, Sam', modules: { 'u219-lo1': { completed: true, success: 'passed', score: 85, reflections: { first: 'I asked what they had tried.' }, updatedAt: 1_000 } } } },
    });
    expect(store.get(courseRecordKey('other'))).toBeNull();
  });

  it('keeps each learner apart on a shared computer, and shows the one who used it last', () => {
    const store = memoryStore();
    writeModuleRecord(store, update());
    writeModuleRecord(store, update({ learnerId: 'L2', learnerName: 'Jones, Ava', success: 'failed', score: 40, now: 2_000 }));
    let record = readCourseRecord(store, 'support');
    expect(Object.keys(record.learners)).toEqual(['L1', 'L2']);
    expect(latestLearner(record)?.learnerName).toBe('Jones, Ava');
    expect(record.learners['L1']!.modules['u219-lo1']).toMatchObject({ success: 'passed', score: 85 });
    writeModuleRecord(store, update({ moduleId: 'u219-lo2', now: 3_000 }));
    record = readCourseRecord(store, 'support');
    expect(record.latest).toBe('L1');
    expect(Object.keys(record.learners['L1']!.modules)).toEqual(['u219-lo1', 'u219-lo2']);
    expect(record.learners['L2']!.modules['u219-lo1']).toMatchObject({ success: 'failed', score: 40, updatedAt: 2_000 });
  });

  it('replaces a module\'s entry with the newest, and keeps the name when the LMS gives none', () => {
    const store = memoryStore();
    writeModuleRecord(store, update({ success: 'failed', score: 40, reflections: { a: 'old' } }));
    writeModuleRecord(store, update({ learnerName: '', score: 90, reflections: { b: 'new' }, now: 5_000 }));
    const learner = latestLearner(readCourseRecord(store, 'support'))!;
    expect(learner.learnerName).toBe('Patel, Sam');
    expect(learner.modules['u219-lo1']).toEqual({ completed: true, success: 'passed', score: 90, reflections: { b: 'new' }, updatedAt: 5_000 });
  });

  it('files a learner the LMS did not name under "anonymous"', () => {
    const store = memoryStore();
    writeModuleRecord(store, update({ learnerId: '', learnerName: '' }));
    const record = readCourseRecord(store, 'support');
    expect(record.latest).toBe('anonymous');
    expect(record.learners['anonymous']).toMatchObject({ learnerName: '' });
  });
});

describe('readCourseRecord', () => {
  const stored = (value: unknown) => {
    const store = memoryStore();
    store.set(courseRecordKey('support'), typeof value === 'string' ? value : JSON.stringify(value));
    return readCourseRecord(store, 'support');
  };
  const empty = { latest: null, learners: {} };
  const good = { completed: false, success: 'unknown', score: null, reflections: {}, updatedAt: 7 };

  it('is empty when nothing is stored, or the value is not a record', () => {
    expect(readCourseRecord(memoryStore(), 'support')).toEqual(empty);
    for (const value of ['{broken', '[]', '"text"', 'null', { learners: [] }, { learners: 'L1' }, { latest: null, learners: null }]) expect(stored(value)).toEqual(empty);
  });

  it('skips learners and modules that are not well formed, and keeps the rest', () => {
    const record = stored({
      latest: 'L1',
      learners: {
        L0: 'not a learner',
        L3: { learnerName: 'No modules' },
        L4: { learnerName: 'Modules not a record', modules: ['u219-lo1'] },
        L1: {
          learnerName: 'Patel, Sam',
          modules: {
            good,
            'not-object': 'passed',
            'null-module': null,
            'completed-text': { ...good, completed: 'true' },
            'success-odd': { ...good, success: 'complete' },
            'success-missing': { completed: true },
          },
        },
      },
    });
    expect(Object.keys(record.learners)).toEqual(['L1']);
    expect(record.learners['L1']).toEqual({ learnerName: 'Patel, Sam', modules: { good } });
    expect(record.latest).toBe('L1');
  });

  it('reads every status, and repairs fields it can do without', () => {
    const record = stored({
      learners: {
        L1: {
          modules: {
            passed: { completed: true, success: 'passed', score: 100, reflections: { a: 'kept', b: '', c: 5 }, updatedAt: 9 },
            failed: { completed: true, success: 'failed', score: '40', reflections: ['a'], updatedAt: '9' },
            unknown: { completed: false, success: 'unknown' },
          },
        },
      },
    });
    expect(record.learners['L1']).toEqual({
      learnerName: '',
      modules: {
        passed: { completed: true, success: 'passed', score: 100, reflections: { a: 'kept' }, updatedAt: 9 },
        failed: { completed: true, success: 'failed', score: null, reflections: {}, updatedAt: 0 },
        unknown: { completed: false, success: 'unknown', score: null, reflections: {}, updatedAt: 0 },
      },
    });
    expect(record.latest).toBeNull();
  });

  it('reads a score too large for a number (JSON 1e999 is Infinity) as no score', () => {
    const record = stored('{"learners":{"L1":{"modules":{"m":{"completed":true,"success":"failed","score":1e999}}}}}');
    expect(record.learners['L1']!.modules['m']!.score).toBeNull();
  });

  it('names no latest learner when the stored one is not in the record, or is not text', () => {
    expect(stored({ latest: 'L9', learners: { L1: { modules: {} } } }).latest).toBeNull();
    expect(stored({ latest: 1, learners: { 1: { modules: {} } } }).latest).toBeNull();
    expect(latestLearner(stored({ latest: 'L9', learners: { L1: { modules: {} } } }))).toBeNull();
    expect(latestLearner({ latest: 'L9', learners: {} })).toBeNull();
    expect(latestLearner({ latest: null, learners: { L1: { learnerName: 'x', modules: {} } } })).toBeNull();
  });
});

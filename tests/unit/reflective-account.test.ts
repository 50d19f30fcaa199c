import { afterEach, describe, expect, it } from 'vitest';
import { criterionKind } from '../../src/course/coverage.ts';
import { CMI5_STATE_LIMIT } from '../../src/tracking/cmi5-adapter.ts';
import { courseRecordKey, latestLearner, readCourseRecord, writeModuleRecord } from '../../src/tracking/course-record.ts';
import { ModuleSession, moduleShape } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter, SCORM2004_LIMITS } from '../../src/tracking/scorm2004-adapter.ts';
import { worstCaseSuspendLength } from '../../src/tracking/worst-case.ts';
import { moduleCompleted, moduleStatusText } from '../../src/lib/module-status.ts';
import { courseWith, problems, removeCourseCopies } from '../support/course-fixture.ts';
import { memoryStore } from '../support/memory-store.ts';
import { moduleConfig, realCourse, reflectionTexts } from '../support/real-course.ts';
import { relaunch, strictLms } from '../support/strict-lms.ts';
import { appendFileSync } from 'node:fs';

const course = realCourse();

describe('reflection prompts in the real content', () => {
  it('every module (1-7 and practice) ends with prompts that speak only to its own performance criteria', () => {
    const taught = ['u219-lo1', 'u219-lo2', 'u219-lo3', 'rules', 'writing', 'social', 'dealing', 'practice'];
    expect(course.modules.map((m) => m.meta.id)).toEqual(expect.arrayContaining(taught));
    for (const mod of course.modules.filter((m) => taught.includes(m.meta.id))) {
      expect(mod.meta.reflection.length, mod.meta.id).toBeGreaterThan(0);
      const own = new Set(mod.meta.outcomes.flatMap((o) => o.criteria));
      for (const prompt of mod.meta.reflection)
        for (const id of prompt.criteria) {
          expect(own.has(id), `${mod.meta.id}/${prompt.id}: ${id}`).toBe(true);
          expect(criterionKind(course.catalogue.byId.get(id)!), `${mod.meta.id}/${prompt.id}: ${id}`).toBe('performance');
        }
      const config = moduleConfig(course, mod);
      expect(config.views.at(-1)).toMatchObject({ kind: 'reflection', prompts: mod.meta.reflection.map((p) => ({ id: p.id, maxLength: p.max_length })) });
    }
  });

  it('keeps the worst-case SCORM 2004 (and cmi5) state within budget with every prompt full of 4-byte characters', () => {
    for (const mod of course.modules) {
      const shape = moduleShape(moduleConfig(course, mod));
      const prompts = shape.views.flatMap((v) => (v.kind === 'reflection' ? v.prompts : []));
      const sizes = worstCaseSuspendLength(shape);
      console.log(`${mod.meta.id}: ${prompts.length} prompts of ${prompts.map((p) => p.maxLength).join('/')} characters; worst case ${sizes.scorm2004} of ${SCORM2004_LIMITS.suspendData} (SCORM 2004), cmi5 limit ${CMI5_STATE_LIMIT}`);
      // The reflections really are in it: the same state without text is much smaller.
      expect(sizes.scorm2004 - sizes.scorm12).toBeGreaterThanOrEqual(prompts.reduce((sum, p) => sum + p.maxLength * 5, 0));
      expect(sizes.scorm2004, mod.meta.id).toBeLessThanOrEqual(Math.min(SCORM2004_LIMITS.suspendData, CMI5_STATE_LIMIT));
    }
  });
});

describe('reflection prompts in module.yaml are checked', () => {
  afterEach(removeCourseCopies);

  it('names the field when a prompt speaks to a knowledge criterion, another module\'s criterion or an unknown one', () => {
    const root = courseWith((path) =>
      appendFileSync(
        path('modules/m1/module.yaml'),
        ['reflection:', '  - id: one', '    prompt: Describe a time you explained a system.', '    criteria: [U219.1.1, D4.1.1]', ''].join('\n'),
      ),
    );
    const found = problems(root);
    expect(found).toContain('content/modules/m1/module.yaml: reflection[0].criteria[0]: "U219.1.1" is a knowledge criterion; reflection prompts speak to performance ("be able to") criteria');
    expect(found.some((line) => line.startsWith('content/modules/m1/module.yaml: reflection[0].criteria[1]: unknown criterion id "D4.1.1"'))).toBe(true);
  });
});

describe('course record (this browser, across modules)', () => {
  const base = { courseId: 'c', learnerId: 'L1', learnerName: 'Student, Sam', completed: false, success: 'unknown' as const, score: null, now: 1 };

  it('keeps every module and learner, and reads back only well-formed entries', () => {
    const store = memoryStore();
    writeModuleRecord(store, { ...base, moduleId: 'm1', reflections: { a: 'first', b: '' } });
    writeModuleRecord(store, { ...base, moduleId: 'm2', completed: true, success: 'passed', score: 90, reflections: {} });
    const record = readCourseRecord(store, 'c');
    expect(latestLearner(record)?.learnerName).toBe('Student, Sam');
    expect(latestLearner(record)?.modules['m1']?.reflections).toEqual({ a: 'first' });
    expect(moduleStatusText(latestLearner(record)?.modules['m2'])).toBe('Passed (90%)');
    expect(moduleCompleted(latestLearner(record)?.modules['m2'])).toBe(true);
    expect(moduleStatusText(undefined)).toBe('Not started in this browser');

    store.set(courseRecordKey('c'), JSON.stringify({ latest: 'L1', learners: { L1: { learnerName: 7, modules: { m1: { completed: 'yes' }, m2: { completed: false, success: 'failed', score: 'x', reflections: { a: 3, b: 'ok' } } } } } }));
    const odd = latestLearner(readCourseRecord(store, 'c'))!;
    expect(odd.learnerName).toBe('');
    expect(Object.keys(odd.modules)).toEqual(['m2']);
    expect(odd.modules['m2']).toMatchObject({ score: null, reflections: { b: 'ok' } });
    store.set(courseRecordKey('c'), '{not json');
    expect(readCourseRecord(store, 'c')).toEqual({ latest: null, learners: {} });
  });
});

describe('reflections survive a finished module in SCORM 1.2 (the LMS never holds them)', () => {
  const mod = course.modules.find((m) => m.meta.id === 'writing')!;
  const config = moduleConfig(course, mod);
  const reflectionIndex = config.views.findIndex((v) => v.kind === 'reflection');

  it.each([
    { version: '1.2' as const, make: (lms: ReturnType<typeof strictLms>) => new Scorm12Adapter(lms.api) },
    { version: '2004' as const, make: (lms: ReturnType<typeof strictLms>) => new Scorm2004Adapter(lms.api) },
  ])('SCORM $version: the answer is in the course record and comes back on the next launch', ({ version, make }) => {
    const store = memoryStore();
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), store);
    session.setReflection(reflectionIndex, 0, '<script>alert(1)</script> I wrote to a customer.');
    session.finish();
    // The module's own safety copy may go once the module is finished; the course record stays.
    for (const key of [...store.data.keys()]) if (!key.endsWith(':record')) store.data.delete(key);
    const record = latestLearner(readCourseRecord(store, config.courseId));
    expect(record?.modules[mod.meta.id]?.reflections[mod.meta.reflection[0]!.id]).toBe('<script>alert(1)</script> I wrote to a customer.');

    const again = new ModuleSession(config, make(relaunch(version, lms)), store);
    if (again.pendingResume) again.resume();
    expect(reflectionTexts(again.state)?.[0]).toBe('<script>alert(1)</script> I wrote to a customer.');
  });
});

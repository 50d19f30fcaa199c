import { describe, expect, it } from 'vitest';
import { readCourseRecord, writeModuleRecord, type ModuleUpdate } from '../../src/tracking/course-record.ts';
import { fixtureModule, fixtureModuleWithAllViews, openFixture, savedProgress } from '../support/fixture-module.ts';
import { memoryStore } from '../support/memory-store.ts';
import { reflectionTexts } from '../support/real-course.ts';

/** A browser whose course record holds module m1 for `learnerId`, with these reflections. */
function storeWithRecord(reflections: Record<string, string>, overrides: Partial<ModuleUpdate> = {}) {
  const store = memoryStore();
  const { courseId } = fixtureModule();
  writeModuleRecord(store, { courseId, moduleId: 'm1', learnerId: 'sam', learnerName: 'Sam', completed: true, success: 'passed', score: 100, reflections, now: 5, ...overrides });
  return store;
}

describe('reflections come back from the course record', () => {
  it('when the module is opened afresh (a finished SCORM 1.2 module kept none), each cut to its prompt limit', () => {
    const config = fixtureModuleWithAllViews([4, 50]);
    const store = storeWithRecord({ 'prompt-1': 'A long first answer', other: 'Not a prompt of this module' });
    const { session } = openFixture({}, {}, { config, store });
    expect(reflectionTexts(session.state)).toEqual(['A lo', '']);
  });

  it('only for the same learner on a shared computer', () => {
    const config = fixtureModuleWithAllViews();
    const store = storeWithRecord({ 'prompt-1': 'Not mine' }, { learnerId: 'alex' });
    const { session } = openFixture({}, {}, { config, store });
    expect(reflectionTexts(session.state)).toEqual(['', '']);
  });

  it('never writes over answers the saved progress already holds', () => {
    const config = fixtureModuleWithAllViews();
    const suspendData = savedProgress(config, (s) => s.setReflection(4, 0, 'Mine'));
    const store = storeWithRecord({ 'prompt-1': 'Older', 'prompt-2': 'Also older' });
    const { session } = openFixture({ entry: 'resume', suspendData }, {}, { config, store });
    expect(reflectionTexts(session.pendingResume)).toEqual(['Mine', '']);
  });
});

describe('the course record a module writes (course home status)', () => {
  const moduleRecord = (store: ReturnType<typeof memoryStore>) => readCourseRecord(store, fixtureModule().courseId).learners['sam']?.modules['m1'];

  it('shows a module completed in an earlier attempt as completed, even in a fresh one', () => {
    const { session, store } = openFixture({ previousCompletion: true });
    session.goTo(0);
    expect(moduleRecord(store)?.completed).toBe(true);
  });

  it('shows a module not yet completed as not completed', () => {
    const { session, store } = openFixture();
    session.goTo(1);
    expect(moduleRecord(store)?.completed).toBe(false);
  });

  it('holds the written reflections by prompt, for the reflective account', () => {
    const { session, store } = openFixture({}, {}, { config: fixtureModuleWithAllViews() });
    session.setReflection(4, 1, 'What I would do next time');
    expect(moduleRecord(store)?.reflections).toEqual({ 'prompt-2': 'What I would do next time' });
  });

  it('is left as it was while the learner has not chosen resume or start again', () => {
    const config = fixtureModule();
    const store = storeWithRecord({}, { completed: false, success: 'failed', score: 20 });
    const before = store.get(`course:${config.courseId}:record`);
    const { session } = openFixture({ entry: 'resume', suspendData: savedProgress(config, (s) => s.goTo(1)) }, {}, { store, now: () => 99 });
    expect(session.pendingResume).not.toBeNull();
    session.goTo(1);
    session.finish();
    expect(store.get(`course:${config.courseId}:record`)).toBe(before);
  });
});

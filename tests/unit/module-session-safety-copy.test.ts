import { describe, expect, it } from 'vitest';
import { decodeState } from '../../src/tracking/codec/index.ts';
import { fixtureModuleWithAllViews, openFixture } from '../support/fixture-module.ts';
import { memoryStore } from '../support/memory-store.ts';
import { reflectionTexts } from '../support/real-course.ts';

const REFLECTION = 4;

describe("the browser's safety copy of a module", () => {
  it('holds the written reflections even where the LMS cannot (SCORM 1.2)', () => {
    const config = fixtureModuleWithAllViews();
    const { session, store, lms } = openFixture({}, {}, { config, lms: { kind: 'scorm12' } });
    session.setReflection(REFLECTION, 1, 'What I learned');
    const copy = JSON.parse(store.get(`course:${config.courseId}:m1:sam`) ?? 'null') as { data: string };
    const decoded = decodeState(copy.data, session.shape);
    expect(decoded.ok && decoded.includesText).toBe(true);
    expect(decoded.ok && reflectionTexts(decoded.state)).toEqual(['', 'What I learned']);
    expect(lms.argsOf('saveState').at(-1)?.[0]).not.toBe(copy.data); // the LMS got the copy without text
  });

  it.each(['review', 'browse'] as const)('is neither written nor the course record changed in %s mode', (mode) => {
    const { session, store } = openFixture({ mode });
    session.goTo(1);
    session.finish();
    expect([...store.data.keys()]).toEqual([]);
  });

  it.each([
    ['not JSON', '{not json'],
    ['empty', 'null'],
    ['without text data', '{"data":5,"savedAt":1}'],
    ['with an object for data', '{"data":{"0":"2"},"savedAt":1}'],
  ])('is ignored when %s', (_, value) => {
    const config = fixtureModuleWithAllViews();
    const store = memoryStore();
    store.set(`course:${config.courseId}:m1:sam`, value);
    const { session } = openFixture({ entry: 'resume' }, {}, { config, store });
    expect(session.pendingResume).toBeNull();
    expect(session.notices).toEqual([]);
  });
});

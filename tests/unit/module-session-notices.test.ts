import { describe, expect, it } from 'vitest';
import type { CommitOutcome } from '../../src/tracking/commit-retry.ts';
import type { Notice } from '../../src/tracking/module-session.ts';
import { fixtureModule, fixtureModuleWithAllViews, openFixture, savedProgress } from '../support/fixture-module.ts';
import { memoryStore } from '../support/memory-store.ts';

const REFLECTION = 4;
const kinds = (notices: readonly Notice[]) => notices.map((n) => n.kind);

describe('notices shown to the learner', () => {
  it('keeps each notice beside the others', () => {
    const config = fixtureModule();
    const store = memoryStore();
    store.set(`course:${config.courseId}:m1:sam`, JSON.stringify({ data: savedProgress(config, (s) => s.goTo(1)), savedAt: 1 }));
    const { session } = openFixture({ connected: false }, {}, { store });
    expect(kinds(session.notices)).toEqual(['not-connected', 'restored-local']);
  });

  it('tells subscribers when a notice goes away on its own (a retried commit succeeds)', () => {
    const answers: CommitOutcome[] = ['failed', 'ok'];
    const { session, timers } = openFixture({}, {}, { lms: { commit: () => answers.shift() ?? 'ok' } });
    const seen: string[][] = [];
    session.subscribe((s) => seen.push(kinds(s.notices)));
    expect(seen).toEqual([['unsaved']]);
    timers.runNext();
    expect(seen).toEqual([['unsaved'], []]);
  });

  describe('SCORM 1.2 cannot store written reflections', () => {
    it('says so once, when there is any text', () => {
      const config = fixtureModuleWithAllViews();
      const { session } = openFixture({}, {}, { config, lms: { kind: 'scorm12' } });
      session.goTo(1);
      expect(session.notices).toEqual([]);
      session.setReflection(REFLECTION, 1, 'Second answer only');
      session.setReflection(REFLECTION, 1, 'Second answer, edited');
      expect(kinds(session.notices)).toEqual(['text-local']);
    });
  });
});

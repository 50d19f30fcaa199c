import { describe, expect, it } from 'vitest';
import { encodeState } from '../../src/tracking/codec/index.ts';
import { initialState, newAttempt, type LearnerState } from '../../src/tracking/learner-state.ts';
import { moduleShape, type ModuleConfig } from '../../src/tracking/module-session.ts';
import { fixtureModule, fixtureModuleWithAllViews, openFixture } from '../support/fixture-module.ts';
import { memoryStore } from '../support/memory-store.ts';
import { reflectionTexts } from '../support/real-course.ts';

/** Views of fixtureModuleWithAllViews(): two lessons, the quiz, the scenario, the reflection. */
const QUIZ = 2;
const SCENARIO = 3;
const REFLECTION = 4;

/** A saved state of `config` after `edit`, as suspend data (`includeText` false is what SCORM 1.2 holds). */
function saved(config: ModuleConfig, edit: (state: LearnerState) => void, includeText = true): string {
  const state = initialState(moduleShape(config));
  edit(state);
  return encodeState(state, moduleShape(config), { includeText });
}

function setTexts(state: LearnerState, texts: string[]): void {
  const view = state.views[REFLECTION];
  if (view?.kind === 'reflection') view.texts = texts;
}

/** A browser safety copy of the learner "sam" holding `data`. */
function browserCopy(config: ModuleConfig, data: string) {
  const store = memoryStore();
  store.set(`course:${config.courseId}:${config.moduleId}:sam`, JSON.stringify({ data, savedAt: 1 }));
  return store;
}

describe('resume is offered only when the learner did something', () => {
  const cases: [string, (state: LearnerState) => void, boolean][] = [
    ['nothing, though saved many times', (s) => (s.saveCount = 9), false],
    ['moved on to the second view', (s) => (s.position = 1), true],
    ['saw a view', (s) => (s.views[1]!.seen = true), true],
    ['scored a quiz attempt', (s) => s.views[QUIZ]?.kind === 'quiz' && (s.views[QUIZ].quiz.attempts = 1), true],
    ['started a quiz attempt', (s) => s.views[QUIZ]?.kind === 'quiz' && (s.views[QUIZ].quiz.current = newAttempt(7, [0, 1, 2, 3])), true],
    ['made a scenario choice', (s) => s.views[SCENARIO]?.kind === 'scenario' && (s.views[SCENARIO].scenario.path = [0]), true],
    ['finished a scenario earlier', (s) => s.views[SCENARIO]?.kind === 'scenario' && (s.views[SCENARIO].scenario.best = 40), true],
    ['wrote one of two reflections', (s) => setTexts(s, ['', 'My notes']), true],
  ];

  it.each(cases)('%s', (_, edit, offered) => {
    const config = fixtureModuleWithAllViews();
    const { session } = openFixture({ entry: 'resume', suspendData: saved(config, edit) }, {}, { config });
    expect(session.pendingResume !== null).toBe(offered);
  });
});

describe('which saved copy is offered at launch', () => {
  it('the LMS copy when the browser copy was saved as many times', () => {
    const config = fixtureModule();
    const fromLms = saved(config, (s) => ((s.saveCount = 4), (s.position = 1)));
    const store = browserCopy(config, saved(config, (s) => ((s.saveCount = 4), (s.position = 2))));
    const { session } = openFixture({ entry: 'resume', suspendData: fromLms }, {}, { store });
    expect(session.pendingResume?.position).toBe(1);
    expect(session.notices).toEqual([]);
  });

  it('SCORM 1.2 progress with the reflections from the (older) browser copy', () => {
    const config = fixtureModuleWithAllViews();
    const fromLms = saved(config, (s) => ((s.saveCount = 8), (s.position = 1)), false);
    const store = browserCopy(config, saved(config, (s) => ((s.saveCount = 3), setTexts(s, ['First', 'Second']))));
    const { session } = openFixture({ entry: 'resume', suspendData: fromLms }, {}, { config, store, lms: { kind: 'scorm12' } });
    expect(session.pendingResume?.position).toBe(1);
    expect(reflectionTexts(session.pendingResume)).toEqual(['First', 'Second']);
  });

  it('SCORM 1.2 progress alone when this browser has no copy', () => {
    const config = fixtureModuleWithAllViews();
    const fromLms = saved(config, (s) => (s.position = 1), false);
    const { session } = openFixture({ entry: 'resume', suspendData: fromLms }, {}, { config, lms: { kind: 'scorm12' } });
    expect(session.pendingResume?.position).toBe(1);
    expect(reflectionTexts(session.pendingResume)).toEqual(['', '']);
  });

  it('reflections the LMS holds itself win over an older browser copy', () => {
    const config = fixtureModuleWithAllViews();
    const fromLms = saved(config, (s) => ((s.saveCount = 8), setTexts(s, ['Newer', ''])));
    const store = browserCopy(config, saved(config, (s) => ((s.saveCount = 3), setTexts(s, ['Older', 'Draft']))));
    const { session } = openFixture({ entry: 'resume', suspendData: fromLms }, {}, { config, store });
    expect(reflectionTexts(session.pendingResume)).toEqual(['Newer', '']);
  });

  it('nothing, but the browser\'s written reflections, when the LMS does not say the attempt is resumed', () => {
    const config = fixtureModuleWithAllViews();
    const store = browserCopy(config, saved(config, (s) => ((s.saveCount = 3), (s.position = 1), setTexts(s, ['Kept', '']))));
    const { session } = openFixture({ entry: 'unknown', suspendData: '' }, {}, { config, store });
    expect(session.pendingResume).toBeNull();
    expect(session.state.position).toBe(0);
    expect(reflectionTexts(session.state)).toEqual(['Kept', '']);
    expect(session.notices).toEqual([]); // nothing was lost: the LMS simply had nothing
  });

  it('nothing, with a notice, when the module has changed since the progress was saved', () => {
    const config = fixtureModule();
    const older = fixtureModule({ views: config.views.slice(1) });
    const { session } = openFixture({ entry: 'resume', suspendData: saved(older, (s) => (s.position = 1)) });
    expect(session.pendingResume).toBeNull();
    expect(session.notices).toEqual([
      { kind: 'progress-reset', text: 'This module has been updated since your last visit, so it starts from the beginning. Results already recorded are kept.' },
    ]);
  });
});

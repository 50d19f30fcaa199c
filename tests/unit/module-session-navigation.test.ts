import { describe, expect, it } from 'vitest';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import { ModuleSession, type ModuleConfig, type ViewConfigOf } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { recordingAdapter } from '../support/recording-adapter.ts';
import { smallModule, smallModuleQuizSource } from '../support/small-module.ts';

function launch(config: ModuleConfig = smallModule(), lms: Parameters<typeof recordingAdapter>[0] = {}) {
  const rec = recordingAdapter(lms);
  const session = new ModuleSession(config, rec.adapter, memoryStore());
  return { session, ...rec };
}

/** Opens every view, passes the quiz, plays the scenario's best path, and writes both reflections. */
function workThrough(session: ModuleSession): void {
  const { right } = answerBook(smallModuleQuizSource());
  session.config.views.forEach((_, i) => session.goTo(i));
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => session.answer(i, right(item), 0));
  session.submitAttempt();
  const scenario = session.config.views.find((v): v is ViewConfigOf<'scenario'> => v.kind === 'scenario')!;
  bestPathFrom(scenario.scenario)!.forEach((choice) => session.chooseInScenario(scenario.id, choice, 0));
  const reflection = session.config.views.findIndex((v) => v.kind === 'reflection');
  session.setReflection(reflection, 0, 'I helped.');
  session.setReflection(reflection, 1, 'She was stuck.');
  session.goTo(2);
}

describe('moving through the module', () => {
  it('stops at the first and the last view', () => {
    const { session, log } = launch();
    const last = session.config.views.length - 1;
    session.goTo(last + 3);
    expect(session.state.position).toBe(last);
    expect(session.state.views[last]?.seen).toBe(true);
    expect(log.saves.at(-1)?.location).toBe('lesson:summary');
    session.goTo(-2);
    expect(session.state.position).toBe(0);
  });
});

describe('views following the session', () => {
  it('are told at once and after every change, until they unsubscribe', () => {
    const { session } = launch();
    const seen: number[] = [];
    const unsubscribe = session.subscribe((s) => seen.push(s.state.position));
    session.goTo(3);
    unsubscribe();
    session.goTo(1);
    expect(seen).toEqual([0, 3]);
    expect(session.adapterKind).toBe('scorm2004');
  });
});

describe('resume or start again', () => {
  it('keeps the fresh start when there was nothing to resume', () => {
    const { session, savedState } = launch();
    session.resume();
    expect(session.pendingResume).toBeNull();
    expect(session.state.position).toBe(0);
    expect(savedState(session.shape).views).toEqual(session.state.views);
  });

  it('starts again from the first view keeping results and writing, and saves that at once', () => {
    const first = launch();
    workThrough(first.session);
    const before = structuredClone(first.session.state);

    const second = launch(smallModule(), { entry: 'resume', suspendData: first.lastSaved() });
    expect(second.session.pendingResume).toEqual(before);
    second.session.startOver();
    expect(second.session.pendingResume).toBeNull();
    const quiz = before.views[1]!;
    const scenario = before.views[2]!;
    expect(quiz.kind === 'quiz' && quiz.quiz).toMatchObject({ attempts: 1, best: 100, everPassed: true });
    expect(scenario.kind === 'scenario' && scenario.scenario.best).toBe(100);
    expect(second.session.state).toEqual({
      position: 0,
      saveCount: before.saveCount + 1,
      fallbackIds: false,
      views: [
        { kind: 'lesson', seen: false },
        { kind: 'quiz', seen: false, quiz: { ...(quiz.kind === 'quiz' && quiz.quiz), current: null } },
        { kind: 'scenario', seen: false, scenario: { path: [], ended: false, best: 100 } },
        { kind: 'reflection', seen: false, texts: ['I helped.', 'She was stuck.'] },
        { kind: 'lesson', seen: false },
      ],
    });
    expect(second.savedState(second.session.shape)).toEqual(second.session.state);
    expect(second.log.saves.at(-1)?.location).toBe('lesson:intro');
  });
});

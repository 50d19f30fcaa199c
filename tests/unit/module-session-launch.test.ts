import { describe, expect, it } from 'vitest';
import { ModuleSession, type ModuleConfig } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { recordingAdapter } from '../support/recording-adapter.ts';
import { smallModule } from '../support/small-module.ts';

/** Launches `config` on a recording LMS; the progress one launch leaves is handed to the next with `launch`. */
function launch(config: ModuleConfig, lms: Parameters<typeof recordingAdapter>[0] = {}) {
  const rec = recordingAdapter(lms);
  const session = new ModuleSession(config, rec.adapter, memoryStore());
  return { session, ...rec };
}

/** The suspend data a first session leaves after opening the second view. */
function savedProgress(config: ModuleConfig): string {
  const first = launch(config);
  first.session.goTo(1);
  return first.lastSaved();
}

describe('launching a module', () => {
  it('shows no notice on a normal launch the LMS accepted', () => {
    const { session } = launch(smallModule());
    expect(session.notices).toEqual([]);
    expect(session.pendingResume).toBeNull();
  });

  it('tells the learner a review launch changes nothing, and shows what was done without asking', () => {
    const config = smallModule();
    const suspendData = savedProgress(config);
    const { session, log } = launch(config, { mode: 'review', entry: 'resume', suspendData });
    expect(session.notices.map((n) => n.kind)).toEqual(['review-mode']);
    expect(session.pendingResume).toBeNull();
    expect(session.state.position).toBe(1);
    expect(session.state.views[1]?.seen).toBe(true);
    expect(log.commits).toBe(0);
  });

  it('keeps writing ids in the fallback form for a learner whose records already use it', () => {
    const config = smallModule();
    const first = launch(config);
    first.adapter.useFallbackIds();
    first.session.goTo(1);
    expect(first.savedState(first.session.shape).fallbackIds).toBe(true);

    const second = launch(config, { entry: 'resume', suspendData: first.lastSaved() });
    expect(second.adapter.usesFallbackIds).toBe(true);
  });

  it('keeps the normal id form for a learner whose records use it', () => {
    const config = smallModule();
    const second = launch(config, { entry: 'resume', suspendData: savedProgress(config) });
    expect(second.session.pendingResume).not.toBeNull();
    expect(second.adapter.usesFallbackIds).toBe(false);
  });

  it('has no quiz progress in a module without a quiz', () => {
    const { session } = launch(smallModule({ quiz: null }));
    expect(session.quiz).toBeNull();
  });
});

describe('progress saved before the module was edited', () => {
  type QuizView = Extract<ModuleConfig['views'][number], { kind: 'quiz' }>;
  /** smallModule with one quiz item changed by `edit`. */
  function editedQuiz(edit: (items: QuizView['quiz']['items']) => void): ModuleConfig {
    const config = structuredClone(smallModule());
    const quiz = config.views.find((v): v is QuizView => v.kind === 'quiz')!;
    edit(quiz.quiz.items);
    return config;
  }
  type Item = QuizView['quiz']['items'][number];
  const item = <T extends 'matching' | 'ordering'>(items: Item[], type: T) => items.find((i): i is Extract<Item, { type: T }> => i.type === type)!;
  const choiceItem = (items: Item[]) => items.find((i): i is Extract<Item, { options: unknown }> => 'options' in i)!;

  const edits: [string, (items: Item[]) => void][] = [
    ['a choice option id', (items) => (choiceItem(items).options[0]!.id = 'renamed')],
    ['a matching prompt id', (items) => (item(items, 'matching').prompts[0]!.id = 'renamed')],
    ['a matching answer id', (items) => (item(items, 'matching').answers[0]!.id = 'renamed')],
    ['an ordering step id', (items) => (item(items, 'ordering').steps[0]!.id = 'renamed')],
  ];

  it.each(edits)('starts from the beginning, with a notice, after %s changed', (_, edit) => {
    const suspendData = savedProgress(smallModule());
    const { session } = launch(editedQuiz(edit), { entry: 'resume', suspendData });
    expect(session.pendingResume).toBeNull();
    expect(session.notices.find((n) => n.kind === 'progress-reset')?.text).toMatch(/has been updated/);
  });
});

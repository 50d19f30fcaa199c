import { describe, expect, it } from 'vitest';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { reflectionTexts } from '../support/real-course.ts';
import { recordingAdapter } from '../support/recording-adapter.ts';
import { smallModule } from '../support/small-module.ts';

function launch() {
  const rec = recordingAdapter();
  const session = new ModuleSession(smallModule(), rec.adapter, memoryStore());
  const reflection = session.config.views.findIndex((v) => v.kind === 'reflection');
  return { session, reflection, ...rec };
}

describe('writing a reflection', () => {
  it('keeps each answer to its prompt, cut to the prompt limit, and saves it', () => {
    const { session, reflection, savedState } = launch();
    session.setReflection(reflection, 0, 'I called the customer back.');
    session.setReflection(reflection, 1, 'Short.');
    expect(reflectionTexts(session.state)).toEqual(['I called t', 'Short.']);
    expect(reflectionTexts(savedState(session.shape))).toEqual(['I called t', 'Short.']);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const { session, reflection } = launch();
    session.setReflection(reflection, 0, '😀'.repeat(12));
    expect(reflectionTexts(session.state)).toEqual(['😀'.repeat(10), '']);
  });

  it('ignores text for a prompt or view that is not there', () => {
    const { session, reflection, log } = launch();
    session.setReflection(reflection, 2, 'No such prompt.');
    session.setReflection(0, 0, 'A lesson has no prompts.');
    session.setReflection(session.config.views.length, 0, 'No such view.');
    expect(reflectionTexts(session.state)).toEqual(['', '']);
    expect(session.state.views[reflection]).toEqual({ kind: 'reflection', seen: false, texts: ['', ''] });
    expect(log.saves).toEqual([]);
  });
});

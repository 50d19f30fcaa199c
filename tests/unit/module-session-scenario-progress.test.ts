import { describe, expect, it } from 'vitest';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import { ModuleSession, type ModuleConfig, type ViewConfigOf } from '../../src/tracking/module-session.ts';
import { manualScheduler } from '../support/manual-scheduler.ts';
import { memoryStore } from '../support/memory-store.ts';
import { recordingAdapter } from '../support/recording-adapter.ts';
import { smallModule } from '../support/small-module.ts';

function launch(config: ModuleConfig = smallModule(), lms: Parameters<typeof recordingAdapter>[0] = {}) {
  const rec = recordingAdapter(lms);
  const timers = manualScheduler();
  const session = new ModuleSession(config, rec.adapter, memoryStore(), { scheduler: timers.scheduler });
  const view = config.views.find((v): v is ViewConfigOf<'scenario'> => v.kind === 'scenario')!;
  const play = (path: readonly number[]) => path.forEach((choice) => session.chooseInScenario(view.id, choice, 0));
  return { session, view, play, timers, ...rec };
}

/** The fixture's first decision: reply 1 makes the customer give up at once (0 %). */
const GIVE_UP = [1];

describe('scenario progress', () => {
  it('gives an empty path for a scenario the module does not have, and ignores choices and replays there', () => {
    const { session, log } = launch();
    session.chooseInScenario('no-such-scenario', 0, 0);
    session.restartScenario('no-such-scenario', 0);
    expect(session.scenarioProgress('no-such-scenario')).toEqual({ path: [], ended: false, best: null });
    expect(log.interactions).toEqual([]);
  });

  it('finds the scenario by kind and id when a lesson has the same id', () => {
    const { session, view, play } = launch(smallModule({ scenarioId: 'intro' }));
    expect(view.id).toBe('intro');
    play([0]);
    expect(session.scenarioProgress('intro').path).toEqual([0]);
  });

  it('ignores a reply the node does not offer', () => {
    const { session, view, play, log } = launch();
    play([5]);
    expect(session.scenarioProgress(view.id).path).toEqual([]);
    expect(log.interactions).toEqual([]);
  });

  it('ignores replies once the conversation has ended', () => {
    const { session, view, play, log } = launch();
    play(GIVE_UP);
    expect(session.scenarioProgress(view.id)).toEqual({ path: GIVE_UP, ended: true, best: 0 });
    play([0]);
    expect(session.scenarioProgress(view.id).path).toEqual(GIVE_UP);
    expect(log.interactions).toHaveLength(1);
  });

  it('keeps the best ending when a later play-through is worse', () => {
    const { session, view, play } = launch();
    play(bestPathFrom(view.scenario)!);
    session.restartScenario(view.id, 0);
    play(GIVE_UP);
    expect(session.scenarioProgress(view.id)).toEqual({ path: GIVE_UP, ended: true, best: 100 });
  });

  it('saves a replay to the LMS at once', () => {
    const { session, view, play, savedState } = launch();
    const index = session.config.views.indexOf(view);
    play([0, 0, 0]);
    session.restartScenario(view.id, 1);
    const saved = savedState(session.shape).views[index];
    expect(saved?.kind === 'scenario' && saved.scenario).toEqual({ path: [0], ended: false, best: null });
  });

  it('commits each ending at once, even one that leaves the score as it was', () => {
    const { session, view, play, log, timers } = launch();
    const best = bestPathFrom(view.scenario)!;
    play(best);
    session.restartScenario(view.id, 0);
    play(best.slice(0, -1));
    const before = log.commits;
    expect(timers.queue).toHaveLength(1); // the choices since the last ending wait for the idle commit
    play(best.slice(-1));
    expect(log.commits).toBe(before + 1);
  });
});

describe('scenario decisions reported to the LMS', () => {
  it('describes a decision by the scenario title and what the customer said last', () => {
    const { view, play, log } = launch();
    play([0]);
    expect(log.interactions[0]).toMatchObject({ type: 'choice', description: `${view.scenario.title}: It is about my account.`, response: ['a'], result: 'correct' });
  });

  it('gives the correct response only where a single reply is best', () => {
    const { play, log } = launch();
    play([0, 1]); // the second decision has two best replies
    expect(log.interactions.map((i) => i.correct)).toEqual([['a'], undefined]);
    expect('correct' in log.interactions[1]!).toBe(false);
  });

  it('reports nothing in a review launch', () => {
    const { session, view, play, log } = launch(smallModule(), { mode: 'review' });
    play([0]);
    expect(session.scenarioProgress(view.id).path).toEqual([0]);
    expect(log.interactions).toEqual([]);
  });
});

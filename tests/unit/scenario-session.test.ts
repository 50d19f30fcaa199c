import { describe, expect, it } from 'vitest';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import { walk } from '../../src/lib/scenario-engine.ts';
import { encodeState } from '../../src/tracking/codec/index.ts';
import { initialState } from '../../src/tracking/learner-state.ts';
import { ModuleSession, moduleShape, type ViewConfigOf } from '../../src/tracking/module-session.ts';
import { SCORM12_LIMITS, Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';

import { worstCaseSuspendLength } from '../../src/tracking/worst-case.ts';
import { memoryStore } from '../support/memory-store.ts';
import { moduleConfig, realCourse } from '../support/real-course.ts';
import { relaunch, strictLms, type StrictLms } from '../support/strict-lms.ts';
import { poorPath } from '../support/scenario-paths.ts';

const course = realCourse();
const practice = course.modules.find((m) => m.meta.id === 'practice')!;
const config = moduleConfig(course, practice);
const scenarioViews = config.views.filter((v): v is ViewConfigOf<'scenario'> => v.kind === 'scenario');
const first = scenarioViews[0]!;

function play(session: ModuleSession, viewId: string, path: readonly number[], shownAt = Date.now() - 4000): void {
  for (const choice of path) session.chooseInScenario(viewId, choice, shownAt);
}

const versions = [
  { version: '1.2' as const, make: (lms: StrictLms) => new Scorm12Adapter(lms.api), status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', result: 'wrong' },
  { version: '2004' as const, make: (lms: StrictLms) => new Scorm2004Adapter(lms.api), status: 'cmi.success_status', raw: 'cmi.score.raw', result: 'incorrect' },
];

describe.each(versions)('scenario views in ModuleSession on SCORM $version', ({ version, make, status, raw, result }) => {
  it('reports every decision as a choice interaction with result and latency, and scores the module as the mean', () => {
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), memoryStore());
    const best = bestPathFrom(first.scenario)!;
    play(session, first.id, best);
    expect(session.scenarioProgress(first.id)).toEqual({ path: best, ended: true, best: 100 });
    expect(Number(lms.value('cmi.interactions._count'))).toBe(best.length);
    const firstNode = first.scenario.nodes[first.scenario.start]!;
    expect(lms.value('cmi.interactions.0.id')).toBe(firstNode.interactionId);
    expect(lms.value('cmi.interactions.0.type')).toBe('choice');
    expect(lms.value('cmi.interactions.0.result')).toBe('correct');
    expect(lms.value(version === '1.2' ? 'cmi.interactions.0.student_response' : 'cmi.interactions.0.learner_response')).toBe(firstNode.choices[best[0]!]!.id);
    expect(lms.value('cmi.interactions.0.latency')).toMatch(version === '1.2' ? /^00:00:0[45]/ : /^PT[45]/);
    // One of the scenarios at 100%, the rest not played: mean = 100 / count.
    expect(lms.value(raw)).toBe(String(Math.round(100 / scenarioViews.length)));
    expect(lms.value(status)).toBe('failed');
    expect(lms.violations).toEqual([]);
  });

  it('passes the module once every scenario ends well, and marks poor choices incorrect', () => {
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), memoryStore());
    config.views.forEach((_, i) => session.goTo(i));
    play(session, first.id, poorPath(first.scenario));
    expect(session.scenarioProgress(first.id).best).toBeLessThan(first.scenario.passMark);
    expect(lms.value('cmi.interactions.0.result')).toBe(result);
    // Replay from the start along the best path: the best score is kept per scenario.
    session.restartScenario(first.id, 0);
    expect(session.scenarioProgress(first.id)).toMatchObject({ path: [], ended: false });
    for (const view of scenarioViews) play(session, view.id, bestPathFrom(view.scenario)!);
    session.finish();
    expect(lms.value(raw)).toBe('100');
    expect(lms.value(status)).toBe('passed');
    expect(lms.violations).toEqual([]);
  });

  it('resumes a scenario at the same node after a relaunch, and replays from any decision', () => {
    const lms = strictLms(version);
    const one = new ModuleSession(config, make(lms), memoryStore());
    const part = bestPathFrom(first.scenario)!.slice(0, 5);
    one.goTo(config.views.indexOf(first));
    play(one, first.id, part);
    one.finish();
    const two = new ModuleSession(config, make(relaunch(version, lms)), memoryStore());
    expect(two.pendingResume).not.toBeNull();
    two.resume();
    expect(two.state.position).toBe(config.views.indexOf(first));
    expect(two.scenarioProgress(first.id)).toEqual({ path: part, ended: false, best: null });
    expect(walk(first.scenario, two.scenarioProgress(first.id).path).current.id).toBe(walk(first.scenario, part).current.id);
    two.restartScenario(first.id, 2);
    expect(two.scenarioProgress(first.id).path).toEqual(part.slice(0, 2));
  });
});

describe('scenario suspend_data budget (real content)', () => {
  const shape = moduleShape(config);

  it('stays within SCORM 1.2 with every scenario part-played, and in the worst case', () => {
    const state = initialState(shape);
    state.saveCount = 2 ** 24 - 1;
    state.position = shape.views.length - 1;
    state.views.forEach((view, i) => {
      view.seen = true;
      const viewShape = shape.views[i]!;
      // Part-played: one decision short of the longest path, the widest choice everywhere, a best score held.
      if (view.kind === 'scenario' && viewShape.kind === 'scenario')
        view.scenario = { path: Array.from({ length: viewShape.maxDepth - 1 }, () => viewShape.maxChoices - 1), ended: false, best: 100 };
    });
    const partPlayed = encodeState(state, shape, { includeText: false }).length;
    const worst = worstCaseSuspendLength(shape);
    console.log(`practice suspend_data: every scenario part-played ${partPlayed} characters; worst case ${worst.scorm12} (SCORM 1.2), ${worst.scorm2004} (SCORM 2004); limit ${SCORM12_LIMITS.suspendData}`);
    expect(partPlayed).toBeLessThanOrEqual(worst.scorm12);
    expect(worst.scorm12).toBeLessThanOrEqual(SCORM12_LIMITS.suspendData);
  });
});

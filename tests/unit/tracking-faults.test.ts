import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../../src/tracking/commit-retry.ts';
import { RETRY_DELAYS_MS } from '../../src/tracking/commit-retry.ts';
import { IDLE_COMMIT_MS } from '../../src/tracking/commit-policy.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { decodeState } from '../../src/tracking/codec/index.ts';
import { lessonsSeen, moduleConfig, realCourse, reflectionTexts, withReflectionView } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { memoryStore } from '../support/memory-store.ts';
import { strictLms } from '../support/strict-lms.ts';

const course = realCourse();
const config = moduleConfig(course);


/** A scheduler the test drives by hand, so retries happen without real time passing. */
function manualScheduler() {
  const queue: { fn: () => void; ms: number; id: number }[] = [];
  let next = 0;
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => (queue.push({ fn, ms, id: ++next }), next),
    clearTimeout: (id) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  return { scheduler, queue, runNext: () => queue.shift()?.fn() };
}

function resumeEntry(version: '1.2' | '2004', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return version === '1.2' ? { ...extra, core: { entry: 'resume' } } : { ...extra, entry: 'resume' };
}

describe.each(['1.2', '2004'] as const)('tracking faults on SCORM %s', (version) => {
  const commitName = version === '1.2' ? 'LMSCommit' : 'Commit';
  const make = (api: Record<string, unknown>) => (version === '1.2' ? new Scorm12Adapter(api) : new Scorm2004Adapter(api));

  it('retries a refused commit with backoff until the LMS accepts, losing nothing', () => {
    const lms = strictLms(version);
    let refusals = 3;
    const realCommit = lms.api[commitName] as () => string;
    let commits = 0;
    lms.api[commitName] = () => {
      commits += 1;
      if (refusals > 0) {
        refusals -= 1;
        return 'false';
      }
      return realCommit();
    };
    const timers = manualScheduler();
    const session = new ModuleSession(config, make(lms.api), memoryStore(), { scheduler: timers.scheduler });
    // Launch commits (a milestone) and is refused: a retry is scheduled.
    expect(commits).toBe(1);
    expect(session.unsaved).toBe(true);
    expect(session.notices.map((n) => n.kind)).toContain('unsaved');
    expect(timers.queue.map((t) => t.ms)).toEqual([RETRY_DELAYS_MS[0]]);
    session.goTo(0); // not a milestone: waits for the idle commit, the retry is untouched
    expect(timers.queue.map((t) => t.ms)).toEqual([RETRY_DELAYS_MS[0], IDLE_COMMIT_MS]);
    timers.runNext();
    expect(timers.queue.map((t) => t.ms)).toEqual([IDLE_COMMIT_MS, RETRY_DELAYS_MS[1]]);
    session.goTo(1);
    session.flush(); // the page is hidden: commit now, and keep backing off if refused
    expect(timers.queue.map((t) => t.ms)).toEqual([RETRY_DELAYS_MS[2]]);
    timers.runNext();
    expect(session.unsaved).toBe(false);
    expect(session.notices.map((n) => n.kind)).not.toContain('unsaved');
    expect(timers.queue).toEqual([]);
    expect(commits).toBe(4);
    const saved = decodeState(lms.value('cmi.suspend_data'), session.shape);
    expect(saved.ok && lessonsSeen(saved.state)?.slice(0, 2)).toEqual([true, true]);
  });

  it('survives a commit that throws, keeping a browser copy of the progress', () => {
    const lms = strictLms(version);
    lms.api[commitName] = () => {
      throw new Error('network down');
    };
    const store = memoryStore();
    const timers = manualScheduler();
    const session = new ModuleSession(config, make(lms.api), store, { scheduler: timers.scheduler });
    expect(() => session.goTo(2)).not.toThrow();
    expect(session.unsaved).toBe(true);
    expect(session.lmsErrors().some((e) => e.code === 'exception' && e.message === 'network down')).toBe(true);
    const copy = [...store.data.values()][0];
    expect(copy).toBeDefined();
    const decoded = decodeState((JSON.parse(copy!) as { data: string }).data, session.shape);
    expect(decoded.ok && decoded.state.position).toBe(2);
  });

  it('restores progress from the browser copy when the LMS never saved it', () => {
    const store = memoryStore();
    const broken = strictLms(version);
    broken.api[commitName] = () => 'false';
    broken.api[version === '1.2' ? 'LMSSetValue' : 'SetValue'] = () => 'false';
    const timers = manualScheduler();
    const one = new ModuleSession(config, make(broken.api), store, { scheduler: timers.scheduler });
    one.goTo(0);
    one.goTo(1);
    // The LMS had the launch (exit=suspend) but none of the later progress: it relaunches with entry=resume.
    const two = new ModuleSession(config, make(strictLms(version, resumeEntry(version)).api), store, { scheduler: timers.scheduler });
    expect(lessonsSeen(two.pendingResume)?.slice(0, 2)).toEqual([true, true]);
    expect(two.notices.map((n) => n.kind)).toContain('restored-local');
  });

  it('never throws into the page when the LMS API vanishes mid-session', () => {
    const lms = strictLms(version);
    const timers = manualScheduler();
    const session = new ModuleSession(config, make(lms.api), memoryStore(), { scheduler: timers.scheduler });
    session.goTo(0);
    for (const key of Object.keys(lms.api)) delete lms.api[key];
    expect(() => {
      session.goTo(1);
      session.startQuizAttempt();
      session.answer(0, answerBook(course).right(attemptItems(session)[0]!), Date.now());
      session.finish();
    }).not.toThrow();
    expect(session.lmsErrors().some((e) => e.code === 'no-api')).toBe(true);
  });

  it('marks the session as terminated once, even if pagehide fires twice', () => {
    const lms = strictLms(version);
    let terminations = 0;
    const terminateName = version === '1.2' ? 'LMSFinish' : 'Terminate';
    const real = lms.api[terminateName] as (s: string) => string;
    lms.api[terminateName] = (s: string) => (terminations++, real(s));
    const session = new ModuleSession(config, make(lms.api), memoryStore());
    session.finish();
    session.finish();
    expect(terminations).toBe(1);
  });
});

describe('standalone mode', () => {
  it('works without an LMS, stores progress in the browser and says so', () => {
    const store = memoryStore();
    const session = new ModuleSession(config, new StandaloneAdapter(store, 'k'), store);
    expect(session.notices.find((n) => n.kind === 'standalone')?.text).toMatch(/not being sent/);
    session.goTo(0);
    session.goTo(1);
    session.finish();
    const again = new ModuleSession(config, new StandaloneAdapter(store, 'k'), store);
    expect(again.launch.entry).toBe('resume');
    expect(lessonsSeen(again.pendingResume)?.slice(0, 2)).toEqual([true, true]);
  });

  it('ignores an unreadable stored record', () => {
    const store = memoryStore();
    store.set('k', '{not json');
    expect(() => new ModuleSession(config, new StandaloneAdapter(store, 'k'), store)).not.toThrow();
  });
});

describe('free-text reflections', () => {
  const withReflections = withReflectionView(config, [2000]);
  const reflectionView = withReflections.views.length - 1;
  const text = 'I helped a customer who had never used the app. I slowed down and checked each step. 😀';

  it('SCORM 1.2: keeps them out of suspend_data, in the browser copy, and tells the learner', () => {
    const store = memoryStore();
    const first = strictLms('1.2');
    const one = new ModuleSession(withReflections, new Scorm12Adapter(first.api), store);
    one.goTo(0);
    one.setReflection(reflectionView, 0, text);
    expect(one.notices.find((n) => n.kind === 'text-local')?.text).toMatch(/kept in this browser only/);
    one.finish();
    const saved = first.value('cmi.suspend_data');
    expect(saved).not.toContain('helped');
    expect(decodeState(saved, one.shape)).toMatchObject({ ok: true, includesText: false });
    expect(first.violations).toEqual([]);

    const cmi = JSON.parse(JSON.stringify(first.inner.cmi.toJSON())) as { core: Record<string, unknown> };
    cmi.core['entry'] = 'resume';
    const two = new ModuleSession(withReflections, new Scorm12Adapter(strictLms('1.2', cmi).api), store);
    expect(reflectionTexts(two.pendingResume)).toEqual([text]);
  });

  it('SCORM 2004: stores them in suspend_data itself', () => {
    const lms = strictLms('2004');
    const session = new ModuleSession(withReflections, new Scorm2004Adapter(lms.api), memoryStore());
    session.setReflection(reflectionView, 0, text);
    const decoded = decodeState(lms.value('cmi.suspend_data'), session.shape);
    expect(decoded.ok && reflectionTexts(decoded.state)).toEqual([text]);
    expect(session.notices.map((n) => n.kind)).not.toContain('text-local');
  });

  it('never stores more than the prompt\'s declared limit (the text box shows that limit)', () => {
    const limited = withReflectionView(config, [5]);
    const session = new ModuleSession(limited, new Scorm2004Adapter(strictLms('2004').api), memoryStore());
    session.setReflection(limited.views.length - 1, 0, 'abcdefgh');
    expect(reflectionTexts(session.state)).toEqual(['abcde']);
  });
});

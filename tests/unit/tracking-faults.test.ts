import { describe, expect, it } from 'vitest';
import { CommitRetry, RETRY_DELAYS_MS, type CommitOutcome } from '../../src/tracking/commit-retry.ts';
import { CommitPolicy, IDLE_COMMIT_MS } from '../../src/tracking/commit-policy.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import { decodeState } from '../../src/tracking/codec/index.ts';
import { lessonsSeen, moduleConfig, realCourse, reflectionTexts, withReflectionView } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { memoryStore } from '../support/memory-store.ts';
import { manualScheduler } from '../support/manual-scheduler.ts';
import { strictLms } from '../support/strict-lms.ts';

const course = realCourse();
const config = moduleConfig(course);



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

  /** A session on an LMS that refuses every commit; `commits()` counts the attempts. */
  function refusingSession() {
    const lms = strictLms(version);
    let commits = 0;
    lms.api[commitName] = () => (commits++, 'false');
    const timers = manualScheduler();
    const session = new ModuleSession(config, make(lms.api), memoryStore(), { scheduler: timers.scheduler });
    return { session, timers, commits: () => commits };
  }

  it('keeps backing off at the longest delay however many times the LMS refuses', () => {
    const { session, timers, commits } = refusingSession();
    const delays: number[] = [];
    for (let i = 0; i < RETRY_DELAYS_MS.length + 3; i++) {
      delays.push(...timers.queue.map((t) => t.ms));
      timers.runNext();
    }
    const longest = RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];
    expect(delays).toEqual([...RETRY_DELAYS_MS, longest, longest, longest]);
    expect(commits()).toBe(RETRY_DELAYS_MS.length + 4);
    expect(session.unsaved).toBe(true);
  });

  it('stops retrying once the session is finished', () => {
    const { session, timers, commits } = refusingSession();
    session.goTo(0); // not a milestone: an idle commit waits beside the retry
    expect(timers.queue).toHaveLength(2);
    session.finish();
    const afterFinish = commits();
    expect(timers.queue).toEqual([]);
    timers.runNext();
    expect(commits()).toBe(afterFinish);
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

describe('CommitRetry and CommitPolicy', () => {
  /** A retry loop over scripted LMS answers, recording what the page is told. */
  function scripted(...outcomes: CommitOutcome[]) {
    const timers = manualScheduler();
    const told: string[] = [];
    let commits = 0;
    const retry = new CommitRetry(
      () => (commits++, outcomes.shift() ?? 'ok'),
      (pending) => told.push(pending ? 'unsaved' : 'saved'),
      timers.scheduler,
      () => told.push('fatal'),
    );
    return { retry, timers, told, commits: () => commits };
  }

  it('says "unsaved" once on the first refusal and "saved" once when the LMS accepts again', () => {
    const { retry, timers, told } = scripted('ok', 'failed', 'failed', 'ok', 'ok');
    expect(retry.request()).toBe(true);
    expect(told).toEqual([]); // nothing to tell after a plain success
    expect(retry.request()).toBe(false);
    expect(retry.pending).toBe(true);
    timers.runNext();
    timers.runNext();
    expect(told).toEqual(['unsaved', 'saved']);
    expect(retry.pending).toBe(false);
    expect(retry.request()).toBe(true);
    expect(told).toEqual(['unsaved', 'saved']);
  });

  it('stops for good on a fatal refusal: tells the page once, never commits or schedules again', () => {
    const { retry, timers, told, commits } = scripted('failed', 'fatal');
    retry.request();
    timers.runNext();
    expect(told).toEqual(['unsaved', 'saved', 'fatal']);
    expect(retry.dead).toBe(true);
    expect(retry.pending).toBe(false);
    expect(timers.queue).toEqual([]);
    expect(retry.request()).toBe(false);
    expect(commits()).toBe(2);
  });

  it('a fatal first commit says nothing about unsaved progress, only that saving stopped', () => {
    const { retry, told } = scripted('fatal');
    expect(retry.request()).toBe(false);
    expect(told).toEqual(['fatal']);
    expect(retry.dead).toBe(true);
  });

  it('a page hidden with nothing changed commits nothing', () => {
    const { retry, timers, commits } = scripted();
    const policy = new CommitPolicy(retry, timers.scheduler);
    policy.flush();
    expect(commits()).toBe(0);
    policy.changed(false);
    policy.flush();
    expect(commits()).toBe(1);
    policy.flush();
    expect(commits()).toBe(1);
  });

  it('cancel drops both the idle commit and a pending retry', () => {
    const { retry, timers, commits } = scripted('failed');
    const policy = new CommitPolicy(retry, timers.scheduler);
    policy.commitNow();
    policy.changed(false);
    expect(timers.queue.map((t) => t.ms).sort((a, b) => a - b)).toEqual([RETRY_DELAYS_MS[0], IDLE_COMMIT_MS]);
    policy.cancel();
    expect(timers.queue).toEqual([]);
    expect(commits()).toBe(1);
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

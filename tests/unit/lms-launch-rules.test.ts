import { describe, expect, it } from 'vitest';
import { IDLE_COMMIT_MS } from '../../src/tracking/commit-policy.ts';
import { encodeState } from '../../src/tracking/codec/index.ts';
import { initialState } from '../../src/tracking/learner-state.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { interactionIndexer, INTERACTION_CAP } from '../../src/tracking/scorm-shared.ts';
import { memoryStore } from '../support/memory-store.ts';
import { lessonPositions, lessonsSeen, moduleConfig, quizPosition, realCourse, reflectionTexts, withReflectionView } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { manualScheduler } from '../support/manual-scheduler.ts';
import { strictLms, type StrictLms } from '../support/strict-lms.ts';

const course = realCourse();
const config = moduleConfig(course);
const { right: rightAnswer, wrong: wrongAnswer } = answerBook(course);


const V = {
  '1.2': {
    make: (lms: StrictLms) => new Scorm12Adapter(lms.api),
    commit: 'LMSCommit',
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw',
    seed: (fields: { entry?: string; mode?: string; suspend?: string; status?: string; raw?: string }) => ({
      ...(fields.suspend !== undefined ? { suspend_data: fields.suspend } : {}),
      core: {
        ...(fields.entry !== undefined ? { entry: fields.entry } : {}),
        ...(fields.mode !== undefined ? { lesson_mode: fields.mode } : {}),
        ...(fields.status !== undefined ? { lesson_status: fields.status } : {}),
        ...(fields.raw !== undefined ? { score: { raw: fields.raw } } : {}),
      },
    }),
  },
  '2004': {
    make: (lms: StrictLms) => new Scorm2004Adapter(lms.api),
    commit: 'Commit',
    initialize: 'Initialize',
    terminate: 'Terminate',
    status: 'cmi.success_status',
    raw: 'cmi.score.raw',
    seed: (fields: { entry?: string; mode?: string; suspend?: string; status?: string; raw?: string }) => ({
      ...(fields.suspend !== undefined ? { suspend_data: fields.suspend } : {}),
      ...(fields.entry !== undefined ? { entry: fields.entry } : {}),
      ...(fields.mode !== undefined ? { mode: fields.mode } : {}),
      ...(fields.status !== undefined ? { success_status: fields.status, completion_status: 'completed' } : {}),
      ...(fields.raw !== undefined ? { score: { raw: fields.raw, scaled: String(Number(fields.raw) / 100), min: '0', max: '100' } } : {}),
    }),
  },
} as const;

/** Counts the LMS commits made through the api. */
function countCommits(lms: StrictLms, name: string): { count: number } {
  const counter = { count: 0 };
  const real = lms.api[name] as (s: string) => string;
  lms.api[name] = (s: string) => (counter.count++, real(s));
  return counter;
}

function answerAll(session: ModuleSession, right: (i: number) => boolean): void {
  session.goTo(quizPosition(config));
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => {
    session.answer(i, right(i) ? rightAnswer(item) : wrongAnswer(item), Date.now() - 3000);
    session.setQuizPosition(i + 1);
  });
  session.submitAttempt();
}

describe.each(['1.2', '2004'] as const)('LMS rules on SCORM %s', (version) => {
  const v = V[version];

  it('commits on milestones only: launch, each scored attempt, finish', () => {
    const lms = strictLms(version);
    const commits = countCommits(lms, v.commit);
    const timers = manualScheduler();
    const session = new ModuleSession(config, v.make(lms), memoryStore(), { scheduler: timers.scheduler });
    expect(commits.count).toBe(1);
    lessonPositions(config).forEach((p) => session.goTo(p));
    answerAll(session, (i) => i % 3 !== 0); // a guess: about two thirds right, below the pass mark
    expect(lms.value(v.status)).toBe('failed');
    const afterFirst = commits.count;
    expect(afterFirst).toBe(2); // reading lessons and answering questions did not commit
    answerAll(session, () => true);
    expect(commits.count).toBe(3);
    session.flush(); // page hidden after the last commit: nothing new to save
    expect(commits.count).toBe(3);
    session.finish();
    expect(commits.count).toBe(4);
    expect(lms.value(v.status)).toBe('passed');
    expect(lms.violations).toEqual([]);
  });

  it('commits unsaved changes within 60 seconds, once, and on the page being hidden', () => {
    const lms = strictLms(version);
    const commits = countCommits(lms, v.commit);
    const timers = manualScheduler();
    const session = new ModuleSession(config, v.make(lms), memoryStore(), { scheduler: timers.scheduler });
    session.goTo(0);
    session.goTo(1);
    expect(timers.queue.map((t) => t.ms)).toEqual([IDLE_COMMIT_MS]);
    timers.runNext();
    expect(commits.count).toBe(2);
    timers.runNext();
    expect(commits.count).toBe(2);
    session.goTo(2);
    session.flush();
    expect(commits.count).toBe(3);
    expect(timers.queue).toEqual([]);
  });

  it('never takes away a pass the LMS holds: relaunch, start again, fail', () => {
    const first = strictLms(version);
    const one = new ModuleSession(config, v.make(first), memoryStore());
    lessonPositions(config).forEach((p) => one.goTo(p));
    answerAll(one, () => true);
    one.finish();
    expect(first.value(v.raw)).toBe('100');
    const objectivesBefore = first.value('cmi.objectives');

    const cmi = JSON.parse(JSON.stringify(first.inner.cmi.toJSON())) as Record<string, unknown>;
    const second = strictLms(version, cmi);
    const two = new ModuleSession(config, v.make(second), memoryStore());
    expect(two.launch.previousSuccess).toBe('passed');
    expect(two.launch.previousScore).toBe(100);
    two.startOver();
    expect(two.quiz?.everPassed).toBe(true); // results survive "start again"
    // "Start again" never turns a completed module back into incomplete in the LMS.
    expect(second.value(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe(version === '1.2' ? 'passed' : 'completed');
    answerAll(two, () => false);
    two.finish();
    expect(second.value(v.status)).toBe('passed');
    expect(second.value(v.raw)).toBe('100');
    expect(second.value('cmi.objectives')).toBe(objectivesBefore);
    expect(second.violations).toEqual([]);
  });

  it('keeps the held score even when this attempt\'s own record was lost (fresh state, stored pass)', () => {
    const lms = strictLms(version, v.seed({ status: 'passed', raw: '90' }));
    const session = new ModuleSession(config, v.make(lms), memoryStore());
    answerAll(session, (i) => i === 0);
    session.finish();
    expect(lms.value(v.status)).toBe('passed');
    expect(lms.value(v.raw)).toBe('90');
  });

  it.each(['review', 'browse'])('writes nothing in %s mode and tells the learner', (mode) => {
    const lms = strictLms(version, v.seed({ mode, entry: '' }));
    const commits = countCommits(lms, v.commit);
    const session = new ModuleSession(config, v.make(lms), memoryStore());
    expect(session.launch.mode).toBe(mode);
    expect(session.notices.map((n) => n.kind)).toContain('review-mode');
    lessonPositions(config).forEach((p) => session.goTo(p));
    answerAll(session, () => true);
    session.flush();
    session.finish();
    const written = lms.sets.map(([element]) => element).filter((e) => !/session_time$/.test(e));
    expect(written).toEqual([]);
    expect(commits.count).toBeLessThanOrEqual(1); // only the one that closes the session
  });

  it('shows a clear notice, keeps a browser copy and never retries when Initialize is refused', () => {
    const lms = strictLms(version);
    lms.api[v.initialize] = () => 'false';
    const commits = countCommits(lms, v.commit);
    let terminations = 0;
    lms.api[v.terminate] = () => (terminations++, 'false');
    const store = memoryStore();
    const timers = manualScheduler();
    const session = new ModuleSession(config, v.make(lms), store, { scheduler: timers.scheduler });
    expect(session.launch.connected).toBe(false);
    expect(session.notices.find((n) => n.kind === 'not-connected')?.text).toMatch(/not being saved.*open the module again from your course page/);
    session.goTo(0);
    session.goTo(1);
    session.flush();
    session.finish();
    expect(commits.count).toBe(0);
    expect(terminations).toBe(0);
    expect(timers.queue).toEqual([]);
    expect(lms.sets).toEqual([]);
    // The module's browser copy holds the progress; the course record (course home, reflective account) is the other key.
    expect([...store.data.keys()].filter((key) => !key.endsWith(':record'))).toHaveLength(1);
  });

  it('stops retrying when a commit fails with an error that cannot heal', () => {
    const lms = strictLms(version);
    const commits = countCommits(lms, v.commit);
    const timers = manualScheduler();
    const session = new ModuleSession(config, v.make(lms), memoryStore(), { scheduler: timers.scheduler });
    // The LMS has ended the session behind the course's back (1.2: 301 not initialised; 2004: 142 commit after termination).
    lms.api[v.commit] = () => (commits.count++, 'false');
    lms.api[version === '1.2' ? 'LMSGetLastError' : 'GetLastError'] = () => (version === '1.2' ? '301' : '142');
    session.goTo(0);
    session.flush();
    expect(timers.queue.filter((t) => t.ms !== IDLE_COMMIT_MS)).toEqual([]);
    expect(session.notices.map((n) => n.kind)).toContain('not-connected');
    const count = commits.count;
    session.goTo(1);
    session.flush();
    expect(commits.count).toBe(count);
  });

  it('offers no resume in a new attempt (entry ab-initio), even if the LMS passes old suspend data', () => {
    const base = new ModuleSession(config, v.make(strictLms(version)), memoryStore());
    base.goTo(2);
    const old = encodeState(base.state, base.shape, { includeText: true });
    const session = new ModuleSession(config, v.make(strictLms(version, v.seed({ entry: 'ab-initio', suspend: old }))), memoryStore());
    expect(session.pendingResume).toBeNull();
    expect(session.state.position).toBe(0);
  });

  describe('which saved copy wins at launch', () => {
    const shape = () => new ModuleSession(config, v.make(strictLms(version)), memoryStore()).shape;
    const stateWith = (saveCount: number, seenLessons: number) => {
      const s = initialState(shape());
      s.saveCount = saveCount;
      lessonPositions(config).slice(0, seenLessons).forEach((p) => (s.views[p]!.seen = true));
      s.position = lessonPositions(config)[Math.max(0, seenLessons - 1)]!;
      return s;
    };

    it('the LMS copy when it is newer than the browser copy', () => {
      const store = memoryStore();
      const lmsData = encodeState(stateWith(20, 3), shape(), { includeText: true });
      const lms = strictLms(version, v.seed({ entry: 'resume', suspend: lmsData }));
            store.set(SAFETY_KEY, JSON.stringify({ data: encodeState(stateWith(10, 1), shape(), { includeText: true }), savedAt: 1 }));
      const session = new ModuleSession(config, v.make(lms), store);
      expect(lessonsSeen(session.pendingResume)?.filter(Boolean)).toHaveLength(3);
      expect(session.notices.map((n) => n.kind)).not.toContain('restored-local');
    });

    it('the browser copy when it is newer and the LMS says the attempt is resumed', () => {
      const store = memoryStore();
      const lms = strictLms(version, v.seed({ entry: 'resume', suspend: encodeState(stateWith(10, 1), shape(), { includeText: true }) }));
      store.set(SAFETY_KEY, JSON.stringify({ data: encodeState(stateWith(20, 3), shape(), { includeText: true }), savedAt: 1 }));
      const session = new ModuleSession(config, v.make(lms), store);
      expect(lessonsSeen(session.pendingResume)?.filter(Boolean)).toHaveLength(3);
      expect(session.notices.map((n) => n.kind)).toContain('restored-local');
    });

    it('neither in a deliberately fresh attempt (entry ab-initio), keeping only written reflections', () => {
      const withText = withReflectionView(config, [200]);
      const textShape = new ModuleSession(withText, v.make(strictLms(version)), memoryStore()).shape;
      const old = initialState(textShape);
      old.saveCount = 50;
      old.views[0]!.seen = true;
      const quiz = old.views.find((view) => view.kind === 'quiz');
      if (quiz?.kind === 'quiz') Object.assign(quiz.quiz, { attempts: 2, best: 100, last: 100, everPassed: true });
      const reflection = old.views.at(-1)!;
      if (reflection.kind === 'reflection') reflection.texts = ['My own notes'];
      const store = memoryStore();
      const lms = strictLms(version, v.seed({ entry: 'ab-initio' }));
      store.set(SAFETY_KEY, JSON.stringify({ data: encodeState(old, textShape, { includeText: true }), savedAt: 1 }));
      const session = new ModuleSession(withText, v.make(lms), store);
      expect(session.pendingResume).toBeNull();
      expect(session.quiz?.attempts).toBe(0);
      expect(session.quiz?.everPassed).toBe(false);
      expect(reflectionTexts(session.state)).toEqual(['My own notes']);
    });
  });
});

/** The browser-copy key of the stand-in learner (scorm-again gives no learner id unless the LMS sets one). */
const SAFETY_KEY = `course:${config.courseId}:${config.moduleId}:anonymous`;

describe('interaction cap', () => {
  it(`never writes past index ${INTERACTION_CAP - 1}; past the cap the latest answer overwrites this session's record`, () => {
    const indexer = interactionIndexer(INTERACTION_CAP - 2);
    expect(indexer.indexFor('q1')).toBe(INTERACTION_CAP - 2);
    expect(indexer.indexFor('q2')).toBe(INTERACTION_CAP - 1);
    expect(indexer.indexFor('q1')).toBe(INTERACTION_CAP - 2);
    expect(indexer.indexFor('q2')).toBe(INTERACTION_CAP - 1);
    expect(indexer.indexFor('q3')).toBeNull();
  });

  it('a session that starts with the LMS at the cap records nothing new and raises no LMS error', () => {
    const indexer = interactionIndexer(INTERACTION_CAP);
    expect(indexer.indexFor('q1')).toBeNull();
  });
});

describe('LMSs that refuse our identifiers (forma.lms, SCORM 2004)', () => {
  /** A 2004 LMS whose SetValue refuses ids containing - _ . etc. with 406, and every objective description. */
  function refusingLms(seed: Record<string, unknown> = {}) {
    const lms = strictLms('2004', seed);
    const set = lms.api['SetValue'] as (e: string, v: string) => string;
    let lastRefused = false;
    lms.api['SetValue'] = (element: string, value: string) => {
      lastRefused = (/\.id$/.test(element) && /[-_.!~*'()]/.test(value)) || /^cmi\.objectives\.\d+\.description$/.test(element);
      return lastRefused ? 'false' : set(element, value);
    };
    const lastError = lms.api['GetLastError'] as () => string;
    lms.api['GetLastError'] = () => (lastRefused ? '406' : lastError());
    return lms;
  }

  it('switches the session to the fallback id form, records every id, and remembers the form on resume', () => {
    const first = refusingLms();
    const one = new ModuleSession(config, new Scorm2004Adapter(first.api), memoryStore());
    one.goTo(quizPosition(config));
    one.startQuizAttempt();
    one.answer(0, rightAnswer(attemptItems(one)[0]!), Date.now());
    one.finish();
    const objectiveIds = config.outcomes.map((_o, i) => first.value(`cmi.objectives.${i}.id`));
    expect(objectiveIds).toEqual(config.outcomes.map((o) => o.objectiveId.replace(/-/g, ':')));
    expect(first.value('cmi.interactions.0.id')).toBe(attemptItems(one)[0]!.interactionId.replace(/-/g, ':'));
    expect(first.value('cmi.interactions.0.objectives.0.id')).toMatch(/^[a-z0-9:]+$/);
    expect(first.value('cmi.interactions.0.result')).toBe('correct'); // a refused id never stops the rest

    const cmi = JSON.parse(JSON.stringify(first.inner.cmi.toJSON())) as Record<string, unknown>;
    cmi['entry'] = 'resume';
    const second = strictLms('2004', cmi);
    const two = new ModuleSession(config, new Scorm2004Adapter(second.api), memoryStore());
    expect(two.pendingResume?.fallbackIds).toBe(true);
    two.resume();
    two.answer(1, rightAnswer(attemptItems(two)[1]!), Date.now());
    expect(second.sets.find(([e]) => e === 'cmi.interactions.1.id')?.[1]).toBe(attemptItems(two)[1]!.interactionId.replace(/-/g, ':'));
  });

  it('keeps the normal form where the LMS accepts it', () => {
    const lms = strictLms('2004');
    const session = new ModuleSession(config, new Scorm2004Adapter(lms.api), memoryStore());
    session.goTo(quizPosition(config));
    session.startQuizAttempt();
    session.answer(0, rightAnswer(attemptItems(session)[0]!), Date.now());
    expect(lms.value('cmi.interactions.0.id')).toBe(attemptItems(session)[0]!.interactionId);
    expect(session.state.fallbackIds).toBe(false);
  });
});

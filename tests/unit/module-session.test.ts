import { courseRecordKey } from '../../src/tracking/course-record.ts';
import { describe, expect, it } from 'vitest';
import { attemptSize } from '../../src/lib/quiz-draw.ts';
import { initialState } from '../../src/tracking/learner-state.ts';
import { ModuleSession, moduleShape, type ModuleConfig } from '../../src/tracking/module-session.ts';
import { Scorm12Adapter } from '../../src/tracking/scorm12-adapter.ts';
import { Scorm2004Adapter } from '../../src/tracking/scorm2004-adapter.ts';
import { encodeState } from '../../src/tracking/codec/index.ts';
import { lessonPositions, moduleConfig, quizPosition, realCourse } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';
import { quizConfigOf } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { relaunch, strictLms, type StrictLms } from '../support/strict-lms.ts';

const course = realCourse();
const config = moduleConfig(course);
const { right, wrong } = answerBook(course);
/** Items per attempt (module 1 draws from its banks). */
const perAttempt = attemptSize(quizConfigOf(config)!);

/** Reads every lesson and answers the quiz; `rightCount` items correct, the rest wrong. */
function completeModule(session: ModuleSession, rightCount: number): void {
  lessonPositions(config).forEach((i) => session.goTo(i));
  session.goTo(quizPosition(config));
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => {
    session.answer(i, i < rightCount ? right(item) : wrong(item), Date.now() - 5000);
    session.setQuizPosition(i + 1);
  });
  session.submitAttempt();
}

const versions = [
  { version: '1.2' as const, make: (lms: StrictLms) => new Scorm12Adapter(lms.api), status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', suspend: 'cmi.suspend_data', exit: 'cmi.core.exit' },
  { version: '2004' as const, make: (lms: StrictLms) => new Scorm2004Adapter(lms.api), status: 'cmi.success_status', raw: 'cmi.score.raw', suspend: 'cmi.suspend_data', exit: 'cmi.exit' },
];

describe.each(versions)('ModuleSession on SCORM $version (scorm-again)', ({ version, make, status, raw, suspend, exit }) => {
  it('reports passed, completed, score, objectives and one interaction per answer', () => {
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), memoryStore());
    completeModule(session, perAttempt);
    session.finish();
    expect(lms.value(status)).toBe('passed');
    expect(lms.value(raw)).toBe('100');
    if (version === '2004') {
      expect(lms.value('cmi.completion_status')).toBe('completed');
      expect(lms.value('cmi.score.scaled')).toBe('1');
    }
    expect(Number(lms.value('cmi.objectives._count'))).toBe(config.outcomes.length);
    expect(Number(lms.value('cmi.interactions._count'))).toBe(perAttempt);
    const ids = lms.sets.filter(([e]) => /^cmi\.objectives\.\d+\.id$/.test(e)).map(([, v]) => v);
    expect(ids).toEqual(config.outcomes.map((o) => o.objectiveId));
    expect(lms.sets.find(([e]) => e === 'cmi.interactions.0.id')?.[1]).toBe(attemptItems(session)[0]!.interactionId);
    expect(lms.violations).toEqual([]);
    // scorm-again refuses an element of the other SCORM version quietly: its refusals land in this log.
    expect(session.lmsErrors()).toEqual([]);
  });

  it('reports failed with the right score when below the pass mark', () => {
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), memoryStore());
    const rightCount = Math.floor(perAttempt / 2);
    completeModule(session, rightCount);
    session.finish();
    expect(lms.value(status)).toBe('failed');
    expect(lms.value(raw)).toBe(String(Math.round((rightCount / perAttempt) * 100)));
    expect(lms.violations).toEqual([]);
  });

  it('never leaves the status at "not attempted" after launch, and exits with suspend while unfinished', () => {
    const lms = strictLms(version);
    const session = new ModuleSession(config, make(lms), memoryStore());
    session.goTo(0);
    const notAttempted = version === '1.2' ? lms.value('cmi.core.lesson_status') : lms.value('cmi.completion_status');
    expect(notAttempted).toBe('incomplete');
    session.finish();
    expect(lms.sets.filter(([e]) => e.endsWith('.exit')).at(-1)?.[1]).toBe('suspend');
  });

  it('resumes exactly where the learner left: lessons, position and quiz answers', () => {
    const first = strictLms(version);
    const one = new ModuleSession(config, make(first), memoryStore());
    one.goTo(0);
    one.goTo(1);
    one.goTo(quizPosition(config));
    one.startQuizAttempt();
    const half = Math.floor(perAttempt / 2);
    for (let i = 0; i < half; i++) {
      one.answer(i, right(attemptItems(one)[i]!), Date.now());
      one.setQuizPosition(i + 1);
    }
    const saved = structuredClone(one.state);
    one.finish();

    const second = relaunch(version, first);
    const two = new ModuleSession(config, make(second), memoryStore());
    expect(two.launch.entry).toBe('resume');
    expect(two.pendingResume).toEqual(saved);
    two.resume();
    expect(two.state).toEqual({ ...saved, saveCount: saved.saveCount + 1 });
    expect(second.violations).toEqual([]);
  });

  it('keeps the saved progress when the page closes while "Welcome back" is still open', () => {
    const first = strictLms(version);
    const firstStore = memoryStore();
    const one = new ModuleSession(config, make(first), firstStore);
    one.goTo(0);
    one.goTo(1);
    one.finish();
    const savedData = first.value(suspend);

    const second = relaunch(version, first);
    const store = firstStore;
    const browserCopy = [...store.data.values()][0];
    const two = new ModuleSession(config, make(second), store);
    expect(two.pendingResume).not.toBeNull();
    two.flush();
    two.finish(); // the learner never chose resume or start again
    expect(second.value(suspend)).toBe(savedData);
    expect(second.value(exit)).toBe('suspend');
    expect([...store.data.values()][0]).toBe(browserCopy);
    expect(second.violations).toEqual([]);
  });

  it('deletes the browser copy once the module is finished', () => {
    const lms = strictLms(version);
    const store = memoryStore();
    const session = new ModuleSession(config, make(lms), store);
    // The module's own safety copy goes; the course record (status and reflections for the course home) stays.
    const copies = () => [...store.data.keys()].filter((key) => key !== courseRecordKey(config.courseId));
    session.goTo(0);
    expect(copies()).toHaveLength(1);
    completeModule(session, perAttempt);
    session.finish();
    expect(copies()).toEqual([]);
    expect(store.data.has(courseRecordKey(config.courseId))).toBe(true);
  });

  it('keeps a pass when a later attempt is worse (module does not allow downgrade)', () => {
    const first = strictLms(version);
    const one = new ModuleSession(config, make(first), memoryStore());
    completeModule(one, perAttempt);
    one.finish();
    const second = relaunch(version, first);
    const two = new ModuleSession(config, make(second), memoryStore());
    expect(two.pendingResume).not.toBeNull();
    two.resume();
    two.startQuizAttempt();
    attemptItems(two).forEach((item, i) => two.answer(i, wrong(item), Date.now()));
    two.submitAttempt();
    two.finish();
    expect(second.value(status)).toBe('passed');
    expect(second.value(raw)).toBe('100');
  });

  it('does downgrade when the module allows it', () => {
    // A quiz that counts the last attempt (module 1 counts the best, which never downgrades).
    const views = config.views.map((v) => (v.kind === 'quiz' ? { ...v, quiz: { ...v.quiz, counts: 'last' as const } } : v));
    const downgrading: ModuleConfig = { ...config, views, allowPassDowngrade: true };
    const lms = strictLms(version);
    const session = new ModuleSession(downgrading, make(lms), memoryStore());
    lessonPositions(config).forEach((i) => session.goTo(i));
    session.startQuizAttempt();
    attemptItems(session).forEach((item, i) => session.answer(i, right(item), Date.now()));
    session.submitAttempt();
    session.startQuizAttempt();
    attemptItems(session).forEach((item, i) => session.answer(i, wrong(item), Date.now()));
    session.submitAttempt();
    expect(lms.value(status)).toBe('failed');
    expect(lms.value(raw)).toBe('0');
  });

  it('starts cleanly with a notice when suspend_data is corrupt', () => {
    const lms = strictLms(version, version === '1.2' ? { suspend_data: '1XXXX!!', core: { entry: 'resume' } } : { suspend_data: '1XXXX!!', entry: 'resume' });
    const session = new ModuleSession(config, make(lms), memoryStore());
    expect(session.pendingResume).toBeNull();
    expect(session.notices.map((n) => n.kind)).toContain('progress-reset');
  });

  it('starts cleanly with a notice when suspend_data is from another codec version', () => {
    const shape = moduleShape(config);
    const old = `0${encodeState(initialState(shape), shape, { includeText: true }).slice(1)}`;
    const lms = strictLms(version, version === '1.2' ? { suspend_data: old, core: { entry: 'resume' } } : { suspend_data: old, entry: 'resume' });
    const session = new ModuleSession(config, make(lms), memoryStore());
    expect(session.pendingResume).toBeNull();
    expect(session.notices.find((n) => n.kind === 'progress-reset')?.text).toMatch(/could not be read/);
  });
});

describe('a learner who opened a module and did nothing', () => {
  it.each(course.modules.map((mod) => [mod.meta.id, mod] as const))('is not offered "Welcome back" in %s', (_id, mod) => {
    const modConfig = moduleConfig(course, mod);
    const first = strictLms('2004');
    new ModuleSession(modConfig, new Scorm2004Adapter(first.api), memoryStore()).finish();
    expect(first.value('cmi.exit')).toBe('suspend');
    const two = new ModuleSession(modConfig, new Scorm2004Adapter(relaunch('2004', first).api), memoryStore());
    expect(two.pendingResume).toBeNull();
  });
});

describe('a quiz with a limit on attempts', () => {
  it('offers no attempt beyond max_attempts, and lets a learner out of attempts leave the module finished', () => {
    const maxAttempts = quizConfigOf(config)!.maxAttempts;
    expect(maxAttempts).toBeGreaterThan(0);
    const lms = strictLms('2004');
    const session = new ModuleSession(config, new Scorm2004Adapter(lms.api), memoryStore());
    completeModule(session, 0);
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      session.startQuizAttempt();
      attemptItems(session).forEach((item, i) => session.answer(i, wrong(item), Date.now()));
      session.submitAttempt();
    }
    expect(session.quiz).toMatchObject({ attempts: maxAttempts, current: { submitted: true } });
    session.startQuizAttempt();
    expect(session.quiz).toMatchObject({ attempts: maxAttempts, current: { submitted: true } });
    session.finish();
    expect(lms.value('cmi.success_status')).toBe('failed');
    expect(lms.value('cmi.exit')).toBe('normal');
  });
});

describe('a quiz that counts the best attempt', () => {
  it('keeps the best score and its objectives after a worse attempt', () => {
    const lms = strictLms('2004');
    const session = new ModuleSession(config, new Scorm2004Adapter(lms.api), memoryStore());
    expect(quizConfigOf(config)!.counts).toBe('best');
    session.startQuizAttempt();
    attemptItems(session).forEach((item, i) => session.answer(i, right(item), Date.now()));
    session.submitAttempt();
    const objectiveScores = () => lms.sets.filter(([e]) => /^cmi\.objectives\.\d+\.score\.raw$/.test(e)).map(([, v]) => v);
    const afterBest = objectiveScores();
    session.startQuizAttempt();
    attemptItems(session).forEach((item, i) => session.answer(i, wrong(item), Date.now()));
    session.submitAttempt();
    expect(lms.value('cmi.score.raw')).toBe('100');
    expect(objectiveScores()).toEqual(afterBest);
    expect(session.quiz).toMatchObject({ attempts: 2, best: 100, last: 0 });
  });
});

describe('drawn, shuffled attempts', () => {
  it('draws a new set per attempt and restores the same one on resume', () => {
    const store = memoryStore();
    const lms = strictLms('1.2');
    const one = new ModuleSession(config, new Scorm12Adapter(lms.api), store, { random: () => 0.25 });
    one.goTo(quizPosition(config));
    one.startQuizAttempt();
    const drawn = attemptItems(one).map((item) => item.id);
    expect(drawn).toHaveLength(perAttempt);
    one.answer(0, right(attemptItems(one)[0]!), Date.now());
    one.setQuizPosition(1);
    one.finish();

    const two = new ModuleSession(config, new Scorm12Adapter(relaunch('1.2', lms).api), memoryStore());
    two.resume();
    expect(attemptItems(two).map((item) => item.id)).toEqual(drawn);
    expect(two.quiz?.current).toMatchObject({ seed: one.quiz!.current!.seed, position: 1 });
    expect(two.quiz?.current?.responses[0]).toEqual(one.quiz?.current?.responses[0]);

    const other = new ModuleSession(config, new Scorm12Adapter(strictLms('1.2').api), memoryStore(), { random: () => 0.75 });
    other.startQuizAttempt();
    expect(attemptItems(other).map((item) => item.id)).not.toEqual(drawn);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Cmi5Adapter, PROGRESS_STATE } from '../../src/tracking/cmi5-adapter.ts';
import { readCmi5Launch, type Cmi5Launch } from '../../src/tracking/cmi5-launch.ts';
import { connectLaunchingLms } from '../../src/tracking/connect-lms.ts';
import type { WindowLike } from '../../src/tracking/api-finder.ts';
import { ModuleSession } from '../../src/tracking/module-session.ts';
import { memoryStore } from '../support/memory-store.ts';
import { startMockLrs, statementSequence, type MockLrs } from '../support/mock-lrs.ts';
import { fixtureCourse, lessonPositions, moduleConfig, quizItems, quizPosition } from '../support/real-course.ts';
import { answerBook, attemptItems } from '../support/quiz-answers.ts';

const course = fixtureCourse();
const config = moduleConfig(course);
const answers = answerBook(course);
/** The fixture quiz has no draw: every attempt has every item. */
const items = quizItems(config);
let lrs: MockLrs | undefined;
afterEach(async () => {
  await lrs?.close();
  lrs = undefined;
});

/** A clock the test moves, so durations are exact. */
function testClock(start = Date.UTC(2026, 11, 2, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function launchOf(mock: MockLrs): Cmi5Launch {
  const launch = readCmi5Launch(mock.launchSearch());
  if (launch === null || launch instanceof Error) throw new Error(`mock launch URL not read: ${String(launch)}`);
  return launch;
}

/** Reads every lesson, then answers the quiz with `rightCount` items right; one minute per step. */
function completeModule(session: ModuleSession, clock: ReturnType<typeof testClock>, rightCount: number): void {
  for (const position of lessonPositions(config)) {
    clock.advance(60_000);
    session.goTo(position);
  }
  session.goTo(quizPosition(config));
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => {
    session.answer(i, i < rightCount ? answers.right(item) : answers.wrong(item), clock.now());
    clock.advance(10_000);
  });
  session.submitAttempt();
}

async function runSession(mock: MockLrs, clock: ReturnType<typeof testClock>, act: (session: ModuleSession) => void) {
  const adapter = await Cmi5Adapter.launch(launchOf(mock), fetch, clock.now);
  const session = new ModuleSession(config, adapter, memoryStore(), { now: clock.now });
  act(session);
  session.finish();
  await adapter.settled();
  return { adapter, session };
}

const verbs = (mock: MockLrs) => statementSequence(mock.statements).map((line) => line.split(' ')[0]);

describe('cmi5 adapter against a mock LRS', () => {
  it('sends initialized, answered…, completed, passed and terminated for a passed module', async () => {
    lrs = await startMockLrs({ masteryScore: config.passMark / 100 });
    const clock = testClock();
    const { adapter } = await runSession(lrs, clock, (session) => completeModule(session, clock, items.length));
    expect(lrs.problems).toEqual([]);
    expect(adapter.errors()).toEqual([]);
    expect(statementSequence(lrs.statements)).toEqual([
      'initialized',
      ...items.map(() => expect.stringMatching(/^answered \(success=true\)$/)),
      'completed (completion=true)',
      'passed (success=true, scaled=1)',
      'terminated',
    ]);
    const passed = lrs.statements.find((statement) => verbs(lrs!)[lrs!.statements.indexOf(statement)] === 'passed')!;
    const lessonMinutes = lessonPositions(config).length;
    const quizSeconds = items.length * 10;
    const elapsed = `PT${Math.floor((lessonMinutes * 60 + quizSeconds) / 60)}M${(lessonMinutes * 60 + quizSeconds) % 60}S`;
    expect(passed['result']).toEqual({ score: { scaled: 1, raw: 100, min: 0, max: 100 }, success: true, duration: elapsed });
    expect((passed['context'] as { extensions: Record<string, unknown> }).extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(config.passMark / 100);
    expect((lrs.statements.at(-1)!['result'] as { duration: string }).duration).toBe(elapsed);
    // A finished module leaves exit normal, so the next launch starts afresh.
    expect(JSON.parse(lrs.states.get(PROGRESS_STATE)!)).toMatchObject({ exit: 'normal', success: 'passed', completed: true, score: 100 });
  });

  it('sends failed with the score when the quiz is failed, and no passed', async () => {
    lrs = await startMockLrs();
    const clock = testClock();
    const { session } = await runSession(lrs, clock, (s) => completeModule(s, clock, 1));
    expect(lrs.problems).toEqual([]);
    // The quiz scores whole percents; scaled is that percent / 100.
    expect(session.quiz?.last).toBe(Math.round(100 / items.length));
    const scaled = session.quiz!.last! / 100;
    expect(statementSequence(lrs.statements).filter((line) => !line.startsWith('answered'))).toEqual([
      'initialized',
      'completed (completion=true)',
      `failed (success=false, scaled=${scaled})`,
      'terminated',
    ]);
    const failed = lrs.statements[verbs(lrs).indexOf('failed')]!;
    expect((failed['result'] as { duration: string }).duration).toMatch(/^PT\d+M\d+S$/);
  });

  it('resumes a module left unfinished, in a new session of the same registration', async () => {
    lrs = await startMockLrs();
    const clock = testClock();
    await runSession(lrs, clock, (session) => session.goTo(lessonPositions(config)[1]!));
    expect(JSON.parse(lrs.states.get(PROGRESS_STATE)!)).toMatchObject({ exit: 'suspend' });
    lrs.newSession();
    const { session } = await runSession(lrs, clock, () => {});
    expect(session.launch.entry).toBe('resume');
    expect(session.pendingResume?.position).toBe(lessonPositions(config)[1]);
    expect(lrs.problems).toEqual([]);
    expect(verbs(lrs)).toEqual(['initialized', 'terminated', 'initialized', 'terminated']);
  });

  it('sends no completion or success in a review launch', async () => {
    lrs = await startMockLrs({ launchMode: 'Review' });
    const clock = testClock();
    const { session } = await runSession(lrs, clock, (s) => completeModule(s, clock, items.length));
    expect(session.launch.mode).toBe('review');
    expect(verbs(lrs)).toEqual(['initialized', 'terminated']);
    expect(lrs.problems).toEqual([]);
  });

  it('is not connected, and sends nothing, when the fetch URL was already used', async () => {
    lrs = await startMockLrs();
    await Cmi5Adapter.launch(launchOf(lrs), fetch);
    const second = await Cmi5Adapter.launch(launchOf(lrs), fetch);
    const session = new ModuleSession(config, second, memoryStore());
    expect(session.launch.connected).toBe(false);
    expect(session.notices.map((notice) => notice.kind)).toContain('not-connected');
    expect(second.errors()[0]?.message).toMatch(/^fetch URL answered 200 already in use$/);
    session.finish();
    await second.settled();
    expect(lrs.statements).toEqual([]);
  });
});

describe('readCmi5Launch', () => {
  it('is null without cmi5 parameters (a SCORM or standalone launch)', () => {
    expect(readCmi5Launch('?scorm=2004')).toBeNull();
  });

  it('names what is missing or broken', () => {
    expect(readCmi5Launch('?endpoint=https://lrs.example/xapi&fetch=https://lms.example/f')).toEqual(new Error('cmi5 launch URL: missing actor, registration, activityId'));
    expect(readCmi5Launch('?endpoint=e&fetch=f&actor=nope&registration=r&activityId=a')).toEqual(new Error('cmi5 launch URL: actor is not JSON'));
  });

  it.each([
    ['a number', '42'],
    ['text', '"learner-42"'],
    ['null', 'null'],
    ['a list', '[{"name":"A"}]'],
  ])('refuses an actor that is %s: it is not an xAPI Agent', (_case, actor) => {
    expect(readCmi5Launch(`?endpoint=e&fetch=f&actor=${encodeURIComponent(actor)}&registration=r&activityId=a`)).toEqual(new Error('cmi5 launch URL: actor is not an xAPI Agent object'));
  });

  it('reads the five parameters and ends the endpoint with a slash', () => {
    const launch = readCmi5Launch(`?endpoint=https://lrs.example/xapi&fetch=https://lms.example/f&actor=${encodeURIComponent('{"name":"A"}')}&registration=r1&activityId=urn:x:a`);
    expect(launch).toEqual({ endpoint: 'https://lrs.example/xapi/', fetchUrl: 'https://lms.example/f', actor: { name: 'A' }, registration: 'r1', activityId: 'urn:x:a' });
  });
});

describe('connectLaunchingLms', () => {
  const noFrames = {} as WindowLike;

  it('connects through cmi5 when the launch URL has the cmi5 parameters', async () => {
    lrs = await startMockLrs();
    const adapter = await connectLaunchingLms('k', lrs.launchSearch(), noFrames);
    expect(adapter.kind).toBe('cmi5');
    expect(adapter.start()).toMatchObject({ connected: true, learnerName: 'Sam Learner', learnerId: 'learner-42', entry: 'ab-initio' });
  });

  it('refuses a launch with only some cmi5 parameters instead of pretending to be standalone', async () => {
    const adapter = await connectLaunchingLms('k', '?endpoint=https://lrs.example/xapi', noFrames);
    expect(adapter.kind).toBe('cmi5');
    expect(adapter.start().connected).toBe(false);
    expect(adapter.errors()[0]?.message).toBe('cmi5 launch URL: missing fetch, actor, registration, activityId');
  });

  it('keeps SCORM and standalone launches on connectLms', async () => {
    expect((await connectLaunchingLms('k', '?scorm=2004', noFrames)).kind).toBe('standalone');
  });
});

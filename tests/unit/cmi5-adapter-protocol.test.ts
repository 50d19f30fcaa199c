import { describe, expect, it } from 'vitest';
import {
  CMI5_CATEGORY,
  Cmi5Adapter,
  LAUNCH_DATA_STATE,
  MASTERY_SCORE_EXTENSION,
  MOVEON_CATEGORY,
  PROGRESS_STATE,
  XAPI_VERSION,
} from '../../src/tracking/cmi5-adapter.ts';
import type { Cmi5Launch } from '../../src/tracking/cmi5-launch.ts';
import type { InteractionReport } from '../../src/tracking/lms-adapter.ts';

// The adapter's side of the cmi5/xAPI conversation, byte by byte, against a scripted LRS in the test process: what it
// asks for at launch, what each statement holds, and what it does when the LRS refuses. The mock-LRS test
// (cmi5-adapter.test.ts) drives a whole module through it; this one pins each rule.

const LAUNCH: Cmi5Launch = {
  endpoint: 'https://lrs.example/xapi/',
  fetchUrl: 'https://lms.example/fetch?once=1',
  actor: { objectType: 'Agent', name: 'Sam Patel', account: { homePage: 'https://lms.example', name: 'learner-42' } },
  registration: 'reg-0001',
  activityId: 'urn:x-course:demo:au:m1',
};
const TOKEN = 'dG9rZW4=';
const START = Date.UTC(2026, 11, 7, 9, 0, 0);

interface Request {
  /** The status the scripted LRS answered, or 0 when the request threw. */
  status?: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  keepalive?: boolean;
}
type Reply = { status: number; body?: unknown } | { throws: unknown };

/**
 * An LRS that answers from `replies` (first match of method and URL part wins, each used as often as listed, then
 * the default 200/204) and records every request.
 */
function scriptedLrs(options: { launchData?: unknown; progress?: unknown; token?: Reply; replies?: { method: string; urlPart: string; reply: Reply }[] } = {}) {
  const requests: Request[] = [];
  const replies = [...(options.replies ?? [])];
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean }) => {
    const request: Request = { url, ...init };
    requests.push(request);
    const index = replies.findIndex((rule) => rule.method === init.method && url.includes(rule.urlPart));
    let reply: Reply;
    if (index >= 0) reply = replies.splice(index, 1)[0]!.reply;
    else if (url === LAUNCH.fetchUrl) reply = options.token ?? { status: 200, body: { 'auth-token': TOKEN } };
    else if (init.method === 'GET' && url.includes(`stateId=${encodeURIComponent(LAUNCH_DATA_STATE)}`))
      reply = options.launchData === undefined ? { status: 200, body: { launchMode: 'Normal' } } : { status: 200, body: options.launchData };
    else if (init.method === 'GET') reply = options.progress === undefined ? { status: 404 } : { status: 200, body: options.progress };
    else reply = { status: init.method === 'PUT' ? 204 : 200, body: [] };
    if ('throws' in reply) {
      request.status = 0;
      throw reply.throws;
    }
    const { status, body } = reply;
    request.status = status;
    return { status, ok: status >= 200 && status < 300, json: async () => body };
  };
  // What the LRS accepted.
  const statements = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('statements') && r.status! < 300).flatMap((r) => JSON.parse(r.body!) as Record<string, any>[]);
  const verbs = () => statements().map((s) => s['verb']['display']['en-US'] as string);
  const statePuts = () => requests.filter((r) => r.method === 'PUT');
  return { fetch, requests, statements, verbs, statePuts };
}

function clock() {
  let now = START;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function launched(options: Parameters<typeof scriptedLrs>[0] = {}) {
  const lrs = scriptedLrs(options);
  const time = clock();
  const adapter = await Cmi5Adapter.launch(LAUNCH, lrs.fetch, time.now);
  return { lrs, time, adapter };
}

const STATE_URL = (stateId: string) =>
  `https://lrs.example/xapi/activities/state?${new URLSearchParams({ stateId, activityId: LAUNCH.activityId, agent: JSON.stringify(LAUNCH.actor), registration: 'reg-0001' })}`;

describe('cmi5 launch: what the adapter asks the LMS for', () => {
  it('posts to the one-time fetch URL, then reads LMS.LaunchData and the saved progress with the token', async () => {
    const { lrs } = await launched();
    expect(lrs.requests.map(({ url, method }) => [method, url])).toEqual([
      ['POST', LAUNCH.fetchUrl],
      ['GET', STATE_URL(LAUNCH_DATA_STATE)],
      ['GET', STATE_URL(PROGRESS_STATE)],
    ]);
    expect(lrs.requests[0]!.headers).toEqual({});
    const xapiHeaders = { Authorization: `Basic ${TOKEN}`, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' };
    expect(lrs.requests[1]!.headers).toEqual(xapiHeaders);
    expect(lrs.requests[2]!.headers).toEqual(xapiHeaders);
    expect(XAPI_VERSION).toBe('1.0.3');
  });

  it.each<[string, Parameters<typeof scriptedLrs>[0], string]>([
    ['the fetch URL refuses, with its error text', { token: { status: 400, body: { 'error-text': 'already in use' } } }, 'fetch URL answered 400 already in use'],
    ['the fetch URL answers without a token', { token: { status: 200, body: {} } }, 'fetch URL answered 200 without an auth-token'],
    ['the token is not text', { token: { status: 200, body: { 'auth-token': 42 } } }, 'fetch URL answered 200 without an auth-token'],
    ['an error status carries a token', { token: { status: 500, body: { 'auth-token': TOKEN } } }, 'fetch URL answered 500 without an auth-token'],
    ['LMS.LaunchData is missing', { replies: [{ method: 'GET', urlPart: 'LMS.LaunchData', reply: { status: 404 } }] }, 'LMS.LaunchData state document is missing'],
    ['LMS.LaunchData cannot be read', { replies: [{ method: 'GET', urlPart: 'LMS.LaunchData', reply: { status: 500 } }] }, 'state LMS.LaunchData: the LRS answered 500'],
    ['the progress cannot be read', { replies: [{ method: 'GET', urlPart: 'progress', reply: { status: 503 } }] }, `state ${PROGRESS_STATE}: the LRS answered 503`],
    ['the network fails', { token: { throws: new TypeError('Failed to fetch') } }, 'Failed to fetch'],
  ])('is not connected, says why, and sends nothing when %s', async (_case, options, message) => {
    const { lrs, adapter } = await launched(options);
    const requestsAtLaunch = lrs.requests.length;
    expect(adapter.errors()).toEqual([{ call: 'cmi5 launch', code: 'launch', message }]);
    expect(adapter.start()).toMatchObject({ kind: 'cmi5', connected: false, entry: 'unknown', learnerName: '' });
    adapter.setCompletion(true);
    expect(adapter.commit()).toBe('fatal');
    adapter.finish();
    await adapter.settled();
    expect(lrs.requests).toHaveLength(requestsAtLaunch);
  });

  it('reports something thrown that is not an Error as text', async () => {
    const lrs = scriptedLrs();
    const adapter = await Cmi5Adapter.launch(LAUNCH, async () => {
      throw 'offline';
    });
    expect(adapter.errors()).toEqual([{ call: 'cmi5 launch', code: 'launch', message: 'offline' }]);
    expect(lrs.requests).toEqual([]);
  });

  it('refused(reason): a page with broken cmi5 parameters is not connected and names the reason', () => {
    const adapter = Cmi5Adapter.refused('cmi5 launch URL: missing fetch');
    expect(adapter.start().connected).toBe(false);
    expect(adapter.errors()).toEqual([{ call: 'cmi5 launch', code: 'launch', message: 'cmi5 launch URL: missing fetch' }]);
    expect(adapter.commit()).toBe('fatal');
  });
});

describe('cmi5 start: what the page learns at launch', () => {
  it('gives the learner, the mode and the saved progress, and sends initialized', async () => {
    const saved = { suspendData: 'v2;abc', location: 'lesson-3', exit: 'suspend', completed: true, success: 'failed', score: 40, sent: ['completed', 'failed'] };
    const { lrs, adapter } = await launched({ progress: saved, launchData: { launchMode: 'Review' } });
    expect(adapter.start()).toEqual({
      kind: 'cmi5',
      connected: true,
      entry: 'resume',
      learnerName: 'Sam Patel',
      learnerId: 'learner-42',
      suspendData: 'v2;abc',
      location: 'lesson-3',
      mode: 'review',
      previousSuccess: 'failed',
      previousCompletion: true,
      previousScore: 40,
    });
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized']);
    expect(adapter.kind).toBe('cmi5');
    expect(adapter.suspendDataLimit).toBe(30000);
    expect(adapter.usesFallbackIds).toBe(false);
  });

  it.each([
    ['no saved progress', undefined, 'ab-initio'],
    ['progress left with exit normal', { suspendData: 'v2;abc', exit: 'normal' }, 'ab-initio'],
    ['exit suspend with nothing saved', { suspendData: '', exit: 'suspend' }, 'ab-initio'],
  ])('starts afresh with %s', async (_case, progress, entry) => {
    const { adapter } = await launched({ progress });
    expect(adapter.start().entry).toBe(entry);
  });

  it.each([
    ['Browse', 'browse'],
    ['Normal', 'normal'],
    [undefined, 'normal'],
  ])('reads launchMode %s as mode %s', async (launchMode, mode) => {
    const { adapter } = await launched({ launchData: launchMode === undefined ? {} : { launchMode } });
    expect(adapter.start().mode).toBe(mode);
  });

  it('treats LMS.LaunchData without a launchMode as a Normal launch: completion and success are sent', async () => {
    const { lrs, adapter } = await launched({ launchData: {} });
    adapter.start();
    adapter.setCompletion(true);
    adapter.setSuccess('passed');
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed']);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an account', { name: 'Sam', account: { homePage: 'h', name: 'acc-1' }, mbox: 'mailto:s@x' }, 'acc-1', 'Sam'],
    ['an mbox', { mbox: 'mailto:sam@example.org', openid: 'https://id' }, 'mailto:sam@example.org', ''],
    ['an mbox_sha1sum', { mbox_sha1sum: 'ab12', openid: 'https://id' }, 'ab12', ''],
    ['an openid', { openid: 'https://id.example/sam', name: 7 }, 'https://id.example/sam', ''],
    ['an account whose name is not text', { account: { name: 5 } }, '', ''],
    ['nothing that identifies them', {}, '', ''],
  ])('takes the learner id from %s', async (_case, actor, learnerId, learnerName) => {
    const lrs = scriptedLrs();
    const adapter = await Cmi5Adapter.launch({ ...LAUNCH, actor }, lrs.fetch, clock().now);
    expect(adapter.start()).toMatchObject({ learnerId, learnerName });
  });

  it('resumes from a saved progress document exactly: saved again unchanged, and verbs already sent are not sent again', async () => {
    const saved = { suspendData: 'v2;abc', location: 'quiz', exit: 'normal', completed: true, success: 'passed', score: 85, sent: ['completed', 'failed', 'passed'] };
    const { lrs, adapter } = await launched({ progress: saved });
    expect(adapter.start()).toMatchObject({ entry: 'ab-initio', previousSuccess: 'passed', previousCompletion: true, previousScore: 85 });
    adapter.commit();
    await adapter.settled();
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toEqual(saved);
  });

  it.each(['completed', 'failed'])('does not send %s again when the saved progress says it was sent in this registration', async (verb) => {
    const { lrs, adapter } = await launched({ progress: { success: 'failed', sent: [verb] } });
    expect(adapter.start().previousSuccess).toBe('failed');
    adapter.setCompletion(verb === 'completed');
    adapter.setSuccess(verb === 'failed' ? 'failed' : 'unknown');
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized']);
  });

  it('drops saved progress fields of the wrong type instead of trusting them', async () => {
    const saved = { suspendData: 12, location: null, exit: 'logout', completed: 'yes', success: 'unknown', score: '90', sent: ['passed', 'answered', 3] };
    const { adapter, lrs } = await launched({ progress: saved });
    expect(adapter.start()).toMatchObject({ entry: 'ab-initio', suspendData: '', location: '', previousSuccess: 'unknown', previousCompletion: false, previousScore: null });
    // "passed" was kept from sent: a pass already sent in this registration is not sent again.
    adapter.setSuccess('passed');
    adapter.commit();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized']);
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toEqual({ suspendData: '', location: '', exit: '', completed: false, success: 'passed', score: null, sent: ['passed'] });
  });

  it.each([
    ['not a finite number', Number.POSITIVE_INFINITY],
    ['null', null],
  ])('reads a saved score that is %s as none', async (_case, score) => {
    // JSON has no Infinity: the scripted LRS hands the object over as parsed, as a lenient LRS library might.
    const { adapter } = await launched({ progress: { score } });
    expect(adapter.start().previousScore).toBeNull();
  });

  it.each([['a list', [1, 2]], ['text', 'saved'], ['null', null]])('starts afresh when the saved progress is %s', async (_case, progress) => {
    const { adapter } = await launched({ progress });
    expect(adapter.start()).toMatchObject({ entry: 'ab-initio', suspendData: '', previousSuccess: 'unknown', previousScore: null });
  });
});

describe('cmi5 statements', () => {
  const interaction = (overrides: Partial<InteractionReport> = {}): InteractionReport => ({
    id: 'u219-lo1 quiz/q03',
    type: 'choice',
    description: 'Which question do you ask first?',
    response: ['b'],
    correct: ['a'],
    result: 'incorrect',
    weighting: 1,
    shownAt: START,
    answeredAt: START + 75_000,
    objectives: ['u219-lo1-questioning'],
    ...overrides,
  });

  it('builds each statement as cmi5 defines it: ids, actor, verb, object, context and time', async () => {
    const template = { contextActivities: { grouping: [{ id: 'urn:course' }] }, extensions: { 'https://lms.example/ext': 'kept' } };
    const { lrs, adapter, time } = await launched({ launchData: { launchMode: 'Normal', contextTemplate: template, masteryScore: 0.7 } });
    adapter.start();
    time.advance(90_000);
    adapter.setScore({ raw: 80, min: 0, max: 100 });
    adapter.setCompletion(true);
    adapter.setSuccess('passed');
    adapter.finish();
    await adapter.settled();
    const [initialized, completed, passed, terminated] = lrs.statements();
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    for (const statement of lrs.statements()) {
      expect(statement['id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(statement['actor']).toEqual(LAUNCH.actor);
      expect(statement['object']).toEqual({ objectType: 'Activity', id: LAUNCH.activityId });
      expect(statement['context']['registration']).toBe('reg-0001');
      expect(statement['context']['contextActivities']['grouping']).toEqual([{ id: 'urn:course' }]);
      expect(statement['context']['extensions']['https://lms.example/ext']).toBe('kept');
    }
    expect(new Set(lrs.statements().map((s) => s['id'])).size).toBe(4);
    expect(initialized!['verb']).toEqual({ id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } });
    expect(initialized!['timestamp']).toBe('2026-12-07T09:00:00.000Z');
    expect(initialized!['result']).toBeUndefined();
    expect(initialized!['context']['contextActivities']['category']).toEqual([{ id: CMI5_CATEGORY }]);
    expect(completed!['verb']['id']).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(completed!['result']).toEqual({ completion: true, duration: 'PT1M30S' });
    expect(completed!['context']['contextActivities']['category']).toEqual([{ id: CMI5_CATEGORY }, { id: MOVEON_CATEGORY }]);
    expect(completed!['context']['extensions'][MASTERY_SCORE_EXTENSION]).toBeUndefined();
    expect(passed!['verb']['id']).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(passed!['result']).toEqual({ score: { scaled: 0.8, raw: 80, min: 0, max: 100 }, success: true, duration: 'PT1M30S' });
    expect(passed!['context']['contextActivities']['category']).toEqual([{ id: CMI5_CATEGORY }, { id: MOVEON_CATEGORY }]);
    expect(passed!['context']['extensions'][MASTERY_SCORE_EXTENSION]).toBe(0.7);
    expect(passed!['timestamp']).toBe('2026-12-07T09:01:30.000Z');
    expect(terminated!['verb']['id']).toBe('http://adlnet.gov/expapi/verbs/terminated');
    expect(terminated!['result']).toEqual({ duration: 'PT1M30S' });
    expect(terminated!['context']['contextActivities']['category']).toEqual([{ id: CMI5_CATEGORY }]);
    expect(CMI5_CATEGORY).toBe('https://w3id.org/xapi/cmi5/context/categories/cmi5');
    expect(MOVEON_CATEGORY).toBe('https://w3id.org/xapi/cmi5/context/categories/moveon');
    expect(MASTERY_SCORE_EXTENSION).toBe('https://w3id.org/xapi/cmi5/context/extensions/masteryscore');
    // Statements go to the endpoint's statements resource, as JSON with the token.
    const posts = lrs.requests.filter((r) => r.method === 'POST' && r.url !== LAUNCH.fetchUrl);
    expect(new Set(posts.map((r) => r.url))).toEqual(new Set(['https://lrs.example/xapi/statements']));
    expect(posts[0]!.headers['Authorization']).toBe(`Basic ${TOKEN}`);
  });

  it('sends failed with the mastery score, and no mastery score when the LMS gave none', async () => {
    const withMastery = await launched({ launchData: { launchMode: 'Normal', masteryScore: 0.85 } });
    withMastery.adapter.start();
    withMastery.adapter.setScore({ raw: 40, min: 0, max: 100 });
    withMastery.adapter.setSuccess('failed');
    await withMastery.adapter.settled();
    const failed = withMastery.lrs.statements()[1]!;
    expect(failed['verb']).toEqual({ id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } });
    expect(failed['result']).toMatchObject({ success: false, score: { scaled: 0.4 } });
    expect(failed['context']['extensions'][MASTERY_SCORE_EXTENSION]).toBe(0.85);

    const without = await launched({ launchData: { launchMode: 'Normal', masteryScore: '0.85' } });
    without.adapter.start();
    without.adapter.setSuccess('failed');
    await without.adapter.settled();
    expect(without.lrs.statements()[1]!['context']['extensions']).toEqual({});
    // No score was set: the result says so by leaving it out.
    expect(without.lrs.statements()[1]!['result']).toEqual({ success: false, duration: 'PT0S' });
  });

  it.each([
    ['a score range that does not start at 0', { raw: 15, min: 10, max: 20 }, 0.5],
    ['a third', { raw: 1, min: 0, max: 3 }, 0.3333],
    ['two thirds, rounded to four places', { raw: 2, min: 0, max: 3 }, 0.6667],
    ['a score above the range, capped at 1', { raw: 120, min: 0, max: 100 }, 1],
    ['a score below the range, capped at -1', { raw: -300, min: 0, max: 100 }, -1],
    ['an empty range', { raw: 5, min: 5, max: 5 }, 0],
  ])('scales %s', async (_case, score, scaled) => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.setScore(score);
    adapter.setSuccess('failed');
    await adapter.settled();
    expect(lrs.statements()[1]!['result']['score']).toEqual({ scaled, ...score });
  });

  it('sends completed once, and nothing for "not complete"', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.setCompletion(false);
    adapter.setCompletion(true);
    adapter.setCompletion(true);
    adapter.commit();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'completed']);
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toMatchObject({ completed: true, sent: ['completed'] });
  });

  it('never sends anything after a pass in the registration, sends failed once, and lets a pass follow a fail', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.setSuccess('unknown');
    adapter.setSuccess('failed');
    adapter.setSuccess('failed');
    adapter.setSuccess('passed');
    adapter.setSuccess('failed');
    adapter.commit();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'failed', 'passed']);
    // The progress keeps the pass for the next launch's previousSuccess: a fail reported after it changes nothing.
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toMatchObject({ success: 'passed', sent: ['failed', 'passed'] });
  });

  it('keeps the outcome when told "unknown"', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.setSuccess('failed');
    adapter.setSuccess('unknown');
    adapter.commit();
    await adapter.settled();
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toMatchObject({ success: 'failed' });
  });

  it('sends no completion or success in a browse launch, and still saves progress', async () => {
    const { lrs, adapter } = await launched({ launchData: { launchMode: 'Browse' } });
    adapter.start();
    adapter.setCompletion(true);
    adapter.setSuccess('passed');
    adapter.saveState('v2;x', 'lesson-1');
    adapter.finish();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'terminated']);
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toMatchObject({ suspendData: 'v2;x', location: 'lesson-1', sent: [] });
  });

  it('sends each answer as an "answered" statement about the question, in the SCORM 2004 response patterns', async () => {
    const { lrs, adapter } = await launched({ launchData: { launchMode: 'Normal', contextTemplate: { contextActivities: { parent: [{ id: 'p' }] } }, masteryScore: 0.7 } });
    adapter.start();
    adapter.recordInteraction(interaction());
    await adapter.settled();
    const answered = lrs.statements()[1]!;
    expect(answered['verb']).toEqual({ id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } });
    expect(answered['result']).toEqual({ response: 'b', success: false, duration: 'PT1M15S' });
    expect(answered['object']).toEqual({
      objectType: 'Activity',
      id: `${LAUNCH.activityId}/interactions/u219-lo1%20quiz%2Fq03`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        description: { 'en-GB': 'Which question do you ask first?' },
        correctResponsesPattern: ['a'],
        extensions: { 'urn:x-course:extensions:objectives': ['u219-lo1-questioning'] },
      },
    });
    // "answered" is a cmi5 allowed statement: no cmi5 category, no mastery score.
    expect(answered['context']['contextActivities']).toEqual({ parent: [{ id: 'p' }] });
    expect(answered['context']['extensions']).toEqual({});
  });

  it.each<[string, Partial<InteractionReport>, Record<string, unknown>]>([
    ['a right answer', { result: 'correct', response: ['a'] }, { response: 'a', success: true }],
    ['a part mark', { result: 0.5, type: 'matching', response: [['a', '1']], correct: [['a', '2']] }, { response: 'a[.]1', success: false, score: { scaled: 0.5 } }],
    ['a reflection (no right answer)', { result: 'neutral', type: 'fill-in', response: 'I would ask', correct: undefined }, { response: 'I would ask' }],
  ])('sends %s with its result', async (_case, overrides, result) => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.recordInteraction(interaction(overrides));
    await adapter.settled();
    const answered = lrs.statements()[1]!;
    expect(answered['result']).toEqual({ ...result, duration: 'PT1M15S' });
    if (overrides.correct === undefined && 'correct' in overrides) expect(answered['object']['definition']).not.toHaveProperty('correctResponsesPattern');
  });

  it('sends the accepted text of a typed answer as a pattern that ignores case, with the delimiters of the learner\'s text taken out', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.recordInteraction(interaction({ type: 'fill-in', response: 'first[,]then[.]', correct: 'ask what they tried', alternatives: ['ask first'] }));
    await adapter.settled();
    const answered = lrs.statements()[1]!;
    expect(answered['result']['response']).toBe('first,then.');
    expect(answered['object']['definition']['correctResponsesPattern']).toEqual(['{case_matters=false}ask what they tried', '{case_matters=false}ask first']);
  });

  it.each([
    ['the language of the page', { documentElement: { lang: 'cy' } }, 'cy'],
    ['British English when the page names no language', { documentElement: { lang: '' } }, 'en-GB'],
    ['British English when the page has no root element', { documentElement: null }, 'en-GB'],
  ])('describes the question in %s', async (_case, document, language) => {
    const previous = (globalThis as { document?: unknown }).document;
    (globalThis as { document?: unknown }).document = document;
    try {
      const { lrs, adapter } = await launched();
      adapter.start();
      adapter.recordInteraction(interaction());
      await adapter.settled();
      expect(lrs.statements()[1]!['object']['definition']['description']).toEqual({ [language]: 'Which question do you ask first?' });
    } finally {
      (globalThis as { document?: unknown }).document = previous;
    }
  });

  it('sends nothing about objectives on their own: cmi5 has no objectives, they travel with the answers', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.ensureObjective('u219-lo1-questioning', 'Questioning');
    adapter.setObjective({ id: 'u219-lo1-questioning', description: 'Questioning', completed: true, success: 'passed' });
    adapter.useFallbackIds();
    adapter.commit();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized']);
    expect(adapter.usesFallbackIds).toBe(false);
  });
});

describe('cmi5 saving and faults', () => {
  it('saves progress as one state document per registration, only the newest when several wait', async () => {
    const { lrs, adapter } = await launched({ replies: [{ method: 'PUT', urlPart: 'progress', reply: { status: 500 } }] });
    adapter.start();
    adapter.saveState('v2;one', 'lesson-1');
    adapter.setExit('suspend');
    expect(adapter.commit()).toBe('ok');
    await adapter.settled();
    expect(adapter.commit()).toBe('failed');
    adapter.saveState('v2;two', 'lesson-2');
    expect(adapter.commit()).toBe('failed');
    await adapter.settled();
    const puts = lrs.statePuts();
    expect(puts.map((put) => [put.url, JSON.parse(put.body!).suspendData])).toEqual([
      [STATE_URL(PROGRESS_STATE), 'v2;one'],
      // The failed write was not sent again: the newer one replaced it.
      [STATE_URL(PROGRESS_STATE), 'v2;two'],
    ]);
    expect(JSON.parse(puts[1]!.body!)).toEqual({ suspendData: 'v2;two', location: 'lesson-2', exit: 'suspend', completed: false, success: 'unknown', score: null, sent: [] });
    expect(puts[1]!.headers['Content-Type']).toBe('application/json');
    expect(adapter.errors()).toEqual([{ call: 'PUT progress state', code: '500', message: 'the LRS refused the request' }]);
    // The next success clears the failure.
    expect(adapter.commit()).toBe('ok');
  });

  it('keeps statements in order: one the LRS refused goes first at the next commit', async () => {
    const { lrs, adapter } = await launched({ replies: [{ method: 'POST', urlPart: 'statements', reply: { status: 502 } }] });
    adapter.start();
    adapter.setCompletion(true);
    await adapter.settled();
    expect(adapter.errors()).toEqual([{ call: 'POST statements (initialized)', code: '502', message: 'the LRS refused the request' }]);
    expect(lrs.verbs()).toEqual([]);
    adapter.commit();
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'completed']);
  });

  it.each([401, 403])('stops for the session when the LRS no longer accepts the token (%i)', async (status) => {
    const { lrs, adapter } = await launched({ replies: [{ method: 'POST', urlPart: 'statements', reply: { status } }] });
    adapter.start();
    await adapter.settled();
    expect(adapter.commit()).toBe('fatal');
    adapter.setCompletion(true);
    await adapter.settled();
    expect(lrs.requests.filter((r) => r.method !== 'GET' && r.url !== LAUNCH.fetchUrl)).toHaveLength(1);
    expect(adapter.errors()).toEqual([{ call: 'POST statements (initialized)', code: String(status), message: 'the LRS refused the request' }]);
  });

  it('records a network failure by its message, and anything else thrown as text', async () => {
    const { adapter } = await launched({
      replies: [
        { method: 'POST', urlPart: 'statements', reply: { throws: new TypeError('NetworkError when attempting to fetch resource.') } },
        { method: 'PUT', urlPart: 'progress', reply: { throws: 'offline' } },
      ],
    });
    adapter.start();
    await adapter.settled();
    adapter.commit();
    await adapter.settled();
    expect(adapter.errors()).toEqual([
      { call: 'POST statements (initialized)', code: 'network', message: 'NetworkError when attempting to fetch resource.' },
      { call: 'PUT progress state', code: 'network', message: 'offline' },
    ]);
  });

  it('keeps only the 20 newest errors for the diagnostics panel', async () => {
    const replies = Array.from({ length: 25 }, (_, i) => ({ method: 'PUT', urlPart: 'progress', reply: { status: 500 + i } }));
    const { adapter } = await launched({ replies });
    adapter.start();
    await adapter.settled();
    for (let i = 0; i < 25; i++) {
      adapter.commit();
      await adapter.settled();
    }
    expect(adapter.errors().map((error) => error.code)).toEqual(Array.from({ length: 20 }, (_, i) => String(505 + i)));
  });

  it('asks the browser to keep a request alive past the page only when its body is under 60,000 bytes', async () => {
    const { lrs, adapter } = await launched();
    adapter.start();
    adapter.saveState('x'.repeat(59_800), '');
    adapter.commit();
    await adapter.settled();
    // Multi-byte text counts in bytes, not characters: 20,000 × 3 bytes is over the limit.
    adapter.saveState('€'.repeat(20_000), '');
    adapter.commit();
    await adapter.settled();
    // Exactly 60,000 bytes is not under the limit.
    const emptyBody = JSON.stringify({ suspendData: '', location: '', exit: '', completed: false, success: 'unknown', score: null, sent: [] }).length;
    adapter.saveState('x'.repeat(60_000 - emptyBody), '');
    adapter.commit();
    await adapter.settled();
    const [small, large, exact] = lrs.statePuts();
    expect(new TextEncoder().encode(small!.body!).byteLength).toBeLessThan(60_000);
    expect(small!.keepalive).toBe(true);
    expect(large!.keepalive).toBe(false);
    expect(new TextEncoder().encode(exact!.body!).byteLength).toBe(60_000);
    expect(exact!.keepalive).toBe(false);
  });

  it('names every statement of a refused batch in the error', async () => {
    const { adapter } = await launched({ replies: [{ method: 'POST', urlPart: 'statements', reply: { status: 500 } }] });
    // The page closes at once: all three statements go in the one request at finish.
    adapter.start();
    adapter.setCompletion(true);
    adapter.finish();
    await adapter.settled();
    expect(adapter.errors()).toEqual([{ call: 'POST statements (initialized, completed, terminated)', code: '500', message: 'the LRS refused the request' }]);
  });

  it('sends what is queued at finish in one request per kind, then nothing more', async () => {
    const { lrs, adapter, time } = await launched();
    adapter.start();
    await adapter.settled();
    time.advance(3_000);
    adapter.setCompletion(true);
    adapter.setScore({ raw: 90, min: 0, max: 100 });
    adapter.setSuccess('passed');
    adapter.saveState('v2;end', 'quiz');
    adapter.setExit('normal');
    adapter.finish();
    adapter.finish();
    adapter.setSuccess('failed');
    adapter.recordInteraction({
      id: 'q',
      type: 'true-false',
      description: 'd',
      response: true,
      result: 'correct',
      weighting: 1,
      shownAt: START,
      answeredAt: START,
      objectives: [],
    });
    expect(adapter.commit()).toBe('fatal');
    await adapter.settled();
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(JSON.parse(lrs.statePuts().at(-1)!.body!)).toMatchObject({ suspendData: 'v2;end', location: 'quiz', exit: 'normal', completed: true, success: 'passed', score: 90 });
    expect(lrs.statePuts()).toHaveLength(1);
    expect(lrs.statements().at(-1)!['result']).toEqual({ duration: 'PT3S' });
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CMI5_CATEGORY, MOVEON_CATEGORY, SESSION_ID_EXTENSION } from '../../src/tracking/cmi5-adapter.ts';

/**
 * A small LRS + cmi5 LMS for tests: a local HTTP server on 127.0.0.1 that hands
 * out one auth token per launch, serves LMS.LaunchData, stores state documents
 * and statements, and checks what a cmi5 LMS checks. Every problem it sees is
 * kept in `problems` (tests expect it empty) rather than thrown, so one run
 * reports all of them.
 */

export interface MockLrs {
  /** Query string an LMS would append to the AU URL. */
  launchSearch(): string;
  statements: Record<string, unknown>[];
  problems: string[];
  states: Map<string, string>;
  /** Start a new session of the same registration (a relaunch): a fresh token and session id. */
  newSession(): void;
  close(): Promise<void>;
}

export const ACTOR = { objectType: 'Agent', name: 'Sam Learner', account: { homePage: 'https://lms.example', name: 'learner-42' } };
export const ACTIVITY_ID = 'urn:x-course:demo:au:m1';
export const REGISTRATION = 'b9c6d1e4-3f5a-4c47-9c0d-2f8e1a6b7c50';
const MAX_BODY = 256 * 1024;
const VERB_PREFIX = 'http://adlnet.gov/expapi/verbs/';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

export async function startMockLrs(options: { launchMode?: string; masteryScore?: number } = {}): Promise<MockLrs> {
  let session = 0;
  let token = '';
  let tokenIssued = false;
  const statements: Record<string, unknown>[] = [];
  const problems: string[] = [];
  const states = new Map<string, string>();
  const sessionId = () => `session-${session}`;
  const launchData = () => ({
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'urn:x-course:demo' }] },
      extensions: { [SESSION_ID_EXTENSION]: sessionId() },
    },
    launchMode: options.launchMode ?? 'Normal',
    moveOn: 'CompletedAndPassed',
    ...(options.masteryScore === undefined ? {} : { masteryScore: options.masteryScore }),
  });

  const newSession = () => {
    session += 1;
    token = Buffer.from(`lrs:token-${session}`).toString('base64');
    tokenIssued = false;
  };
  newSession();

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // An LRS serves AUs from other origins (the LMS's content server), as real ones do.
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    };
    const reply = (status: number, body?: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...cors });
      response.end(body === undefined || status === 204 ? '' : JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return reply(204);
    try {
      const body = await readBody(request);
      if (url.pathname === '/fetch' && request.method === 'POST') {
        // The fetch URL works once per launch (cmi5 8.2.3).
        if (tokenIssued) return reply(200, { 'error-code': '1', 'error-text': 'already in use' });
        tokenIssued = true;
        return reply(200, { 'auth-token': token });
      }
      if (!url.pathname.startsWith('/xapi/')) return reply(404);
      if (request.headers['authorization'] !== `Basic ${token}`) {
        problems.push(`${request.method} ${url.pathname}: Authorization is "${request.headers['authorization'] ?? ''}", expected the launch's token`);
        return reply(401);
      }
      if (request.headers['x-experience-api-version'] !== '1.0.3') problems.push(`${request.method} ${url.pathname}: no X-Experience-API-Version 1.0.3 header`);
      if (url.pathname === '/xapi/activities/state') return handleState(request.method ?? '', url.searchParams, body, reply);
      if (url.pathname === '/xapi/statements' && request.method === 'POST') {
        const parsed = JSON.parse(body) as Record<string, unknown> | Record<string, unknown>[];
        const batch = Array.isArray(parsed) ? parsed : [parsed];
        // Checked in order, each against those stored before it (a batch keeps its order in an LRS).
        for (const statement of batch) {
          checkStatement(statement);
          statements.push(statement);
        }
        return reply(200, batch.map((statement) => statement['id']));
      }
      return reply(404);
    } catch (error) {
      problems.push(`${request.method} ${url.pathname}: ${(error as Error).message}`);
      return reply(400);
    }
  });

  function handleState(method: string, params: URLSearchParams, body: string, reply: (status: number, body?: unknown) => void) {
    if (params.get('activityId') !== ACTIVITY_ID) problems.push(`state: activityId is "${params.get('activityId')}"`);
    if (params.get('registration') !== REGISTRATION) problems.push(`state: registration is "${params.get('registration')}"`);
    if (JSON.stringify(JSON.parse(params.get('agent') ?? 'null')) !== JSON.stringify(ACTOR)) problems.push('state: agent is not the launch actor');
    const stateId = params.get('stateId') ?? '';
    if (stateId === 'LMS.LaunchData') {
      if (method !== 'GET') problems.push(`state: the AU must not ${method} LMS.LaunchData`);
      return reply(200, launchData());
    }
    if (method === 'GET') return states.has(stateId) ? reply(200, JSON.parse(states.get(stateId)!)) : reply(404);
    if (method === 'PUT' || method === 'POST') {
      JSON.parse(body);
      states.set(stateId, body);
      return reply(204);
    }
    return reply(405);
  }

  function checkStatement(statement: Record<string, unknown>) {
    const verbId = (statement['verb'] as { id?: string } | undefined)?.id ?? '';
    const verb = verbId.startsWith(VERB_PREFIX) ? verbId.slice(VERB_PREFIX.length) : verbId;
    const where = `statement ${statements.length + 1} (${verb})`;
    if (typeof statement['id'] !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(statement['id'])) problems.push(`${where}: id is not a UUID v4`);
    if (JSON.stringify(statement['actor']) !== JSON.stringify(ACTOR)) problems.push(`${where}: actor is not the launch actor`);
    if (typeof statement['timestamp'] !== 'string' || Number.isNaN(Date.parse(statement['timestamp']))) problems.push(`${where}: no timestamp`);
    const context = (statement['context'] ?? {}) as { registration?: string; contextActivities?: { category?: { id: string }[]; grouping?: unknown }; extensions?: Record<string, unknown> };
    if (context.registration !== REGISTRATION) problems.push(`${where}: context.registration is "${context.registration}"`);
    if (context.extensions?.[SESSION_ID_EXTENSION] !== sessionId()) problems.push(`${where}: context session id is "${String(context.extensions?.[SESSION_ID_EXTENSION])}", expected "${sessionId()}"`);
    if (JSON.stringify(context.contextActivities?.grouping) !== JSON.stringify([{ id: 'urn:x-course:demo' }])) problems.push(`${where}: context template grouping is missing`);
    const categories = (context.contextActivities?.category ?? []).map((activity) => activity.id);
    const isDefined = DEFINED.includes(verb);
    if (isDefined) {
      if ((statement['object'] as { id?: string } | undefined)?.id !== ACTIVITY_ID) problems.push(`${where}: object is not the AU's activityId`);
      if (!categories.includes(CMI5_CATEGORY)) problems.push(`${where}: no cmi5 category`);
      const needsMoveOn = ['completed', 'passed', 'failed'].includes(verb);
      if (needsMoveOn !== categories.includes(MOVEON_CATEGORY)) problems.push(`${where}: moveon category ${needsMoveOn ? 'missing' : 'not allowed'}`);
    } else if (categories.includes(CMI5_CATEGORY)) problems.push(`${where}: a cmi5 allowed statement must not carry the cmi5 category`);

    // Order within the session (cmi5 9.3): initialized first, nothing after terminated.
    const ofSession = statements.filter((earlier) => (earlier['context'] as typeof context).extensions?.[SESSION_ID_EXTENSION] === sessionId());
    const verbsSoFar = ofSession.map((earlier) => (earlier['verb'] as { id: string }).id.slice(VERB_PREFIX.length));
    if (verb !== 'initialized' && !verbsSoFar.includes('initialized')) problems.push(`${where}: sent before initialized`);
    if (verb === 'initialized' && verbsSoFar.length > 0) problems.push(`${where}: initialized is not the session's first statement`);
    if (verbsSoFar.includes('terminated')) problems.push(`${where}: sent after terminated`);
    const everSent = statements.map((earlier) => (earlier['verb'] as { id: string }).id.slice(VERB_PREFIX.length));
    if (['completed', 'passed'].includes(verb) && everSent.includes(verb)) problems.push(`${where}: ${verb} sent twice in one registration`);
    if (verb === 'failed' && everSent.includes('passed')) problems.push(`${where}: failed after passed`);
    const result = (statement['result'] ?? {}) as { score?: { scaled?: number }; success?: boolean; completion?: boolean; duration?: string };
    if (verb === 'passed' || verb === 'failed') {
      if (result.success !== (verb === 'passed')) problems.push(`${where}: result.success is ${String(result.success)}`);
      if (typeof result.score?.scaled !== 'number' || result.score.scaled < 0 || result.score.scaled > 1) problems.push(`${where}: result.score.scaled missing or out of 0..1`);
    }
    if (verb === 'completed' && result.completion !== true) problems.push(`${where}: result.completion is not true`);
    if (['completed', 'passed', 'failed', 'terminated'].includes(verb) && !/^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)$/.test(result.duration ?? '')) problems.push(`${where}: result.duration "${result.duration}" is not an ISO 8601 duration`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    launchSearch: () =>
      `?${new URLSearchParams({ endpoint: `${base}/xapi/`, fetch: `${base}/fetch`, actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: ACTIVITY_ID })}`,
    statements,
    problems,
    states,
    newSession,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** "verb (result)" lines, to read and compare a sequence at a glance. */
export function statementSequence(statements: Record<string, unknown>[]): string[] {
  return statements.map((statement) => {
    const verb = (statement['verb'] as { id: string }).id.replace(VERB_PREFIX, '');
    const result = statement['result'] as { score?: { scaled?: number }; success?: boolean; completion?: boolean } | undefined;
    const parts = [
      result?.completion !== undefined ? `completion=${result.completion}` : '',
      result?.success !== undefined ? `success=${result.success}` : '',
      result?.score?.scaled !== undefined ? `scaled=${result.score.scaled}` : '',
    ].filter(Boolean);
    return parts.length ? `${verb} (${parts.join(', ')})` : verb;
  });
}

import type { CommitOutcome } from './commit-retry.ts';
import type { Cmi5Launch } from './cmi5-launch.ts';
import type { InteractionReport, LaunchInfo, LmsAdapter, LmsError, ObjectiveReport, Score, SuccessStatus } from './lms-adapter.ts';
import { correctResponses, interactionPattern, readMode, refusedLaunch } from './scorm-shared.ts';
import { scorm2004Duration } from './time-formats.ts';

/**
 * cmi5 through the same LmsAdapter interface as SCORM. The session's setup is
 * asynchronous (auth token, LMS.LaunchData, saved progress), so `Cmi5Adapter.launch`
 * does it before the page's ModuleSession starts; afterwards every call is
 * synchronous and statements go out in order through one queue.
 *
 * Statements: `initialized` at start; `completed` once the module is complete;
 * `passed` once per registration, or `failed` (each with result.score.scaled,
 * result.success and result.duration); `answered` (cmi5 allowed) per quiz
 * answer; `terminated` with the session duration at the end. Progress (the suspend
 * data) is kept in the xAPI State API, one document per registration.
 */

export const XAPI_VERSION = '1.0.3';
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const LAUNCH_DATA_STATE = 'LMS.LaunchData';
/** Our own state document: the progress a relaunch resumes from. */
export const PROGRESS_STATE = 'urn:x-course:state:progress';

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const;
type Verb = keyof typeof VERBS;

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean }) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>;

interface LaunchData {
  contextTemplate?: { contextActivities?: Record<string, unknown>; extensions?: Record<string, unknown> };
  launchMode?: string;
  masteryScore?: number;
}

/** What PROGRESS_STATE holds. */
interface Progress {
  suspendData: string;
  location: string;
  exit: 'suspend' | 'normal' | '';
  completed: boolean;
  success: SuccessStatus;
  /** Raw score 0–100 last reported, or null. */
  score: number | null;
  /** Verbs already sent in this registration that cmi5 allows once (completed, passed, failed). */
  sent: Verb[];
}

function emptyProgress(): Progress {
  return { suspendData: '', location: '', exit: '', completed: false, success: 'unknown', score: null, sent: [] };
}

const KEEPALIVE_LIMIT = 60_000;

type Job = { kind: 'statements'; statements: Record<string, unknown>[] } | { kind: 'state'; body: string };

/** Progress is sent with keepalive when the page closes, and browsers cap those bodies at 64 KB. */
export const CMI5_STATE_LIMIT = 30000;

export class Cmi5Adapter implements LmsAdapter {
  readonly kind = 'cmi5' as const;
  readonly suspendDataLimit = CMI5_STATE_LIMIT;
  readonly usesFallbackIds = false;
  readonly #launch: Cmi5Launch;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #token: string;
  readonly #launchData: LaunchData;
  readonly #startedAt: number;
  readonly #errors: LmsError[] = [];
  #progress: Progress;
  #score: Score | null = null;
  #queue: Job[] = [];
  #sending: Promise<void> = Promise.resolve();
  #busy = false;
  #lastFailed = false;
  #fatal = false;
  #finished = false;
  /** False when the LMS would not give a token or launch data: nothing can be sent. */
  readonly #connected: boolean;

  private constructor(launch: Cmi5Launch, fetchImpl: FetchLike, now: () => number, setup: { token: string; launchData: LaunchData; progress: Progress; errors: LmsError[] } | null) {
    this.#launch = launch;
    this.#fetch = fetchImpl;
    this.#now = now;
    this.#startedAt = now();
    this.#connected = setup !== null;
    // Stryker disable next-line StringLiteral: without a setup the adapter is not connected and never sends the token
    this.#token = setup?.token ?? '';
    this.#launchData = setup?.launchData ?? {};
    this.#progress = setup?.progress ?? emptyProgress();
    this.#errors.push(...(setup?.errors ?? []));
  }

  /**
   * Fetches the auth token (the fetch URL works once), LMS.LaunchData and saved
   * progress. Never throws: a launch the LMS does not complete gives an adapter
   * whose start() reports it as not connected, like a refused SCORM Initialize.
   */
  static async launch(launch: Cmi5Launch, fetchImpl: FetchLike = globalThis.fetch.bind(globalThis), now: () => number = Date.now): Promise<Cmi5Adapter> {
    const errors: LmsError[] = [];
    try {
      const tokenResponse = await fetchImpl(launch.fetchUrl, { method: 'POST', headers: {} });
      const tokenBody = (await tokenResponse.json()) as Record<string, unknown>;
      const token = tokenBody['auth-token'];
      if (!tokenResponse.ok || typeof token !== 'string') throw new Error(`fetch URL answered ${tokenResponse.status} ${tokenBody['error-text'] ?? 'without an auth-token'}`);
      const adapter = new Cmi5Adapter(launch, fetchImpl, now, { token, launchData: {}, progress: emptyProgress(), errors });
      const launchData = await adapter.#readState(LAUNCH_DATA_STATE);
      if (launchData === null) throw new Error('LMS.LaunchData state document is missing');
      const progress = await adapter.#readState(PROGRESS_STATE);
      return new Cmi5Adapter(launch, fetchImpl, now, { token, launchData: launchData as LaunchData, progress: readProgress(progress), errors });
    } catch (error) {
      errors.push({ call: 'cmi5 launch', code: 'launch', message: error instanceof Error ? error.message : String(error) });
      const refused = new Cmi5Adapter(launch, fetchImpl, now, null);
      refused.#errors.push(...errors);
      return refused;
    }
  }

  /** For a launch URL with broken cmi5 parameters: the page says progress is not saved and sends nothing. */
  static refused(reason: string): Cmi5Adapter {
    // Stryker disable next-line ObjectLiteral,StringLiteral: a refused adapter never reads its launch (it sends nothing, start() is the refused launch)
    const refused = new Cmi5Adapter({ endpoint: '', fetchUrl: '', actor: {}, registration: '', activityId: '' }, globalThis.fetch, Date.now, null);
    refused.#errors.push({ call: 'cmi5 launch', code: 'launch', message: reason });
    return refused;
  }

  start(): LaunchInfo {
    if (!this.#connected) return refusedLaunch(this.kind);
    // Stryker disable next-line StringLiteral: readMode reads '' as normal too
    const mode = readMode((this.#launchData.launchMode ?? 'Normal').toLowerCase());
    this.#send('initialized');
    const { suspendData, location, exit, success, completed, score } = this.#progress;
    return {
      kind: this.kind,
      connected: true,
      entry: suspendData && exit === 'suspend' ? 'resume' : 'ab-initio',
      learnerName: typeof this.#launch.actor['name'] === 'string' ? this.#launch.actor['name'] : '',
      learnerId: agentId(this.#launch.actor),
      suspendData,
      location,
      mode,
      previousSuccess: success,
      previousCompletion: completed,
      previousScore: score,
    };
  }

  setScore(score: Score): void {
    this.#score = score;
    this.#progress.score = score.raw;
  }

  setCompletion(completed: boolean): void {
    if (!completed) return;
    this.#progress.completed = true;
    this.#sendOnce('completed', { completion: true, duration: this.#elapsed() });
  }

  setSuccess(success: SuccessStatus): void {
    if (success === 'unknown') return;
    // Nothing follows a pass in a registration, and the saved progress keeps it for the next launch.
    if (this.#progress.sent.includes('passed')) {
      this.#progress.success = 'passed';
      return;
    }
    this.#progress.success = success;
    this.#sendOnce(success, { ...this.#scoreResult(), success: success === 'passed', duration: this.#elapsed() });
  }

  /** cmi5 has no objectives data model; per-outcome results travel with the answered statements. */
  setObjective(_objective: ObjectiveReport): void {}
  ensureObjective(_id: string, _description: string): void {}

  recordInteraction(interaction: InteractionReport): void {
    // xAPI takes the SCORM 2004 response patterns (xAPI 1.0.3, Interaction Activities).
    // Stryker disable next-line StringLiteral: interactionPattern only tells 'pattern' apart, any other role is a response
    const response = interactionPattern(interaction.type, interaction.response, 'scorm2004', 'response');
    const correct = correctResponses(interaction).map((value) => interactionPattern(interaction.type, value, 'scorm2004', 'pattern'));
    const { result } = interaction;
    this.#send(
      'answered',
      {
        response,
        ...(result === 'neutral' ? {} : { success: result === 'correct' }),
        // Part marks (0-1) travel as the scaled score.
        ...(typeof result === 'number' ? { score: { scaled: result } } : {}),
        duration: scorm2004Duration(interaction.answeredAt - interaction.shownAt),
      },
      {
        objectType: 'Activity',
        id: `${this.#launch.activityId}/interactions/${encodeURIComponent(interaction.id)}`,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          interactionType: interaction.type,
          description: { [this.#language]: interaction.description },
          ...(correct.length === 0 ? {} : { correctResponsesPattern: correct }),
          extensions: { 'urn:x-course:extensions:objectives': [...interaction.objectives] },
        },
      },
    );
  }

  saveState(suspendData: string, location: string): void {
    this.#progress.suspendData = suspendData;
    this.#progress.location = location;
  }

  setExit(exit: 'suspend' | 'normal'): void {
    this.#progress.exit = exit;
  }

  commit(): CommitOutcome {
    if (!this.#connected || this.#fatal || this.#finished) return 'fatal';
    this.#queueState();
    this.#pump();
    return this.#lastFailed ? 'failed' : 'ok';
  }

  finish(): void {
    if (!this.#connected || this.#finished) return;
    this.#send('terminated', { duration: this.#elapsed() });
    this.#finished = true;
    // The page is going: what is queued goes in one request per kind, the statements (at least `terminated`)
    // and then the newest progress (a state write still waiting is older).
    const statements = this.#queue.flatMap((job) => (job.kind === 'statements' ? job.statements : []));
    this.#queue = [];
    const last: Job[] = [
      { kind: 'statements', statements },
      // Stryker disable next-line StringLiteral: #deliver only tells 'statements' apart; any other job is the progress write
      { kind: 'state', body: JSON.stringify(this.#progress) },
    ];
    // Chained after a request still in flight, so the LRS gets statements in order. That request
    // survives the page (keepalive), but a page already gone cannot start the next one: a learner
    // who closes within a round trip of their last action may lose `terminated` (the LMS then
    // records the session as abandoned).
    this.#sending = this.#sending.then(async () => {
      for (const job of last) await this.#deliver(job);
    });
  }

  useFallbackIds(): void {}

  errors(): readonly LmsError[] {
    return this.#errors;
  }

  /** Resolves when everything queued so far has been sent (or has failed). For tests and diagnostics. */
  settled(): Promise<void> {
    return this.#sending;
  }

  get #language(): string {
    return pageLanguage();
  }

  #elapsed(): string {
    return scorm2004Duration(this.#now() - this.#startedAt);
  }

  #scoreResult(): { score?: Record<string, number> } {
    const score = this.#score;
    if (!score) return {};
    const scaled = score.max > score.min ? (score.raw - score.min) / (score.max - score.min) : 0;
    return { score: { scaled: Math.round(Math.min(1, Math.max(-1, scaled)) * 10000) / 10000, raw: score.raw, min: score.min, max: score.max } };
  }

  #sendOnce(verb: 'completed' | 'passed' | 'failed', result: Record<string, unknown>): void {
    if (this.#progress.sent.includes(verb) || this.#finished) return;
    // Review and browse launches never change results (cmi5 9.3: only Normal mode sends these).
    if ((this.#launchData.launchMode ?? 'Normal') !== 'Normal') return;
    this.#progress.sent.push(verb);
    this.#send(verb, result);
  }

  #send(verb: Verb, result?: Record<string, unknown>, object?: Record<string, unknown>): void {
    if (!this.#connected || this.#finished) return;
    const template = this.#launchData.contextTemplate ?? {};
    const defined = verb !== 'answered';
    const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
    const contextActivities = { ...(template.contextActivities ?? {}) };
    // cmi5 defined statements carry the cmi5 category (and moveon for completion and success); allowed ones must not.
    if (defined) contextActivities['category'] = [{ id: CMI5_CATEGORY }, ...(moveOn ? [{ id: MOVEON_CATEGORY }] : [])];
    const extensions: Record<string, unknown> = { ...(template.extensions ?? {}) };
    if ((verb === 'passed' || verb === 'failed') && typeof this.#launchData.masteryScore === 'number') extensions[MASTERY_SCORE_EXTENSION] = this.#launchData.masteryScore;
    const statement: Record<string, unknown> = {
      id: uuid(),
      actor: this.#launch.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: object ?? { objectType: 'Activity', id: this.#launch.activityId },
      ...(result ? { result } : {}),
      context: { registration: this.#launch.registration, contextActivities, extensions },
      timestamp: new Date(this.#now()).toISOString(),
    };
    this.#queue.push({ kind: 'statements', statements: [statement] });
    this.#pump();
  }

  #queueState(): void {
    // Only the newest progress matters: replace a state write still waiting.
    this.#queue = this.#queue.filter((job) => job.kind !== 'state');
    this.#queue.push({ kind: 'state', body: JSON.stringify(this.#progress) });
  }

  /** Sends queued jobs one at a time, in order; a failed job stays first in line for the next commit. */
  #pump(): void {
    if (this.#busy || this.#finished) return;
    this.#busy = true;
    this.#sending = this.#sending.then(async () => {
      while (this.#queue.length > 0 && !this.#fatal) {
        const job = this.#queue[0]!;
        if (!(await this.#deliver(job))) break;
        this.#queue.shift();
      }
      this.#busy = false;
    });
  }

  async #deliver(job: Job): Promise<boolean> {
    const url = job.kind === 'statements' ? `${this.#launch.endpoint}statements` : this.#stateUrl(PROGRESS_STATE);
    const body = job.kind === 'statements' ? JSON.stringify(job.statements) : job.body;
    const call = job.kind === 'statements' ? `POST statements (${job.statements.map((s) => (s['verb'] as { display: Record<string, string> }).display['en-US']).join(', ')})` : 'PUT progress state';
    try {
      // keepalive lets a request outlive the page (the LMS may close it any time); browsers cap those bodies at 64 KB.
      const keepalive = new TextEncoder().encode(body).byteLength < KEEPALIVE_LIMIT;
      const response = await this.#fetch(url, { method: job.kind === 'statements' ? 'POST' : 'PUT', headers: this.#headers(), body, keepalive });
      if (response.ok) {
        this.#lastFailed = false;
        return true;
      }
      // 401/403: the token is no longer accepted; nothing in this session can be sent again.
      if (response.status === 401 || response.status === 403) this.#fatal = true;
      this.#record(call, String(response.status), 'the LRS refused the request');
    } catch (error) {
      this.#record(call, 'network', error instanceof Error ? error.message : String(error));
    }
    this.#lastFailed = true;
    return false;
  }

  async #readState(stateId: string): Promise<unknown> {
    const response = await this.#fetch(this.#stateUrl(stateId), { method: 'GET', headers: this.#headers() });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`state ${stateId}: the LRS answered ${response.status}`);
    return response.json();
  }

  #stateUrl(stateId: string): string {
    const query = new URLSearchParams({ stateId, activityId: this.#launch.activityId, agent: JSON.stringify(this.#launch.actor), registration: this.#launch.registration });
    return `${this.#launch.endpoint}activities/state?${query}`;
  }

  #headers(): Record<string, string> {
    return { Authorization: `Basic ${this.#token}`, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' };
  }

  #record(call: string, code: string, message: string): void {
    this.#errors.push({ call, code, message });
    if (this.#errors.length > 20) this.#errors.shift();
  }
}

/** The saved progress document, or a fresh one; fields of the wrong type are dropped, not trusted. */
function readProgress(saved: unknown): Progress {
  const progress = emptyProgress();
  // A document that is not an object (text, a number, a list) has none of these fields: it reads as empty progress.
  const record = (saved ?? {}) as Record<string, unknown>;
  if (typeof record['suspendData'] === 'string') progress.suspendData = record['suspendData'];
  if (typeof record['location'] === 'string') progress.location = record['location'];
  if (record['exit'] === 'suspend' || record['exit'] === 'normal') progress.exit = record['exit'];
  if (typeof record['completed'] === 'boolean') progress.completed = record['completed'];
  if (record['success'] === 'passed' || record['success'] === 'failed') progress.success = record['success'];
  if (Number.isFinite(record['score'])) progress.score = record['score'] as number;
  if (Array.isArray(record['sent'])) progress.sent = record['sent'].filter((verb): verb is Verb => verb === 'completed' || verb === 'passed' || verb === 'failed');
  return progress;
}

/** A stable learner id from an xAPI Agent: account name, else mbox, else its openid. */
function agentId(actor: Record<string, unknown>): string {
  const account = actor['account'] as { name?: unknown } | undefined;
  if (typeof account?.name === 'string') return account.name;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid']) if (typeof actor[key] === 'string') return actor[key] as string;
  return '';
}

function pageLanguage(): string {
  return (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang || 'en-GB';
}

/** RFC 4122 version 4; crypto.randomUUID needs a secure context, which an LMS on plain http is not. */
function uuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

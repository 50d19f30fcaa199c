import { attemptLayout, attemptSize } from '../lib/quiz-draw.ts';
import { interactionFor } from '../lib/quiz-interaction.ts';
import type { RuntimeItem, RuntimeOutcome, RuntimeQuiz } from '../lib/quiz-model.ts';
import { newSeed } from '../lib/quiz-random.ts';
import { isComplete as isAnswerComplete, type QuizResponse } from '../lib/quiz-response.ts';
import { itemScore, scoreAttempt, scoreOutcomes } from '../lib/quiz-scoring.ts';
import type { RuntimeScenario } from '../lib/scenario-model.ts';
import { choiceResult, choose, isEnding, replayFrom, scorePath, walk } from '../lib/scenario-engine.ts';
import { CommitPolicy } from './commit-policy.ts';
import { CommitRetry, realScheduler, type Scheduler } from './commit-retry.ts';
import {
  initialState,
  newAttempt,
  quizOf,
  quizShapeOf,
  type LearnerState,
  type ModuleShape,
  type QuizProgress,
  type QuizItemShape,
  type ScenarioProgress,
  type ScenarioShape,
  type ViewShape,
  type ViewState,
} from './learner-state.ts';
import type { LaunchInfo, LmsAdapter, SuccessStatus } from './lms-adapter.ts';
import type { KeyValueStore } from './safe-storage.ts';
import { readCourseRecord, writeModuleRecord } from './course-record.ts';
import { attemptsLeft, isComplete, isFinished, reportedScore, successStatus, type StatusPolicy } from './status-rules.ts';
import { decodeState, encodeState } from './codec/index.ts';

/** One view of a module page, in the order learners meet them. */
export type ViewConfig =
  | { kind: 'lesson'; id: string; title: string }
  | { kind: 'quiz'; id: string; title: string; quiz: RuntimeQuiz }
  | {
      kind: 'scenario';
      id: string;
      title: string;
      /** What the saved state needs to know of the scenario (bounds and ids). */
      shape: Omit<ScenarioShape, 'kind' | 'id'>;
      /** The scenario island's runtime data. */
      scenario: RuntimeScenario;
    }
  | { kind: 'reflection'; id: string; title: string; prompts: { id: string; text: string; maxLength: number; criteria: string[] }[] };

export type ViewConfigOf<K extends ViewConfig['kind']> = Extract<ViewConfig, { kind: K }>;

/** The page config embedded in each module page (one SCO). */
export interface ModuleConfig {
  courseId: string;
  moduleId: string;
  moduleTitle: string;
  views: ViewConfig[];
  /** Module pass mark (percentage); also the SCORM mastery score. */
  passMark: number;
  /** Module outcomes: each is an LMS objective, declared at launch. */
  outcomes: RuntimeOutcome[];
  allowPassDowngrade: boolean;
}

/** The module's quiz view (a module has at most one quiz). */
export function quizConfigOf(config: ModuleConfig): RuntimeQuiz | null {
  const view = config.views.find((v): v is ViewConfigOf<'quiz'> => v.kind === 'quiz');
  return view?.quiz ?? null;
}

export type NoticeKind =
  | 'standalone'
  | 'unsaved'
  | 'not-connected'
  | 'progress-reset'
  | 'restored-local'
  | 'review-mode'
  | 'too-large'
  | 'text-local';
export interface Notice {
  kind: NoticeKind;
  text: string;
}

const NOT_SAVING =
  'Your progress is not being saved to your learning system: close this window and open the module again from your course page. Until then, your progress is kept in this browser.';

export function moduleShape(config: ModuleConfig): ModuleShape {
  return { moduleId: config.moduleId, views: config.views.map(viewShape) };
}

function viewShape(view: ViewConfig): ViewShape {
  switch (view.kind) {
    case 'lesson':
      return { kind: 'lesson', id: view.id };
    case 'quiz':
      return {
        kind: 'quiz',
        id: view.id,
        items: view.quiz.items.map(quizItemShape),
        perAttempt: attemptSize(view.quiz),
        maxAttempts: view.quiz.maxAttempts,
      };
    case 'scenario':
      return { kind: 'scenario', id: view.id, ...view.shape };
    case 'reflection':
      return { kind: 'reflection', id: view.id, prompts: view.prompts.map((p) => ({ id: p.id, maxLength: p.maxLength })) };
  }
}

function quizItemShape(item: RuntimeItem): QuizItemShape {
  switch (item.type) {
    case 'matching':
      return { id: item.id, kind: 'matching', prompts: item.prompts.map((p) => p.id), answers: item.answers.map((a) => a.id) };
    case 'ordering':
      return { id: item.id, kind: 'ordering', steps: item.steps.map((s) => s.id) };
    case 'fill-in':
      return { id: item.id, kind: 'text', maxLength: item.maxLength };
    default:
      return { id: item.id, kind: 'choice', options: item.options.map((o) => o.id) };
  }
}

/** What going through the module again keeps of a view: results and the learner's own writing, not the way through. */
function keptOnStartOver(view: ViewState): ViewState {
  switch (view.kind) {
    case 'lesson':
      return { kind: 'lesson', seen: false };
    case 'quiz':
      return { kind: 'quiz', seen: false, quiz: { ...view.quiz, current: null } };
    case 'scenario':
      return { kind: 'scenario', seen: false, scenario: { path: [], ended: false, best: view.scenario.best } };
    case 'reflection':
      return { kind: 'reflection', seen: false, texts: [...view.texts] };
  }
}

interface SafetyCopy {
  data: string;
  savedAt: number;
}

type Listener = (session: ModuleSession) => void;

/**
 * One learner's session in one module: turns learner events into LearnerState
 * and LMS calls. Views (lesson navigation, quiz and scenario islands) call its
 * methods and subscribe to changes; none of them sees the LMS.
 *
 * LMS rules it keeps: values are set on every change but committed only on
 * milestones (commit-policy.ts); review/browse launches and refused sessions
 * write nothing; once the LMS holds a pass, nothing lower is ever reported in
 * that attempt (unless the module allows downgrades).
 */
export class ModuleSession {
  readonly config: ModuleConfig;
  readonly shape: ModuleShape;
  readonly launch: LaunchInfo;
  readonly policy: StatusPolicy;
  state: LearnerState;
  /** Progress found at launch, waiting for the learner to choose resume or start again. */
  pendingResume: LearnerState | null = null;
  notices: Notice[] = [];
  readonly #adapter: LmsAdapter;
  readonly #store: KeyValueStore;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #commits: CommitPolicy;
  readonly #listeners = new Set<Listener>();
  #success: SuccessStatus;
  /** Status and score last written, so a change can be committed as a milestone. */
  #reported: string | null = null;
  #finished = false;

  constructor(config: ModuleConfig, adapter: LmsAdapter, store: KeyValueStore, options: { now?: () => number; scheduler?: Scheduler; random?: () => number } = {}) {
    this.config = config;
    this.shape = moduleShape(config);
    const quizShape = quizShapeOf(this.shape);
    this.policy = {
      passMark: config.passMark,
      allowPassDowngrade: config.allowPassDowngrade,
      maxAttempts: quizShape?.maxAttempts ?? 0,
      counts: quizConfigOf(config)?.counts,
    };
    this.#adapter = adapter;
    this.#store = store;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    const scheduler = options.scheduler ?? realScheduler;
    const retry = new CommitRetry(
      () => adapter.commit(),
      (pending) => this.#setNotice('unsaved', pending ? 'Your progress has not been saved to the learning system yet. Keep this page open: we are trying again.' : null),
      scheduler,
      () => this.#setNotice('not-connected', NOT_SAVING),
    );
    this.#commits = new CommitPolicy(retry, scheduler);
    this.state = initialState(this.shape);
    this.launch = adapter.start();
    this.#success = this.launch.previousSuccess;
    if (adapter.kind === 'standalone')
      this.#setNotice('standalone', 'No learning system was found, so your results are not being sent to one. Your progress is kept in this browser only.');
    if (!this.launch.connected) this.#setNotice('not-connected', NOT_SAVING);
    else if (this.launch.mode !== 'normal')
      this.#setNotice('review-mode', 'You are reviewing this module: nothing you do now changes your recorded results.');
    const saved = this.#findSavedState();
    // A learner whose records were written in the fallback id form keeps that form, so a tutor sees one id per question.
    if (saved?.fallbackIds) adapter.useFallbackIds();
    if (saved && this.launch.mode !== 'normal') this.state = saved; // review shows what was done, without asking
    else this.pendingResume = saved;
    this.#restoreReflections(saved ?? this.state);
    if (this.#writesResults) {
      for (const outcome of config.outcomes) adapter.ensureObjective(outcome.objectiveId, outcome.title);
      // Launch is a milestone: the LMS learns the attempt has started (status incomplete, objectives declared).
      this.#commits.commitNow();
    }
  }

  get adapterKind(): LmsAdapter['kind'] {
    return this.#adapter.kind;
  }

  get success(): SuccessStatus {
    return this.#success;
  }

  get unsaved(): boolean {
    return this.#commits.pending;
  }

  /** The module's quiz progress, or null if the module has no quiz. */
  get quiz(): QuizProgress | null {
    return quizOf(this.state)?.quiz ?? null;
  }

  lmsErrors() {
    return this.#adapter.errors();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this);
    return () => this.#listeners.delete(listener);
  }

  /** Adopt the progress found at launch. */
  resume(): void {
    if (this.pendingResume) this.state = this.pendingResume;
    this.pendingResume = null;
    this.#save();
  }

  /**
   * Go through the module again from the start. Results stay: quiz attempts,
   * best scores and passes are kept (so attempt limits hold and nothing reported
   * is taken back), and so are the learner's own written reflections.
   */
  startOver(): void {
    const from = this.pendingResume ?? this.state;
    this.pendingResume = null;
    this.state = { position: 0, saveCount: from.saveCount, fallbackIds: from.fallbackIds, views: from.views.map(keptOnStartOver) };
    this.#save();
  }

  goTo(position: number): void {
    const target = Math.min(this.shape.views.length - 1, Math.max(0, Math.trunc(position)));
    this.state.position = target;
    this.state.views[target]!.seen = true;
    this.#save();
  }

  /** Starts a new attempt with a new seed: a new draw from the banks and new option orders. */
  startQuizAttempt(): void {
    const found = quizOf(this.state);
    const runtime = quizConfigOf(this.config);
    // Stryker disable next-line LogicalOperator: equivalent, the state is built from this config, so it has a quiz view exactly when the config has a quiz
    if (!found || !runtime) return;
    const { quiz } = found;
    if (quiz.current && !quiz.current.submitted) return;
    if (attemptsLeft(this.state, this.policy) === 0) return;
    const seed = newSeed(this.#random);
    quiz.current = newAttempt(seed, attemptLayout(runtime, seed).items);
    this.#save();
  }

  /**
   * Stores the answer to the item at `position` in the current attempt and
   * reports it as an interaction. Returns its mark (0–1); an item already
   * answered keeps its first answer.
   */
  answer(position: number, response: QuizResponse, shownAt: number): number {
    const attempt = this.quiz?.current;
    const runtime = quizConfigOf(this.config);
    const item = runtime?.items[attempt?.items[position] ?? -1];
    if (!attempt || attempt.submitted || !item || !isAnswerComplete(item, response)) return 0;
    const earlier = attempt.responses[position];
    if (earlier) return itemScore(item, earlier);
    attempt.responses[position] = response;
    attempt.position = position;
    if (this.#writesResults)
      this.#adapter.recordInteraction({
        id: item.interactionId,
        description: item.prompt,
        ...interactionFor(item, response),
        weighting: 1,
        shownAt,
        answeredAt: this.#now(),
        objectives: item.objectives,
      });
    this.#save();
    return itemScore(item, response);
  }

  /** A scenario view's saved progress (path, ended, best percentage); an empty path for an unknown id. */
  scenarioProgress(viewId: string): ScenarioProgress {
    return this.#scenarioView(viewId)?.progress ?? { path: [], ended: false, best: null };
  }

  /**
   * The learner takes choice `choiceIndex` at the scenario's current node: the path grows, the
   * decision is reported as an interaction, and reaching an ending scores the play-through.
   */
  chooseInScenario(viewId: string, choiceIndex: number, shownAt: number): void {
    const found = this.#scenarioView(viewId);
    if (!found || found.progress.ended) return;
    const { scenario, progress } = found;
    const node = walk(scenario, progress.path).current;
    const choice = node.choices[choiceIndex];
    if (!choice) return;
    // Stryker disable next-line StringLiteral: equivalent, the scenario schema requires at least one customer line, so the fallback is never used
    const lastWords = node.customer.at(-1) ?? '';
    // A correct-response pattern lists what must all be chosen, so it is given only when one reply is best.
    const bestReplies = node.choices.filter((c) => c.score === 2).map((c) => c.id);
    progress.path = choose(scenario, progress.path, choiceIndex);
    if (this.#writesResults)
      this.#adapter.recordInteraction({
        id: node.interactionId,
        type: 'choice',
        description: `${scenario.title}: ${lastWords}`,
        response: [choice.id],
        ...(bestReplies.length === 1 ? { correct: bestReplies } : {}),
        result: choiceResult(choice),
        weighting: 1,
        shownAt,
        answeredAt: this.#now(),
        objectives: node.objectives,
      });
    const ended = isEnding(walk(scenario, progress.path).current);
    if (ended) {
      progress.ended = true;
      progress.best = Math.max(progress.best ?? 0, scorePath(scenario, progress.path).percent);
    }
    // An ending changes the module score: commit it at once.
    this.#save({ milestone: ended });
  }

  /** Replay a scenario from decision `fromDecision` (0 = the start); its best score is kept. */
  restartScenario(viewId: string, fromDecision: number): void {
    const found = this.#scenarioView(viewId);
    if (!found) return;
    found.progress.path = replayFrom(found.progress.path, fromDecision);
    found.progress.ended = false;
    this.#save();
  }

  #scenarioView(viewId: string): { scenario: RuntimeScenario; progress: ScenarioProgress } | null {
    const index = this.config.views.findIndex((v) => v.kind === 'scenario' && v.id === viewId);
    const config = this.config.views[index];
    const view = this.state.views[index];
    if (config?.kind !== 'scenario') return null;
    // Stryker disable next-line all: unreachable, the state's views follow the config's, so this one is a scenario too (the check narrows the type)
    if (view?.kind !== 'scenario') throw new Error(`the learner state has no scenario at view ${index} (${viewId})`);
    return { scenario: config.scenario, progress: view.scenario };
  }

  /** Sets the text of prompt `promptIndex` in reflection view `viewIndex`, cut to its limit. */
  setReflection(viewIndex: number, promptIndex: number, text: string): void {
    const view = this.state.views[viewIndex];
    const shape = this.shape.views[viewIndex];
    const limit = shape?.kind === 'reflection' ? shape.prompts[promptIndex]?.maxLength : undefined;
    if (limit === undefined) return;
    // Stryker disable next-line all: equivalent, the state's views follow the shape's, so this one is a reflection too (the check narrows the type)
    if (view?.kind !== 'reflection') return;
    view.texts[promptIndex] = Array.from(text).slice(0, limit).join('');
    this.#save();
  }

  setQuizPosition(position: number): void {
    const attempt = this.quiz?.current;
    if (!attempt || attempt.submitted) return;
    attempt.position = Math.min(attempt.items.length - 1, Math.max(0, Math.trunc(position)));
    this.#save();
  }

  /** Scores the current attempt; every item must have been answered. */
  submitAttempt(): void {
    const quiz = this.quiz;
    if (!quiz?.current || quiz.current.submitted || quiz.current.responses.some((r) => r === null)) return;
    const attempt = quiz.current;
    const runtime = quizConfigOf(this.config)!; // the state has a quiz only when the config does
    const items = attempt.items.map((i) => runtime.items[i]!);
    const { percent } = scoreAttempt(items, attempt.responses);
    const bestBefore = quiz.best;
    // What the LMS holds before this attempt: a pass from any earlier session counts.
    const heldPass = !this.policy.allowPassDowngrade && (quiz.everPassed || this.launch.previousSuccess === 'passed');
    const heldScore = Math.max(quiz.best ?? 0, this.launch.previousScore ?? 0);
    attempt.submitted = true;
    quiz.attempts += 1;
    quiz.last = percent;
    quiz.best = Math.max(quiz.best ?? 0, percent);
    const passedNow = percent >= this.policy.passMark;
    quiz.everPassed ||= passedNow;
    // Objectives follow the attempt, except that a held pass is never answered by a worse attempt.
    // A quiz that counts the best attempt keeps the objectives of that attempt too.
    const keepsEarlierRecord = (heldPass && (!passedNow || percent < heldScore)) || (this.policy.counts === 'best' && percent < (bestBefore ?? 0));
    if (!keepsEarlierRecord && this.#writesResults) {
      for (const outcome of scoreOutcomes(items, attempt.responses, this.config.outcomes, this.policy.passMark)) {
        this.#adapter.setObjective({
          id: outcome.objectiveId,
          description: outcome.title,
          score: { raw: outcome.percent, min: 0, max: 100 },
          completed: true,
          success: outcome.passed ? 'passed' : 'failed',
        });
      }
    }
    this.#save({ milestone: true });
  }

  /** Called on pagehide: the last chance to save before the LMS window goes. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#commits.cancel();
    if (this.#writesResults) this.#writeToLms();
    this.#writeSafetyCopy();
    this.#writeCourseRecord();
    this.#adapter.finish();
  }

  /** The page is hidden (tab switched, phone locked, LMS navigating): save now, it may never come back. */
  flush(): void {
    // Every change was already set in the LMS and the browser copy; only an unsaved one needs a commit.
    if (!this.#finished && this.#writesResults) this.#commits.flush();
  }

  /** Only a normal-mode launch the LMS accepted may change the learner's record. */
  get #writesResults(): boolean {
    return this.launch.connected && this.launch.mode === 'normal';
  }

  /**
   * Which saved copy to offer: the LMS's, or this browser's safety copy when it
   * is newer (progress made while commits failed) and the LMS says this is the
   * same attempt resumed. A deliberately fresh attempt (entry ab-initio: a new
   * attempt or a tutor reset) never gets old results back from the browser;
   * only the learner's own written reflections are carried over.
   */
  #findSavedState(): LearnerState | null {
    const fromLms = decodeState(this.launch.suspendData, this.shape);
    const local = this.#readSafetyCopy();
    const fromBrowser = local ? decodeState(local.data, this.shape) : null;
    const browserState = fromBrowser?.ok ? fromBrowser.state : null;
    const browserNewer = browserState !== null && (!fromLms.ok || browserState.saveCount > fromLms.state.saveCount);
    const mayUseBrowser = this.launch.entry === 'resume' || !this.launch.connected;

    if (browserState && browserNewer && mayUseBrowser && hasProgress(browserState)) {
      this.#setNotice('restored-local', 'The learning system had not saved your last progress, so it was restored from a copy kept in this browser.');
      return browserState;
    }
    if (this.launch.entry === 'ab-initio') {
      // A new attempt starts afresh even if the LMS passed on old data; the learner's own writing is kept.
      const withText = [fromLms, fromBrowser].find((copy) => copy?.ok && copy.includesText);
      if (withText?.ok) copyTexts(withText.state, this.state);
      return null;
    }
    if (fromLms.ok) {
      // SCORM 1.2 cannot hold free text: the reflections come from this browser's copy.
      if (!fromLms.includesText && fromBrowser?.ok && fromBrowser.includesText) copyTexts(fromBrowser.state, fromLms.state);
      return hasProgress(fromLms.state) ? fromLms.state : null;
    }
    if (fromBrowser?.ok && fromBrowser.includesText) copyTexts(fromBrowser.state, this.state);
    if (fromLms.reason !== 'empty')
      this.#setNotice(
        'progress-reset',
        fromLms.reason === 'module-changed'
          ? 'This module has been updated since your last visit, so it starts from the beginning. Results already recorded are kept.'
          : 'Your saved progress could not be read, so this module starts from the beginning. Results already recorded are kept.',
      );
    return null;
  }

  #save(options: { milestone?: boolean } = {}): void {
    if (this.#finished) return;
    if (this.launch.mode !== 'normal') return this.#emit(); // review/browse: nothing is written anywhere
    // Stryker disable next-line ConditionalExpression: equivalent, a state changed while resume is pending is never kept: resume() replaces it and startOver() takes the pending state's count
    if (!this.pendingResume) this.state.saveCount += 1;
    this.#writeSafetyCopy();
    if (this.launch.connected) {
      const statusChanged = this.#writeToLms();
      this.#commits.changed(options.milestone === true || statusChanged);
    }
    this.#writeCourseRecord();
    this.#emit();
  }

  /** Sets every value the LMS should hold; returns true when status or score changed (a milestone). */
  #writeToLms(): boolean {
    const adapter = this.#adapter;
    if (this.pendingResume) {
      // The learner has not chosen resume or start again yet: keep the saved progress untouched.
      adapter.setExit('suspend');
      return false;
    }
    if (adapter.usesFallbackIds) this.state.fallbackIds = true;
    // SCORM 1.2 suspend_data (4,096 characters) cannot hold free text; the browser copy always keeps it.
    const lmsKeepsText = adapter.kind !== 'scorm12';
    const data = encodeState(this.state, this.shape, { includeText: lmsKeepsText });
    if (!lmsKeepsText && hasText(this.state))
      this.#setNotice(
        'text-local',
        'This learning system (SCORM 1.2) cannot store written reflections, so yours are kept in this browser only. Copy them somewhere safe, such as your portfolio, before you clear this browser.',
      );
    if (data.length > adapter.suspendDataLimit) {
      // Never send an over-long value: the LMS would reject or cut it. The browser copy still has it.
      this.#setNotice('too-large', 'Your progress is too large for this learning system to store; it is kept in this browser.');
    } else {
      adapter.saveState(data, this.#locationName());
    }
    const completed = isComplete(this.state) || this.launch.previousCompletion;
    this.#success = successStatus(this.state, this.policy, this.launch.previousSuccess);
    const score = this.#scoreToReport();
    if (score !== null) adapter.setScore({ raw: score, min: 0, max: 100 });
    adapter.setCompletion(completed);
    if (this.#success !== 'unknown') adapter.setSuccess(this.#success);
    const finished = isFinished(this.state, this.policy, this.#success) || (this.launch.previousSuccess === 'passed' && completed);
    adapter.setExit(finished ? 'normal' : 'suspend');
    if (finished) this.#store.remove(this.#safetyKey());
    const reported = `${completed}|${this.#success}|${score}`;
    const changed = this.#reported !== null && reported !== this.#reported;
    this.#reported = reported;
    return changed;
  }

  /** The state's score, never below a score the LMS held with a pass at launch. */
  #scoreToReport(): number | null {
    const score = reportedScore(this.state, this.policy);
    const held = this.launch.previousSuccess === 'passed' && !this.policy.allowPassDowngrade ? this.launch.previousScore : null;
    if (held === null) return score;
    return Math.max(held, score ?? held);
  }

  #locationName(): string {
    const view = this.shape.views[this.state.position];
    // Stryker disable next-line all: equivalent, the position always names a view (goTo clamps it, the codec rejects any other, a module has a lesson)
    if (!view) return '';
    return `${view.kind}:${view.id}`;
  }

  #safetyKey(): string {
    return `course:${this.config.courseId}:${this.config.moduleId}:${this.launch.learnerId || 'anonymous'}`;
  }

  /** The browser copy always holds everything, free text included, with its save count. */
  #writeSafetyCopy(): void {
    if (this.pendingResume || this.launch.mode !== 'normal') return;
    if (this.launch.connected && isFinished(this.state, this.policy, this.#success)) return;
    const copy: SafetyCopy = { data: encodeState(this.state, this.shape, { includeText: true }), savedAt: this.#now() };
    this.#store.set(this.#safetyKey(), JSON.stringify(copy));
  }

  /**
   * A finished module's safety copy is removed and SCORM 1.2 never held the text, so answers
   * missing from the saved state come back from the course record of the same learner.
   */
  #restoreReflections(state: LearnerState): void {
    const saved = readCourseRecord(this.#store, this.config.courseId).learners[this.launch.learnerId || 'anonymous']?.modules[this.config.moduleId];
    if (!saved) return;
    this.shape.views.forEach((shape, i) => {
      const view = state.views[i];
      // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: each check alone is equivalent (both states come from this module's shape, so a view and its shape or the other copy's view have the same kind; both are checked to narrow the types). This also hides the whole-condition true/false mutants, which the module-session-* tests kill (checked by hand)
      if (shape.kind !== 'reflection' || view?.kind !== 'reflection') return;
      if (view.texts.every((t) => t === ''))
        view.texts = shape.prompts.map((p) => Array.from(saved.reflections[p.id] ?? '').slice(0, p.maxLength).join(''));
    });
  }

  /** The course-wide browser record (course home status, reflective account); kept after the module is finished. */
  #writeCourseRecord(): void {
    if (this.pendingResume || this.launch.mode !== 'normal') return;
    const reflections: Record<string, string> = {};
    this.shape.views.forEach((shape, i) => {
      const view = this.state.views[i];
      // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: each check alone is equivalent (both states come from this module's shape, so a view and its shape or the other copy's view have the same kind; both are checked to narrow the types). This also hides the whole-condition true/false mutants, which the module-session-* tests kill (checked by hand)
      if (shape.kind !== 'reflection' || view?.kind !== 'reflection') return;
      // Stryker disable next-line StringLiteral: equivalent, a reflection view holds one text per prompt of its shape
      shape.prompts.forEach((p, j) => (reflections[p.id] = view.texts[j] ?? ''));
    });
    writeModuleRecord(this.#store, {
      courseId: this.config.courseId,
      moduleId: this.config.moduleId,
      learnerId: this.launch.learnerId,
      learnerName: this.launch.learnerName,
      completed: isComplete(this.state) || this.launch.previousCompletion,
      success: this.#success,
      score: this.#scoreToReport(),
      reflections,
      now: this.#now(),
    });
  }

  #readSafetyCopy(): SafetyCopy | null {
    let parsed: SafetyCopy | null = null;
    try {
      parsed = JSON.parse(this.#store.get(this.#safetyKey()) ?? 'null') as SafetyCopy | null;
    } catch {
      // Not JSON: there is no copy to offer.
    }
    return parsed && typeof parsed.data === 'string' ? parsed : null;
  }

  #setNotice(kind: NoticeKind, text: string | null): void {
    const others = this.notices.filter((n) => n.kind !== kind);
    this.notices = text ? [...others, { kind, text }] : others;
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener(this);
  }
}

/** Worth offering "resume" only if the learner actually did something. */
function hasProgress(state: LearnerState): boolean {
  return (
    state.position > 0 ||
    state.views.some((view) => {
      if (view.seen) return true;
      if (view.kind === 'quiz') return view.quiz.attempts > 0 || view.quiz.current !== null;
      if (view.kind === 'scenario') return view.scenario.path.length > 0 || view.scenario.best !== null;
      if (view.kind === 'reflection') return view.texts.some((t) => t.length > 0);
      return false;
    })
  );
}

function hasText(state: LearnerState): boolean {
  return state.views.some((view) => view.kind === 'reflection' && view.texts.some((t) => t.length > 0));
}

/** Carries reflection texts from one copy of the state to another (same shape). */
function copyTexts(from: LearnerState, to: LearnerState): void {
  to.views.forEach((view, i) => {
    const source = from.views[i];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: each check alone is equivalent (both states come from this module's shape, so a view and its shape or the other copy's view have the same kind; both are checked to narrow the types). This also hides the whole-condition true/false mutants, which the module-session-* tests kill (checked by hand)
    if (view.kind !== 'reflection' || source?.kind !== 'reflection') return;
    view.texts = [...source.texts];
  });
}

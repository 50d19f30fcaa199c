import { isCorrect, scoreAttempt, scoreOutcomes } from '../lib/quiz-scoring.ts';
import type { RuntimeQuiz } from '../lib/quiz-model.ts';
import { CommitRetry, realScheduler, type Scheduler } from './commit-retry.ts';
import { initialState, newAttempt, type LearnerState, type ModuleShape, type ResponseMask } from './learner-state.ts';
import type { LaunchInfo, LmsAdapter, SuccessStatus } from './lms-adapter.ts';
import type { KeyValueStore } from './safe-storage.ts';
import { attemptsLeft, isComplete, isFinished, reportedScore, successStatus, type StatusPolicy } from './status-rules.ts';
import { decodeState, encodeState, viewCount } from './suspend-codec.ts';

export interface ModuleConfig {
  courseId: string;
  moduleId: string;
  moduleTitle: string;
  lessons: { slug: string; title: string }[];
  quiz: RuntimeQuiz;
  allowPassDowngrade: boolean;
  /** Free-text reflection prompts (reflective-account preparation), with their character limits. */
  reflections?: { id: string; maxLength: number }[];
}

export type NoticeKind = 'standalone' | 'unsaved' | 'progress-reset' | 'restored-local' | 'review-mode' | 'too-large' | 'text-local';
export interface Notice {
  kind: NoticeKind;
  text: string;
}

export function moduleShape(config: ModuleConfig): ModuleShape {
  return {
    moduleId: config.moduleId,
    lessons: config.lessons.map((l) => l.slug),
    quiz: { optionCounts: config.quiz.items.map((i) => i.options.length), maxAttempts: config.quiz.maxAttempts },
    scenarios: [],
    reflections: config.reflections ?? [],
  };
}

interface SafetyCopy {
  data: string;
  savedAt: number;
}

type Listener = (session: ModuleSession) => void;

/**
 * One learner's session in one module: turns learner events into LearnerState
 * and LMS calls. Views (lesson navigation, quiz island) call its methods and
 * subscribe to changes; none of them sees the LMS.
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
  readonly #commits: CommitRetry;
  readonly #listeners = new Set<Listener>();
  #success: SuccessStatus;
  #finished = false;

  constructor(config: ModuleConfig, adapter: LmsAdapter, store: KeyValueStore, options: { now?: () => number; scheduler?: Scheduler } = {}) {
    this.config = config;
    this.shape = moduleShape(config);
    this.policy = { passMark: config.quiz.passMark, allowPassDowngrade: config.allowPassDowngrade, maxAttempts: config.quiz.maxAttempts };
    this.#adapter = adapter;
    this.#store = store;
    this.#now = options.now ?? Date.now;
    this.#commits = new CommitRetry(
      () => adapter.commit(),
      (pending) => this.#setNotice('unsaved', pending ? 'Your progress has not been saved to the learning system yet. Keep this page open: we are trying again.' : null),
      options.scheduler ?? realScheduler,
    );
    this.state = initialState(this.shape);
    this.launch = adapter.start();
    this.#success = this.launch.previousSuccess;
    if (adapter.kind === 'standalone')
      this.#setNotice('standalone', 'No learning system was found, so your results are not being sent to one. Your progress is kept in this browser only.');
    if (this.launch.mode !== 'normal')
      this.#setNotice('review-mode', 'You are reviewing this module: your answers will not change your recorded results.');
    this.pendingResume = this.#findSavedState();
    if (this.launch.mode === 'normal')
      for (const outcome of config.quiz.outcomes) adapter.ensureObjective(outcome.objectiveId, outcome.title);
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

  /** Discard the progress found at launch (results already in the LMS stay). */
  startOver(): void {
    this.pendingResume = null;
    this.state = initialState(this.shape);
    this.#save();
  }

  goTo(position: number): void {
    const views = viewCount(this.shape);
    const target = Math.min(views - 1, Math.max(0, Math.trunc(position)));
    this.state.position = target;
    if (target < this.shape.lessons.length) this.state.lessonsSeen[target] = true;
    this.#save();
  }

  startQuizAttempt(): void {
    const quiz = this.state.quiz;
    if (quiz.current && !quiz.current.submitted) return;
    if (attemptsLeft(this.state, this.policy) === 0) return;
    quiz.current = newAttempt(this.shape);
    this.#save();
  }

  /** Stores a checked answer and reports it as an interaction. Returns whether it was right. */
  answer(itemIndex: number, response: ResponseMask, shownAt: number): boolean {
    const attempt = this.state.quiz.current;
    const item = this.config.quiz.items[itemIndex];
    if (!attempt || attempt.submitted || !item || response === 0) return false;
    if (attempt.answers[itemIndex]) return isCorrect(item, attempt.answers[itemIndex]!);
    attempt.answers[itemIndex] = response;
    attempt.position = itemIndex;
    const correct = isCorrect(item, response);
    if (this.launch.mode === 'normal') {
      const chosen = item.options.filter((_, i) => (response >> i) & 1).map((o) => o.id);
      const right = item.options.filter((_, i) => (item.correctMask >> i) & 1).map((o) => o.id);
      const isTrueFalse = item.type === 'true-false';
      this.#adapter.recordInteraction({
        id: item.interactionId,
        type: isTrueFalse ? 'true-false' : 'choice',
        description: item.prompt,
        response: isTrueFalse ? chosen[0] === 'true' : chosen,
        correct: isTrueFalse ? right[0] === 'true' : right,
        result: correct ? 'correct' : 'incorrect',
        weighting: 1,
        shownAt,
        answeredAt: this.#now(),
        objectives: item.objectives,
      });
    }
    this.#save();
    return correct;
  }

  setReflection(index: number, text: string): void {
    const limit = this.shape.reflections[index]?.maxLength;
    if (limit === undefined) return;
    this.state.reflections[index] = Array.from(text).slice(0, limit).join('');
    this.#save();
  }

  setQuizPosition(itemIndex: number): void {
    const attempt = this.state.quiz.current;
    if (!attempt || attempt.submitted) return;
    attempt.position = Math.min(this.config.quiz.items.length - 1, Math.max(0, itemIndex));
    this.#save();
  }

  /** Scores the current attempt; every item must have been answered. */
  submitAttempt(): void {
    const quiz = this.state.quiz;
    const attempt = quiz.current;
    if (!attempt || attempt.submitted || attempt.answers.some((a) => a === 0)) return;
    const { percent } = scoreAttempt(this.config.quiz.items, attempt.answers);
    const previousBest = quiz.best;
    attempt.submitted = true;
    quiz.attempts += 1;
    quiz.last = percent;
    quiz.best = Math.max(previousBest ?? 0, percent);
    const passedNow = percent >= this.policy.passMark;
    // Keep the LMS record of a pass when a later attempt is worse (unless the module allows downgrades).
    const keepsEarlierRecord = quiz.everPassed && !this.policy.allowPassDowngrade && percent < (previousBest ?? 0);
    quiz.everPassed ||= passedNow;
    if (!keepsEarlierRecord && this.launch.mode === 'normal') {
      for (const outcome of scoreOutcomes(this.config.quiz.items, attempt.answers, this.config.quiz.outcomes, this.policy.passMark)) {
        this.#adapter.setObjective({
          id: outcome.objectiveId,
          description: outcome.title,
          score: { raw: outcome.percent, min: 0, max: 100 },
          completed: true,
          success: outcome.passed ? 'passed' : 'failed',
        });
      }
    }
    this.#save();
  }

  /** Called on pagehide: the last chance to save before the LMS window goes. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#commits.cancel();
    this.#writeToLms();
    this.#adapter.finish();
  }

  /** Saves without finishing (visibilitychange to hidden). */
  flush(): void {
    if (!this.#finished) this.#save();
  }

  #findSavedState(): LearnerState | null {
    const fromLms = decodeState(this.launch.suspendData, this.shape);
    const local = this.#readSafetyCopy();
    if (fromLms.ok) {
      // SCORM 1.2 cannot hold free text: the reflections come from this browser's copy.
      if (!fromLms.includesText && local) {
        const fromBrowser = decodeState(local.data, this.shape);
        if (fromBrowser.ok && fromBrowser.includesText) fromLms.state.reflections = fromBrowser.state.reflections;
      }
      return hasProgress(fromLms.state) ? fromLms.state : null;
    }
    if (local) {
      const fromBrowser = decodeState(local.data, this.shape);
      if (fromBrowser.ok && hasProgress(fromBrowser.state)) {
        this.#setNotice('restored-local', 'The learning system had not saved your last progress, so it was restored from a copy kept in this browser.');
        return fromBrowser.state;
      }
    }
    if (fromLms.reason !== 'empty')
      this.#setNotice(
        'progress-reset',
        fromLms.reason === 'module-changed'
          ? 'This module has been updated since your last visit, so it starts from the beginning. Results already recorded are kept.'
          : 'Your saved progress could not be read, so this module starts from the beginning. Results already recorded are kept.',
      );
    return null;
  }

  #save(): void {
    if (this.#finished) return;
    this.#writeToLms();
    this.#commits.request();
    this.#emit();
  }

  #writeToLms(): void {
    const adapter = this.#adapter;
    if (this.pendingResume) {
      // The learner has not chosen resume or start again yet: keep the saved progress untouched.
      adapter.setExit('suspend');
      return;
    }
    // SCORM 1.2 suspend_data (4,096 characters) cannot hold free text; the browser copy always keeps it.
    const lmsKeepsText = adapter.kind !== 'scorm12';
    const data = encodeState(this.state, this.shape, { includeText: lmsKeepsText });
    const location = this.#locationName();
    this.#writeSafetyCopy(lmsKeepsText ? data : encodeState(this.state, this.shape, { includeText: true }));
    if (!lmsKeepsText && this.state.reflections.some((text) => text.length > 0))
      this.#setNotice(
        'text-local',
        'This learning system (SCORM 1.2) cannot store written reflections, so yours are kept in this browser only. Copy them somewhere safe, such as your portfolio, before you clear this browser.',
      );
    if (data.length > adapter.suspendDataLimit) {
      // Never send an over-long value: the LMS would reject or cut it. The browser copy still has it.
      this.#setNotice('too-large', 'Your progress is too large for this learning system to store; it is kept in this browser.');
    } else {
      adapter.saveState(data, location);
    }
    if (this.launch.mode === 'normal') {
      const completed = isComplete(this.state);
      this.#success = successStatus(this.state, this.policy, this.launch.previousSuccess);
      const score = reportedScore(this.state, this.policy);
      if (score !== null) adapter.setScore({ raw: score, min: 0, max: 100 });
      adapter.setCompletion(completed || this.launch.previousCompletion);
      if (this.#success !== 'unknown') adapter.setSuccess(this.#success);
      const finished = isFinished(this.state, this.policy, this.#success);
      adapter.setExit(finished ? 'normal' : 'suspend');
      if (finished) this.#store.remove(this.#safetyKey());
    } else {
      adapter.setExit('suspend');
    }
  }

  #locationName(): string {
    const { position } = this.state;
    const lesson = this.shape.lessons[position];
    return lesson ? `lesson:${lesson}` : 'quiz';
  }

  #safetyKey(): string {
    return `course:${this.config.courseId}:${this.config.moduleId}:${this.launch.learnerId || 'anonymous'}`;
  }

  #writeSafetyCopy(data: string): void {
    const copy: SafetyCopy = { data, savedAt: this.#now() };
    this.#store.set(this.#safetyKey(), JSON.stringify(copy));
  }

  #readSafetyCopy(): SafetyCopy | null {
    try {
      const parsed = JSON.parse(this.#store.get(this.#safetyKey()) ?? 'null') as SafetyCopy | null;
      return parsed && typeof parsed.data === 'string' ? parsed : null;
    } catch {
      return null;
    }
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
    state.lessonsSeen.some(Boolean) ||
    state.quiz.attempts > 0 ||
    state.quiz.current !== null ||
    state.reflections.some((text) => text.length > 0)
  );
}

import type { ModuleSession } from '../../tracking/module-session.ts';
import { indexesFromMask, maskFromIndexes } from '../../tracking/learner-state.ts';
import { attemptsLeft } from '../../tracking/status-rules.ts';
import type { RuntimeItem, RuntimeQuiz } from '../../lib/quiz-model.ts';
import { isCorrect, isPass, scoreAttempt, scoreOutcomes, type OutcomeResult, type ScoreSummary } from '../../lib/quiz-scoring.ts';

export type QuizScreen = 'loading' | 'intro' | 'question' | 'result';

/**
 * The quiz island's state. The session owns what is saved and reported; this
 * class keeps only what the view needs between clicks (the unchecked choice,
 * when the question was shown) and mirrors the session after each change.
 */
export class QuizState {
  readonly quiz: RuntimeQuiz;
  screen = $state<QuizScreen>('loading');
  position = $state(0);
  /** Option indexes ticked but not yet checked. */
  selected = $state<number[]>([]);
  /** Stored answers of the current attempt (bit masks, 0 = not answered). */
  answers = $state<number[]>([]);
  attempts = $state(0);
  bestPercent = $state<number | null>(null);
  attemptInProgress = $state(false);
  error = $state('');
  #session: ModuleSession | null = null;
  #shownAt = 0;

  constructor(quiz: RuntimeQuiz) {
    this.quiz = quiz;
  }

  connect(session: ModuleSession): () => void {
    this.#session = session;
    return session.subscribe(() => this.#sync());
  }

  get item(): RuntimeItem {
    return this.quiz.items[this.position]!;
  }
  get total(): number {
    return this.quiz.items.length;
  }
  get checked(): boolean {
    return (this.answers[this.position] ?? 0) !== 0;
  }
  get lastAnswerCorrect(): boolean {
    return isCorrect(this.item, this.answers[this.position] ?? 0);
  }
  get isLast(): boolean {
    return this.position === this.total - 1;
  }
  get canRetry(): boolean {
    return this.#session ? attemptsLeft(this.#session.state, this.#session.policy) > 0 : false;
  }
  get result(): ScoreSummary & { passed: boolean } {
    const summary = scoreAttempt(this.quiz.items, this.answers);
    return { ...summary, passed: isPass(summary.percent, this.quiz.passMark) };
  }
  get outcomes(): OutcomeResult[] {
    return scoreOutcomes(this.quiz.items, this.answers, this.quiz.outcomes, this.quiz.passMark);
  }
  /** The options shown as chosen: the checked answer, or the pending selection. */
  get chosen(): number[] {
    return this.checked ? indexesFromMask(this.answers[this.position] ?? 0) : this.selected;
  }
  isCorrectOption(index: number): boolean {
    return ((this.item.correctMask >> index) & 1) === 1;
  }

  start(): void {
    this.#session?.startQuizAttempt();
    this.screen = 'question';
    this.#questionShown();
  }

  choose(index: number, on: boolean): void {
    if (this.checked) return;
    this.error = '';
    if (this.item.type === 'multiple') this.selected = on ? [...new Set([...this.selected, index])].sort() : this.selected.filter((i) => i !== index);
    else this.selected = [index];
  }

  check(): void {
    if (this.checked || !this.#session) return;
    if (this.selected.length === 0) {
      this.error = this.item.type === 'multiple' ? 'Choose at least one answer, then check it.' : 'Choose an answer, then check it.';
      return;
    }
    this.#session.answer(this.position, maskFromIndexes(this.selected), this.#shownAt);
  }

  next(): void {
    if (!this.#session) return;
    if (this.isLast) {
      this.#session.submitAttempt();
      this.screen = 'result';
      return;
    }
    this.#session.setQuizPosition(this.position + 1);
    this.#questionShown();
  }

  retry(): void {
    this.#session?.startQuizAttempt();
    this.screen = 'question';
    this.#questionShown();
  }

  #questionShown(): void {
    this.selected = [];
    this.error = '';
    this.#shownAt = Date.now();
  }

  #sync(): void {
    const session = this.#session;
    if (!session || session.pendingResume) return;
    const quiz = session.quiz;
    if (!quiz) return;
    this.attempts = quiz.attempts;
    this.bestPercent = quiz.best;
    const current = quiz.current;
    this.attemptInProgress = current !== null && !current.submitted;
    this.answers = current ? [...current.answers] : this.quiz.items.map(() => 0);
    this.position = current ? current.position : 0;
    if (this.screen === 'loading' || (this.screen === 'question' && !this.attemptInProgress && !current?.submitted))
      this.screen = current?.submitted ? 'result' : 'intro';
  }
}

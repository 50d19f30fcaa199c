import { attemptSize, storedLayout, type AttemptLayout } from '../../lib/quiz-draw.ts';
import { revealOf } from '../../lib/quiz-key.ts';
import type { ItemReveal, RuntimeItem, RuntimeQuiz } from '../../lib/quiz-model.ts';
import { isComplete, responseKind, type QuizResponse } from '../../lib/quiz-response.ts';
import { isPass, itemScore, scoreAttempt, scoreOutcomes, scoringRules, type OutcomeResult, type ScoreSummary } from '../../lib/quiz-scoring.ts';

export type QuizScreen = 'loading' | 'intro' | 'question' | 'result';

/** One attempt as the learner state keeps it: the seed rebuilds the draw and the option order. */
export interface QuizAttemptView {
  seed: number;
  /** Drawn item indexes, in the order shown. */
  items: readonly number[];
  position: number;
  /** One per drawn item, in the order shown; null until answered. */
  responses: readonly (QuizResponse | null)[];
  submitted: boolean;
}

export interface QuizProgressView {
  attempts: number;
  best: number | null;
  last: number | null;
  current: QuizAttemptView | null;
}

/** What the island needs from the module session (islands never see the LMS). */
export interface QuizHost {
  /** null while the learner has not chosen resume or start again. */
  progress(): QuizProgressView | null;
  attemptsLeft(): number;
  startAttempt(): void;
  answer(position: number, response: QuizResponse, shownAt: number): void;
  moveTo(position: number): void;
  submit(): void;
  subscribe(listener: () => void): () => void;
}

export interface ReviewEntry {
  item: RuntimeItem;
  order: number[];
  response: QuizResponse | null;
  score: number;
  reveal: ItemReveal | null;
}

/**
 * The quiz island's state. The session owns what is saved and reported; this
 * class keeps what the view needs between key presses (the unchecked answer,
 * when the question was shown) and mirrors the session after each change.
 */
export class QuizState {
  readonly quiz: RuntimeQuiz;
  screen = $state<QuizScreen>('loading');
  layout = $state<AttemptLayout | null>(null);
  position = $state(0);
  /** The answer being built for the current item, before it is checked or saved. */
  draft = $state<QuizResponse | null>(null);
  responses = $state<(QuizResponse | null)[]>([]);
  attempts = $state(0);
  bestPercent = $state<number | null>(null);
  attemptInProgress = $state(false);
  error = $state('');
  /** Screen-reader message for changes that move nothing into view (a step moved). */
  announcement = $state('');
  #host: QuizHost | null = null;
  #seed: number | null = null;
  #shownAt = 0;

  constructor(quiz: RuntimeQuiz) {
    this.quiz = quiz;
  }

  connect(host: QuizHost): () => void {
    this.#host = host;
    return host.subscribe(() => this.#sync());
  }

  get practice(): boolean {
    return this.quiz.mode === 'practice';
  }
  /** Items per attempt (after the draw). */
  get total(): number {
    return this.layout?.items.length ?? attemptSize(this.quiz);
  }
  get item(): RuntimeItem {
    return this.quiz.items[this.layout!.items[this.position]!]!;
  }
  /** Display order of the current item's options, answers or starting steps. */
  get order(): number[] {
    return this.layout!.orders[this.position]!;
  }
  get rules(): string[] {
    return scoringRules(new Set(this.quiz.items.map((item) => item.type)));
  }
  /** Practice mode: the current item has been checked and its feedback is showing. */
  get checked(): boolean {
    return this.responses[this.position] != null;
  }
  get isLast(): boolean {
    return this.position === this.total - 1;
  }
  get canRetry(): boolean {
    return this.#host ? this.#host.attemptsLeft() > 0 : false;
  }
  get currentScore(): number {
    return itemScore(this.item, this.responses[this.position] ?? null);
  }
  get currentReveal(): ItemReveal | null {
    return revealOf(this.item);
  }
  get result(): ScoreSummary & { passed: boolean } {
    const summary = scoreAttempt(this.#attemptItems(), this.responses);
    return { ...summary, passed: isPass(summary.percent, this.quiz.passMark) };
  }
  get outcomes(): OutcomeResult[] {
    return scoreOutcomes(this.#attemptItems(), this.responses, this.quiz.outcomes, this.quiz.passMark);
  }
  get review(): ReviewEntry[] {
    const layout = this.layout;
    if (!layout) return [];
    // Assessment answers are revealed only when the quiz allows it.
    return this.#attemptItems().map((item, i) => ({
      item,
      order: layout.orders[i]!,
      response: this.responses[i] ?? null,
      score: itemScore(item, this.responses[i] ?? null),
      reveal: this.practice || this.quiz.showAnswers ? revealOf(item) : null,
    }));
  }

  start(): void {
    this.#host?.startAttempt();
    this.screen = 'question';
    this.#questionShown();
  }

  retry(): void {
    this.start();
  }

  /** Choice items: tick or untick an option (radio items keep one). */
  chooseOption(index: number, on: boolean): void {
    if (this.checked) return;
    this.error = '';
    const chosen = this.draft?.kind === 'choice' ? this.draft.chosen : [];
    const next = this.item.type === 'multiple' ? (on ? [...new Set([...chosen, index])] : chosen.filter((i) => i !== index)) : [index];
    this.draft = { kind: 'choice', chosen: next.sort((a, b) => a - b) };
  }

  /** Matching: pair prompt `prompt` with answer `answer` (-1 clears it). */
  match(prompt: number, answer: number): void {
    if (this.checked || this.item.type !== 'matching') return;
    this.error = '';
    const answers = this.draft?.kind === 'matching' ? [...this.draft.answers] : this.item.prompts.map(() => -1);
    answers[prompt] = answer;
    this.draft = { kind: 'matching', answers };
  }

  /** Ordering: move the step at display position `from` up (-1) or down (+1). */
  moveStep(from: number, delta: -1 | 1): void {
    if (this.checked || this.item.type !== 'ordering' || this.draft?.kind !== 'ordering') return;
    const order = [...this.draft.order];
    const to = from + delta;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    this.draft = { kind: 'ordering', order };
    const step = this.item.steps[order[to]!]!;
    this.announcement = `"${step.text}" moved to position ${to + 1} of ${order.length}.`;
  }

  setText(text: string): void {
    if (this.checked) return;
    this.error = '';
    this.draft = { kind: 'text', text };
  }

  /** Practice: check and show feedback. Assessment: save and move on. */
  submitItem(): void {
    const host = this.#host;
    if (!host || this.checked) return;
    if (!isComplete(this.item, this.draft)) {
      this.error = missingAnswerMessage(this.item);
      return;
    }
    host.answer(this.position, this.draft!, this.#shownAt);
    if (!this.practice) this.next();
  }

  next(): void {
    const host = this.#host;
    if (!host) return;
    if (this.isLast) {
      host.submit();
      this.screen = 'result';
      return;
    }
    host.moveTo(this.position + 1);
    this.#questionShown();
  }

  #attemptItems(): RuntimeItem[] {
    return (this.layout?.items ?? []).map((i) => this.quiz.items[i]!);
  }

  #questionShown(): void {
    this.error = '';
    this.announcement = '';
    this.#shownAt = Date.now();
    this.draft = this.layout && this.position < this.total ? startingDraft(this.item, this.order) : null;
  }

  #sync(): void {
    const progress = this.#host?.progress();
    if (!progress) return;
    this.attempts = progress.attempts;
    this.bestPercent = progress.best;
    const current = progress.current;
    this.attemptInProgress = current !== null && !current.submitted;
    const seed = current?.seed ?? null;
    if (seed !== this.#seed) {
      this.#seed = seed;
      this.layout = current ? storedLayout(this.quiz, current.seed, current.items) : null;
    }
    this.responses = current ? [...current.responses] : [];
    this.position = current?.position ?? 0;
    if (this.screen === 'loading' || (this.screen === 'question' && !this.attemptInProgress && !current?.submitted))
      this.screen = current?.submitted ? 'result' : 'intro';
  }
}

/** Ordering items start from the shuffled order, so "no change" is already an answer. */
function startingDraft(item: RuntimeItem, order: number[]): QuizResponse | null {
  return responseKind(item) === 'ordering' ? { kind: 'ordering', order: [...order] } : null;
}

function missingAnswerMessage(item: RuntimeItem): string {
  switch (item.type) {
    case 'multiple':
      return 'Choose at least one answer.';
    case 'matching':
      return 'Choose an answer for every item in the list.';
    case 'fill-in':
      return 'Type your answer.';
    default:
      return 'Choose an answer.';
  }
}

import type { CommitRetry, Scheduler } from './commit-retry.ts';

/** Longest time a change may wait for a commit when nothing else triggers one. */
export const IDLE_COMMIT_MS = 60_000;

/**
 * When to commit. Every LMS commit is an HTTP request (often synchronous, so
 * the page freezes while it runs), so values are set on every change but
 * committed only on milestones: a status or score change, quiz submit, launch,
 * the page being hidden, finish; otherwise at most once per IDLE_COMMIT_MS
 * while something is unsaved. The browser safety copy covers the gap.
 */
export class CommitPolicy {
  readonly #retry: CommitRetry;
  readonly #scheduler: Scheduler;
  #idleTimer: unknown = null;
  #dirty = false;

  constructor(retry: CommitRetry, scheduler: Scheduler) {
    this.#retry = retry;
    this.#scheduler = scheduler;
  }

  get pending(): boolean {
    return this.#retry.pending;
  }

  /** Values were set; `milestone` commits now, anything else within IDLE_COMMIT_MS. */
  changed(milestone: boolean): void {
    this.#dirty = true;
    if (milestone) return this.commitNow();
    if (this.#idleTimer === null)
      this.#idleTimer = this.#scheduler.setTimeout(() => {
        this.#idleTimer = null;
        // Stryker disable next-line ConditionalExpression: equivalent, commitNow() clears this timer, so it only fires while dirty.
        if (this.#dirty) this.commitNow();
      }, IDLE_COMMIT_MS);
  }

  commitNow(): void {
    this.#clearIdle();
    this.#dirty = false;
    this.#retry.request();
  }

  /** Commit only if something is unsaved (page hidden: it may never come back). */
  flush(): void {
    if (this.#dirty || this.#retry.pending) this.commitNow();
  }

  cancel(): void {
    this.#clearIdle();
    this.#retry.cancel();
  }

  #clearIdle(): void {
    // Stryker disable next-line ConditionalExpression: equivalent, clearTimeout(null) does nothing.
    if (this.#idleTimer !== null) this.#scheduler.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

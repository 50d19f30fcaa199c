/** Delays before each retry of a failed LMS commit; the last one repeats. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000] as const;

/** What an LMS commit came to: saved, refused for now, or refused for good (the session is over). */
export type CommitOutcome = 'ok' | 'failed' | 'fatal';

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Commits now; if the LMS refuses, retries with backoff until it accepts.
 * A newer commit request replaces a pending retry (the data is the latest anyway).
 * An error that cannot heal (the session was never opened or has ended) stops
 * the retries for good: hammering a closed session helps nobody.
 */
export class CommitRetry {
  readonly #commit: () => CommitOutcome;
  readonly #scheduler: Scheduler;
  readonly #onChange: (pending: boolean) => void;
  readonly #onFatal: () => void;
  #failures = 0;
  #timer: unknown = null;
  #dead = false;

  constructor(commit: () => CommitOutcome, onChange: (pending: boolean) => void, scheduler: Scheduler = realScheduler, onFatal: () => void = () => {}) {
    this.#commit = commit;
    this.#onChange = onChange;
    this.#scheduler = scheduler;
    this.#onFatal = onFatal;
  }

  get pending(): boolean {
    return this.#failures > 0;
  }

  /** True once the LMS refused in a way that cannot heal. */
  get dead(): boolean {
    return this.#dead;
  }

  request(): boolean {
    this.cancel();
    if (this.#dead) return false;
    const outcome = this.#commit();
    if (outcome === 'ok') {
      if (this.#failures > 0) this.#onChange(false);
      this.#failures = 0;
      return true;
    }
    if (outcome === 'fatal') {
      this.#dead = true;
      if (this.#failures > 0) this.#onChange(false);
      this.#failures = 0;
      this.#onFatal();
      return false;
    }
    if (this.#failures === 0) this.#onChange(true);
    const delay = RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length - 1)]!;
    this.#failures += 1;
    this.#timer = this.#scheduler.setTimeout(() => {
      this.#timer = null;
      this.request();
    }, delay);
    return false;
  }

  cancel(): void {
    // Stryker disable next-line ConditionalExpression: equivalent, clearTimeout(null) does nothing.
    if (this.#timer !== null) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = null;
  }
}

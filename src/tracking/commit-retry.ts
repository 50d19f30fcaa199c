/** Delays before each retry of a failed LMS commit; the last one repeats. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000] as const;

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
 */
export class CommitRetry {
  readonly #commit: () => boolean;
  readonly #scheduler: Scheduler;
  readonly #onChange: (pending: boolean) => void;
  #failures = 0;
  #timer: unknown = null;

  constructor(commit: () => boolean, onChange: (pending: boolean) => void, scheduler: Scheduler = realScheduler) {
    this.#commit = commit;
    this.#onChange = onChange;
    this.#scheduler = scheduler;
  }

  get pending(): boolean {
    return this.#failures > 0;
  }

  request(): boolean {
    if (this.#timer !== null) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = null;
    const ok = this.#commit();
    if (ok) {
      if (this.#failures > 0) this.#onChange(false);
      this.#failures = 0;
      return true;
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
    if (this.#timer !== null) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = null;
  }
}

import type { Scheduler } from '../../src/tracking/commit-retry.ts';

/** A scheduler the test drives by hand, so retries and idle commits happen without real time passing. */
export function manualScheduler() {
  const queue: { fn: () => void; ms: number; id: number }[] = [];
  let next = 0;
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => (queue.push({ fn, ms, id: ++next }), next),
    clearTimeout: (id) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  return { scheduler, queue, runNext: () => queue.shift()?.fn() };
}

import type { CommitOutcome } from '../../src/tracking/commit-retry.ts';
import type { AdapterKind, InteractionReport, LaunchInfo, LmsAdapter, LmsError, ObjectiveReport, Score, SuccessStatus } from '../../src/tracking/lms-adapter.ts';

/** One call the session made on the adapter, with its arguments. */
export type LmsCall =
  | ['setScore', Score]
  | ['setCompletion', boolean]
  | ['setSuccess', SuccessStatus]
  | ['setObjective', ObjectiveReport]
  | ['ensureObjective', string]
  | ['recordInteraction', InteractionReport]
  | ['saveState', string, string]
  | ['setExit', 'suspend' | 'normal']
  | ['commit']
  | ['finish'];

/**
 * An LMS that answers with the launch given and records every call the session makes, in order,
 * so a test can read exactly what a learner's record would receive. No SCORM version rules apply.
 */
export function recordingLms(launch: Partial<LaunchInfo> = {}, options: { kind?: AdapterKind; suspendDataLimit?: number; commit?: () => CommitOutcome } = {}) {
  const calls: LmsCall[] = [];
  const kind = options.kind ?? launch.kind ?? 'scorm2004';
  let fallback = false;
  const adapter: LmsAdapter = {
    kind,
    suspendDataLimit: options.suspendDataLimit ?? 64000,
    start: () => ({
      kind,
      connected: true,
      entry: 'ab-initio',
      learnerName: 'Sam Learner',
      learnerId: 'sam',
      suspendData: '',
      location: '',
      mode: 'normal',
      previousSuccess: 'unknown',
      previousCompletion: false,
      previousScore: null,
      ...launch,
    }),
    setScore: (score) => void calls.push(['setScore', score]),
    setCompletion: (completed) => void calls.push(['setCompletion', completed]),
    setSuccess: (success) => void calls.push(['setSuccess', success]),
    setObjective: (objective) => void calls.push(['setObjective', objective]),
    ensureObjective: (id) => void calls.push(['ensureObjective', id]),
    recordInteraction: (interaction: InteractionReport) => void calls.push(['recordInteraction', interaction]),
    saveState: (data, location) => void calls.push(['saveState', data, location]),
    setExit: (exit) => void calls.push(['setExit', exit]),
    commit: () => (calls.push(['commit']), options.commit?.() ?? 'ok'),
    finish: () => void calls.push(['finish']),
    get usesFallbackIds() {
      return fallback;
    },
    useFallbackIds: () => void (fallback = true),
    errors: (): LmsError[] => [],
  };
  /** The arguments of every call to `method`, oldest first. */
  const argsOf = (method: LmsCall[0]): unknown[][] => calls.filter((c) => c[0] === method).map((c) => c.slice(1));
  /** The first argument of the last call to `method`, or undefined if it was never called. */
  const last = (method: LmsCall[0]): unknown => argsOf(method).at(-1)?.[0];
  return { adapter, calls, argsOf, last, names: () => calls.map((c) => c[0]) };
}

import { decodeState } from '../../src/tracking/codec/index.ts';
import type { LearnerState, ModuleShape } from '../../src/tracking/learner-state.ts';
import type { InteractionReport, LaunchInfo, LmsAdapter, ObjectiveReport, Score, SuccessStatus } from '../../src/tracking/lms-adapter.ts';

/**
 * An LmsAdapter that accepts everything and keeps a log, so a test can read exactly what the session sent.
 * `launch` sets what the LMS hands over at start (entry, mode, saved data, earlier results).
 */
export function recordingAdapter(launch: Partial<LaunchInfo> = {}, kind: LmsAdapter['kind'] = 'scorm2004') {
  const log = {
    saves: [] as { data: string; location: string }[],
    interactions: [] as InteractionReport[],
    objectives: [] as ObjectiveReport[],
    ensured: [] as string[],
    scores: [] as Score[],
    successes: [] as SuccessStatus[],
    exits: [] as ('suspend' | 'normal')[],
    commits: 0,
    fallbackIds: false,
  };
  const adapter: LmsAdapter = {
    kind,
    suspendDataLimit: 64000,
    start: () => ({
      kind,
      connected: true,
      entry: 'ab-initio',
      learnerName: 'Sam Test',
      learnerId: 'learner-1',
      suspendData: '',
      location: '',
      mode: 'normal',
      previousSuccess: 'unknown',
      previousCompletion: false,
      previousScore: null,
      ...launch,
    }),
    setScore: (score) => void log.scores.push(score),
    setCompletion: () => {},
    setSuccess: (success) => void log.successes.push(success),
    setObjective: (objective) => void log.objectives.push(objective),
    ensureObjective: (id) => void log.ensured.push(id),
    recordInteraction: (interaction) => void log.interactions.push(interaction),
    saveState: (data, location) => void log.saves.push({ data, location }),
    setExit: (exit) => void log.exits.push(exit),
    commit: () => (log.commits++, 'ok'),
    finish: () => {},
    get usesFallbackIds() {
      return log.fallbackIds;
    },
    useFallbackIds: () => void (log.fallbackIds = true),
    errors: () => [],
  };
  /** The suspend data of the last save, or '' if nothing was saved. */
  const lastSaved = () => log.saves.at(-1)?.data ?? '';
  /** The learner state the LMS holds now (the last suspend data, decoded). */
  const savedState = (shape: ModuleShape): LearnerState => {
    const decoded = decodeState(lastSaved(), shape);
    if (!decoded.ok) throw new Error(`the LMS holds no readable state: ${decoded.detail}`);
    return decoded.state;
  };
  return { adapter, log, lastSaved, savedState };
}

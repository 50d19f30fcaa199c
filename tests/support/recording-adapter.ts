import { decodeState } from '../../src/tracking/codec/index.ts';
import type { LearnerState, ModuleShape } from '../../src/tracking/learner-state.ts';
import type { InteractionReport, LaunchInfo, LmsAdapter } from '../../src/tracking/lms-adapter.ts';
import { recordingLms } from './recording-lms.ts';

/**
 * recordingLms read as a log of what the session sent (saves, interactions, commits), plus the learner state the LMS
 * holds now. `launch` sets what the LMS hands over at start (entry, mode, saved data, earlier results).
 */
export function recordingAdapter(launch: Partial<LaunchInfo> = {}, kind: LmsAdapter['kind'] = 'scorm2004') {
  const lms = recordingLms(launch, { kind });
  const log = {
    get saves() {
      return lms.argsOf('saveState').map(([data, location]) => ({ data: data as string, location: location as string }));
    },
    get interactions() {
      return lms.argsOf('recordInteraction').map(([interaction]) => interaction as InteractionReport);
    },
    get commits() {
      return lms.argsOf('commit').length;
    },
  };
  /** The suspend data of the last save, or '' if nothing was saved. */
  const lastSaved = () => log.saves.at(-1)?.data ?? '';
  /** The learner state the LMS holds now (the last suspend data, decoded). */
  const savedState = (shape: ModuleShape): LearnerState => {
    const decoded = decodeState(lastSaved(), shape);
    if (!decoded.ok) throw new Error(`the LMS holds no readable state: ${decoded.detail}`);
    return decoded.state;
  };
  return { adapter: lms.adapter, log, lastSaved, savedState };
}

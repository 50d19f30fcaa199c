import type { CmiJson, Learner, StoredAttempt } from './attempt-store.ts';
import type { PackageInfo, ScormVersion } from './package-info.ts';

/**
 * `window.standIn`: what the stand-in page offers to Playwright tests (and to anyone poking
 * at it from the devtools console). Types only, shared by the page and tests/e2e/support.
 */

export interface ApiCall {
  /** The SCORM method the SCO called, e.g. `LMSSetValue` or `Terminate`. */
  method: string;
  args: string[];
  result: string;
  /** `GetLastError()` straight after the call: '0' when it succeeded. */
  errorCode: string;
}

export type SessionState = 'not initialized' | 'initialized' | 'terminated';

export interface LiveCmi {
  zip: string;
  sco: string;
  learner: Learner;
  scormVersion: ScormVersion;
  state: SessionState;
  attempt: number;
  /** The cmi.entry / cmi.core.entry this session was launched with. */
  entry: string;
  /** `renderCMIToJSONObject().cmi`, with total_time as the LMS currently holds it. */
  cmi: CmiJson;
}

/** How the LMS opens the SCO: straight in its frame, behind another frame (same or other origin), or in a popup. */
export type LaunchArrangement = 'frame' | 'nested-frame' | 'cross-origin-frame' | 'popup';

export interface LaunchSettings {
  /** cmi.core.lesson_mode / cmi.mode; LMSs launch finished SCOs in 'review'. */
  mode?: 'normal' | 'review' | 'browse';
  arrangement?: LaunchArrangement;
  /** Which LMS's behaviour to play (src/stand-in/profiles): 'strict' (default), 'moodle', 'forma'. */
  profile?: string;
  /** Moodle's "force new attempt": an exit other than suspend starts a new attempt. */
  forceNewAttempt?: boolean;
}

export interface StandInApi {
  /** The packages found in the release folder when the page (or the last launch) loaded them. */
  packages(): PackageInfo[];
  /** Ends any running course, then launches one SCO; resolves once its page has loaded. */
  launch(zip: string, scoIdentifier: string, learner?: Partial<Learner>, settings?: LaunchSettings): Promise<void>;
  /** Unloads the course like closing the LMS window (its pagehide handlers run), then removes it. */
  close(): Promise<void>;
  /** Deletes the stored attempt; a running session for the same key stops saving. */
  reset(zip: string, scoIdentifier: string, learnerId?: string): void;
  storedCmi(zip: string, scoIdentifier: string, learnerId?: string): StoredAttempt | null;
  /** The running (or last) session's data, or null before the first launch. */
  liveCmi(): LiveCmi | null;
  /** Every API call of the running (or last) session, oldest first. */
  calls(): ApiCall[];
}

declare global {
  interface Window {
    standIn?: StandInApi;
    API?: unknown;
    API_1484_11?: unknown;
  }
}

import { setCore, splitName, type LmsProfile } from './lms-profile.ts';
import type { CmiJson } from '../attempt-store.ts';

/**
 * Moodle 4.3's SCORM player as centres meet it: a passed or completed SCORM
 * 1.2 SCO is relaunched in review mode; with "force new attempt" on, an exit
 * other than suspend starts a new attempt (ab-initio, fresh data); otherwise
 * the same attempt is reopened with its data.
 */
export const moodleProfile: LmsProfile = {
  id: 'moodle',
  title: 'Moodle 4.3',
  description: 'Relaunches a passed or completed SCORM 1.2 module in review mode; "force new attempt" starts a fresh attempt after a normal exit.',
  plan(plan, { version, stored, learnerName, forceNewAttempt }) {
    const { family, given } = splitName(learnerName);
    const name = given ? `${family}, ${given}` : family;
    const ended = stored !== null && stored.exit !== 'suspend';
    if (ended && forceNewAttempt) {
      return setCore({ ...plan, startingCmi: {}, attempt: (stored?.attempt ?? 0) + 1, explanation: 'Moodle, force new attempt: a new attempt starts ab-initio.' }, version, {
        name,
        entry: 'ab-initio',
        mode: 'normal',
        credit: 'credit',
      });
    }
    if (version === '1.2' && stored !== null) {
      const status = String(((stored.cmi['core'] ?? {}) as CmiJson)['lesson_status'] ?? '');
      if (status === 'passed' || status === 'completed')
        return setCore({ ...plan, explanation: `${plan.explanation} Moodle relaunches a ${status} SCORM 1.2 module in review mode.` }, version, { name, mode: 'review' });
    }
    if (version === '2004' && ended && stored) {
      // Moodle reopens the same 2004 attempt with its data (entry ''), unlike the strict profile's new attempt.
      const restored = structuredClone(stored.cmi);
      delete restored['exit'];
      delete restored['session_time'];
      return setCore({ ...plan, attempt: stored.attempt, startingCmi: { ...restored, ...pickLearner(plan.startingCmi) }, explanation: 'Moodle reopens the same attempt.' }, version, { name, entry: '' });
    }
    return setCore(plan, version, { name });
  },
  wrap() {},
};

function pickLearner(cmi: CmiJson): CmiJson {
  const keep = ['learner_id', 'learner_name', 'mode', 'credit', 'scaled_passing_score', 'launch_data'];
  return Object.fromEntries(Object.entries(cmi).filter(([key]) => keep.includes(key)));
}

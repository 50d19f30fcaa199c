import { setCore, splitName, type LmsProfile } from './lms-profile.ts';

/** The SCORM run-time as written: scorm-again's data model, names as "Last, First", attempts by the spec. */
export const strictProfile: LmsProfile = {
  id: 'strict',
  title: 'Strict (SCORM as written)',
  description: 'The SCORM data model as the standard writes it: names as "Last, First"; a 2004 exit other than suspend ends the attempt.',
  plan(plan, { version, learnerName }) {
    const { family, given } = splitName(learnerName);
    return setCore(plan, version, { name: given ? `${family}, ${given}` : family });
  },
  wrap() {},
};

import { refuseValues, setCore, splitName, type LmsProfile } from './lms-profile.ts';

/** Characters forma.lms 4.0.19's SCORM 2004 player refuses in identifiers (error 406). */
const REFUSED_IN_IDS = /[-_.!~*'()]/;
const ID_ELEMENTS = /^cmi\.(objectives\.\d+\.id|interactions\.\d+\.id|interactions\.\d+\.objectives\.\d+\.id)$/;
const OBJECTIVE_DESCRIPTION = /^cmi\.objectives\.\d+\.description$/;

/**
 * forma.lms 4.0.19: SCORM 1.2 works as written; the SCORM 2004 player refuses
 * any identifier containing - _ . ! ~ * ' ( ) and every objective description
 * (406, type mismatch). Names come as "Last,First"; credit as no-credit.
 */
export const formaProfile: LmsProfile = {
  id: 'forma',
  title: 'forma.lms 4.0.19',
  description: 'SCORM 2004 refuses ids containing - _ . ! ~ * \' ( ) and objective descriptions (error 406); names as "Last,First"; credit no-credit.',
  plan(plan, { version, learnerName }) {
    const { family, given } = splitName(learnerName);
    return setCore(plan, version, { name: given ? `${family},${given}` : family, credit: 'no-credit' });
  },
  wrap(api, version) {
    if (version !== '2004') return;
    refuseValues(api, version, (element, value) => {
      if (ID_ELEMENTS.test(element) && REFUSED_IN_IDS.test(value)) return '406';
      if (OBJECTIVE_DESCRIPTION.test(element)) return '406';
      return null;
    });
  },
};

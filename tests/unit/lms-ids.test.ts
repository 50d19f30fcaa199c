import { describe, expect, it } from 'vitest';
import { fallbackLmsId, objectiveId, quizInteractionId, scenarioInteractionId } from '../../src/lib/lms-ids.ts';
import { realCourse } from '../support/real-course.ts';

/** forma.lms's SCORM 2004 player refuses ids containing any of these. */
const REFUSED = /[-_.!~*'()]/;

describe('fallback id form', () => {
  it('is made of letters, digits and ":" only, and readable', () => {
    expect(fallbackLmsId('u219-lo1-quiz-q07')).toBe('u219:lo1:quiz:q07');
    expect(fallbackLmsId('u219-lo1-questioning')).toBe('u219:lo1:questioning');
    expect(fallbackLmsId("a_b.c!d~e*f'g(h)i")).toMatch(/^[A-Za-z0-9:]+$/);
    // Other characters become ":X" and their upper-case hex code (_ is 5F, . is 2E).
    expect(fallbackLmsId('x_y.z')).toBe('x:X5Fy:X2Ez');
  });

  it('is stable: applied twice it changes nothing', () => {
    for (const id of ['u219-lo1-quiz-q07', 'practice-sc-new-n04', 'x_y.z']) expect(fallbackLmsId(fallbackLmsId(id))).toBe(fallbackLmsId(id));
  });

  it('never merges two ids of the whole course, and keeps each within the SCORM 1.2 and 2004 identifier limits', () => {
    const course = realCourse();
    const ids = course.modules.flatMap((mod) => [
      ...mod.meta.outcomes.map((o) => objectiveId(mod.meta.id, o.id)),
      ...(mod.quiz?.items ?? []).map((item) => quizInteractionId(mod.meta.id, item.id)),
      ...mod.scenarios.flatMap(({ scenario }) => Object.keys(scenario.nodes).map((node) => scenarioInteractionId(mod.meta.id, scenario.id, node))),
    ]);
    expect(new Set(ids).size, 'normal ids are unique across the course').toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
    const fallbacks = ids.map(fallbackLmsId);
    expect(new Set(fallbacks).size).toBe(new Set(ids).size);
    for (const id of fallbacks) {
      expect(id).not.toMatch(REFUSED);
      expect(id.length).toBeLessThanOrEqual(255);
    }
  });

  it('keeps lower-case ids apart that differ only in the characters it replaces', () => {
    const tricky = ['a-b', 'a_b', 'a.b', 'a-x5fb', 'a-5f-b', 'a--b'];
    expect(new Set(tricky.map(fallbackLmsId)).size).toBe(tricky.length);
  });
});

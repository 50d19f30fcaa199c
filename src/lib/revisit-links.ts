import type { RuntimeItem, RuntimeOutcome } from './quiz-model.ts';

/** A lesson that teaches a criterion, as the review links to it. */
export interface LessonLink {
  href: string;
  title: string;
  moduleTitle: string;
}

/** What the end-of-quiz review shows for one criterion: its wording and the lessons that teach it. */
export interface CriterionRevisit {
  text: string;
  lessons: LessonLink[];
}

/** The minimum of a course the links need (kept structural so tests can pass plain objects). */
export interface TeachingModule {
  id: string;
  title: string;
  lessons: readonly { slug: string; title: string; sections: readonly { criteria: readonly string[] | null }[]; criteria: readonly string[] }[];
}

/**
 * A lesson opened from inside another SCO: `?read` makes that page run with no LMS and save nothing
 * (src/tracking/connect-lms.ts `isReadingOnly`), so it cannot start a second LMS session.
 */
export function readingHref(moduleId: string, lessonSlug: string): string {
  return `${moduleId}.html?read#lesson-${lessonSlug}`;
}

/** For each criterion, the lessons in other modules whose sections teach it (home module first, as given). */
export function revisitLinks(
  criteria: readonly string[],
  modules: readonly TeachingModule[],
  criterionText: (id: string) => string,
  ownModule: string,
): Record<string, CriterionRevisit> {
  const result: Record<string, CriterionRevisit> = {};
  for (const id of new Set(criteria)) {
    const lessons: LessonLink[] = [];
    for (const mod of modules) {
      if (mod.id === ownModule) continue;
      for (const lesson of mod.lessons) {
        const taught = lesson.sections.length > 0 ? lesson.sections.some((s) => s.criteria?.includes(id)) : lesson.criteria.includes(id);
        if (taught) lessons.push({ href: readingHref(mod.id, lesson.slug), title: lesson.title, moduleTitle: mod.title });
      }
    }
    result[id] = { text: criterionText(id), lessons };
  }
  return result;
}

/** One outcome to revisit after an attempt: the criteria of the items not fully right, with their lessons. */
export interface OutcomeToRevisit {
  objectiveId: string;
  title: string;
  criteria: ({ id: string } & CriterionRevisit)[];
}

/**
 * What to revisit after an attempt: for every outcome with an item not fully right, the outcome's own
 * criteria that those items name, in the outcome's order. Empty when every answer was right.
 */
export function outcomesToRevisit(
  entries: readonly { item: RuntimeItem; score: number }[],
  outcomes: readonly RuntimeOutcome[],
  revisit: Readonly<Record<string, CriterionRevisit>>,
): OutcomeToRevisit[] {
  const missed = new Set(entries.filter((e) => e.score < 1).flatMap((e) => e.item.criteria));
  return outcomes
    .map((outcome) => ({
      objectiveId: outcome.objectiveId,
      title: outcome.title,
      criteria: outcome.criteria.filter((id) => missed.has(id)).map((id) => ({ id, ...(revisit[id] ?? { text: '', lessons: [] }) })),
    }))
    .filter((o) => o.criteria.length > 0);
}

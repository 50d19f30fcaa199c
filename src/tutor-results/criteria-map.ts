import type { CoverageReport } from '../schemas/coverage-report.ts';
import { courseCoverage } from '../course/coverage.ts';
import type { Course } from '../course/course-model.ts';
import { fallbackLmsId, quizInteractionId, scenarioInteractionId } from '../lib/lms-ids.ts';

/**
 * What the tutor results page needs to know of the course, built from the coverage report
 * (the same code that writes release/criteria-coverage.json) and embedded in the page as JSON.
 */
export interface CriteriaMap {
  courseId: string;
  courseTitle: string;
  version: string;
  /** In course order; `title` is the SCO title an LMS shows as a column in its reports. */
  modules: { id: string; title: string }[];
  /** Every criterion some interaction checks, in catalogue order. */
  criteria: { id: string; standard: string; text: string; kind: 'knowledge' | 'performance' }[];
  /** Interaction id (normal form) → what it checks. */
  interactions: Record<string, InteractionCheck>;
}

export interface InteractionCheck {
  module: string;
  kind: 'quiz-item' | 'scenario-decision';
  criteria: string[];
}

export interface CriteriaMapInput {
  meta: { id: string; title: string; version: string };
  modules: readonly { id: string; title: string }[];
  coverage: CoverageReport;
}

/**
 * One interaction per quiz item; one per scenario decision (node), which checks every criterion its
 * choices name, because the LMS records the decision under one id whatever reply was chosen.
 */
export function buildCriteriaMap({ meta, modules, coverage }: CriteriaMapInput): CriteriaMap {
  const interactions: Record<string, InteractionCheck> = {};
  const used = new Set<string>();
  for (const row of coverage.criteria)
    for (const check of row.checked) {
      const [scenario = '', node = ''] = check.id.split('/');
      const id = check.kind === 'quiz-item' ? quizInteractionId(check.module, check.id) : scenarioInteractionId(check.module, scenario, node);
      const entry = (interactions[id] ??= { module: check.module, kind: check.kind === 'quiz-item' ? 'quiz-item' : 'scenario-decision', criteria: [] });
      if (!entry.criteria.includes(row.id)) entry.criteria.push(row.id);
      used.add(row.id);
    }
  return {
    courseId: meta.id,
    courseTitle: meta.title,
    version: meta.version,
    modules: modules.map(({ id, title }) => ({ id, title })),
    criteria: coverage.criteria.filter((c) => used.has(c.id)).map(({ id, standard, text, kind }) => ({ id, standard, text, kind })),
    interactions,
  };
}

/** The key an interaction id from any LMS export is looked up by: the normal and fallback forms share it. */
export function interactionKey(id: string): string {
  return fallbackLmsId(id.trim());
}

export interface InteractionLookup {
  find(id: string): (InteractionCheck & { id: string }) | undefined;
  /** For an id the course does not know: the module of this course it seems to belong to, if any. */
  moduleOf(id: string): string | undefined;
}

export function interactionLookup(map: CriteriaMap): InteractionLookup {
  const byKey = new Map(Object.entries(map.interactions).map(([id, check]) => [interactionKey(id), { ...check, id }]));
  // Longest module ids first, so `u219-lo1` wins over a hypothetical `u219`.
  const prefixes = map.modules.map((m) => m.id).sort((a, b) => b.length - a.length);
  return {
    find: (id) => byKey.get(interactionKey(id)),
    moduleOf: (id) => prefixes.find((m) => interactionKey(id).startsWith(`${interactionKey(m)}:`)),
  };
}

/** The map of a loaded course: the build embeds it in tutor-results.html. */
export function courseCriteriaMap(course: Pick<Course, 'meta' | 'catalogue' | 'modules' | 'homes' | 'scenarioChoices'>): CriteriaMap {
  return buildCriteriaMap({
    meta: course.meta,
    modules: course.modules.map((m) => ({ id: m.meta.id, title: m.meta.title })),
    coverage: courseCoverage(course),
  });
}

import type { CoverageCriterion, CoverageReport } from '../schemas/coverage-report.ts';
import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import type { ContentIssue } from './content-error.ts';
import type { Course, CourseModule } from './course-model.ts';

/**
 * One decision a learner can take in a branching scenario, and the criteria it checks.
 * The scenario loader turns each module's scenarios into these; coverage counts them as checks
 * with the id `<scenario>/<node>/<choice>`.
 */
export interface ScenarioChoiceCheck {
  /** Module id the scenario belongs to. */
  module: string;
  scenario: string;
  node: string;
  choice: string;
  criteria: readonly string[];
}

/** Every choice of every scenario of a module, as coverage checks. */
export function scenarioChoicesOf(mod: Pick<CourseModule, 'meta' | 'scenarios'>): ScenarioChoiceCheck[] {
  return mod.scenarios.flatMap(({ scenario }) =>
    Object.entries(scenario.nodes).flatMap(([node, content]) =>
      (content.choices ?? []).map((choice) => ({ module: mod.meta.id, scenario: scenario.id, node, choice: choice.id, criteria: choice.criteria })),
    ),
  );
}

/** Criterion id → its home module id (content/criteria-homes.yaml). */
export type CriteriaHomes = ReadonlyMap<string, string>;

export interface CoverageInput {
  catalogue: Catalogue;
  modules: readonly CourseModule[];
  homes: CriteriaHomes;
  scenarioChoices?: readonly ScenarioChoiceCheck[];
}

/** "understand …" outcomes and the NOS "Knowledge and understanding" lists are knowledge; the rest are performance. */
export function criterionKind(entry: CatalogueEntry): 'knowledge' | 'performance' {
  return /^(understand|know)/i.test(entry.outcome.title.trim()) ? 'knowledge' : 'performance';
}

/** For every catalogue criterion, in catalogue order: its home, the sections that teach it and the checks that test it. */
export function computeCoverage({ catalogue, modules, homes, scenarioChoices = [] }: CoverageInput): CoverageReport {
  const rows = new Map<string, CoverageCriterion>();
  for (const [id, entry] of catalogue.byId)
    rows.set(id, {
      id,
      standard: entry.standard.code,
      text: entry.criterion.text,
      kind: criterionKind(entry),
      home: homes.get(id) ?? '',
      taught: [],
      checked: [],
    });
  for (const mod of modules) {
    const module = mod.meta.id;
    for (const lesson of mod.lessons) {
      // A lesson without <Section> blocks teaches its frontmatter criteria as one whole, named by its title.
      const sections = lesson.sections.length > 0 ? lesson.sections : [{ title: lesson.meta.title, criteria: lesson.meta.criteria }];
      for (const section of sections)
        // Stryker disable next-line ArrayDeclaration: equivalent, a made-up id in the fallback matches no catalogue row, so rows.get(id)?. skips it
        for (const id of new Set(section.criteria ?? [])) rows.get(id)?.taught.push({ module, lesson: lesson.slug, section: section.title });
    }
    for (const item of mod.quiz?.items ?? []) for (const id of item.criteria) rows.get(id)?.checked.push({ module, kind: 'quiz-item', id: item.id });
  }
  for (const choice of scenarioChoices)
    for (const id of choice.criteria)
      rows.get(id)?.checked.push({ module: choice.module, kind: 'scenario-choice', id: `${choice.scenario}/${choice.node}/${choice.choice}` });
  return { criteria: [...rows.values()] };
}

/**
 * The build's coverage rule. With `requireFull`, every criterion must be taught and checked; until then,
 * every criterion whose home module is in the course. One issue per criterion, naming it.
 */
export function checkCoverage(report: CoverageReport, courseModules: readonly string[], requireFull: boolean, files: { course: string; homes: string }): ContentIssue[] {
  const present = new Set(courseModules);
  const issues: ContentIssue[] = [];
  for (const row of report.criteria) {
    if (!requireFull && !present.has(row.home)) continue;
    const missing = [row.taught.length === 0 && 'taught by any lesson section', row.checked.length === 0 && 'checked by any quiz item or scenario choice'].filter(Boolean);
    if (missing.length === 0) continue;
    issues.push(
      requireFull
        ? { file: files.course, field: 'require_full_coverage', message: `criterion ${row.id} (home ${row.home}) is not ${missing.join(' or ')}` }
        : { file: files.homes, field: `homes.${row.home}`, message: `criterion ${row.id} is not ${missing.join(' or ')}; its home module ${row.home} is in the course, so it must be` },
    );
  }
  return issues;
}

/** The coverage report of a loaded course (what the build checked, the report page shows and packaging writes). */
export function courseCoverage(course: Pick<Course, 'catalogue' | 'modules' | 'homes' | 'scenarioChoices'>): CoverageReport {
  return computeCoverage(course);
}

export interface CoverageSummary {
  total: number;
  taught: number;
  checked: number;
  both: number;
}

export function summariseCoverage(report: CoverageReport): CoverageSummary {
  const rows = report.criteria;
  return {
    total: rows.length,
    taught: rows.filter((r) => r.taught.length > 0).length,
    checked: rows.filter((r) => r.checked.length > 0).length,
    both: rows.filter((r) => r.taught.length > 0 && r.checked.length > 0).length,
  };
}

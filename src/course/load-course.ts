import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { courseSchema } from '../schemas/course.ts';
import { standardSchema } from '../schemas/criterion.ts';
import { lessonSchema } from '../schemas/lesson.ts';
import { moduleSchema } from '../schemas/module.ts';
import { quizSchema } from '../schemas/quiz.ts';
import { scenarioSchema } from '../schemas/scenario.ts';
import { lintScenario } from './scenario-lint.ts';
import { ContentError, formatPath, type ContentIssue } from './content-error.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import type { Course, CourseModule, Lesson, LessonSection, LoadedScenario } from './course-model.ts';
import { checkCourseReferences, checkLessons } from './check-references.ts';
import { loadGlossary } from './load-glossary.ts';
import { loadHomes } from './load-homes.ts';
import { checkCoverage, computeCoverage, scenarioChoicesOf, type ScenarioChoiceCheck } from './coverage.ts';
import { checkSortGroups } from './check-sort-groups.ts';
import { checkBranding } from './branding.ts';

/** The lesson file name pattern: two-digit order, then a kebab-case slug. */
export const LESSON_FILE_PATTERN = /^(\d{2})-([a-z0-9-]+)\.mdx$/;

/**
 * Reads and validates everything under content/. Used by the Astro build (via
 * the course integration), by packaging and by tests, so all three see one
 * model. Collects every problem before throwing, so authors fix them in one go.
 */
export function loadCourse(contentDir: string, projectRoot = join(contentDir, '..')): Course {
  const issues: ContentIssue[] = [];
  // Stryker disable next-line StringLiteral: equivalent on POSIX, where relative() never yields backslashes; this only normalises Windows paths
  const display = (file: string) => relative(projectRoot, file).split('\\').join('/');

  function parseFile<S extends z.ZodType>(file: string, schema: S, text?: string): z.infer<S> | undefined {
    let data: unknown;
    try {
      data = parseYaml(text ?? readFileSync(file, 'utf8'));
    } catch (error) {
      issues.push({ file: display(file), field: '', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const result = schema.safeParse(data ?? {});
    if (!result.success) {
      for (const issue of result.error.issues)
        issues.push({ file: display(file), field: formatPath(issue.path), message: issue.message });
      return undefined;
    }
    return result.data;
  }

  const courseFile = join(contentDir, 'course.yaml');
  if (!existsSync(courseFile)) throw new ContentError([{ file: display(courseFile), field: '', message: 'file is missing' }]);
  const meta = parseFile(courseFile, courseSchema);
  if (meta) issues.push(...checkBranding(meta.branding, display(courseFile), contentDir));

  const standardsDir = join(contentDir, 'standards');
  const standardFiles = existsSync(standardsDir)
    ? readdirSync(standardsDir).filter((f) => f.endsWith('.yaml'))
    : [];
  // Stryker disable next-line MethodExpression,CallExpression: equivalent, Node's readdirSync (libuv scandir) already lists names in sorted order; sort() keeps that explicit
  standardFiles.sort();
  if (standardFiles.length === 0)
    issues.push({ file: display(standardsDir), field: '', message: 'no standards catalogue (*.yaml) found' });
  const standards = standardFiles.flatMap((name) => {
    const file = join(standardsDir, name);
    const standard = parseFile(file, standardSchema);
    return standard ? [{ standard, file: display(file) }] : [];
  });
  const catalogue: Catalogue = buildCatalogue(standards, issues);

  const modules: CourseModule[] = [];
  for (const moduleId of meta?.modules ?? []) {
    const dir = join(contentDir, 'modules', moduleId);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      issues.push({ file: display(courseFile), field: 'modules', message: `module folder content/modules/${moduleId}/ does not exist` });
      continue;
    }
    const moduleFile = join(dir, 'module.yaml');
    const quizFile = join(dir, 'quiz.yaml');
    const moduleMeta = existsSync(moduleFile)
      ? parseFile(moduleFile, moduleSchema)
      : void issues.push({ file: display(moduleFile), field: '', message: 'file is missing' });
    if (moduleMeta && moduleMeta.id !== moduleId)
      issues.push({ file: display(moduleFile), field: 'id', message: `"${moduleMeta.id}" must match its folder name "${moduleId}"` });
    // A practice module is scored by its scenarios, so its quiz is optional.
    const quiz = existsSync(quizFile)
      ? parseFile(quizFile, quizSchema)
      : moduleMeta?.scenarios
        ? null
        : void issues.push({ file: display(quizFile), field: '', message: 'file is missing: every module without scenarios ends with a quiz' });
    const scenarios = loadScenarios(dir, moduleMeta?.scenarios ?? [], display(moduleFile));

    const lessons: Lesson[] = [];
    const lessonNames = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    // Stryker disable next-line MethodExpression: equivalent, Node's readdirSync (libuv scandir) already lists names in sorted order; sort() keeps that explicit
    for (const name of lessonNames.sort()) {
      const file = join(dir, name);
      const match = LESSON_FILE_PATTERN.exec(name);
      if (!match) {
        issues.push({ file: display(file), field: '(file name)', message: 'lesson files are named NN-kebab-slug.mdx, e.g. 01-live-chat.mdx' });
        continue;
      }
      const source = readFileSync(file, 'utf8');
      const frontmatter = extractFrontmatter(source);
      if (frontmatter === undefined) {
        issues.push({ file: display(file), field: 'frontmatter', message: 'missing; start the file with --- title, order, criteria ---' });
        continue;
      }
      checkSortGroups(display(file), source, issues);
      const lessonMeta = parseFile(file, lessonSchema, frontmatter);
      if (lessonMeta) lessons.push({ slug: match[2]!, file: display(file), meta: lessonMeta, sections: extractSections(source) });
    }
    if (lessons.length === 0 && existsSync(dir))
      issues.push({ file: display(dir), field: '', message: 'a module needs at least one lesson (NN-slug.mdx)' });
    lessons.sort((a, b) => a.meta.order - b.meta.order);
    checkLessons(lessons, catalogue, issues);

    if (moduleMeta && quiz !== undefined && scenarios)
      modules.push({ meta: moduleMeta, dir: display(dir), moduleFile: display(moduleFile), quizFile: display(quizFile), lessons, quiz, scenarios });
  }

  /** Scenarios listed in module.yaml, each schema-checked then graph-linted; undefined if any is broken. */
  function loadScenarios(dir: string, ids: readonly string[], moduleFile: string): LoadedScenario[] | undefined {
    const loaded: LoadedScenario[] = [];
    const before = issues.length;
    ids.forEach((id, i) => {
      const file = join(dir, 'scenarios', `${id}.yaml`);
      if (!existsSync(file)) {
        issues.push({ file: moduleFile, field: `scenarios[${i}]`, message: `scenario file ${display(file)} does not exist` });
        return;
      }
      const scenario = parseFile(file, scenarioSchema);
      if (!scenario) return;
      issues.push(...lintScenario(scenario, display(file), (criterion) => catalogue.byId.has(criterion), id));
      loaded.push({ file: display(file), scenario });
    });
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) issues.push({ file: moduleFile, field: 'scenarios', message: `scenario "${duplicate}" is listed twice` });
    const folder = join(dir, 'scenarios');
    for (const name of existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yaml')) : [])
      if (!ids.includes(name.slice(0, -'.yaml'.length)))
        issues.push({ file: display(join(folder, name)), field: '', message: `not listed in ${moduleFile} scenarios:, so learners would never see it; add its id there` });
    return issues.length === before ? loaded : undefined;
  }

  checkCourseReferences({ catalogue, modules }, issues);
  const glossary = loadGlossary(contentDir, issues, projectRoot);
  const homesFile = join(contentDir, 'criteria-homes.yaml');
  const homes = loadHomes(homesFile, display(homesFile), catalogue, issues);
  // Scenario decisions count as checks, id `<scenario>/<node>/<choice>`.
  const scenarioChoices: ScenarioChoiceCheck[] = modules.flatMap(scenarioChoicesOf);
  if (meta && homes) {
    const report = computeCoverage({ catalogue, modules, homes, scenarioChoices });
    // A module that failed to load has its own errors already; judging its coverage too would only add noise.
    issues.push(...checkCoverage(report, modules.map((m) => m.meta.id), meta.require_full_coverage, { course: display(courseFile), homes: display(homesFile) }));
  }
  if (issues.length > 0 || !meta || !homes) throw new ContentError(issues);
  return { meta, catalogue, modules, glossary, homes, scenarioChoices };
}

/** `<Section title="…" criteria={["A", "B"]}>` blocks in a lesson body, in order. */
export function extractSections(source: string): LessonSection[] {
  const sections: LessonSection[] = [];
  for (const match of source.matchAll(/<Section\b([^>]*)>/g)) {
    // Stryker disable next-line StringLiteral: equivalent, group 1 ([^>]*) always participates in the match, so the fallback is never used
    const attributes = match[1] ?? '';
    const title = /title="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const list = /criteria=\{\[([^\]]*)\]\}/.exec(attributes)?.[1];
    const criteria = list === undefined ? null : [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
    sections.push({ title, criteria });
  }
  return sections;
}

/** The YAML between the opening and closing `---` lines, or undefined if there is none. */
export function extractFrontmatter(source: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match?.[1];
}

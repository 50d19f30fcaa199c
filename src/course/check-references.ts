import type { Catalogue } from './catalogue.ts';
import type { ContentIssue } from './content-error.ts';
import type { CourseModule, Lesson } from './course-model.ts';
import { checkQuizBanks } from '../lib/quiz-checks.ts';

/** Each section says which criteria it serves; together they must match the lesson's frontmatter. */
function checkSections(lesson: Lesson, issues: ContentIssue[]): void {
  if (lesson.sections.length === 0) return;
  const inSections = new Set<string>();
  lesson.sections.forEach((section, i) => {
    const field = `<Section> ${i + 1} ("${section.title}")`;
    if (section.criteria === null || section.criteria.length === 0) {
      issues.push({ file: lesson.file, field, message: 'needs criteria={["U219.1.1", …]} naming the criteria it serves' });
      return;
    }
    for (const id of section.criteria) {
      inSections.add(id);
      if (!lesson.meta.criteria.includes(id))
        issues.push({ file: lesson.file, field: `${field}.criteria`, message: `"${id}" is not in the lesson's frontmatter criteria` });
    }
  });
  lesson.meta.criteria.forEach((id, i) => {
    if (!inSections.has(id))
      issues.push({ file: lesson.file, field: `criteria[${i}]`, message: `"${id}" is not served by any <Section> of this lesson` });
  });
}

interface CourseParts {
  catalogue: Catalogue;
  modules: CourseModule[];
}

function knownCriteria(catalogue: Catalogue, issues: ContentIssue[]) {
  return (file: string, field: string, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!catalogue.byId.has(id))
        issues.push({ file, field: `${field}[${i}]`, message: `unknown criterion id "${id}"; expected an id listed in content/standards/*.yaml` });
    });
}

/** A module folder's lessons: checked even when its module.yaml or quiz.yaml is broken. */
export function checkLessons(lessons: readonly Lesson[], catalogue: Catalogue, issues: ContentIssue[]): void {
  const known = knownCriteria(catalogue, issues);
  const orders = new Map<number, string>();
  for (const lesson of lessons) {
    known(lesson.file, 'criteria', lesson.meta.criteria);
    checkSections(lesson, issues);
    const clash = orders.get(lesson.meta.order);
    if (clash) issues.push({ file: lesson.file, field: 'order', message: `order ${lesson.meta.order} is also used by ${clash}` });
    orders.set(lesson.meta.order, lesson.file);
  }
}

/** Cross-file rules that a per-file schema cannot see. */
export function checkCourseReferences({ catalogue, modules }: CourseParts, issues: ContentIssue[]): void {
  const known = knownCriteria(catalogue, issues);

  for (const mod of modules) {
    mod.meta.outcomes.forEach((outcome, o) => known(mod.moduleFile, `outcomes[${o}].criteria`, outcome.criteria));
    const outcomeCriteria = new Set(mod.meta.outcomes.flatMap((o) => o.criteria));

    mod.quiz?.items.forEach((item, i) => {
      known(mod.quizFile, `items[${i}].criteria`, item.criteria);
      if (!item.criteria.some((id) => outcomeCriteria.has(id)))
        issues.push({
          file: mod.quizFile,
          field: `items[${i}].criteria`,
          message: `item "${item.id}" names no criterion of any outcome in ${mod.moduleFile}, so no LMS objective could report it`,
        });
    });
    if (mod.quiz) checkQuizBanks(mod.quiz, mod.meta.outcomes, mod.quizFile, issues);
  }
}

import type { CourseMeta } from '../schemas/course.ts';
import type { Catalogue } from './catalogue.ts';
import type { ContentIssue } from './content-error.ts';
import type { CourseModule } from './course-model.ts';
import { computeCoverage } from './coverage.ts';

interface CourseParts {
  meta: CourseMeta;
  courseFile: string;
  catalogue: Catalogue;
  modules: CourseModule[];
}

/** Cross-file rules that a per-file schema cannot see. */
export function checkCourseReferences({ meta, courseFile, catalogue, modules }: CourseParts, issues: ContentIssue[]): void {
  const known = (file: string, field: string, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!catalogue.byId.has(id))
        issues.push({ file, field: `${field}[${i}]`, message: `unknown criterion id "${id}"; expected an id listed in content/standards/*.yaml` });
    });

  for (const mod of modules) {
    mod.meta.outcomes.forEach((outcome, o) => known(mod.moduleFile, `outcomes[${o}].criteria`, outcome.criteria));
    const outcomeCriteria = new Set(mod.meta.outcomes.flatMap((o) => o.criteria));

    const orders = new Map<number, string>();
    for (const lesson of mod.lessons) {
      known(lesson.file, 'criteria', lesson.meta.criteria);
      const clash = orders.get(lesson.meta.order);
      if (clash) issues.push({ file: lesson.file, field: 'order', message: `order ${lesson.meta.order} is also used by ${clash}` });
      orders.set(lesson.meta.order, lesson.file);
    }

    mod.quiz.items.forEach((item, i) => {
      known(mod.quizFile, `items[${i}].criteria`, item.criteria);
      if (!item.criteria.some((id) => outcomeCriteria.has(id)))
        issues.push({
          file: mod.quizFile,
          field: `items[${i}].criteria`,
          message: `item "${item.id}" names no criterion of any outcome in ${mod.moduleFile}, so no LMS objective could report it`,
        });
    });
  }

  if (meta.require_full_coverage) {
    for (const row of computeCoverage(catalogue, modules)) {
      const missing = [row.taughtBy.length === 0 && 'taught by a lesson', row.checkedBy.length === 0 && 'checked by a quiz item'].filter(Boolean);
      if (missing.length > 0)
        issues.push({ file: courseFile, field: 'require_full_coverage', message: `criterion ${row.id} is not ${missing.join(' or ')}` });
    }
  }
}

import type { Catalogue } from './catalogue.ts';
import type { CourseModule } from './course-model.ts';
import { quizInteractionId, scenarioInteractionId } from '../lib/lms-ids.ts';

export interface CoverageRow {
  id: string;
  standard: string;
  text: string;
  /** Lesson files that teach the criterion. */
  taughtBy: string[];
  /** LMS-style ids of the quiz items and scenario decisions that check it, e.g. `u219-lo1-quiz-q03`. */
  checkedBy: string[];
}

/** For every catalogue criterion: where it is taught and where it is checked. */
export function computeCoverage(catalogue: Catalogue, modules: readonly CourseModule[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const [id, entry] of catalogue.byId)
    rows.set(id, { id, standard: entry.standard.code, text: entry.criterion.text, taughtBy: [], checkedBy: [] });
  for (const mod of modules) {
    for (const lesson of mod.lessons) for (const id of lesson.meta.criteria) rows.get(id)?.taughtBy.push(lesson.file);
    for (const item of mod.quiz?.items ?? [])
      for (const id of item.criteria) rows.get(id)?.checkedBy.push(quizInteractionId(mod.meta.id, item.id));
    for (const { scenario } of mod.scenarios)
      for (const [nodeId, node] of Object.entries(scenario.nodes)) {
        const criteria = new Set(node.choices?.flatMap((c) => c.criteria));
        for (const id of criteria) rows.get(id)?.checkedBy.push(scenarioInteractionId(mod.meta.id, scenario.id, nodeId));
      }
  }
  return [...rows.values()];
}

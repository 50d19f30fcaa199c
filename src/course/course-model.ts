import type { CourseMeta } from '../schemas/course.ts';
import type { LessonMeta } from '../schemas/lesson.ts';
import type { ModuleMeta } from '../schemas/module.ts';
import type { Quiz } from '../schemas/quiz.ts';
import type { Scenario } from '../schemas/scenario.ts';
import type { Catalogue } from './catalogue.ts';
import type { GlossaryItem } from './load-glossary.ts';
import type { CriteriaHomes, ScenarioChoiceCheck } from './coverage.ts';

export interface Lesson {
  /** File slug without the order prefix, e.g. `live-chat`. Stable: used in bookmarks. */
  slug: string;
  /** Project-relative path, for error messages. */
  file: string;
  meta: LessonMeta;
  sections: LessonSection[];
}

/** A `<Section>` in a lesson body; criteria is null when the attribute is missing or not a literal list. */
export interface LessonSection {
  title: string;
  criteria: string[] | null;
}

export interface CourseModule {
  meta: ModuleMeta;
  dir: string;
  moduleFile: string;
  quizFile: string;
  lessons: Lesson[];
  /** A practice module may have scenarios and no quiz. */
  quiz: Quiz | null;
  /** In the order module.yaml lists them. */
  scenarios: LoadedScenario[];
}

export interface LoadedScenario {
  /** Project-relative path, for error messages. */
  file: string;
  scenario: Scenario;
}

export interface Course {
  meta: CourseMeta;
  catalogue: Catalogue;
  modules: CourseModule[];
  /** content/glossary/*.yaml, sorted by term. */
  glossary: GlossaryItem[];
  /** content/criteria-homes.yaml: criterion id → home module id. */
  homes: CriteriaHomes;
  /** Every scenario decision of every module, with the criteria it checks (coverage counts them as checks). */
  scenarioChoices: ScenarioChoiceCheck[];
}

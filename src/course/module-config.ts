import type { Course, CourseModule } from './course-model.ts';
import { objectiveId } from '../lib/lms-ids.ts';
import { toRuntimeQuiz } from '../lib/quiz-model.ts';
import { revisitLinks, type TeachingModule } from '../lib/revisit-links.ts';
import { scenarioStateShape, toRuntimeScenario } from '../lib/scenario-model.ts';
import type { ModuleConfig, ViewConfig } from '../tracking/module-session.ts';

/**
 * The page config of one module (one SCO): its views in the order learners meet
 * them, pass mark and outcomes. The module page embeds it; tests build the same.
 */
export function moduleConfigFor(course: Course, mod: CourseModule): ModuleConfig {
  const quiz = mod.quiz && toRuntimeQuiz(mod.meta.id, mod.quiz, mod.meta.pass_mark, mod.meta.outcomes);
  const criterionText = (id: string) => course.catalogue.byId.get(id)?.criterion.text ?? '';
  // With review_links, the review links each missed criterion to the lessons that teach it, opened read-only.
  // Stryker disable next-line OptionalChaining: equivalent, quiz is only truthy when mod.quiz is set, so mod.quiz?. is never reached with null
  if (quiz && mod.quiz?.review_links) quiz.revisit = revisitLinks(quiz.items.flatMap((i) => i.criteria), teachingModules(course), criterionText, mod.meta.id);
  const views: ViewConfig[] = [
    ...mod.lessons.map((l): ViewConfig => ({ kind: 'lesson', id: l.slug, title: l.meta.title })),
    ...(quiz ? [{ kind: 'quiz', id: 'quiz', title: quiz.title, quiz } as const] : []),
    ...mod.scenarios.map(({ scenario }): ViewConfig => {
      const runtime = toRuntimeScenario(mod.meta.id, scenario, mod.meta.outcomes, criterionText);
      return { kind: 'scenario', id: scenario.id, title: scenario.title, shape: scenarioStateShape(runtime), scenario: runtime };
    }),
    ...(mod.meta.reflection.length > 0
      ? [
          {
            kind: 'reflection',
            id: 'account',
            title: 'Your reflective account',
            prompts: mod.meta.reflection.map((p) => ({ id: p.id, text: p.prompt, maxLength: p.max_length, criteria: [...p.criteria] })),
          } as const,
        ]
      : []),
  ];
  return {
    courseId: course.meta.id,
    moduleId: mod.meta.id,
    moduleTitle: mod.meta.title,
    views,
    passMark: mod.meta.pass_mark,
    outcomes: mod.meta.outcomes.map((o) => ({ objectiveId: objectiveId(mod.meta.id, o.id), title: o.title, criteria: [...o.criteria] })),
    allowPassDowngrade: mod.meta.allow_pass_downgrade,
  };
}

function teachingModules(course: Course): TeachingModule[] {
  return course.modules.map((m) => ({
    id: m.meta.id,
    title: m.meta.title,
    lessons: m.lessons.map((l) => ({ slug: l.slug, title: l.meta.title, sections: l.sections, criteria: l.meta.criteria })),
  }));
}

import { objectiveId } from '../../src/lib/lms-ids.ts';
import { scenarioStateShape, toRuntimeScenario } from '../../src/lib/scenario-model.ts';
import type { Quiz } from '../../src/schemas/quiz.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { type ModuleConfig, type ViewConfig } from '../../src/tracking/module-session.ts';
import { allTypesQuiz, allTypesRuntime, FIXTURE_OUTCOMES } from './quiz-fixture.ts';
import { fixtureScenario } from './scenario-fixture.ts';

export const SMALL_MODULE_ID = 'm1';

/**
 * The ten-decision fixture scenario, with a first node whose customer says three things
 * and a second node where both replies are the best (so no single correct response).
 */
export function smallScenario(): Scenario {
  const scenario = fixtureScenario();
  scenario.nodes['d1']!.customer = ['Hello.', 'I need help.', 'It is about my account.'];
  for (const choice of scenario.nodes['d2']!.choices ?? []) choice.score = 2;
  return scenario;
}

/**
 * A small module built from the fixtures: a lesson, the every-type quiz, the fixture scenario, a
 * two-prompt reflection (limits 10 and 20 characters) and a last lesson. `quiz: null` leaves the quiz out.
 */
export function smallModule(options: { quiz?: Partial<Record<keyof Quiz, unknown>> | null; scenarioId?: string } = {}): ModuleConfig {
  const scenario = { ...smallScenario(), ...(options.scenarioId ? { id: options.scenarioId } : {}) };
  const runtime = toRuntimeScenario(SMALL_MODULE_ID, scenario, FIXTURE_OUTCOMES);
  const views: ViewConfig[] = [
    { kind: 'lesson', id: 'intro', title: 'Introduction' },
    ...(options.quiz === null ? [] : [{ kind: 'quiz', id: 'quiz', title: 'Quiz', quiz: allTypesRuntime(options.quiz ?? {}) } as const]),
    { kind: 'scenario', id: scenario.id, title: scenario.title, shape: scenarioStateShape(runtime), scenario: runtime },
    {
      kind: 'reflection',
      id: 'account',
      title: 'Your reflective account',
      prompts: [
        { id: 'what', text: 'What did you do?', maxLength: 10, criteria: [] },
        { id: 'why', text: 'Why?', maxLength: 20, criteria: [] },
      ],
    },
    { kind: 'lesson', id: 'summary', title: 'Summary' },
  ];
  return {
    courseId: 'fixture-course',
    moduleId: SMALL_MODULE_ID,
    moduleTitle: 'Fixture module',
    views,
    passMark: 50,
    outcomes: FIXTURE_OUTCOMES.map((o) => ({ objectiveId: objectiveId(SMALL_MODULE_ID, o.id), title: o.title, criteria: [...o.criteria] })),
    allowPassDowngrade: false,
  };
}

/** The authored quiz behind smallModule's quiz, for answerBook. */
export function smallModuleQuizSource() {
  return [{ moduleId: SMALL_MODULE_ID, quiz: allTypesQuiz() }];
}

import { scenarioStateShape, toRuntimeScenario } from '../../src/lib/scenario-model.ts';
import type { AdapterKind, LaunchInfo } from '../../src/tracking/lms-adapter.ts';
import { ModuleSession, type ModuleConfig } from '../../src/tracking/module-session.ts';
import { manualScheduler } from './manual-scheduler.ts';
import { memoryStore } from './memory-store.ts';
import { fixtureScenario } from './scenario-fixture.ts';
import { answerBook, attemptItems } from './quiz-answers.ts';
import { FIXTURE_OUTCOMES } from './quiz-fixture.ts';
import { fixtureCourse, moduleConfig, withReflectionView } from './real-course.ts';
import { recordingLms } from './recording-lms.ts';

/**
 * The minimal fixture course's module m1 (lessons "systems" and "navigating", then a four-item
 * quiz: q01 and q03 count towards m1-systems, q02 and q04 towards m1-navigating; pass mark 50),
 * with quiz settings and module fields overridden. Loads in a fraction of the real course's time.
 */
export function fixtureModule(overrides: { counts?: 'best' | 'last'; maxAttempts?: number } & Partial<ModuleConfig> = {}): ModuleConfig {
  const { counts, maxAttempts, ...moduleFields } = overrides;
  const base = moduleConfig(fixtureCourse(), undefined, moduleFields);
  const views = base.views.map((v) =>
    v.kind === 'quiz' ? { ...v, quiz: { ...v.quiz, counts: counts ?? v.quiz.counts, maxAttempts: maxAttempts ?? v.quiz.maxAttempts } } : v,
  );
  return { ...base, views };
}

/** Starts an attempt and answers every item: those whose id is listed right, the others wrong; submits unless told not to. */
export function takeAttempt(session: ModuleSession, rightIds: readonly string[], options: { submit?: boolean } = {}): void {
  const { right, wrong } = answerBook(fixtureCourse());
  session.startQuizAttempt();
  attemptItems(session).forEach((item, i) => session.answer(i, rightIds.includes(item.id) ? right(item) : wrong(item), 0));
  if (options.submit !== false) session.submitAttempt();
}

/** Item ids for an attempt scoring 100, 75, 50 (m1-systems right), 50 (m1-navigating right), 25 and 0. */
export const SCORES = {
  all: ['q01', 'q02', 'q03', 'q04'],
  threeQuarters: ['q01', 'q02', 'q03'],
  systemsOnly: ['q01', 'q03'],
  navigatingOnly: ['q02', 'q04'],
  quarter: ['q01'],
  none: [],
} as const;

/** The suspend data an LMS would hold after `act` in a fresh session on `config` (what a resumed launch passes back). */
export function savedProgress(config: ModuleConfig, act: (session: ModuleSession) => void, kind: AdapterKind = 'scorm2004'): string {
  const lms = recordingLms({}, { kind });
  const session = new ModuleSession(config, lms.adapter, memoryStore());
  act(session);
  const data = lms.argsOf('saveState').at(-1)?.[0];
  if (typeof data !== 'string') throw new Error('the session saved nothing');
  return data;
}

/** A session on the fixture module whose LMS (launching as given) records every call; timers run only when the test says. */
export function openFixture(
  launch: Partial<LaunchInfo> = {},
  overrides: Parameters<typeof fixtureModule>[0] = {},
  options: { config?: ModuleConfig; store?: ReturnType<typeof memoryStore>; lms?: Parameters<typeof recordingLms>[1]; now?: () => number } = {},
) {
  const lms = recordingLms(launch, options.lms);
  const timers = manualScheduler();
  const store = options.store ?? memoryStore();
  const session = new ModuleSession(options.config ?? fixtureModule(overrides), lms.adapter, store, { scheduler: timers.scheduler, ...(options.now ? { now: options.now } : {}) });
  return { lms, session, timers, store };
}

/** The fixture module with a scenario view (the ten-decision fixture) and a two-prompt reflection view added at the end. */
export function fixtureModuleWithAllViews(limits: readonly number[] = [200, 200]): ModuleConfig {
  const config = withReflectionView(fixtureModule(), limits);
  const runtime = toRuntimeScenario(config.moduleId, fixtureScenario(), FIXTURE_OUTCOMES);
  const scenario: ModuleConfig['views'][number] = { kind: 'scenario', id: runtime.id, title: runtime.title, shape: scenarioStateShape(runtime), scenario: runtime };
  return { ...config, views: [...config.views.slice(0, -1), scenario, config.views.at(-1)!] };
}

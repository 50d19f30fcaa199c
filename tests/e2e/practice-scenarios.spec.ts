import { expect, test, type FrameLocator } from '@playwright/test';
import { course } from './support/course.ts';
import { moduleConfigFor } from '../../src/course/module-config.ts';
import { walk } from '../../src/lib/scenario-engine.ts';
import { bestPathFrom } from '../../src/lib/scenario-graph.ts';
import type { RuntimeScenario } from '../../src/lib/scenario-model.ts';
import type { ViewConfigOf } from '../../src/tracking/module-session.ts';
import { closeCourse, courseFrame, launch, liveCmi, openStandIn, packages } from './support/stand-in.ts';
import { poorPath } from '../support/scenario-paths.ts';

type Cmi = Record<string, unknown>;
const practice = course.modules.find((m) => m.meta.id === 'practice')!;
const scenarios = moduleConfigFor(course, practice).views.filter((v): v is ViewConfigOf<'scenario'> => v.kind === 'scenario');
const first = scenarios[0]!.scenario;

function interactions(cmi: Cmi): Cmi[] {
  const value = cmi['interactions'] as Cmi | Cmi[] | undefined;
  if (!value) return [];
  const entries = Array.isArray(value) ? value : ((value['childArray'] as Cmi[] | undefined) ?? Object.values(value));
  return entries.filter((e): e is Cmi => typeof e === 'object' && e !== null && 'id' in e);
}

function results(version: '1.2' | '2004', cmi: Cmi) {
  if (version === '1.2') {
    const core = cmi['core'] as Cmi;
    return { status: core['lesson_status'], raw: (core['score'] as Cmi)['raw'] };
  }
  return { status: `${cmi['completion_status']}/${cmi['success_status']}`, raw: (cmi['score'] as Cmi)['raw'] };
}

async function launchPractice(page: import('@playwright/test').Page, version: '1.2' | '2004', learnerId: string) {
  const pkg = (await packages(page)).find((p) => p.scormVersion === version)!;
  const sco = pkg.scos.find((s) => s.identifier.includes('practice'))!.identifier;
  await launch(page, { version, sco, learner: { id: learnerId } });
  return courseFrame(page);
}

async function openScenario(frame: FrameLocator, scenario: RuntimeScenario) {
  await frame.getByRole('navigation', { name: 'Module contents' }).getByRole('link', { name: scenario.title }).click();
  await expect(frame.getByRole('heading', { level: 1, name: scenario.title })).toBeFocused();
}

/** Plays a path with the keyboard only: Tab from the focused heading to the reply, then Enter. */
async function playByKeyboard(frame: FrameLocator, page: import('@playwright/test').Page, scenario: RuntimeScenario, path: readonly number[]) {
  const view = frame.locator(`#scenario-${scenario.id}`);
  for (const [step, choice] of path.entries()) {
    const node = walk(scenario, path.slice(0, step)).current;
    const reply = view.getByRole('button', { name: node.choices[choice]!.say, exact: true });
    // The first reply is reached by Tab from the scenario's heading; after each reply focus moves to the next decision.
    if (step > 0) await expect(view.getByRole('heading', { name: `Decision ${step + 1}: what do you say or do?` })).toBeFocused();
    for (let tabs = 0; tabs < 15 && !(await reply.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
    await expect(reply).toBeFocused();
    await page.keyboard.press('Enter');
  }
}

async function playByClicks(frame: FrameLocator, scenario: RuntimeScenario, path: readonly number[]) {
  const view = frame.locator(`#scenario-${scenario.id}`);
  for (const [step, choice] of path.entries()) {
    const node = walk(scenario, path.slice(0, step)).current;
    await view.getByRole('button', { name: node.choices[choice]!.say, exact: true }).click();
  }
}

for (const version of ['1.2', '2004'] as const) {
  test.describe(`Practice scenarios, SCORM ${version} package in the stand-in`, () => {
    test.beforeEach(async ({ page }) => {
      await openStandIn(page);
    });

    test('best paths, the first by keyboard only: every decision stored, module passed', async ({ page }) => {
      const frame = await launchPractice(page, version, `scenario-best-${version}`);
      await openScenario(frame, first);
      const best = bestPathFrom(first)!;
      await playByKeyboard(frame, page, first, best);
      const view = frame.locator(`#scenario-${first.id}`);
      await expect(view.getByRole('heading', { level: 2, name: /^Ending: / })).toBeFocused();
      await expect(view.getByText('You scored 100%')).toBeVisible();
      await expect(view.getByText('You passed this conversation.')).toBeVisible();

      const afterOne = (await liveCmi(page))!.cmi as Cmi;
      const stored = interactions(afterOne);
      expect(stored).toHaveLength(best.length);
      expect(stored[0]).toMatchObject({ id: first.nodes[first.start]!.interactionId, type: 'choice', result: 'correct' });
      expect(results(version, afterOne).raw).toBe(String(Math.round(100 / scenarios.length)));

      for (const { scenario } of scenarios.slice(1)) {
        await openScenario(frame, scenario);
        await playByClicks(frame, scenario, bestPathFrom(scenario)!);
        await expect(frame.locator(`#scenario-${scenario.id}`).getByText('You scored 100%')).toBeVisible();
      }
      const done = (await liveCmi(page))!.cmi as Cmi;
      expect(results(version, done)).toMatchObject(version === '1.2' ? { status: 'passed', raw: '100' } : { status: 'completed/passed', raw: '100' });
      expect(interactions(done)).toHaveLength(scenarios.reduce((n, { scenario }) => n + bestPathFrom(scenario)!.length, 0));
    });

    test('a poor path scores lower and shows the debrief beside the best path', async ({ page }) => {
      const frame = await launchPractice(page, version, `scenario-poor-${version}`);
      await openScenario(frame, first);
      const poor = poorPath(first);
      await playByClicks(frame, first, poor);
      const view = frame.locator(`#scenario-${first.id}`);
      await expect(view.getByRole('heading', { level: 2, name: /^Ending: / })).toBeVisible();
      await expect(view.getByText('Not passed yet.')).toBeVisible();
      await expect(view.getByRole('heading', { name: 'Your path' })).toBeVisible();
      await expect(view.getByRole('heading', { name: 'A best path' })).toBeVisible();
      await expect(view.getByRole('button', { name: 'Replay from the start' })).toBeVisible();
      const cmi = (await liveCmi(page))!.cmi as Cmi;
      expect(interactions(cmi)).toHaveLength(poor.length);
      expect(interactions(cmi)[0]!['result']).toBe(version === '1.2' ? 'wrong' : 'incorrect');
      expect(Number(results(version, cmi).raw)).toBeLessThan(Math.round(100 / scenarios.length));
    });

    test('a relaunch mid-scenario resumes at the same node', async ({ page }) => {
      const learnerId = `scenario-resume-${version}`;
      let frame = await launchPractice(page, version, learnerId);
      await openScenario(frame, first);
      const part = bestPathFrom(first)!.slice(0, 4);
      await playByClicks(frame, first, part);
      const node = walk(first, part).current;
      await expect(frame.locator(`#scenario-${first.id} [data-node]`)).toHaveAttribute('data-node', node.id);
      await closeCourse(page);

      frame = await launchPractice(page, version, learnerId);
      await expect(frame.getByRole('heading', { name: 'Welcome back' })).toBeFocused();
      await expect(frame.getByText(`You were on the scenario “${first.title}”. Resume where you left off?`)).toBeVisible();
      await frame.getByRole('button', { name: 'Resume where I left off' }).click();
      const view = frame.locator(`#scenario-${first.id}`);
      await expect(view.locator('[data-node]')).toHaveAttribute('data-node', node.id);
      await expect(view.getByText('Decision 5: what do you say or do?')).toBeVisible();
      await expect(view.getByRole('button', { name: node.choices[0]!.say, exact: true })).toBeVisible();
    });
  });
}

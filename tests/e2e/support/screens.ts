import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { moduleConfigFor } from '../../../src/course/module-config.ts';
import { walk } from '../../../src/lib/scenario-engine.ts';
import { bestPathFrom } from '../../../src/lib/scenario-graph.ts';
import type { RuntimeScenario } from '../../../src/lib/scenario-model.ts';
import { screen, type Screen } from './axe-scan.ts';
import { answerCurrent, course, currentItem, firstModule, perAttempt } from './course.ts';
import { coveringRandom, fixRandom, serveQuizAs } from './quiz-page.ts';

/**
 * Every screen a learner or tutor can reach, for the accessibility scan (tests/e2e/axe-screens.spec.ts).
 * A new screen is one line: `screen(name, file in the package, how to reach it, { widths, schemes })`.
 */

const view = (page: Page) => page.locator('.view.current');

/** Writes and compares every reply, checks every Sort (one answer chosen), opens every Reveal, then every term in sight. */
async function openEverything(page: Page): Promise<void> {
  const current = view(page);
  for (const reply of await current.locator('[data-wwys]').all()) {
    await reply.getByLabel('Your reply').fill('Sorry about that. What happens when you press Pay?');
    await reply.getByRole('button', { name: 'Compare with a model answer' }).click();
  }
  for (const sort of await current.locator('.sort').all()) {
    await sort.getByRole('radio').first().check();
    await sort.getByRole('button', { name: 'Check my answers' }).click();
  }
  for (const button of await current.locator('.reveal-button').all()) await button.click();
  // Terms inside answers only show once those are open; a term in a hidden part cannot be selected.
  for (const button of await current.locator('.term-button:visible').all()) await button.click();
}

/** Compare pressed with an empty reply: the error message shows. */
async function emptyReplyError(page: Page): Promise<void> {
  const reply = view(page).locator('[data-wwys]').first();
  await reply.getByRole('button', { name: 'Compare with a model answer' }).click();
  await expect(reply.getByText('Write your reply first, then compare it.')).toBeVisible();
}

async function unfoldContents(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Module contents' }).locator('summary').click();
  await expect(page.getByRole('navigation', { name: 'Module contents' }).getByRole('list')).toBeVisible();
}

/** Reads a lesson, moves to the next, then reloads: the "Welcome back" prompt. */
async function resumePrompt(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Next: / }).first().click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome back/ })).toBeVisible();
}

/** Plays a scenario from where it is along `path` (choice indexes in the data's order, from the start), clicking the replies by their words. */
async function play(page: Page, scenario: RuntimeScenario, path: readonly number[], from = 0): Promise<void> {
  const here = page.locator(`#scenario-${scenario.id}`);
  for (let step = from; step < path.length; step++) {
    const say = walk(scenario, path.slice(0, step)).current.choices[path[step]!]!.say;
    await here.getByRole('button', { name: say, exact: true }).click();
  }
  if (walk(scenario, path).current.ending) await expect(here.getByRole('heading', { level: 2, name: /^Ending: / })).toBeVisible();
}

/** The path that takes the lowest-scored reply at every decision (ends in the poorest ending). */
function poorestPath(scenario: RuntimeScenario): number[] {
  const path: number[] = [];
  for (let node = scenario.nodes[scenario.start]!; node.choices.length > 0 && path.length < 50; ) {
    const lowest = node.choices.reduce((low, choice, i) => (choice.score < node.choices[low]!.score ? i : low), 0);
    path.push(lowest);
    node = scenario.nodes[node.choices[lowest]!.next]!;
  }
  return path;
}

/**
 * Every lesson of a module, in one page load: each lesson is shown by its link, scanned with every answer open,
 * and (module 1, which uses every lesson component) also closed first.
 */
function lessonScreens(): Screen[] {
  return course.modules.map((mod) =>
    screen(`${mod.meta.id} lessons`, `${mod.meta.id}.html`, async (page, scanHere) => {
      for (const [i, lesson] of mod.lessons.entries()) {
        await page.evaluate((hash) => (location.hash = hash), `#lesson-${lesson.slug}`);
        await expect(view(page).getByRole('heading', { level: 1, name: lesson.meta.title })).toBeVisible();
        const name = `lesson ${i + 1} (${lesson.slug})`;
        if (mod === firstModule) await scanHere(`${name}, closed`);
        await openEverything(page);
        await scanHere(`${name}, answers open`);
      }
    }),
  );
}

/** Each practice scenario in one page load: first decision, after a poor reply, mid-way on the best path, both debriefs. */
function scenarioScreens(): Screen[] {
  return course.modules.flatMap((mod) =>
    moduleConfigFor(course, mod).views.flatMap((v) => {
      if (v.kind !== 'scenario') return [];
      const scenario = v.scenario;
      const best = bestPathFrom(scenario) ?? [];
      const poorest = poorestPath(scenario);
      const restart = (page: Page, name: string) => page.locator(`#scenario-${scenario.id}`).getByRole('button', { name }).click();
      return [
        screen(`scenario ${scenario.id}`, `${mod.meta.id}.html#scenario-${scenario.id}`, async (page, scanHere) => {
          await scanHere('first decision');
          await play(page, scenario, poorest.slice(0, 1));
          await scanHere('after a poor reply');
          await restart(page, 'Start this conversation again');
          const midway = best.slice(0, Math.min(2, best.length - 1));
          await play(page, scenario, midway);
          await scanHere('mid-conversation on the best path');
          await play(page, scenario, best, midway.length);
          await scanHere('debrief of the best path');
          await restart(page, 'Replay from the start');
          await play(page, scenario, poorest);
          await scanHere('debrief of the poorest path');
        }),
      ];
    }),
  );
}

const moduleOne = `${firstModule.meta.id}.html`;

async function startQuiz(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.question-count')).toBeVisible();
}

/** Assessment attempt of module 1: the error for no answer, each item type answered once, the result and review. */
async function assessmentAttempt(page: Page, scanHere: (label: string) => Promise<void>): Promise<void> {
  await startQuiz(page);
  const seen = new Set<string>();
  for (let i = 0; i < perAttempt; i++) {
    await expect(page.getByText(`Question ${i + 1} of ${perAttempt}`)).toBeVisible();
    const item = await currentItem(page);
    // Moving on without an answer shows the error (an ordering item always has one: its starting order).
    if (!seen.has('error') && item.type !== 'ordering') {
      await page.getByRole('button', { name: i === perAttempt - 1 ? 'Finish the quiz' : 'Next question' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await scanHere('moving on without an answer');
      seen.add('error');
    }
    await answerCurrent(page, item, i % 2 === 0);
    if (!seen.has(item.type)) {
      seen.add(item.type);
      await scanHere(`${item.type} item answered`);
    }
    await page.getByRole('button', { name: i === perAttempt - 1 ? 'Finish the quiz' : 'Next question' }).click();
  }
  await expect(page.locator('.result h2')).toBeVisible();
  await scanHere('result and review');
}

/** The same quiz in practice mode, drawn so that every item type comes up: the feedback on each type, then the result. */
async function practiceAttempt(page: Page, scanHere: (label: string) => Promise<void>): Promise<void> {
  await startQuiz(page);
  const seen = new Set<string>();
  for (let i = 0; i < perAttempt; i++) {
    await expect(page.getByText(`Question ${i + 1} of ${perAttempt}`)).toBeVisible();
    const item = await currentItem(page);
    const first = !seen.has(item.type);
    // The first question is answered rightly ("Correct"), the first of every other type wrongly ("Not quite").
    const right = i === 0 || !first;
    await answerCurrent(page, item, right);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByRole('heading', { level: 2, name: right ? 'Correct' : 'Not quite' })).toBeVisible();
    if (first) {
      seen.add(item.type);
      await scanHere(`${item.type} item, feedback on a ${right ? 'right' : 'wrong'} answer`);
    }
    await page.getByRole('button', { name: i === perAttempt - 1 ? 'See your result' : 'Next question' }).click();
  }
  await expect(page.locator('.result h2')).toBeVisible();
  await scanHere('result and review with the right answers');
}

/** A draw of module 1's quiz that brings up every item type. */
const everyItemType = (page: Page) => fixRandom(page, coveringRandom);

/** Module 1's quiz served in practice mode, with that draw. */
async function practiceMode(page: Page): Promise<void> {
  await everyItemType(page);
  await serveQuizAs(page, { mode: 'practice' });
}

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures', name);

/** Reads an LMS report file on the tutor results page and waits for what it says about it. */
function tutorResultsWith(file: string, expected: RegExp) {
  return async (page: Page) => {
    await page.getByLabel(/Report files from your LMS/).setInputFiles(fixture(file));
    await expect(page.getByText(expected).first()).toBeVisible();
  };
}

async function tutorResultsMatrix(page: Page): Promise<void> {
  await tutorResultsWith('moodle-4.3/interactions-scorm12-all-columns.txt', /answers from 1 learner/)(page);
  await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: firstModule.meta.title });
  await expect(page.getByRole('region', { name: /Criteria by learner/ })).toBeVisible();
}

async function tutorResultsOneLearner(page: Page): Promise<void> {
  await tutorResultsMatrix(page);
  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Sam Student' });
  await expect(page.getByRole('heading', { name: 'Results for Sam Student' })).toBeVisible();
}

async function tutorResultsHelpAndError(page: Page): Promise<void> {
  await page.getByText('How to export the report from your LMS').click();
  await tutorResultsWith('tutor-results/saved-page.csv', /this is a web page/)(page);
}

export const SCREENS: readonly Screen[] = [
  screen('course home', 'index.html'),
  screen('glossary', 'glossary.html'),
  screen('tutor guide', 'tutor-guide.html'),
  screen('criteria coverage report', 'criteria-coverage.html'),
  screen('tutor results: no report read yet', 'tutor-results.html'),
  screen('tutor results: a Moodle report read, module 1 by criterion', 'tutor-results.html', tutorResultsMatrix),
  screen('tutor results: one learner', 'tutor-results.html', tutorResultsOneLearner),
  screen('tutor results: export help open, a file it cannot read', 'tutor-results.html', tutorResultsHelpAndError),
  screen('module contents unfolded (phone and tablet)', moduleOne, unfoldContents, { widths: [320, 640] }),
  screen('resume prompt', moduleOne, resumePrompt),
  ...lessonScreens(),
  screen('What would you say: empty reply error', `${moduleOne}#lesson-questioning-techniques`, emptyReplyError),
  screen('quiz intro', `${moduleOne}#quiz`),
  screen('quiz, assessment mode', `${moduleOne}#quiz`, assessmentAttempt, { prepare: everyItemType }),
  screen('quiz, practice mode', `${moduleOne}#quiz`, practiceAttempt, { prepare: practiceMode }),
  ...scenarioScreens(),
  screen('reflection prompts in a module', `${moduleOne}#reflection-account`),
  screen('reflective account, gathered', 'reflective-account.html'),
  screen('certificate', 'certificate.html'),
  screen('final assessment quiz intro', 'final.html#quiz'),
];

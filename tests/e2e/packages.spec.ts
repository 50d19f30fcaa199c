import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../scorm/zip.ts';
import { startStandInServer, type RunningStandInServer } from '../../src/stand-in/server.ts';
import { toRuntimeQuiz } from '../../src/lib/quiz-model.ts';
import { answerItems, course } from './support/course.ts';
import { attemptSize } from '../../src/lib/quiz-draw.ts';
import { apiCalls, closeCourse, courseFrame, launch, liveCmi, openStandIn, packages, storedCmi } from './support/stand-in.ts';

/**
 * The packages beyond the first module's journey: the whole-course SCORM 2004 zip
 * with several SCOs, per-module zips, and the locked-down page. Runs after
 * `npm run package`.
 */

type Cmi = Record<string, unknown>;
const [module1, module2] = course.modules;
const COURSE_2004 = `${course.meta.id}-scorm2004.zip`;

function quizOf(index: number) {
  const mod = course.modules[index]!;
  return toRuntimeQuiz(mod.meta.id, mod.quiz!, mod.meta.pass_mark, mod.meta.outcomes);
}

/** Opens the module's quiz from its contents list and answers every item, `right(i)` deciding which are right. */
async function takeQuiz(frame: FrameLocator, index: number, right: (i: number) => boolean): Promise<number> {
  const quiz = quizOf(index);
  const nav = frame.getByRole('navigation', { name: 'Module contents' });
  if (!(await nav.locator('details').evaluate((details: HTMLDetailsElement) => details.open))) await nav.locator('summary').click();
  await nav.getByRole('link', { name: quiz.title }).click();
  // Lessons have exercises with the same option labels: look only inside the quiz view.
  const view = frame.locator('.view.current');
  await view.getByRole('button', { name: 'Start the quiz' }).click();
  const total = attemptSize(quiz);
  await answerItems(view, 0, total, right, quiz.items, quiz.mode);
  const percent = Math.round((Array.from({ length: total }, (_, i) => i).filter(right).length / total) * 100);
  await expect(view.getByText(`You scored ${percent}%`)).toBeVisible();
  return percent;
}

function ids(cmi: Cmi, key: 'objectives' | 'interactions'): string[] {
  const value = cmi[key] as Cmi | Cmi[] | undefined;
  if (!value) return [];
  const entries = Array.isArray(value) ? value : ((value['childArray'] as Cmi[] | undefined) ?? Object.values(value));
  return entries.filter((entry): entry is Cmi => typeof entry === 'object' && entry !== null && 'id' in entry).map((entry) => String(entry['id']));
}

/** Every CSP report the course frames print; a locked-down page that breaks itself shows up here. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('whole-course SCORM 2004 package (one SCO per module)', () => {
  test.beforeEach(async ({ page }) => {
    await openStandIn(page);
  });

  test('a learner passes module 1, then opens module 2; each SCO keeps its own score', async ({ page }) => {
    const violations = collectCspViolations(page);
    const learner = { id: 'two-modules-2004' };
    const first = await launch(page, { version: '2004', zip: COURSE_2004, sco: `item-${module1!.meta.id}`, learner });
    const score1 = await takeQuiz(courseFrame(page), 0, () => true);
    await expect(courseFrame(page).getByText(`Course version ${course.meta.version}`)).toBeVisible();
    await closeCourse(page);

    const second = await launch(page, { version: '2004', zip: COURSE_2004, sco: `item-${module2!.meta.id}`, learner });
    expect((await liveCmi(page))!.entry).not.toBe('resume');
    await expect(courseFrame(page).getByRole('heading', { level: 1 }).first()).toBeVisible();
    const score2 = await takeQuiz(courseFrame(page), 1, (i) => i % 2 === 0);
    await closeCourse(page);

    const stored1 = (await storedCmi(page, first))!.cmi as Cmi;
    const stored2 = (await storedCmi(page, second))!.cmi as Cmi;
    expect((stored1['score'] as Cmi)['raw']).toBe(String(score1));
    expect((stored2['score'] as Cmi)['raw']).toBe(String(score2));
    expect(stored1['success_status']).toBe('passed');
    // Each SCO reports its own module's records only.
    expect(ids(stored2, 'interactions').every((id) => id.startsWith(`${module2!.meta.id}-`))).toBe(true);
    expect(ids(stored1, 'interactions').every((id) => id.startsWith(`${module1!.meta.id}-`))).toBe(true);
    expect(violations).toEqual([]);
  });

  test('a module left unfinished asks the LMS to suspend, and a relaunch resumes it', async ({ page }) => {
    const learner = { id: 'suspend-2004' };
    const launched = await launch(page, { version: '2004', zip: COURSE_2004, sco: `item-${module2!.meta.id}`, learner });
    let frame = courseFrame(page);
    const secondLesson = module2!.lessons[1]!.meta.title;
    await frame.getByRole('link', { name: `Next: ${secondLesson}` }).click();
    await expect(frame.getByRole('heading', { level: 1, name: secondLesson })).toBeVisible();
    await closeCourse(page);

    const calls = await apiCalls(page);
    const navRequest = calls.find((call) => call.method === 'SetValue' && call.args[0] === 'adl.nav.request');
    expect(navRequest).toMatchObject({ args: ['adl.nav.request', 'suspendAll'], result: 'true' });
    // Asked before Terminate, so the LMS acts on it when the SCO ends.
    expect(calls.indexOf(navRequest!)).toBeLessThan(calls.findIndex((call) => call.method === 'Terminate'));
    expect((await storedCmi(page, launched))!.exit).toBe('suspend');

    await launch(page, { version: '2004', zip: COURSE_2004, sco: `item-${module2!.meta.id}`, learner });
    expect((await liveCmi(page))!.entry).toBe('resume');
    frame = courseFrame(page);
    await expect(frame.getByText(`You were on lesson 2, “${secondLesson}”. Resume where you left off?`)).toBeVisible();
    await frame.getByRole('button', { name: 'Resume where I left off' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: secondLesson })).toBeVisible();
  });
});

test.describe('per-module packages (release/modules)', () => {
  let moduleStandIn: RunningStandInServer;

  test.beforeAll(async () => {
    // A second stand-in whose release folder is release/modules, as a centre uploading one module would have.
    moduleStandIn = await startStandInServer({ port: 0, releaseDir: join(import.meta.dirname, '../../release/modules'), logProblem: () => {} });
  });
  test.afterAll(async () => {
    await moduleStandIn.close();
  });

  test('there is a SCORM 1.2 and a 2004 zip for every module of the course, each with one SCO', async ({ page }) => {
    await openStandIn(page, moduleStandIn.url);
    const found = await packages(page);
    expect(found.map((pkg) => pkg.file).sort()).toEqual(course.modules.flatMap((mod) => [`${mod.meta.id}-scorm12.zip`, `${mod.meta.id}-scorm2004.zip`]).sort());
    for (const pkg of found) expect(pkg.scos.map((sco) => sco.identifier), pkg.file).toEqual([`item-${pkg.file.replace(/-scorm(12|2004)\.zip$/, '')}`]);
  });

  test('module 2 on its own: the course home and reflective account show module 2 only', async ({ page }) => {
    const zip = `${moduleStandIn.url}packages/${module2!.meta.id}-scorm12.zip`;
    await page.goto(`${zip}/index.html`);
    const listed = page.locator('.module-list > li');
    await expect(listed).toHaveCount(1);
    await expect(listed.getByRole('heading', { level: 3 })).toHaveText(module2!.meta.title);
    await expect(page.getByText('This activity holds one module of the course: the one below.')).toBeVisible();
    await expect(page.getByText('Together they take about')).toHaveCount(0);
    await page.goto(`${zip}/reflective-account.html`);
    await expect(page.locator('.account-module h2')).toHaveText([module2!.meta.title]);
    await expect(page.locator('[data-prompt-count]')).toHaveText(String(module2!.meta.reflection.length));
  });

  for (const version of ['1.2', '2004'] as const) {
    test(`module 2 on its own (SCORM ${version}) reports only module 2`, async ({ page }) => {
      const violations = collectCspViolations(page);
      await openStandIn(page, moduleStandIn.url);
      const zip = `${module2!.meta.id}-${version === '1.2' ? 'scorm12' : 'scorm2004'}.zip`;
      await launch(page, { version, zip, learner: { id: `module-only-${version}` } });
      const percent = await takeQuiz(courseFrame(page), 1, () => true);
      const cmi = (await liveCmi(page))!.cmi as Cmi;
      const recorded = [...ids(cmi, 'objectives'), ...ids(cmi, 'interactions')];
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.filter((id) => !id.startsWith(`${module2!.meta.id}-`))).toEqual([]);
      const score = version === '1.2' ? ((cmi['core'] as Cmi)['score'] as Cmi)['raw'] : (cmi['score'] as Cmi)['raw'];
      expect(score).toBe(String(percent));
      expect(violations).toEqual([]);
    });
  }
});

test('every page in the packages runs under its Content-Security-Policy without a violation', async ({ page }) => {
  const violations = collectCspViolations(page);
  const pages = readZip(readFileSync(join(import.meta.dirname, '../../release', COURSE_2004)));
  const htmlFiles = [...pages.keys()].filter((file) => file.endsWith('.html')).sort();
  expect(htmlFiles).toEqual(expect.arrayContaining(course.modules.map(({ meta }) => `${meta.id}.html`)));
  for (const file of htmlFiles) {
    await page.goto(`/packages/${COURSE_2004}/${file}`);
    await expect(page.getByText(`Course version ${course.meta.version}`), file).toBeVisible();
    // Islands hydrate after load; give them a moment to run (and to be refused, if they would be).
    await page.waitForLoadState('networkidle');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, file).toMatch(/^default-src 'self';/);
  }
  expect(violations).toEqual([]);
});

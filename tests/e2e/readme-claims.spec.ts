import { expect, test, type Request } from '@playwright/test';
import { firstModule, guessThenPass, readLessons } from './support/course.ts';
import { apiCalls, closeCourse, courseFrame, launch, openStandIn, storedCmi } from './support/stand-in.ts';

type Cmi = Record<string, unknown>;

// README: "Every URL in the packages is relative and nothing is loaded from outside the zip."
test('a whole module journey loads nothing from outside the stand-in', async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  // The context sees every page and frame, popups included.
  context.on('request', (request: Request) => requests.push(request.url()));
  await openStandIn(page);
  await launch(page, { version: '2004', learner: { id: 'offline-journey' } });
  await guessThenPass(courseFrame(page));
  await closeCourse(page);
  const origin = new URL(baseURL!).origin;
  const fromElsewhere = requests.filter((url) => !/^(data|blob|about):/.test(url) && new URL(url).origin !== origin);
  expect(fromElsewhere).toEqual([]);
  // The journey did load the course from inside the zip.
  expect(requests.some((url) => url.includes('/packages/') && url.includes('/_astro/'))).toBe(true);
});

// README: "press Ctrl+Alt+D, to see which LMS adapter is in use and the last LMS errors".
test('the diagnostics panel shows a real error the LMS returned', async ({ page }) => {
  await openStandIn(page);
  await launch(page, { version: '2004', learner: { id: 'diagnostics-error' } });
  const frame = courseFrame(page);
  await readLessons(frame, 1);
  // The LMS ends the session under the course (as an LMS does on a timeout); the course's next writes are refused.
  expect(await page.evaluate(() => (window.API_1484_11 as { Terminate(s: string): string }).Terminate(''))).toBe('true');
  await readLessons(frame, 2);
  const refused = (await apiCalls(page)).filter((call) => call.method === 'SetValue' && call.result === 'false');
  expect(refused.length).toBeGreaterThan(0);
  await frame.getByRole('heading', { level: 1, name: firstModule.lessons[1]!.meta.title }).focus();
  await page.keyboard.press('Control+Alt+KeyD');
  const panel = frame.getByRole('complementary', { name: 'Diagnostics' });
  await expect(panel).toContainText('adapter: scorm2004');
  await expect(panel).toContainText(/LMS errors \([1-9]\d*\):/);
  // scorm-again's own code for a store after termination, with the call that got it.
  await expect(panel).toContainText(/13\d SetValue/);
});

// README: the course finds the LMS "in a frame, nested frames or a popup window".
test('a module opened in a popup window saves its progress to the LMS', async ({ page }) => {
  await openStandIn(page);
  const popupOpened = page.waitForEvent('popup');
  const launched = await launch(page, { version: '1.2', learner: { id: 'popup-progress' }, settings: { arrangement: 'popup' } });
  const popup = await popupOpened;
  await expect(popup.getByText('Progress is sent to your learning system (SCORM 1.2).')).toBeVisible();
  await popup.getByRole('link', { name: `Next: ${firstModule.lessons[1]!.meta.title}` }).click();
  await expect(popup.getByRole('heading', { level: 1, name: firstModule.lessons[1]!.meta.title })).toBeVisible();
  await closeCourse(page);
  expect(popup.isClosed()).toBe(true);
  const core = ((await storedCmi(page, launched))!.cmi as Cmi)['core'] as Cmi;
  expect(core['lesson_status']).toBe('incomplete');
  expect(core['exit']).toBe('suspend');
  expect(core['lesson_location']).not.toBe('');
  expect(((await storedCmi(page, launched))!.cmi as Cmi)['suspend_data']).not.toBe('');
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../scorm/zip.ts';
import { ACTIVITY_ID, startMockLrs, statementSequence, type MockLrs } from '../support/mock-lrs.ts';
import { answerItems, course, firstModule, perAttempt, quiz, readLessons } from './support/course.ts';

/**
 * The cmi5 zip in a browser: its pages served as an LMS would serve them, launched
 * with the cmi5 parameters, talking to the mock LRS on another origin (so the CSP's
 * widened connect-src and the LRS's CORS both take part).
 */

const zipPath = join(import.meta.dirname, '../../release', `${course.meta.id}-cmi5.zip`);
let content: Server;
let contentUrl: string;
let lrs: MockLrs;

test.beforeAll(async () => {
  const files = readZip(readFileSync(zipPath));
  content = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    const data = files.get(path);
    if (!data) return void response.writeHead(404).end();
    const type = path.endsWith('.html') ? 'text/html' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type }).end(data);
  });
  await new Promise<void>((resolve) => content.listen(0, '127.0.0.1', resolve));
  contentUrl = `http://127.0.0.1:${(content.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => content.close(() => resolve()));
});

test.beforeEach(async () => {
  lrs = await startMockLrs({ masteryScore: firstModule.meta.pass_mark / 100 });
});
test.afterEach(async () => {
  await lrs.close();
});

test('a module passed in the cmi5 package sends initialized, completed, passed and terminated to the LRS', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${contentUrl}${firstModule.meta.id}.html${lrs.launchSearch()}`);
  await expect(page.getByText('Progress is sent to your learning system (cmi5).')).toBeAttached();
  // The page footer (base layout) is the one footer landmark, with the module's lines and the course version.
  await expect(page.getByRole('contentinfo')).toContainText(`Course version ${course.meta.version}`);
  await expect(page.getByRole('contentinfo')).toContainText('It does not assess workplace competence.');
  const landmarks = await new AxeBuilder({ page }).withRules(['region', 'landmark-unique', 'landmark-no-duplicate-contentinfo', 'landmark-contentinfo-is-top-level']).analyze();
  expect(landmarks.violations.map((violation) => violation.id)).toEqual([]);
  await readLessons(page, firstModule.lessons.length);
  await page.getByRole('link', { name: `Next: ${quiz.title}` }).click();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await answerItems(page, 0, perAttempt, () => true);
  await expect(page.getByRole('heading', { name: 'You passed' })).toBeVisible();
  // Leaving the page ends the session (pagehide): terminated goes out with keepalive.
  await page.goto('about:blank');
  await expect.poll(() => statementSequence(lrs.statements).at(-1)).toBe('terminated');

  const sequence = statementSequence(lrs.statements);
  console.log(`mock LRS statement sequence (passed module):\n  ${sequence.join('\n  ')}`);
  expect(sequence.filter((line) => !line.startsWith('answered'))).toEqual(['initialized', 'completed (completion=true)', 'passed (success=true, scaled=1)', 'terminated']);
  expect(sequence.filter((line) => line.startsWith('answered'))).toHaveLength(perAttempt);
  expect(lrs.statements.every((statement) => (statement['context'] as { registration: string }).registration)).toBe(true);
  expect(lrs.statements[0]!['object']).toEqual({ objectType: 'Activity', id: ACTIVITY_ID });
  expect(lrs.problems).toEqual([]);
  expect(violations).toEqual([]);
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { startStandInServer, type RunningStandInServer } from '../../src/stand-in/server.ts';
import type { PackageInfo } from '../../src/stand-in/package-info.ts';
import { apiCalls, closeCourse, courseFrame, launch, liveCmi, openStandIn, resetLearner, storedCmi } from './support/stand-in.ts';

/**
 * The stand-in itself, against a hand-written fixture SCO (tests/fixtures/sco) zipped at test
 * time into a temporary release folder, so these tests need neither the course nor `npm run package`.
 */

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/sco/', import.meta.url));
const FIXTURE_FILES = ['index.html', 'fixture.css', 'js/fixture-sco.js'];
const ZIP_12 = 'stand-in-fixture-scorm12.zip';
const ZIP_2004 = 'stand-in-fixture-scorm2004.zip';

function manifest12(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="stand-in-fixture-12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Stand-in fixture &amp; friends</title>
      <item identifier="fixture-sco" identifierref="fixture-resource" parameters="?scorm=1.2">
        <title>Fixture module</title>
        <adlcp:masteryscore>70</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="fixture-resource" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004(): string {
  const sequencing = `<imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="fixture-primary" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="stand-in-fixture-2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Stand-in fixture &amp; friends</title>
      <item identifier="fixture-sco" identifierref="fixture-resource" parameters="?scorm=2004">
        <title>Fixture module</title>
        ${sequencing}
      </item>
      <item identifier="fixture-sco-finishing" identifierref="fixture-resource" parameters="?scorm=2004&amp;exit=normal">
        <title>Fixture module that finishes</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="fixture-resource" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

async function fixtureZip(manifest: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(manifest) };
  for (const file of FIXTURE_FILES) entries[file] = new Uint8Array(await readFile(path.join(FIXTURE_DIR, file)));
  return zipSync(entries);
}

/** A raw GET, so `..` reaches the server exactly as sent (browsers and fetch normalise it away). */
function rawGet(server: RunningStandInServer, requestPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port: server.port, path: requestPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

let releaseDir = '';
let emptyReleaseDir = '';
let outsideDir = '';
let server: RunningStandInServer;
let emptyServer: RunningStandInServer;
const reportedProblems: string[] = [];

test.beforeAll(async () => {
  releaseDir = await mkdtemp(path.join(tmpdir(), 'stand-in-release-'));
  emptyReleaseDir = await mkdtemp(path.join(tmpdir(), 'stand-in-empty-'));
  outsideDir = await mkdtemp(path.join(tmpdir(), 'stand-in-outside-'));
  await writeFile(path.join(outsideDir, 'outside.zip'), await fixtureZip(manifest12()));
  await writeFile(path.join(releaseDir, ZIP_12), await fixtureZip(manifest12()));
  await writeFile(path.join(releaseDir, ZIP_2004), await fixtureZip(manifest2004()));
  await writeFile(path.join(releaseDir, 'not-really-a.zip'), 'this is not a zip file');
  // Port 0: the system picks a free port, so this never collides with the webServer on 4400.
  server = await startStandInServer({ port: 0, releaseDir, logProblem: (message) => reportedProblems.push(message) });
  emptyServer = await startStandInServer({ port: 0, releaseDir: emptyReleaseDir });
});

test.afterAll(async () => {
  await server?.close();
  await emptyServer?.close();
  await rm(releaseDir, { recursive: true, force: true });
  await rm(emptyReleaseDir, { recursive: true, force: true });
  await rm(outsideDir, { recursive: true, force: true });
});

async function openFixtureStandIn(page: Page): Promise<void> {
  await openStandIn(page, server.url);
}

test('/api/packages lists each fixture zip with its version and SCOs, and skips an unreadable zip', async ({ request }) => {
  const response = await request.get(`${server.url}api/packages`);
  expect(response.headers()['content-type']).toContain('application/json');
  const listed = (await response.json()) as PackageInfo[];
  expect(listed).toEqual([
    {
      file: ZIP_12,
      scormVersion: '1.2',
      title: 'Stand-in fixture & friends',
      scos: [{ identifier: 'fixture-sco', title: 'Fixture module', href: 'index.html', parameters: '?scorm=1.2', masteryScore: '70' }],
    },
    {
      file: ZIP_2004,
      scormVersion: '2004',
      title: 'Stand-in fixture & friends',
      scos: [
        { identifier: 'fixture-sco', title: 'Fixture module', href: 'index.html', parameters: '?scorm=2004', scaledPassingScore: '0.7' },
        { identifier: 'fixture-sco-finishing', title: 'Fixture module that finishes', href: 'index.html', parameters: '?scorm=2004&exit=normal' },
      ],
    },
  ]);
  expect(reportedProblems.join('\n')).toContain('not-really-a.zip');
});

test('serves files from inside a zip with their content type and no caching', async ({ request }) => {
  const expectations: Array<[string, string]> = [
    ['index.html', 'text/html'],
    ['fixture.css', 'text/css'],
    ['js/fixture-sco.js', 'text/javascript'],
    ['imsmanifest.xml', 'application/xml'],
  ];
  for (const [file, contentType] of expectations) {
    const response = await request.get(`${server.url}packages/${ZIP_2004}/${file}?scorm=2004`);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toContain(contentType);
    expect(response.headers()['cache-control'], file).toBe('no-store');
  }
  const missingEntry = await request.get(`${server.url}packages/${ZIP_2004}/no-such-page.html`);
  expect(missingEntry.status()).toBe(404);
  expect(await missingEntry.text()).toContain('Not found');
  expect((await request.get(`${server.url}packages/no-such.zip/index.html`)).status()).toBe(404);
  expect((await request.get(`${server.url}no-such-route`)).status()).toBe(404);
});

test('refuses paths that try to leave the package', async () => {
  // A real zip next to the release folder: reachable only if the zip name could climb out.
  const outsideName = path.basename(outsideDir);
  const attempts = [
    `/packages/..%2f${outsideName}%2foutside.zip/index.html`,
    `/packages/..%5c${outsideName}%5coutside.zip/index.html`,
    `/packages/${ZIP_12}/../../package.json`,
    `/packages/${ZIP_12}/%2e%2e/%2e%2e/package.json`,
    `/packages/${ZIP_12}/js%2f..%2f..%2fpackage.json`,
    `/packages/..%2fpackage.json/index.html`,
    `/packages/${ZIP_12}/..%5c..%5cpackage.json`,
  ];
  for (const attempt of attempts) {
    const { status, body } = await rawGet(server, attempt);
    expect(status, attempt).toBe(400);
    expect(body, attempt).not.toContain('"name"');
    expect(body, attempt).not.toContain('fixture');
  }
});

test('SCORM 1.2: shows live data, stores it on close, resumes on relaunch, and starts afresh after a reset', async ({ page }) => {
  await openFixtureStandIn(page);
  const launched = await launch(page, { version: '1.2' });
  expect(launched).toEqual({ zip: ZIP_12, sco: 'fixture-sco', learnerId: 'learner-001' });
  const frame = courseFrame(page);
  await expect(frame.getByTestId('fixture-api')).toHaveText('SCORM 1.2');
  await expect(frame.getByTestId('fixture-entry')).toHaveText('ab-initio');
  await expect(frame.getByTestId('fixture-learner')).toHaveText('Learner, Sam / learner-001');
  expect(await page.evaluate(() => [typeof window.API, typeof window.API_1484_11])).toEqual(['object', 'undefined']);

  await expect(page.getByTestId('cmi-api-version')).toContainText('SCORM 1.2');
  await expect(page.getByTestId('cmi-state')).toHaveText('initialized');
  await expect(page.getByTestId('cmi-entry')).toHaveText('ab-initio');
  await expect(page.getByTestId('cmi-lesson-status')).toHaveText('passed');
  await expect(page.getByTestId('cmi-score-raw')).toHaveText('80');
  await expect(page.getByTestId('cmi-mastery-score')).toHaveText('70');
  await expect(page.getByTestId('cmi-location')).toHaveText('page-2');
  await expect(page.getByTestId('cmi-suspend-data')).toHaveText('visits=1;page=2');
  await expect(page.getByTestId('cmi-suspend-data-length')).toHaveText('15 of 4,096 characters');
  await expect(page.getByTestId('cmi-objectives')).toContainText('fixture-objective');
  await expect(page.getByTestId('cmi-objectives')).toContainText('passed');
  await expect(page.getByTestId('cmi-interactions')).toContainText('fixture-q1');
  await expect(page.getByTestId('api-call-log')).toContainText('LMSCommit("")');

  // The fixture's first commit is stored before the session ends.
  const committed = await storedCmi(page, launched);
  expect(committed).toMatchObject({ scormVersion: '1.2', terminated: false, attempt: 1 });

  await closeCourse(page);
  const stored = await storedCmi(page, launched);
  expect(stored).toMatchObject({ scormVersion: '1.2', exit: 'suspend', terminated: true, sessionTime: '00:00:05' });
  expect(stored?.cmi).toMatchObject({
    suspend_data: 'visits=1;page=2',
    core: { lesson_status: 'passed', lesson_location: 'page-2', total_time: '00:00:05', score: { raw: '80', min: '0', max: '100' } },
    objectives: { 0: { id: 'fixture-objective', status: 'passed' } },
    interactions: { 0: { id: 'fixture-q1', student_response: 'b', result: 'correct' } },
  });
  await expect(page.getByTestId('cmi-state')).toHaveText('terminated');

  await launch(page, { version: '1.2' });
  await expect(frame.getByTestId('fixture-entry')).toHaveText('resume');
  await expect(frame.getByTestId('fixture-restored')).toHaveText('visits=1;page=2');
  await expect(frame.getByTestId('fixture-visit')).toHaveText('2');
  const resumed = await liveCmi(page);
  expect(resumed).toMatchObject({ entry: 'resume', state: 'initialized', cmi: { core: { entry: 'resume', total_time: '00:00:05' } } });
  await closeCourse(page);
  expect((await storedCmi(page, launched))?.cmi).toMatchObject({ suspend_data: 'visits=2;page=2', core: { total_time: '00:00:10' } });

  await resetLearner(page, launched);
  expect(await storedCmi(page, launched)).toBeNull();
  await launch(page, { version: '1.2' });
  await expect(frame.getByTestId('fixture-entry')).toHaveText('ab-initio');
  await expect(frame.getByTestId('fixture-visit')).toHaveText('1');
});

test('SCORM 2004: shows live data, stores it on close, resumes on relaunch, and starts afresh after a reset', async ({ page }) => {
  await openFixtureStandIn(page);
  const launched = await launch(page, { version: '2004', sco: 'fixture-sco', learner: { id: 'tutor-7', name: 'Alex Tutor' } });
  const frame = courseFrame(page);
  await expect(frame.getByTestId('fixture-api')).toHaveText('SCORM 2004');
  await expect(frame.getByTestId('fixture-entry')).toHaveText('ab-initio');
  await expect(frame.getByTestId('fixture-learner')).toHaveText('Tutor, Alex / tutor-7');
  expect(await page.evaluate(() => [typeof window.API, typeof window.API_1484_11])).toEqual(['undefined', 'object']);
  expect(await page.frameLocator('[data-testid="course-frame"]').locator('body').evaluate(() => location.search)).toBe('?scorm=2004');

  await expect(page.getByTestId('cmi-api-version')).toContainText('SCORM 2004');
  await expect(page.getByTestId('cmi-completion-status')).toHaveText('incomplete');
  await expect(page.getByTestId('cmi-success-status')).toHaveText('passed');
  await expect(page.getByTestId('cmi-score-raw')).toHaveText('80');
  await expect(page.getByTestId('cmi-score-scaled')).toHaveText('0.8');
  await expect(page.getByTestId('cmi-scaled-passing-score')).toHaveText('0.7');
  await expect(page.getByTestId('cmi-suspend-data-length')).toHaveText('15 of 64,000 characters');
  await expect(page.getByTestId('cmi-interactions')).toContainText('Which channel suits an urgent query?');

  await closeCourse(page);
  const stored = await storedCmi(page, launched);
  expect(stored).toMatchObject({ scormVersion: '2004', exit: 'suspend', terminated: true, attempt: 1 });
  expect(stored?.cmi).toMatchObject({
    learner_id: 'tutor-7',
    suspend_data: 'visits=1;page=2',
    location: 'page-2',
    completion_status: 'incomplete',
    success_status: 'passed',
    score: { scaled: '0.8', raw: '80' },
    objectives: { 0: { id: 'fixture-objective', success_status: 'passed', completion_status: 'completed' } },
    interactions: { 0: { id: 'fixture-q1', learner_response: 'b', correct_responses: { 0: { pattern: 'b' } } } },
  });
  const firstTotal = String(stored?.cmi['total_time']);
  expect(firstTotal).toMatch(/^PT.*5S$/);

  await launch(page, { version: '2004', sco: 'fixture-sco', learner: { id: 'tutor-7' } });
  await expect(frame.getByTestId('fixture-entry')).toHaveText('resume');
  await expect(frame.getByTestId('fixture-restored')).toHaveText('visits=1;page=2');
  await expect(page.getByTestId('cmi-entry')).toHaveText('resume');
  expect((await liveCmi(page))?.cmi['total_time']).toBe(firstTotal);
  await closeCourse(page);
  expect(String((await storedCmi(page, launched))?.cmi['total_time'])).toMatch(/^PT.*10S$/);

  await resetLearner(page, launched);
  await launch(page, { version: '2004', sco: 'fixture-sco', learner: { id: 'tutor-7' } });
  await expect(frame.getByTestId('fixture-entry')).toHaveText('ab-initio');
  await expect(frame.getByTestId('fixture-visit')).toHaveText('1');
});

test('SCORM 2004: after an exit other than suspend the next launch is a new attempt', async ({ page }) => {
  await openFixtureStandIn(page);
  const launched = await launch(page, { version: '2004', sco: 'fixture-sco-finishing' });
  await expect(courseFrame(page).getByTestId('fixture-exit')).toHaveText('normal');
  await closeCourse(page);
  expect(await storedCmi(page, launched)).toMatchObject({ exit: 'normal', attempt: 1, cmi: { completion_status: 'completed' } });

  await launch(page, { version: '2004', sco: 'fixture-sco-finishing' });
  await expect(courseFrame(page).getByTestId('fixture-entry')).toHaveText('ab-initio');
  await expect(courseFrame(page).getByTestId('fixture-restored')).toHaveText('(none)');
  expect(await liveCmi(page)).toMatchObject({ attempt: 2, entry: 'ab-initio' });
});

test('records each API call with its result and error code', async ({ page }) => {
  await openFixtureStandIn(page);
  await launch(page, { version: '1.2' });
  await expect(courseFrame(page).getByTestId('fixture-visit')).toHaveText('1');
  await courseFrame(page).locator('body').evaluate(() => {
    (window.parent as unknown as { API: { LMSSetValue(element: string, value: string): string } }).API.LMSSetValue('cmi.core.no_such_element', 'x');
  });
  const calls = await apiCalls(page);
  expect(calls[0]).toEqual({ method: 'LMSInitialize', args: [''], result: 'true', errorCode: '0' });
  const failed = calls.at(-1);
  expect(failed).toMatchObject({ method: 'LMSSetValue', args: ['cmi.core.no_such_element', 'x'], result: 'false' });
  expect(failed?.errorCode).not.toBe('0');
  await expect(page.getByTestId('api-call-log').locator('tbody tr').first()).toContainText('cmi.core.no_such_element');
  await expect(page.getByTestId('api-call-log').locator('tbody tr').first().locator('td').nth(2)).toHaveText(String(failed?.errorCode));
});

test('the page controls switch version, launch, close and reset', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFixtureStandIn(page);
  await page.getByRole('radio', { name: 'SCORM 2004' }).check();
  await expect(page.getByTestId('package-select')).toHaveValue(ZIP_2004);
  await page.getByTestId('sco-select').selectOption('fixture-sco');
  await page.getByTestId('learner-name').fill('Priya Centre');
  await page.getByTestId('learner-id').fill('centre-42');
  await page.getByTestId('launch').click();
  await expect(courseFrame(page).getByTestId('fixture-learner')).toHaveText('Centre, Priya / centre-42');
  await expect(page.getByTestId('status')).toContainText('entry ab-initio');
  await expect(page.getByTestId('cmi-success-status')).toHaveText('passed');
  await page.screenshot({ path: test.info().outputPath('stand-in.png'), fullPage: true });

  await page.getByTestId('close-course').click();
  await expect(page.getByTestId('stored-summary')).toContainText('the last session ended with exit "suspend"');
  await expect(page.getByTestId('stored-summary')).toContainText('Next launch: resume.');
  await expect(page.getByTestId('course-frame')).toHaveCount(0);

  await page.getByTestId('reset-learner').click();
  await expect(page.getByTestId('stored-summary')).toContainText('No stored record for centre-42');
  expect(await storedCmi(page, { zip: ZIP_2004, sco: 'fixture-sco', learnerId: 'centre-42' })).toBeNull();

  await page.getByRole('radio', { name: 'SCORM 1.2' }).check();
  await expect(page.getByTestId('package-select')).toHaveValue(ZIP_12);
});

test('says there is nothing to launch when the release folder has no zips', async ({ page }) => {
  await openStandIn(page, emptyServer.url);
  await expect(page.getByTestId('no-packages')).toHaveText('No packages yet: run npm run package');
  await expect(page.getByTestId('launch')).toBeDisabled();
});

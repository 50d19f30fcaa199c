import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { course, firstModule } from './support/course.ts';
import { openStandIn, packages } from './support/stand-in.ts';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures', name);
const MOODLE_12 = fixture('moodle-4.3/interactions-scorm12-all-columns.txt');
const MOODLE_2004 = fixture('moodle-4.3/interactions-scorm2004-all-columns.txt');
const EXPECTED_CSV = fixture('tutor-results/expected-u219-lo1-U219.csv');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The Moodle fixture was recorded before module 1's bank grew: it answers q01-q15, all right; later items are not attempted. */
const RECORDED = new Set(Array.from({ length: 15 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`));
const itemsChecking = (id: string, recorded: boolean) =>
  (firstModule.quiz?.items ?? []).filter((item) => item.criteria.includes(id) && RECORDED.has(item.id) === recorded).length;
const module1Criteria = [...new Set((firstModule.quiz?.items ?? []).flatMap((item) => item.criteria))];

async function openResultsPage(page: Page, version: '1.2' | '2004' = '1.2'): Promise<void> {
  // A fixed clock makes the export date in the CSV file name and column predictable.
  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00Z'));
  await openStandIn(page);
  const zip = (await packages(page)).find((p) => p.scormVersion === version)!.file;
  await page.goto(`/packages/${zip}/tutor-results.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tutor results by criterion' })).toBeVisible();
}

async function loadFiles(page: Page, ...files: string[]): Promise<void> {
  await page.getByLabel(/Report files from your LMS/).setInputFiles(files);
}

const matrix = (page: Page) => page.getByRole('region', { name: /Criteria by learner/ });
const rowFor = (page: Page, id: string) => matrix(page).getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: new RegExp(`^${id.replace(/\./g, '\\.')}`) }) });

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the SCORM 1.2 export: module 1 criteria all shown for Sam, filter by standard, export CSV', async ({ page }) => {
  await openResultsPage(page);
  await expect(page.getByText('Nothing is uploaded')).toBeVisible();
  await loadFiles(page, MOODLE_12);
  await expect(page.getByText('interactions-scorm12-all-columns.txt: 30 answers from 1 learner(s) read.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Module' }).selectOption({ label: firstModule.meta.title });
  const summary = page.locator('.learner-summary li');
  await expect(summary).toHaveText(`Sam Student: ${module1Criteria.length} shown, 0 not yet, 0 not attempted; ${firstModule.meta.title} score 100`);
  for (const id of ['U219.1.1', 'U219.1.4', 'CFACSD4.P1']) {
    const cell = rowFor(page, id).getByRole('cell');
    const performance = course.catalogue.byId.get(id)!.outcome.title.match(/^(understand|know)/i) ? '' : 'knowledge behind it: ';
    const undrawn = itemsChecking(id, false);
    await expect(cell).toHaveText(`${performance}shown${itemsChecking(id, true)} right${undrawn ? `, ${undrawn} not attempted` : ''}`);
  }
  for (const status of await matrix(page).getByRole('cell').allTextContents()) expect(status).not.toMatch(/achieved|\bmet\b/i);

  await page.getByRole('combobox', { name: 'Standard' }).selectOption('U219');
  const u219 = module1Criteria.filter((id) => id.startsWith('U219.'));
  await expect(matrix(page).getByRole('rowheader')).toHaveCount(u219.length);
  await expect(summary).toHaveText(new RegExp(`^Sam Student: ${u219.length} shown, 0 not yet, 0 not attempted`));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export these results as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`criteria-results-${course.meta.version}-2026-12-02.csv`);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(readFileSync(EXPECTED_CSV, 'utf8'));

  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Sam Student' });
  await expect(page.getByRole('heading', { name: 'Results for Sam Student' })).toBeVisible();
  await expect(page.getByText('None in this selection: every criterion attempted was shown.')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(`version ${course.meta.version}. Results read from the LMS report on 2 December 2026.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export these results as CSV' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: 'test-results/tutor-results-1.2.png', fullPage: true });
});

test('the SCORM 2004 export says there are no interactions and which package to use', async ({ page }) => {
  await openResultsPage(page, '2004');
  await loadFiles(page, MOODLE_2004);
  await expect(page.getByText(/no interactions in this export.*use the SCORM 1\.2 package for per-question reports/)).toBeVisible();
  await expect(matrix(page)).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const)
  test(`no axe violations at 320 px in ${scheme} mode, and no sideways page scroll`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 320, height: 800 });
    await openResultsPage(page);
    expect(await axeViolations(page), 'before loading').toEqual([]);
    await loadFiles(page, MOODLE_12, fixture('tutor-results/semicolons.csv'));
    await expect(page.getByText(/semicolons\.csv: the columns are separated by ";"/)).toBeVisible();
    await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Sam Student' });
    expect(await axeViolations(page), 'with results').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    if (scheme === 'dark') await page.screenshot({ path: 'test-results/tutor-results-320-dark.png', fullPage: true });
  });

test('the copy in release/ works opened from disk', async ({ page }) => {
  await page.goto(pathToFileURL(join(root, 'release/tutor-results.html')).href);
  await loadFiles(page, MOODLE_12);
  await expect(page.locator('.learner-summary li')).toContainText(/^Sam Student: \d+ shown, 0 not yet, \d+ not attempted/);
});

import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageInfo } from '../../src/stand-in/package-info.ts';
import { describeFailures, scanScreens, screen, SCHEMES, WIDTHS, type ScanReport } from './support/axe-scan.ts';
import { SCREENS } from './support/screens.ts';

/** Root of the whole-course SCORM 2004 zip as the stand-in serves it (no LMS API there: the course runs standalone). */
async function packageRoot(request: APIRequestContext): Promise<string> {
  const zips = (await (await request.get('/api/packages')).json()) as PackageInfo[];
  const zip = zips.filter((p) => p.scormVersion === '2004').sort((a, b) => b.scos.length - a.scos.length)[0];
  if (!zip) throw new Error(`No SCORM 2004 package in release/ (found: ${zips.map((p) => p.file).join(', ') || 'none'}); run npm run package first.`);
  return `/packages/${zip.file}`;
}

// No trace: a trace snapshots the page at every step of some 300 scans, which is slow and large, and each failure
// already names the screen, width, scheme and rule.
test.use({ trace: 'off' });

const coverage = (report: ScanReport) =>
  `axe scan: ${report.screens} screens × ${report.widths} widths (${WIDTHS.join(', ')} px) × ${report.schemes} schemes (${SCHEMES.join(', ')}): ${report.scans} scans`;

test('every screen at 320, 640 and 1280 px, light and dark: no axe violations (WCAG 2.2 AA) and no sideways scrolling', async ({ browser, baseURL, request }) => {
  // About 5 minutes on 2 idle cores and 15 on a busy machine; the limit leaves room for a slower one.
  test.setTimeout(40 * 60_000);
  // A11Y_SCREENS=<regex> scans only the screens whose names match (while adding one); the full scan needs it unset.
  const only = process.env['A11Y_SCREENS'] ? new RegExp(process.env['A11Y_SCREENS']) : null;
  const report = await scanScreens(browser, baseURL!, only ? SCREENS.filter((s) => only.test(s.name)) : SCREENS, await packageRoot(request));
  console.log(coverage(report));
  expect(describeFailures(report.failures)).toEqual([]);
});

test('the scan fails on a fault planted at 320 px only (tests/fixtures/a11y), in both schemes', async ({ browser, baseURL }) => {
  const page = '/fixtures/a11y/narrow-only-fault.html';
  const html = readFileSync(join(import.meta.dirname, '../fixtures/a11y/narrow-only-fault.html'), 'utf8');
  const report = await scanScreens(browser, baseURL!, [screen('planted fault', page)], '', (context) =>
    context.route(`**${page}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })),
  );
  console.log(coverage(report));
  expect(report.scans).toBe(WIDTHS.length * SCHEMES.length);
  expect(report.failures.map((f) => `${f.width}px ${f.scheme ?? 'any scheme'}: ${f.problem.split(' ')[0]}`)).toEqual([
    '320px light: scrollable-region-focusable',
    '320px dark: scrollable-region-focusable',
  ]);
});

import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { Learner, StoredAttempt } from '../../../src/stand-in/attempt-store.ts';
import type { PackageInfo, ScormVersion } from '../../../src/stand-in/package-info.ts';
import type { ApiCall, LaunchSettings, LiveCmi, StandInApi } from '../../../src/stand-in/stand-in-api.ts';

/**
 * Page object for the LMS stand-in (src/stand-in). Every helper goes through
 * `window.standIn`, so tests do not depend on the page's layout.
 */

export type { ApiCall, LiveCmi, PackageInfo, StoredAttempt };

export interface LaunchOptions {
  version: ScormVersion;
  /** SCO identifier from the manifest; the package's first SCO when left out. */
  sco?: string;
  /** Zip file name; the first zip of `version` when left out. */
  zip?: string;
  learner?: Partial<Learner>;
  /** Launch mode and how the course is opened (frame, nested frame, cross-origin frame, popup). */
  settings?: LaunchSettings;
}

export interface Launched {
  zip: string;
  sco: string;
  learnerId: string;
}

/** Opens the stand-in (relative to baseURL unless `url` is given) and waits until it is ready. */
export async function openStandIn(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
}

export async function packages(page: Page): Promise<PackageInfo[]> {
  return page.evaluate(() => (window.standIn as StandInApi).packages());
}

/** Launches the zip of the given SCORM version and waits for the course page to load. */
export async function launch(page: Page, options: LaunchOptions): Promise<Launched> {
  const available = await packages(page);
  const pkg = available.find((candidate) => (options.zip ? candidate.file === options.zip : candidate.scormVersion === options.version));
  if (!pkg) {
    throw new Error(`No SCORM ${options.version} package in the release folder (found: ${available.map((p) => p.file).join(', ') || 'none'}); run npm run package first.`);
  }
  expect(pkg.scormVersion, `${pkg.file} is not a SCORM ${options.version} package`).toBe(options.version);
  const sco = options.sco ?? pkg.scos[0]?.identifier;
  if (!sco || !pkg.scos.some((candidate) => candidate.identifier === sco)) {
    throw new Error(`${pkg.file} has no SCO ${sco ?? '(none at all)'}; it has ${pkg.scos.map((s) => s.identifier).join(', ')}`);
  }
  await page.evaluate(
    ([zip, scoIdentifier, learner, settings]) => (window.standIn as StandInApi).launch(zip, scoIdentifier, learner, settings),
    [pkg.file, sco, options.learner ?? {}, options.settings ?? {}] as const,
  );
  const learnerId = await page.getByTestId('learner-id').inputValue();
  return { zip: pkg.file, sco, learnerId };
}

/** The course iframe, for locating elements inside the course. */
export function courseFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="course-frame"]');
}

export async function liveCmi(page: Page): Promise<LiveCmi | null> {
  return page.evaluate(() => (window.standIn as StandInApi).liveCmi());
}

/** The package + SCO + learner of the running (or last) session, when none is given. */
async function currentLaunch(page: Page, launched: Launched | undefined): Promise<Launched> {
  if (launched) return launched;
  const live = await liveCmi(page);
  if (!live) throw new Error('Nothing has been launched yet: pass the value launch() returned');
  return { zip: live.zip, sco: live.sco, learnerId: live.learner.id };
}

/** The attempt the stand-in has stored (what a relaunch restores), or null. */
export async function storedCmi(page: Page, launched?: Launched): Promise<StoredAttempt | null> {
  const { zip, sco, learnerId } = await currentLaunch(page, launched);
  return page.evaluate(
    ([zipFile, scoIdentifier, learner]) => (window.standIn as StandInApi).storedCmi(zipFile, scoIdentifier, learner),
    [zip, sco, learnerId] as const,
  );
}

export async function apiCalls(page: Page): Promise<ApiCall[]> {
  return page.evaluate(() => (window.standIn as StandInApi).calls());
}

/** Closes the course like closing the LMS window: its pagehide handlers run first. */
export async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => (window.standIn as StandInApi).close());
}

/** Deletes the stored attempt, so the next launch of that SCO is ab-initio. */
export async function resetLearner(page: Page, launched?: Launched): Promise<void> {
  const { zip, sco, learnerId } = await currentLaunch(page, launched);
  await page.evaluate(
    ([zipFile, scoIdentifier, learner]) => (window.standIn as StandInApi).reset(zipFile, scoIdentifier, learner),
    [zip, sco, learnerId] as const,
  );
}

/** Commits the course made in the running (or last) session. */
export async function commitCount(page: Page): Promise<number> {
  return (await apiCalls(page)).filter((call) => call.method === 'LMSCommit' || call.method === 'Commit').length;
}

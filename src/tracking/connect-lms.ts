import pipwerks from 'pipwerks-scorm-api-wrapper';
import { findApi, type WindowLike } from './api-finder.ts';
import { readCmi5Launch } from './cmi5-launch.ts';
import type { LmsAdapter } from './lms-adapter.ts';
import { browserStorage, memoryStorage } from './safe-storage.ts';
import { Scorm12Adapter } from './scorm12-adapter.ts';
import { Scorm2004Adapter } from './scorm2004-adapter.ts';
import { StandaloneAdapter } from './standalone-adapter.ts';

/** The page address's query (`?scorm=2004`, `?read`); '' where there is no page, as in a test run under Node. */
function pageSearch(): string {
  // Stryker disable next-line StringLiteral: any text without a `scorm` or `read` parameter means the same as ''
  return globalThis.location?.search ?? '';
}

/**
 * Connects the page to the LMS. Our own finder locates the API (it searches
 * past cross-origin frames, where pipwerks' search stops), and the handle is
 * given to pipwerks, the content-side wrapper, so both agree on the API. The
 * manifest launches each package with `?scorm=1.2` or `?scorm=2004`, so an LMS
 * that exposes both APIs still gets the version the package declared.
 */
export function connectLms(storageKey: string, search = pageSearch(), win: WindowLike = globalThis as unknown as WindowLike): LmsAdapter {
  const found = findApi(win, new URLSearchParams(search).get('scorm'));
  pipwerks.debug.isActive = false;
  if (found) {
    pipwerks.SCORM.version = found.version;
    pipwerks.SCORM.API.handle = found.api;
    // Stryker disable next-line BooleanLiteral: pipwerks reads isFound only while it has no handle, set just above
    pipwerks.SCORM.API.isFound = true;
    return found.version === '2004' ? new Scorm2004Adapter(found.api) : new Scorm12Adapter(found.api);
  }
  return new StandaloneAdapter(browserStorage(), storageKey);
}

/**
 * What a page calls: cmi5 when the LMS launched it with the cmi5 parameters
 * (endpoint, fetch, actor, registration, activityId), otherwise `connectLms`.
 * The cmi5 adapter is loaded only for cmi5 launches, so SCORM pages stay small.
 */
export async function connectLaunchingLms(storageKey: string, search = pageSearch(), win: WindowLike = globalThis as unknown as WindowLike): Promise<LmsAdapter> {
  if (isReadingOnly(search)) return readingOnlyAdapter(storageKey);
  const cmi5 = readCmi5Launch(search);
  if (cmi5 === null) return connectLms(storageKey, search, win);
  const { Cmi5Adapter } = await import('./cmi5-adapter.ts');
  return cmi5 instanceof Error ? Cmi5Adapter.refused(cmi5.message) : Cmi5Adapter.launch(cmi5);
}

/**
 * `?read` in the address: the page was opened from another SCO (the final assessment's review links) for
 * reading only. A second LMS session would compete with the one that opened it, so there is no API search
 * and nothing is saved, not even in this browser.
 */
export function isReadingOnly(search = pageSearch()): boolean {
  return new URLSearchParams(search).has('read');
}

/** The adapter of a reading-only page: standalone over a store that forgets everything when the page closes. */
export function readingOnlyAdapter(storageKey: string): LmsAdapter {
  return new StandaloneAdapter(memoryStorage(), storageKey);
}

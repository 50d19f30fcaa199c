import pipwerks from 'pipwerks-scorm-api-wrapper';
import type { LmsAdapter } from './lms-adapter.ts';
import { browserStorage } from './safe-storage.ts';
import { Scorm12Adapter } from './scorm12-adapter.ts';
import { Scorm2004Adapter } from './scorm2004-adapter.ts';
import { StandaloneAdapter } from './standalone-adapter.ts';

/**
 * Finds the LMS API through pipwerks' discovery (parent frames, then opener).
 * The manifest launches each package with `?scorm=1.2` or `?scorm=2004`, so
 * an LMS that exposes both APIs still gets the version the package declared.
 */
export function connectLms(storageKey: string, search = globalThis.location?.search ?? ''): LmsAdapter {
  const wanted = new URLSearchParams(search).get('scorm');
  const scorm = pipwerks.SCORM;
  pipwerks.debug.isActive = false;
  const find = (version: '1.2' | '2004' | null): Record<string, unknown> | null => {
    scorm.version = version;
    try {
      return scorm.API.get() as Record<string, unknown> | null;
    } catch {
      return null; // cross-origin frames throw on access: treat as "no LMS".
    }
  };
  // Fall back to whichever API exists if the declared one is missing.
  const api = find(wanted === '1.2' || wanted === '2004' ? wanted : null) ?? find(null);
  if (api && scorm.version === '2004') return new Scorm2004Adapter(api);
  if (api && scorm.version === '1.2') return new Scorm12Adapter(api);
  return new StandaloneAdapter(browserStorage(), storageKey);
}

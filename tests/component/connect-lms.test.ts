// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import pipwerks from 'pipwerks-scorm-api-wrapper';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { connectLms, isReadingOnly } from '../../src/tracking/connect-lms.ts';

const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete win['API'];
  delete win['API_1484_11'];
  history.replaceState(null, '', location.pathname);
  vi.restoreAllMocks();
});

describe('connectLms (API discovery through pipwerks)', () => {
  it('falls back to standalone when no LMS API exists', () => {
    expect(connectLms('k', '').kind).toBe('standalone');
  });

  it('finds a SCORM 1.2 API', () => {
    win['API'] = new Scorm12API({ logLevel: 5 });
    expect(connectLms('k', '').kind).toBe('scorm12');
  });

  it('finds a SCORM 2004 API', () => {
    win['API_1484_11'] = new Scorm2004API({ logLevel: 5 });
    expect(connectLms('k', '').kind).toBe('scorm2004');
  });

  it('uses the version the manifest launched it with when both APIs exist', () => {
    win['API'] = new Scorm12API({ logLevel: 5 });
    win['API_1484_11'] = new Scorm2004API({ logLevel: 5 });
    expect(connectLms('k', '?scorm=1.2').kind).toBe('scorm12');
    expect(connectLms('k', '?scorm=2004').kind).toBe('scorm2004');
  });

  it('uses whichever API exists when the declared one is missing', () => {
    win['API'] = new Scorm12API({ logLevel: 5 });
    expect(connectLms('k', '?scorm=2004').kind).toBe('scorm12');
  });

  it('reads the declared version and ?read from the page address by default', () => {
    win['API'] = new Scorm12API({ logLevel: 5 });
    win['API_1484_11'] = new Scorm2004API({ logLevel: 5 });
    history.replaceState(null, '', '?scorm=1.2');
    expect(connectLms('k').kind).toBe('scorm12');
    expect(isReadingOnly()).toBe(false);
    history.replaceState(null, '', '?scorm=2004&read');
    expect(isReadingOnly()).toBe(true);
  });

  it('hands the API it found to pipwerks, which then stays quiet in the console', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    win['API_1484_11'] = api;
    connectLms('k', '?scorm=2004');
    expect([pipwerks.SCORM.version, pipwerks.SCORM.API.getHandle()]).toEqual(['2004', api]);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    pipwerks.SCORM.get('cmi.learner_name'); // pipwerks traces every call (here: no connection yet) when debugging
    expect(log).not.toHaveBeenCalled();
  });
});

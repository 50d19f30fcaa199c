import { describe, expect, it } from 'vitest';
import type { WindowLike } from '../../src/tracking/api-finder.ts';
import { connectLaunchingLms, isReadingOnly, readingOnlyAdapter } from '../../src/tracking/connect-lms.ts';

/** A window whose LMS API records every call, so a test can see that nothing touched it. */
function lmsWindow(): { win: WindowLike; calls: string[] } {
  const calls: string[] = [];
  const api = new Proxy({}, { get: (_t, name) => (...args: unknown[]) => (calls.push(`${String(name)}(${args.join(',')})`), name === 'GetValue' ? '' : 'true') });
  const win: WindowLike = { API_1484_11: api } as unknown as WindowLike;
  win.parent = win;
  return { win, calls };
}

describe('reading-only launch (?read)', () => {
  it('is recognised from the query string only', () => {
    expect(isReadingOnly('?read')).toBe(true);
    expect(isReadingOnly('?scorm=2004&read')).toBe(true);
    expect(isReadingOnly('?scorm=2004')).toBe(false);
    expect(isReadingOnly('')).toBe(false);
    // With no page address at all (as under Node) nothing is reading-only, and nothing throws.
    expect(isReadingOnly()).toBe(false);
  });

  it('does not use the LMS API even when one is there', async () => {
    const { win, calls } = lmsWindow();
    const adapter = await connectLaunchingLms('course:c:m:standalone', '?scorm=2004&read', win);
    expect(adapter.kind).toBe('standalone');
    adapter.start();
    adapter.setScore({ raw: 100, min: 0, max: 100 });
    adapter.saveState('state', '3');
    adapter.commit();
    expect(calls).toEqual([]);
  });

  it('still connects to the LMS without the flag', async () => {
    const { win } = lmsWindow();
    expect((await connectLaunchingLms('course:c:m:standalone', '?scorm=2004', win)).kind).toBe('scorm2004');
  });

  it('keeps nothing for the next page: a second reading-only page starts afresh', () => {
    const first = readingOnlyAdapter('course:c:m:standalone');
    first.start();
    first.saveState('position 3', '3');
    first.setExit('suspend');
    first.commit();
    first.finish();
    expect(readingOnlyAdapter('course:c:m:standalone').start()).toMatchObject({ entry: 'ab-initio', suspendData: '', location: '' });
  });
});

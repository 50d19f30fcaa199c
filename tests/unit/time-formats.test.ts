import { describe, expect, it } from 'vitest';
import { scorm12TimeOfDay, scorm12Timespan, scorm2004Duration, scorm2004Timestamp } from '../../src/tracking/time-formats.ts';

describe('SCORM time formats', () => {
  it('writes SCORM 1.2 timespans as HHHH:MM:SS.SS', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(61_230)).toBe('00:01:01.23');
    expect(scorm12Timespan(3_723_450)).toBe('01:02:03.45');
    expect(scorm12Timespan(59_999)).toBe('00:01:00.00');
    expect(scorm12Timespan(10_000 * 3_600_000)).toBe('9999:00:00.00');
    expect(scorm12Timespan(-5)).toBe('00:00:00.00');
  });

  it('writes SCORM 2004 durations as ISO 8601 time intervals', () => {
    expect(scorm2004Duration(0)).toBe('PT0S');
    expect(scorm2004Duration(1_500)).toBe('PT1.5S');
    expect(scorm2004Duration(3_723_450)).toBe('PT1H2M3.45S');
    expect(scorm2004Duration(120_000)).toBe('PT2M0S');
  });

  it('writes a 2004 timestamp with at most one decimal of seconds and a UTC designator', () => {
    expect(scorm2004Timestamp(Date.UTC(2026, 10, 25, 9, 8, 7, 654))).toBe('2026-11-25T09:08:07.6Z');
  });

  it('writes a 1.2 time of day as HH:MM:SS', () => {
    expect(scorm12TimeOfDay(Date.now())).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    // Hours, then minutes, then seconds (local time): values that differ, so a swap shows.
    expect(scorm12TimeOfDay(new Date(2026, 0, 1, 9, 7, 42, 900).getTime())).toBe('09:07:42');
    expect(scorm12TimeOfDay(new Date(2026, 5, 30, 23, 59, 5).getTime())).toBe('23:59:05');
  });
});

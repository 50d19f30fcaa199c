import { describe, expect, it } from 'vitest';
import { moduleCompleted, moduleStatusText } from '../../src/lib/module-status.ts';
import type { ModuleRecord } from '../../src/tracking/course-record.ts';

const record = (over: Partial<ModuleRecord>): ModuleRecord => ({
  completed: false,
  success: 'unknown',
  score: null,
  reflections: {},
  updatedAt: 0,
  ...over,
});

describe('moduleStatusText: the status the course pages show for a module', () => {
  it('says when this browser has no record', () => {
    expect(moduleStatusText(undefined)).toBe('Not started in this browser');
  });

  it('shows the score only once there is one', () => {
    expect(moduleStatusText(record({ success: 'passed', completed: true, score: 85 }))).toBe('Passed (85%)');
    expect(moduleStatusText(record({ success: 'passed', completed: true, score: null }))).toBe('Passed');
    expect(moduleStatusText(record({ score: 40 }))).toBe('In progress (40%)');
    expect(moduleStatusText(record({ score: null }))).toBe('In progress');
  });

  it('tells finished-but-failed apart from finished and from in progress', () => {
    expect(moduleStatusText(record({ completed: true, success: 'failed', score: 45 }))).toBe('Finished, not yet passed (45%)');
    expect(moduleStatusText(record({ completed: true, success: 'unknown', score: null }))).toBe('Finished');
    // Failed but not every part done yet: still in progress.
    expect(moduleStatusText(record({ completed: false, success: 'failed', score: 45 }))).toBe('In progress (45%)');
  });
});

describe('moduleCompleted: whether the certificate counts a module as completed', () => {
  it('needs every part done and no fail', () => {
    expect(moduleCompleted(undefined)).toBe(false);
    expect(moduleCompleted(record({ completed: true, success: 'passed' }))).toBe(true);
    expect(moduleCompleted(record({ completed: true, success: 'unknown' }))).toBe(true);
    expect(moduleCompleted(record({ completed: true, success: 'failed' }))).toBe(false);
    expect(moduleCompleted(record({ completed: false, success: 'passed' }))).toBe(false);
    expect(moduleCompleted(record({ completed: false, success: 'unknown' }))).toBe(false);
  });
});

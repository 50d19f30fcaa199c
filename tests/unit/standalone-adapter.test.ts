import { describe, expect, it } from 'vitest';
import { StandaloneAdapter } from '../../src/tracking/standalone-adapter.ts';
import type { KeyValueStore } from '../../src/tracking/safe-storage.ts';
import { memoryStore } from '../support/memory-store.ts';

// Standalone mode: the course opened with no LMS (a web server, a preview). Progress stays in this browser under one
// key per module, and must survive a reload exactly, or be dropped safely when what is stored cannot be trusted.

const KEY = 'support:u219-lo1:standalone';

describe('StandaloneAdapter', () => {
  it('starts afresh with nothing stored: connected, normal mode, no learner', () => {
    const adapter = new StandaloneAdapter(memoryStore(), KEY);
    expect(adapter.start()).toEqual({
      kind: 'standalone',
      connected: true,
      entry: 'ab-initio',
      learnerName: '',
      learnerId: '',
      suspendData: '',
      location: '',
      mode: 'normal',
      previousSuccess: 'unknown',
      previousCompletion: false,
      previousScore: null,
    });
    expect(adapter.kind).toBe('standalone');
    expect(adapter.suspendDataLimit).toBe(64000);
    expect(adapter.usesFallbackIds).toBe(false);
    expect(adapter.errors()).toEqual([]);
  });

  it('keeps everything the module reports, and the next page load resumes from it', () => {
    const store = memoryStore();
    const adapter = new StandaloneAdapter(store, KEY);
    adapter.start();
    adapter.ensureObjective('u219-lo1-questioning', 'Questioning');
    adapter.ensureObjective('u219-lo1-listening', 'Listening');
    adapter.setObjective({ id: 'u219-lo1-listening', description: 'Listening', completed: true, success: 'passed', score: { raw: 100, min: 0, max: 100 } });
    // ensureObjective never overwrites what a module already reported.
    adapter.ensureObjective('u219-lo1-listening', 'Listening again');
    adapter.recordInteraction({ id: 'q1', type: 'true-false', description: 'd', response: true, result: 'correct', weighting: 1, shownAt: 0, answeredAt: 1, objectives: [] });
    adapter.recordInteraction({ id: 'q2', type: 'true-false', description: 'd', response: false, result: 'incorrect', weighting: 1, shownAt: 0, answeredAt: 1, objectives: [] });
    adapter.setScore({ raw: 50, min: 0, max: 100 });
    adapter.setCompletion(true);
    adapter.setSuccess('failed');
    adapter.saveState('v2;abc', 'quiz');
    adapter.setExit('suspend');
    expect(store.get(KEY)).toBeNull();
    expect(adapter.commit()).toBe('ok');
    expect(JSON.parse(store.get(KEY)!)).toEqual({
      suspendData: 'v2;abc',
      location: 'quiz',
      exit: 'suspend',
      completed: true,
      success: 'failed',
      score: { raw: 50, min: 0, max: 100 },
      objectives: {
        'u219-lo1-questioning': { id: 'u219-lo1-questioning', description: 'Questioning', completed: false, success: 'unknown' },
        'u219-lo1-listening': { id: 'u219-lo1-listening', description: 'Listening', completed: true, success: 'passed', score: { raw: 100, min: 0, max: 100 } },
      },
      interactions: 2,
    });
    const again = new StandaloneAdapter(store, KEY);
    expect(again.start()).toMatchObject({ entry: 'resume', suspendData: 'v2;abc', location: 'quiz', previousSuccess: 'failed', previousCompletion: true, previousScore: 50 });
    // A record read back and saved again is the same record.
    again.commit();
    expect(JSON.parse(store.get(KEY)!)).toMatchObject({ interactions: 2, objectives: { 'u219-lo1-listening': { success: 'passed' } } });
  });

  it('saves at finish, and a module finished (exit normal) starts afresh next time', () => {
    const store = memoryStore();
    const adapter = new StandaloneAdapter(store, KEY);
    adapter.saveState('v2;done', 'end');
    adapter.setExit('normal');
    adapter.setSuccess('passed');
    adapter.finish();
    const again = new StandaloneAdapter(store, KEY);
    expect(again.start()).toMatchObject({ entry: 'ab-initio', suspendData: 'v2;done', previousSuccess: 'passed' });
    // Read back and saved again, the record still says the module was left finished.
    again.commit();
    expect(JSON.parse(store.get(KEY)!)).toMatchObject({ exit: 'normal', success: 'passed' });
  });

  it('starts afresh when the learner left with nothing saved', () => {
    const store = memoryStore();
    store.set(KEY, JSON.stringify({ suspendData: '', exit: 'suspend' }));
    expect(new StandaloneAdapter(store, KEY).start().entry).toBe('ab-initio');
  });

  it('says a commit failed when the browser would not store it', () => {
    const refusing: KeyValueStore = { get: () => null, set: () => false, remove: () => {} };
    const adapter = new StandaloneAdapter(refusing, KEY);
    adapter.saveState('v2;abc', '');
    expect(adapter.commit()).toBe('failed');
    expect(() => adapter.finish()).not.toThrow();
  });

  it.each([
    ['not JSON', '{not json'],
    ['null', 'null'],
    ['a list', '[1,2]'],
    ['text', '"v2;abc"'],
  ])('starts afresh when what is stored is %s', (_case, raw) => {
    const store = memoryStore();
    store.set(KEY, raw);
    const adapter = new StandaloneAdapter(store, KEY);
    expect(adapter.start()).toMatchObject({ entry: 'ab-initio', suspendData: '', previousSuccess: 'unknown', previousScore: null });
    adapter.commit();
    expect(JSON.parse(store.get(KEY)!)).toEqual({ suspendData: '', location: '', exit: '', completed: false, success: 'unknown', objectives: {}, interactions: 0 });
  });

  it('drops stored fields of the wrong type instead of handing them to the module', () => {
    const store = memoryStore();
    store.set(
      KEY,
      JSON.stringify({
        suspendData: 42,
        location: ['quiz'],
        exit: 'logout',
        completed: 'yes',
        success: 'completed',
        score: { raw: '50', min: 0, max: 100 },
        objectives: { good: { id: 'good', description: 'Good', completed: true, success: 'passed' }, bad: 'passed' },
        interactions: -3,
      }),
    );
    const adapter = new StandaloneAdapter(store, KEY);
    expect(adapter.start()).toEqual(new StandaloneAdapter(memoryStore(), KEY).start());
    adapter.commit();
    expect(JSON.parse(store.get(KEY)!)).toEqual({
      suspendData: '',
      location: '',
      exit: '',
      completed: false,
      success: 'unknown',
      objectives: { good: { id: 'good', description: 'Good', completed: true, success: 'passed' } },
      interactions: 0,
    });
  });

  it.each([
    ['a score with a missing bound', { raw: 50, min: 0 }],
    ['a score that is not finite', '{"raw":1e999,"min":0,"max":100}'],
    ['a score that is a number', 50],
  ])('reads %s as no score', (_case, score) => {
    const store = memoryStore();
    store.set(KEY, typeof score === 'string' ? `{"score":${score}}` : JSON.stringify({ score }));
    expect(new StandaloneAdapter(store, KEY).start().previousScore).toBeNull();
  });

  it('keeps a whole number of interactions, and reads a fraction as none', () => {
    const store = memoryStore();
    store.set(KEY, JSON.stringify({ interactions: 2.5 }));
    const adapter = new StandaloneAdapter(store, KEY);
    adapter.commit();
    expect(JSON.parse(store.get(KEY)!).interactions).toBe(0);
    store.set(KEY, JSON.stringify({ interactions: 3 }));
    const counted = new StandaloneAdapter(store, KEY);
    counted.commit();
    expect(JSON.parse(store.get(KEY)!).interactions).toBe(3);
  });
});

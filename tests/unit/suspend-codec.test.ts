import { describe, expect, it } from 'vitest';
import { initialState, type LearnerState, type ModuleShape } from '../../src/tracking/learner-state.ts';
import { moduleShape } from '../../src/tracking/module-session.ts';
import { SCORM12_LIMITS } from '../../src/tracking/scorm12-adapter.ts';
import { SCORM2004_LIMITS } from '../../src/tracking/scorm2004-adapter.ts';
import { CODEC_VERSION, decodeState, encodeState, shapeFingerprint } from '../../src/tracking/suspend-codec.ts';
import { worstCaseState, worstCaseSuspendLength } from '../../src/tracking/worst-case.ts';
import { moduleConfig, realCourse } from '../support/real-course.ts';

const SHAPE: ModuleShape = {
  moduleId: 'm1',
  lessons: ['a', 'b', 'c', 'd', 'e'],
  quiz: { optionCounts: [4, 6, 2, 5, 2, 8, 3], maxAttempts: 0 },
  scenarios: [
    { id: 'new-user', maxChoices: 4, maxDepth: 9 },
    { id: 'system-failure', maxChoices: 3, maxDepth: 5 },
  ],
  reflections: [
    { id: 'r1', maxLength: 40 },
    { id: 'r2', maxLength: 12 },
  ],
};

/** Small seeded PRNG so a failing random case can be reproduced from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function randomState(random: () => number, shape: ModuleShape): LearnerState {
  const int = (n: number) => Math.floor(random() * n);
  const text = (max: number) => Array.from({ length: int(max + 1) }, () => ['a', 'é', '£', '😀', ' ', '\n', '"', '漢'][int(8)]).join('');
  const hasAttempt = random() < 0.7;
  const last = random() < 0.5 ? null : int(101);
  return {
    position: int(shape.lessons.length + 1),
    lessonsSeen: shape.lessons.map(() => random() < 0.5),
    quiz: {
      attempts: int(256),
      best: last === null ? null : Math.max(last, int(101)),
      last,
      everPassed: random() < 0.5,
      current: hasAttempt
        ? { position: int(shape.quiz.optionCounts.length), answers: shape.quiz.optionCounts.map((n) => int(1 << n)), submitted: random() < 0.5 }
        : null,
    },
    scenarios: shape.scenarios.map((s) => ({ path: Array.from({ length: int(s.maxDepth + 1) }, () => int(s.maxChoices)), ended: random() < 0.5 })),
    reflections: shape.reflections.map((r) => text(r.maxLength)),
  };
}

describe('suspend codec', () => {
  it('round-trips 1,000 random states exactly (with free text)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const state = randomState(prng(seed), SHAPE);
      const decoded = decodeState(encodeState(state, SHAPE, { includeText: true }), SHAPE);
      expect(decoded, `seed ${seed}`).toEqual({ ok: true, includesText: true, state });
    }
  });

  it('round-trips without free text, leaving reflections empty', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const state = randomState(prng(seed), SHAPE);
      const decoded = decodeState(encodeState(state, SHAPE, { includeText: false }), SHAPE);
      expect(decoded, `seed ${seed}`).toEqual({ ok: true, includesText: false, state: { ...state, reflections: ['', ''] } });
    }
  });

  it('writes only base64url characters after the version and fingerprint', () => {
    const text = encodeState(randomState(prng(7), SHAPE), SHAPE, { includeText: true });
    expect(text.startsWith(CODEC_VERSION + shapeFingerprint(SHAPE))).toBe(true);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reports empty, other-version, changed-module and corrupt data instead of throwing', () => {
    const good = encodeState(initialState(SHAPE), SHAPE, { includeText: true });
    expect(decodeState('', SHAPE)).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeState(`0${good.slice(1)}`, SHAPE)).toMatchObject({ ok: false, reason: 'other-version' });
    expect(decodeState('{"lessons":[1,1,0]}', SHAPE)).toMatchObject({ ok: false, reason: 'other-version' });
    expect(decodeState(good, { ...SHAPE, lessons: ['a', 'b'] })).toMatchObject({ ok: false, reason: 'module-changed' });
    expect(decodeState(good.slice(0, 7), SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeState(`${good}AAAA`, SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeState(`${good.slice(0, 6)}!!!`, SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('never throws on random garbage after a valid header', () => {
    const header = CODEC_VERSION + shapeFingerprint(SHAPE);
    const random = prng(99);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 500; i++) {
      const junk = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * 64)]).join('');
      const result = decodeState(header + junk, SHAPE);
      // Whatever decodes must be a state the codec itself can round-trip.
      if (result.ok) expect(decodeState(encodeState(result.state, SHAPE, { includeText: result.includesText }), SHAPE)).toEqual(result);
    }
  });

  it('keeps the worst-case state of every real module within the SCORM limits', () => {
    const course = realCourse();
    for (const mod of course.modules) {
      const shape = moduleShape(moduleConfig(course, mod));
      const sizes = worstCaseSuspendLength(shape);
      expect(sizes.scorm12, `${mod.meta.id} SCORM 1.2`).toBeLessThanOrEqual(SCORM12_LIMITS.suspendData);
      expect(sizes.scorm2004, `${mod.meta.id} SCORM 2004`).toBeLessThanOrEqual(SCORM2004_LIMITS.suspendData);
      const decoded = decodeState(encodeState(worstCaseState(shape), shape, { includeText: true }), shape);
      expect(decoded.ok).toBe(true);
    }
  });

  it('the budget check would catch a module too large for SCORM 1.2', () => {
    const huge: ModuleShape = { ...SHAPE, lessons: Array.from({ length: 30000 }, (_, i) => `l${i}`) };
    expect(worstCaseSuspendLength(huge).scorm12).toBeGreaterThan(SCORM12_LIMITS.suspendData);
  });
});

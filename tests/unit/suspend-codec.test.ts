import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState, type LearnerState, type ModuleShape, type QuizItemShape, type QuizProgress, type ViewState } from '../../src/tracking/learner-state.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { moduleShape } from '../../src/tracking/module-session.ts';
import { SCORM12_LIMITS } from '../../src/tracking/scorm12-adapter.ts';
import { SCORM2004_LIMITS } from '../../src/tracking/scorm2004-adapter.ts';
import { CODEC_VERSION, decodeState, encodeState, shapeFingerprint } from '../../src/tracking/codec/index.ts';
import { worstCaseState, worstCaseSuspendLength } from '../../src/tracking/worst-case.ts';
import { moduleConfig, realCourse } from '../support/real-course.ts';

const SHAPE: ModuleShape = {
  moduleId: 'm1',
  views: [
    { kind: 'lesson', id: 'a' },
    { kind: 'lesson', id: 'b' },
    { kind: 'scenario', id: 'new-user', maxChoices: 4, maxDepth: 9, ids: ['start', 'start/a', 'start/b'] },
    { kind: 'lesson', id: 'c' },
    {
      kind: 'quiz',
      id: 'quiz',
      maxAttempts: 0,
      perAttempt: 6,
      items: [
        ...[4, 6, 2, 5, 2, 8, 3].map((n, i) => ({ id: `q${i}`, kind: 'choice' as const, options: Array.from({ length: n }, (_, j) => String.fromCharCode(97 + j)) })),
        { id: 'm1', kind: 'matching', prompts: ['p1', 'p2', 'p3'], answers: ['a', 'b', 'c', 'd'] },
        { id: 'o1', kind: 'ordering', steps: ['a', 'b', 'c', 'd', 'e'] },
        { id: 'f1', kind: 'text', maxLength: 20 },
      ],
    },
    { kind: 'scenario', id: 'system-failure', maxChoices: 3, maxDepth: 5, ids: ['n1'] },
    { kind: 'reflection', id: 'account', prompts: [{ id: 'r1', maxLength: 40 }, { id: 'r2', maxLength: 12 }] },
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
  const randomResponse = (item: QuizItemShape): QuizResponse => {
    switch (item.kind) {
      case 'choice':
        return { kind: 'choice', chosen: item.options.flatMap((_, i) => (random() < 0.5 ? [i] : [])) };
      case 'matching':
        return { kind: 'matching', answers: item.prompts.map(() => int(item.answers.length + 1) - 1) };
      case 'ordering':
        return { kind: 'ordering', order: item.steps.map((_, i) => i).sort(() => random() - 0.5) };
      case 'text':
        return { kind: 'text', text: text(item.maxLength) };
    }
  };
  const percent = () => (random() < 0.5 ? null : int(101));
  const views = shape.views.map((view): ViewState => {
    const seen = random() < 0.5;
    switch (view.kind) {
      case 'lesson':
        return { kind: 'lesson', seen };
      case 'quiz': {
        const last = percent();
        const drawn = view.items.map((_, i) => i).sort(() => random() - 0.5).slice(0, int(view.perAttempt + 1));
        const current = random() < 0.7
          ? { seed: int(2 ** 32), items: drawn, position: int(Math.max(1, drawn.length)), responses: drawn.map((i) => (random() < 0.2 ? null : randomResponse(view.items[i]!))), submitted: random() < 0.5 }
          : null;
        return { kind: 'quiz', seen, quiz: { attempts: int(256), best: last === null ? null : Math.max(last, int(101)), last, everPassed: random() < 0.5, current } };
      }
      case 'scenario':
        return { kind: 'scenario', seen, scenario: { path: Array.from({ length: int(view.maxDepth + 1) }, () => int(view.maxChoices)), ended: random() < 0.5, best: percent() } };
      case 'reflection':
        return { kind: 'reflection', seen, texts: view.prompts.map((p) => text(p.maxLength)) };
    }
  });
  return { position: int(shape.views.length), saveCount: int(2 ** 24), fallbackIds: random() < 0.5, views };
}

/** The state with every reflection emptied (what a copy without free text restores). */
function withoutText(state: LearnerState): LearnerState {
  return { ...state, views: state.views.map((v) => (v.kind === 'reflection' ? { ...v, texts: v.texts.map(() => '') } : v)) };
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
      expect(decoded, `seed ${seed}`).toEqual({ ok: true, includesText: false, state: withoutText(state) });
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
    expect(decodeState(good, { ...SHAPE, views: SHAPE.views.slice(1) })).toMatchObject({ ok: false, reason: 'module-changed' });
    expect(decodeState(good.slice(0, 7), SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeState(`${good}AAAA`, SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeState(`${good.slice(0, 6)}!!!`, SHAPE)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('reports random garbage after a valid header as corrupt, never throwing', () => {
    const header = CODEC_VERSION + shapeFingerprint(SHAPE);
    const random = prng(99);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 500; i++) {
      const junk = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * 64)]).join('');
      expect(decodeState(header + junk, SHAPE), junk).toMatchObject({ ok: false, reason: 'corrupt' });
    }
  });

  it('decodes a record with one character changed either as corrupt or as a state it can round-trip', () => {
    const random = prng(7);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const headerLength = (CODEC_VERSION + shapeFingerprint(SHAPE)).length;
    let decoded = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const good = encodeState(randomState(prng(seed), SHAPE), SHAPE, { includeText: true });
      const at = headerLength + Math.floor(random() * (good.length - headerLength));
      const changed = good.slice(0, at) + alphabet[Math.floor(random() * 64)] + good.slice(at + 1);
      const result = decodeState(changed, SHAPE);
      if (!result.ok) {
        expect(result.reason, changed).toBe('corrupt');
        continue;
      }
      decoded += 1;
      expect(decodeState(encodeState(result.state, SHAPE, { includeText: result.includesText }), SHAPE), changed).toEqual(result);
    }
    // Most changes land in ordinary bits (a lesson seen, an answer): the round-trip check above really ran.
    expect(decoded).toBeGreaterThan(100);
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

  it('measures a worst case that is a state the module can hold: it reads back exactly', () => {
    const worst = worstCaseState(SHAPE);
    expect(decodeState(encodeState(worst, SHAPE, { includeText: true }), SHAPE)).toEqual({ ok: true, includesText: true, state: worst });
  });

  it('no state a learner can reach is longer than the worst case the budget check measures', () => {
    const worst = worstCaseSuspendLength(SHAPE);
    for (let seed = 1; seed <= 300; seed++) {
      const state = randomState(prng(seed), SHAPE);
      expect(encodeState(state, SHAPE, { includeText: false }).length, `seed ${seed}`).toBeLessThanOrEqual(worst.scorm12);
      expect(encodeState(state, SHAPE, { includeText: true }).length, `seed ${seed}`).toBeLessThanOrEqual(worst.scorm2004);
    }
  });

  it('the budget check would catch a module too large for SCORM 1.2', () => {
    const huge: ModuleShape = { ...SHAPE, views: Array.from({ length: 30000 }, (_, i) => ({ kind: 'lesson', id: `l${i}` })) };
    // A learner who has only seen every lesson already needs more than 1.2 allows, and the check says so.
    const allSeen: LearnerState = { ...initialState(huge), views: huge.views.map(() => ({ kind: 'lesson', seen: true })) };
    expect(encodeState(allSeen, huge, { includeText: false }).length).toBeGreaterThan(SCORM12_LIMITS.suspendData);
    expect(worstCaseSuspendLength(huge).scorm12).toBeGreaterThanOrEqual(encodeState(allSeen, huge, { includeText: false }).length);
  });

  it('detects a changed module by item and option ids, not only by counts', () => {
    const good = encodeState(initialState(SHAPE), SHAPE, { includeText: true });
    const renamed: ModuleShape = {
      ...SHAPE,
      views: SHAPE.views.map((v) => (v.kind === 'quiz' ? { ...v, items: v.items.map((item, i) => (i === 0 ? { ...item, id: 'q-new' } : item)) } : v)),
    };
    expect(decodeState(good, renamed)).toMatchObject({ ok: false, reason: 'module-changed' });
    const reordered: ModuleShape = { ...SHAPE, views: [SHAPE.views[1]!, SHAPE.views[0]!, ...SHAPE.views.slice(2)] };
    expect(decodeState(good, reordered)).toMatchObject({ ok: false, reason: 'module-changed' });
  });
});

describe('records saved by codec version 1', () => {
  interface V1Record {
    name: string;
    shape: { moduleId: string; lessons: string[]; quiz: { optionCounts: number[] }; reflections: { id: string; maxLength: number }[] };
    suspendData: string;
    state: { position: number; lessonsSeen: boolean[]; quiz: QuizProgress; reflections: string[] };
  }
  type V1Quiz = Omit<QuizProgress, 'current'> & { current: { position: number; answers: number[]; submitted: boolean } | null };
  /** v1 attempts showed every item in authored order: today that is an attempt with seed 0 drawing every item. */
  function asDrawnAttempt(quiz: V1Quiz): QuizProgress {
    const current = quiz.current;
    if (!current) return { ...quiz, current: null };
    const indexes = (mask: number) => Array.from({ length: 31 }, (_, i) => i).filter((i) => (mask >> i) & 1);
    return {
      ...quiz,
      current: {
        seed: 0,
        items: current.answers.map((_, i) => i),
        position: current.position,
        responses: current.answers.map((mask) => (mask === 0 ? null : { kind: 'choice', chosen: indexes(mask) })),
        submitted: current.submitted,
      },
    };
  }
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/suspend/codec-v1-records.json'), 'utf8')) as { records: V1Record[] };

  /** Today's shape of the module the record was saved for: its lessons, its quiz, then any reflection prompts. */
  function todayShape(old: V1Record['shape']): ModuleShape {
    return {
      moduleId: old.moduleId,
      views: [
        ...old.lessons.map((id) => ({ kind: 'lesson' as const, id })),
        {
          kind: 'quiz',
          id: 'quiz',
          maxAttempts: 0,
          perAttempt: old.quiz.optionCounts.length,
          items: old.quiz.optionCounts.map((n, i) => ({ id: `q${i}`, kind: 'choice' as const, options: Array.from({ length: n }, (_, j) => String(j)) })),
        },
        ...(old.reflections.length ? [{ kind: 'reflection' as const, id: 'account', prompts: old.reflections }] : []),
      ],
    };
  }

  it.each(fixture.records.map((r) => [r.name, r] as const))('restores "%s" onto typed views', (_, record) => {
    const shape = todayShape(record.shape);
    const decoded = decodeState(record.suspendData, shape);
    if (!decoded.ok) throw new Error(`did not decode: ${decoded.reason} ${decoded.detail}`);
    const { state } = decoded;
    const lessons = state.views.filter((v) => v.kind === 'lesson').map((v) => v.seen);
    expect(lessons).toEqual(record.state.lessonsSeen);
    const quiz = state.views.find((v) => v.kind === 'quiz');
    expect(quiz?.kind === 'quiz' && quiz.quiz).toEqual(asDrawnAttempt(record.state.quiz as unknown as V1Quiz));
    const texts = state.views.flatMap((v) => (v.kind === 'reflection' ? v.texts : []));
    expect(texts).toEqual(record.state.reflections);
    // v1 positions counted lessons then the quiz; today's views are laid out the same for these modules.
    expect(state.position).toBe(record.state.position);
    expect(state.saveCount).toBe(0);
    // Saved again, it is a current-version record.
    expect(encodeState(state, shape, { includeText: true })[0]).toBe(CODEC_VERSION);
  });

  it('reports a v1 record for a module that has changed since as module-changed', () => {
    const record = fixture.records[0]!;
    const shape = todayShape({ ...record.shape, lessons: record.shape.lessons.slice(1) });
    expect(decodeState(record.suspendData, shape)).toMatchObject({ ok: false, reason: 'module-changed' });
  });
});

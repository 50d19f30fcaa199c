import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialState, type LearnerState, type ModuleShape, type QuizAttempt, type QuizItemShape, type QuizProgress, type QuizShape, type ViewState } from '../../src/tracking/learner-state.ts';
import type { QuizResponse } from '../../src/lib/quiz-response.ts';
import { moduleShape } from '../../src/tracking/module-session.ts';
import { SCORM12_LIMITS } from '../../src/tracking/scorm12-adapter.ts';
import { SCORM2004_LIMITS } from '../../src/tracking/scorm2004-adapter.ts';
import { BitWriter, bitsFor } from '../../src/tracking/codec/bits.ts';
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

/** A quiz drawing 2 of 5 items, one of each kind: small enough that every field's bit width is easy to count. */
const TWO_OF_FIVE: QuizShape = {
  kind: 'quiz',
  id: 'quiz',
  maxAttempts: 0,
  perAttempt: 2,
  items: [
    { id: 'c', kind: 'choice', options: ['a', 'b'] },
    { id: 'm', kind: 'matching', prompts: ['p1', 'p2'], answers: ['a1', 'a2'] },
    { id: 'o', kind: 'ordering', steps: ['s1', 's2', 's3'] },
    { id: 't', kind: 'text', maxLength: 2 },
    { id: 'c2', kind: 'choice', options: ['a', 'b', 'c'] },
  ],
};

describe('records saved by codec version 2', () => {
  interface V2Records {
    shape: ModuleShape;
    records: { name: string; includeText: boolean; suspendData: string; state: LearnerState }[];
  }
  const stored = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/suspend/codec-v2-records.json'), 'utf8')) as V2Records;

  it.each(stored.records.map((r) => [r.name, r] as const))('"%s" encodes to the stored text and back', (_, record) => {
    expect(encodeState(record.state, stored.shape, { includeText: record.includeText })).toBe(record.suspendData);
    expect(decodeState(record.suspendData, stored.shape)).toEqual({ ok: true, includesText: record.includeText, state: record.state });
  });
});

describe('suspend codec: what is saved for values a record cannot hold', () => {
  const SMALL: ModuleShape = {
    moduleId: 'small',
    views: [
      { kind: 'lesson', id: 'a' },
      TWO_OF_FIVE,
      { kind: 'scenario', id: 's', maxChoices: 3, maxDepth: 2, ids: ['n'] },
      { kind: 'reflection', id: 'r', prompts: [{ id: 'r1', maxLength: 3 }, { id: 'r2', maxLength: 3 }] },
    ],
  };
  const roundTrip = (state: LearnerState) => {
    const decoded = decodeState(encodeState(state, SMALL, { includeText: true }), SMALL);
    if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail}`);
    return decoded.state;
  };
  const withView = (index: number, view: ViewState): LearnerState => {
    const state = initialState(SMALL);
    state.views[index] = view;
    return state;
  };
  /** The quiz view after saving one attempt with the given fields (two items drawn, unanswered). */
  const savedAttempt = (attempt: Partial<QuizAttempt>) => {
    const current: QuizAttempt = { seed: 5, items: [0, 4], position: 0, responses: [null, null], submitted: false, ...attempt };
    const view = roundTrip(withView(1, { kind: 'quiz', seen: true, quiz: { attempts: 0, best: null, last: null, everPassed: false, current } })).views[1];
    return view?.kind === 'quiz' ? view.quiz.current : undefined;
  };
  const savedResponse = (item: number, response: QuizResponse) => savedAttempt({ items: [item], responses: [response] })?.responses[0];

  it('keeps the save count at its maximum instead of wrapping to 0 (the newer copy must stay newer)', () => {
    expect(roundTrip({ ...initialState(SMALL), saveCount: 2 ** 24 + 5 }).saveCount).toBe(2 ** 24 - 1);
  });

  it('saves a position past the last view as the last view', () => {
    expect(roundTrip({ ...initialState(SMALL), position: 4 }).position).toBe(3);
  });

  it('saves missing views and views of another kind as fresh views', () => {
    expect(roundTrip({ ...initialState(SMALL), views: [] })).toEqual(initialState(SMALL));
    const wrongKinds = initialState(SMALL);
    wrongKinds.views = [{ kind: 'quiz', seen: true, quiz: { attempts: 2, best: 50, last: 50, everPassed: false, current: null } }, { kind: 'lesson', seen: true }, { kind: 'reflection', seen: true, texts: ['x'] }, { kind: 'lesson', seen: true }];
    expect(roundTrip(wrongKinds)).toEqual(initialState(SMALL));
  });

  it('saves missing reflection texts as empty and cuts long ones at the limit, never inside a character', () => {
    const view = roundTrip(withView(3, { kind: 'reflection', seen: true, texts: ['ab😀cd'] })).views[3];
    expect(view).toEqual({ kind: 'reflection', seen: true, texts: ['ab😀', ''] });
  });

  it('saves a scenario path cut to its longest length, with choices past the widest node as the last choice', () => {
    const view = roundTrip(withView(2, { kind: 'scenario', seen: true, scenario: { path: [7, 1, 2], ended: false, best: null } })).views[2];
    expect(view).toEqual({ kind: 'scenario', seen: true, scenario: { path: [2, 1], ended: false, best: null } });
  });

  it('saves a quiz attempt within its draw: extra items dropped, indexes and position kept in range', () => {
    expect(savedAttempt({ items: [0, 4, 2], responses: [null, null, null] })).toMatchObject({ items: [0, 4], responses: [null, null] });
    expect(savedAttempt({ items: [0, 9] })).toMatchObject({ items: [0, 4] });
    expect(savedAttempt({ position: 2 })).toMatchObject({ position: 1 });
  });

  it('saves a response of the wrong kind for its item as an empty answer of the right kind', () => {
    const wrong: QuizResponse = { kind: 'choice', chosen: [0] };
    expect(savedResponse(1, wrong)).toEqual({ kind: 'matching', answers: [-1, -1] });
    expect(savedResponse(2, wrong)).toEqual({ kind: 'ordering', order: [0, 1, 2] });
    expect(savedResponse(3, wrong)).toEqual({ kind: 'text', text: '' });
    expect(savedResponse(0, { kind: 'text', text: 'a' })).toEqual({ kind: 'choice', chosen: [] });
  });

  it('saves a matching answer missing for a prompt as unanswered', () => {
    expect(savedResponse(1, { kind: 'matching', answers: [1] })).toEqual({ kind: 'matching', answers: [1, -1] });
  });

  it('saves an ordering that is not an order of the steps as the authored order', () => {
    for (const order of [[0, 1], [0, 1, 2, 0], [0, 0, 1], [-1, 0, 1], [0, 1, 3], [1, 0, 2.5]])
      expect(savedResponse(2, { kind: 'ordering', order }), JSON.stringify(order)).toEqual({ kind: 'ordering', order: [0, 1, 2] });
    expect(savedResponse(2, { kind: 'ordering', order: [2, 0, 1] })).toEqual({ kind: 'ordering', order: [2, 0, 1] });
  });
});

describe('suspend codec: damaged records', () => {
  const corrupt = (detail: string) => ({ ok: false, reason: 'corrupt', detail });
  /** A record for `shape` written bit by bit after the header, to build what no real save writes. */
  function craft(shape: ModuleShape, writeViews: (out: BitWriter) => void, position = 0): string {
    const out = new BitWriter();
    out.write(1, 24);
    out.write(position, bitsFor(shape.views.length));
    out.flag(true);
    out.flag(false);
    writeViews(out);
    return CODEC_VERSION + shapeFingerprint(shape) + out.toText();
  }
  const lessons = (n: number): ModuleShape => ({ moduleId: 'lessons', views: Array.from({ length: n }, (_, i) => ({ kind: 'lesson', id: `l${i}` })) });
  const writeSeen = (n: number) => (out: BitWriter) => Array.from({ length: n }, () => out.flag(true));
  const QUIZ: ModuleShape = { moduleId: 'damaged', views: [TWO_OF_FIVE] };
  /** A quiz record with one finished attempt and one in progress, whose draw `writeAttempt` writes (2 draws of 5 items). */
  const quizRecord = (writeAttempt: (out: BitWriter) => void) =>
    craft(QUIZ, (out) => {
      out.flag(true);
      out.write(1, 8);
      out.optionalPercent(50);
      out.optionalPercent(50);
      out.flag(false);
      out.flag(true);
      out.write(7, 32);
      writeAttempt(out);
    });
  /** An attempt drawing the one item `item`, on it, answered by `writeResponse`. */
  const oneItem = (item: number, writeResponse: (out: BitWriter) => void) =>
    quizRecord((out) => {
      out.write(1, 2);
      out.write(item, 3);
      out.write(0, 1);
      out.flag(true);
      writeResponse(out);
      out.flag(false);
    });

  it('crafted records read back as written (so the cases below are damaged only where they say)', () => {
    expect(decodeState(craft(lessons(3), writeSeen(3), 2), lessons(3))).toMatchObject({ ok: true, state: { position: 2, saveCount: 1 } });
    const decoded = decodeState(oneItem(4, (out) => [true, false, true].forEach((f) => out.flag(f))), QUIZ);
    expect(decoded).toMatchObject({ ok: true, state: { views: [{ quiz: { attempts: 1, best: 50, current: { seed: 7, items: [4], responses: [{ kind: 'choice', chosen: [0, 2] }] } } }] } });
  });

  it('explains why a record cannot be read: empty, another version, a changed module', () => {
    const good = encodeState(initialState(SHAPE), SHAPE, { includeText: true });
    expect(decodeState('', SHAPE)).toEqual({ ok: false, reason: 'empty', detail: 'no saved progress' });
    expect(decodeState(`9${good.slice(1)}`, SHAPE)).toEqual({ ok: false, reason: 'other-version', detail: 'saved by codec version "9", this course reads versions 1 and 2' });
    expect(decodeState(good, lessons(2))).toEqual({ ok: false, reason: 'module-changed', detail: 'the module has changed since this progress was saved' });
  });

  it('reports characters outside the alphabet, a cut-short record and anything after the data', () => {
    const good = craft(lessons(7), writeSeen(7));
    // 24 + 3 + 2 + 7 bits: exactly six characters, so one more "A" is a whole extra character of zeros.
    expect(good).toHaveLength(11);
    expect(decodeState(good, lessons(7))).toMatchObject({ ok: true });
    expect(decodeState(`${good.slice(0, -1)}!`, lessons(7))).toEqual(corrupt('unexpected character "!"'));
    expect(decodeState(good.slice(0, -1), lessons(7))).toEqual(corrupt('saved progress is cut short'));
    expect(decodeState(`${good}A`, lessons(7))).toEqual(corrupt('unexpected data after the saved progress'));
    // 24 + 1 + 2 + 1 bits leave two bits of padding in the last character: they must be zero.
    const one = craft(lessons(1), writeSeen(1));
    expect(one.endsWith('U')).toBe(true);
    expect(decodeState(one, lessons(1))).toMatchObject({ ok: true });
    expect(decodeState(`${one.slice(0, -1)}V`, lessons(1))).toEqual(corrupt('unexpected data after the saved progress'));
  });

  it('reports a position past the last view', () => {
    expect(decodeState(craft(lessons(3), writeSeen(3), 3), lessons(3))).toEqual(corrupt('position out of range'));
  });

  it('reports quiz records that no attempt could have made', () => {
    expect(decodeState(quizRecord((out) => [3, 0, 1, 2].forEach((v, i) => out.write(v, i ? 3 : 2))), QUIZ)).toEqual(corrupt('more quiz items than an attempt draws'));
    expect(decodeState(quizRecord((out) => [1, 5].forEach((v, i) => out.write(v, i ? 3 : 2))), QUIZ)).toEqual(corrupt('quiz item out of range'));
    expect(decodeState(quizRecord((out) => [2, 1, 1].forEach((v, i) => out.write(v, i ? 3 : 2))), QUIZ)).toEqual(corrupt('a quiz item drawn twice'));
    // One item drawn, and the position (one bit) says the second.
    const pastTheDraw = quizRecord((out) => {
      out.write(1, 2);
      out.write(0, 3);
      out.write(1, 1);
    });
    expect(decodeState(pastTheDraw, QUIZ)).toEqual(corrupt('quiz position out of range'));
    const percent = craft(QUIZ, (out) => {
      out.flag(true);
      out.write(1, 8);
      out.flag(true);
      out.write(101, 7);
    });
    expect(decodeState(percent, QUIZ)).toEqual(corrupt('percentage out of range'));
  });

  it('reports responses that do not fit their item', () => {
    expect(decodeState(oneItem(1, (out) => [0, 3].forEach((v) => out.write(v, 2))), QUIZ)).toEqual(corrupt('matching answer out of range'));
    for (const order of [[0, 0, 1], [0, 1, 3]])
      expect(decodeState(oneItem(2, (out) => order.forEach((v) => out.write(v, 2))), QUIZ), JSON.stringify(order)).toEqual(corrupt('ordering response is not an order of the steps'));
    const text = (bytes: number[]) => oneItem(3, (out) => [bytes.length, ...bytes].forEach((v, i) => out.write(v, i ? 8 : 4)));
    expect(decodeState(text([0x61, 0x62]), QUIZ)).toMatchObject({ ok: true });
    expect(decodeState(text([0x61, 0x62, 0x63]), QUIZ)).toEqual(corrupt('text longer than its limit'));
    expect(decodeState(text([0xff]), QUIZ)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('reports scenario paths longer than the scenario or through choices no node offers', () => {
    const shape: ModuleShape = { moduleId: 'scenario', views: [{ kind: 'scenario', id: 's', maxChoices: 3, maxDepth: 2, ids: ['n'] }] };
    const path = (length: number, choices: number[]) =>
      craft(shape, (out) => {
        out.flag(true);
        out.flag(false);
        out.flag(false);
        out.write(length, 2);
        choices.forEach((c) => out.write(c, 2));
      });
    expect(decodeState(path(2, [2, 1]), shape)).toMatchObject({ ok: true, state: { views: [{ scenario: { path: [2, 1] } }] } });
    expect(decodeState(path(3, [0, 0, 0]), shape)).toEqual(corrupt('scenario path length out of range'));
    expect(decodeState(path(2, [0, 3]), shape)).toEqual(corrupt('scenario choice out of range'));
  });
});

describe('suspend codec: the worst case the size budget measures', () => {
  it('is a state the codec restores exactly', () => {
    const state = worstCaseState(SHAPE);
    expect(decodeState(encodeState(state, SHAPE, { includeText: true }), SHAPE)).toEqual({ ok: true, includesText: true, state });
  });

  it('draws the items with the longest records', () => {
    const choice: QuizItemShape = { id: 'c', kind: 'choice', options: Array.from({ length: 30 }, (_, i) => `o${i}`) };
    // 30 option bits against 12 prompts of 3 bits, and against 12 steps of 4 bits: the later item is longer.
    const rivals: QuizItemShape[] = [
      { id: 'm', kind: 'matching', prompts: Array.from({ length: 12 }, (_, i) => `p${i}`), answers: ['a', 'b', 'c', 'd'] },
      { id: 'o', kind: 'ordering', steps: Array.from({ length: 12 }, (_, i) => `s${i}`) },
    ];
    const answered = (item: QuizItemShape): QuizResponse => {
      if (item.kind === 'matching') return { kind: 'matching', answers: item.prompts.map(() => 0) };
      if (item.kind === 'ordering') return { kind: 'ordering', order: item.steps.map((_, i) => i) };
      return { kind: 'choice', chosen: [0] };
    };
    for (const rival of rivals) {
      const shape: ModuleShape = { moduleId: 'worst', views: [{ kind: 'quiz', id: 'quiz', maxAttempts: 0, perAttempt: 1, items: [choice, rival] }] };
      const worst = worstCaseSuspendLength(shape).scorm2004;
      for (const [index, item] of [choice, rival].entries()) {
        const current: QuizAttempt = { seed: 1, items: [index], position: 0, responses: [answered(item)], submitted: true };
        const state: LearnerState = { ...worstCaseState(shape), views: [{ kind: 'quiz', seen: true, quiz: { attempts: 255, best: 100, last: 100, everPassed: true, current } }] };
        expect(worst, `${rival.kind}: drawing ${item.kind}`).toBeGreaterThanOrEqual(encodeState(state, shape, { includeText: true }).length);
      }
    }
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

  /** Today's shape of the module the record was saved for: its lessons, its quiz (if it had items), then any reflection prompts. */
  function todayShape(old: V1Record['shape'], perAttempt = old.quiz.optionCounts.length): ModuleShape {
    const quiz: QuizShape = {
      kind: 'quiz',
      id: 'quiz',
      maxAttempts: 0,
      perAttempt,
      items: old.quiz.optionCounts.map((n, i) => ({ id: `q${i}`, kind: 'choice' as const, options: Array.from({ length: n }, (_, j) => String(j)) })),
    };
    return {
      moduleId: old.moduleId,
      views: [
        ...old.lessons.map((id) => ({ kind: 'lesson' as const, id })),
        ...(quiz.items.length ? [quiz] : []),
        ...(old.reflections.length ? [{ kind: 'reflection' as const, id: 'account', prompts: old.reflections }] : []),
      ],
    };
  }
  const recordNamed = (name: string) => fixture.records.find((r) => r.name === name)!;

  it.each(fixture.records.map((r) => [r.name, r] as const))('restores "%s" onto typed views', (_, record) => {
    const shape = todayShape(record.shape);
    const decoded = decodeState(record.suspendData, shape);
    if (!decoded.ok) throw new Error(`did not decode: ${decoded.reason} ${decoded.detail}`);
    const { state } = decoded;
    // Lessons in order, the quiz (seen once the learner had finished or started an attempt), then reflection texts.
    const lessonsSeen = [...record.state.lessonsSeen];
    const texts = [...record.state.reflections];
    const old = record.state.quiz;
    const views = shape.views.map((view): ViewState => {
      switch (view.kind) {
        case 'lesson':
          return { kind: 'lesson', seen: lessonsSeen.shift()! };
        case 'quiz':
          return { kind: 'quiz', seen: old.attempts > 0 || old.current !== null, quiz: asDrawnAttempt(old as unknown as V1Quiz) };
        case 'reflection':
          return { kind: 'reflection', seen: false, texts: view.prompts.map(() => texts.shift()!) };
        case 'scenario':
          throw new Error('v1 records have no scenarios');
      }
    });
    // v1 positions counted lessons then the quiz; today's views are laid out the same for these modules.
    expect(state).toEqual({ position: record.state.position, saveCount: 0, fallbackIds: false, views });
    // Saved again, it is a current-version record.
    expect(encodeState(state, shape, { includeText: true })[0]).toBe(CODEC_VERSION);
  });

  it('reports a v1 record for a module that has changed since as module-changed', () => {
    const record = fixture.records[0]!;
    const shape = todayShape({ ...record.shape, lessons: record.shape.lessons.slice(1) });
    expect(decodeState(record.suspendData, shape)).toEqual({ ok: false, reason: 'module-changed', detail: 'the module has changed since this progress was saved' });
  });

  it('reports a v1 record as module-changed when a quiz item is no longer a choice item', () => {
    const record = recordNamed('a quiz with a single-option item');
    const shape = todayShape(record.shape);
    const changed = { ...shape, views: shape.views.map((v) => (v.kind === 'quiz' ? { ...v, items: [{ id: 'q0', kind: 'text' as const, maxLength: 1 }, ...v.items.slice(1)] } : v)) };
    expect(decodeState(record.suspendData, changed)).toMatchObject({ ok: false, reason: 'module-changed' });
  });

  it('keeps the scores but restarts a v1 attempt when the quiz now draws fewer items than v1 showed', () => {
    const record = recordNamed('lessons and a quiz attempt in progress');
    const decoded = decodeState(record.suspendData, todayShape(record.shape, 3));
    if (!decoded.ok) throw new Error(decoded.detail);
    expect(decoded.state.views.find((v) => v.kind === 'quiz')).toEqual({ kind: 'quiz', seen: true, quiz: { ...record.state.quiz, current: null } });
  });

  it('reports a damaged v1 record as corrupt, saying what is wrong', () => {
    const record = recordNamed('lessons and a quiz attempt in progress');
    const shape = todayShape(record.shape);
    const corrupt = (detail: string) => ({ ok: false, reason: 'corrupt', detail });
    expect(decodeState(record.suspendData.slice(0, -3), shape)).toEqual(corrupt('saved progress is cut short'));
    expect(decodeState(`${record.suspendData}AAAA`, shape)).toEqual(corrupt('unexpected data after the saved progress'));
    // The first three bits are the position among 4 lessons and the quiz: "-" sets them to 7.
    expect(decodeState(`${record.suspendData.slice(0, 5)}-${record.suspendData.slice(6)}`, shape)).toEqual(corrupt('position out of range'));
    // With no quiz items, the last bit of this record is "text included"; "D" also sets the attempt flag before it,
    // so that bit is read as the attempt's position, past the quiz's only slot.
    const lessonsOnly = recordNamed('lessons only (the module has no quiz items)');
    expect(lessonsOnly.suspendData.endsWith('B')).toBe(true);
    expect(decodeState(`${lessonsOnly.suspendData.slice(0, -1)}D`, todayShape(lessonsOnly.shape))).toEqual(corrupt('quiz position out of range'));
  });
});

// The broad property checks come last: they are the slowest, and a mutation run stops a file at its first failure.
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

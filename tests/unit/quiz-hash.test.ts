import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saltedHash, seal, sha256Hex, unseal } from '../../src/lib/quiz-hash.ts';
import { revealOf } from '../../src/lib/quiz-key.ts';
import { allTypesRuntime } from '../support/quiz-fixture.ts';

describe('answer key hashing', () => {
  it('matches node:crypto SHA-256 for short, long and non-ASCII text', () => {
    for (const text of ['', 'a', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(1000), 'date of birth', '£ é 漢 😀'])
      expect(sha256Hex(text), JSON.stringify(text.slice(0, 10))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('salts each part, so the same answer hashes differently in two items', () => {
    expect(saltedHash('salt-1', 'a')).not.toBe(saltedHash('salt-2', 'a'));
    expect(saltedHash('salt-1', 'a')).toBe(saltedHash('salt-1', 'a'));
    expect(saltedHash('salt-1', 'a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('seals review text so it round-trips but is not readable', () => {
    const text = JSON.stringify({ parts: ['date of birth'], note: 'é 😀' });
    const sealed = seal(text, 'salt');
    expect(sealed).not.toContain('date');
    expect(unseal(sealed, 'salt')).toBe(text);
  });

  it('seals with the SHA-256(salt:seal:block) keystream, so the page builder and the browser agree byte for byte', () => {
    // 60 bytes: the keystream runs into a second 32-byte block. Expected value from Python's hashlib.
    const text = 'Explain the 14-day refund rule to the customer, then log it.';
    const sealed =
      '7634c31b582a6c76d2b8368fef5aa052b61e4134e3becdd970a68e4d483a64aade936adf6837cdc4a81c4c236da5847e5cf477cf32a2fc6f4659592a';
    expect(seal(text, 's4lt')).toBe(sealed);
    expect(unseal(sealed, 's4lt')).toBe(text);
  });

  it('unseals nothing to empty text', () => {
    expect(unseal('', 'salt')).toBe('');
  });
});

describe('assessment mode keeps the key out of the page', () => {
  const serialised = (mode: 'practice' | 'assessment', showAnswers: boolean) =>
    JSON.stringify(allTypesRuntime({ mode, show_answers: showAnswers }));

  it('has no correct flags, key parts, accepted answers or feedback in readable form', () => {
    for (const showAnswers of [true, false]) {
      const page = serialised('assessment', showAnswers);
      for (const readable of ['"parts"', 'Date of birth', 'date of birth', 'p1=b', 'Well done.', 'Have another look.', 'This is why it is right.', '"correct"'])
        expect(page, `${readable} (show_answers: ${showAnswers})`).not.toContain(readable);
    }
  });

  it('practice mode may keep the key readable', () => {
    expect(serialised('practice', true)).toContain('"parts":["a"]');
  });

  it('reveals answers and feedback after the attempt only when the quiz allows it', () => {
    const shown = allTypesRuntime({ mode: 'assessment', show_answers: true }).items[0]!;
    expect(revealOf(shown)).toEqual({ parts: ['a'], feedback: { correct: 'Well done.', incorrect: 'Have another look.' }, optionFeedback: { a: 'This is why it is right.', b: 'This is why it is wrong.' } });
    expect(revealOf(allTypesRuntime({ mode: 'assessment', show_answers: false }).items[0]!)).toBeNull();
  });

  it('orders the steps of an ordering item so neither list order nor ids give the answer away', () => {
    const order = allTypesRuntime({ mode: 'assessment' }).items.find((i) => i.id === 'order')!;
    if (order.type !== 'ordering') throw new Error('fixture changed');
    expect(order.steps.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(order.steps.map((s) => s.text)).not.toEqual(['Step one', 'Step two', 'Step three', 'Step four']);
  });
});

describe('module 1 page config', () => {
  it('holds no readable key: no correct flags, accepted answers, pairings, orders or feedback', async () => {
    const { realCourse } = await import('../support/real-course.ts');
    const { moduleConfigFor } = await import('../../src/course/module-config.ts');
    const course = realCourse();
    const mod = course.modules[0]!;
    const page = JSON.stringify(moduleConfigFor(course, mod));
    expect(mod.quiz!.mode).toBe('assessment');
    expect(page).not.toContain('"correct"');
    expect(page).not.toContain('"parts"');
    for (const item of mod.quiz!.items) {
      expect(page, item.id).not.toContain(item.feedback.correct.slice(0, 40));
      if (item.type === 'fill-in') for (const text of item.accepted) expect(page, item.id).not.toContain(text);
      if (item.type === 'matching') for (const prompt of item.prompts) expect(page, item.id).not.toContain(`${prompt.id}=${prompt.answer}`);
      if (item.type === 'ordering') {
        const positions = item.steps.map((step) => page.indexOf(JSON.stringify(step)));
        expect(positions.every((at) => at >= 0), `${item.id} steps are in the page`).toBe(true);
        expect(positions, `${item.id}: steps appear in the right order`).not.toEqual([...positions].sort((a, b) => a - b));
      }
    }
  });
});

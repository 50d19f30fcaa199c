import { describe, expect, it } from 'vitest';
import { isComplete, orderFromPairs, responseKind, responseParts } from '../../src/lib/quiz-response.ts';
import { fillIn, matching, ordering, single } from '../support/runtime-items.ts';

describe('responseKind', () => {
  it('maps each item type to the response it takes', () => {
    expect(responseKind(matching)).toBe('matching');
    expect(responseKind(ordering)).toBe('ordering');
    expect(responseKind(fillIn)).toBe('text');
    expect(responseKind(single)).toBe('choice');
    expect(responseKind({ ...single, type: 'best-reply' })).toBe('choice');
  });
});

describe('isComplete: whether Check/Submit may accept the answer', () => {
  it('is false with no response', () => {
    expect(isComplete(single, null)).toBe(false);
  });

  it('needs at least one option chosen', () => {
    expect(isComplete(single, { kind: 'choice', chosen: [] })).toBe(false);
    expect(isComplete(single, { kind: 'choice', chosen: [1] })).toBe(true);
  });

  it('needs every prompt matched', () => {
    expect(isComplete(matching, { kind: 'matching', answers: [0, 2, 1] })).toBe(true);
    expect(isComplete(matching, { kind: 'matching', answers: [0, -1, 1] })).toBe(false);
    expect(isComplete(matching, { kind: 'matching', answers: [0, 2] })).toBe(false);
  });

  it('needs every step placed', () => {
    expect(isComplete(ordering, { kind: 'ordering', order: [2, 0, 1] })).toBe(true);
    expect(isComplete(ordering, { kind: 'ordering', order: [2, 0] })).toBe(false);
  });

  it('needs typed text with at least one letter or digit', () => {
    expect(isComplete(fillIn, { kind: 'text', text: 'refund' })).toBe(true);
    expect(isComplete(fillIn, { kind: 'text', text: ' ?! - ' })).toBe(false);
    expect(isComplete(fillIn, { kind: 'text', text: '' })).toBe(false);
  });

  it('is false when the response does not fit the item type', () => {
    expect(isComplete(single, { kind: 'matching', answers: [0, 1, 2] })).toBe(false);
    expect(isComplete(single, { kind: 'ordering', order: [0, 1, 2] })).toBe(false);
  });
});

describe('responseParts: the response in the key’s canonical parts', () => {
  it('gives chosen option ids, blank for an unknown index', () => {
    expect(responseParts(single, { kind: 'choice', chosen: [2, 0] })).toEqual(['c', 'a']);
    expect(responseParts(single, { kind: 'choice', chosen: [5] })).toEqual(['']);
  });

  it('gives prompt=answer pairs for every prompt, blank where unanswered', () => {
    expect(responseParts(matching, { kind: 'matching', answers: [1, 2, 0] })).toEqual(['p1=y', 'p2=z', 'p3=x']);
    // p2 has -1, p3 has no entry at all.
    expect(responseParts(matching, { kind: 'matching', answers: [0, -1] })).toEqual(['p1=x', 'p2=', 'p3=']);
  });

  it('gives step>next adjacent pairs, blank for an unknown step', () => {
    expect(responseParts(ordering, { kind: 'ordering', order: [1, 0, 2] })).toEqual(['s2>s1', 's1>s3']);
    expect(responseParts(ordering, { kind: 'ordering', order: [1, 8] })).toEqual(['s2>']);
  });

  it('gives the normalised typed text', () => {
    expect(responseParts(fillIn, { kind: 'text', text: '  Money-Back! ' })).toEqual(['money back']);
  });

  it('gives no parts when the response does not fit the item type', () => {
    expect(responseParts(single, { kind: 'matching', answers: [0] })).toEqual([]);
    expect(responseParts(single, { kind: 'ordering', order: [0, 1] })).toEqual([]);
    expect(responseParts(matching, { kind: 'choice', chosen: [0] })).toEqual([]);
    expect(responseParts(ordering, { kind: 'matching', answers: [0] })).toEqual([]);
    expect(responseParts(matching, { kind: 'ordering', order: [0] })).toEqual([]);
  });
});

describe('orderFromPairs', () => {
  it('rebuilds the order from adjacent pairs given in any order', () => {
    expect(orderFromPairs(['s1>s3', 's2>s1'])).toEqual(['s2', 's1', 's3']);
  });

  it('follows only the chain from the first step, never adding a missing step', () => {
    // Two separate chains: only the first (a>b) is followed, and it ends cleanly.
    expect(orderFromPairs(['a>b', 'c>d'])).toEqual(['a', 'b']);
  });

  it('stops on a loop instead of running for ever', () => {
    expect(orderFromPairs(['a>b', 'b>c', 'c>b'])).toEqual(['a', 'b', 'c', 'b']);
  });
});

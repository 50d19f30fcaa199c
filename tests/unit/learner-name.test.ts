import { describe, expect, it } from 'vitest';
import { displayName, firstName } from '../../src/lib/learner-name.ts';

describe('learner names from the LMS', () => {
  it.each([
    ['Student, Sam', 'Sam Student'], // SCORM's "Last, First" (Moodle)
    ['Student,Sam', 'Sam Student'], // forma.lms
    ['Sam Student', 'Sam Student'],
    ['  Okafor ,  Ngozi Ada ', 'Ngozi Ada Okafor'],
    ['de la Cruz, María', 'María de la Cruz'],
    ['Prince', 'Prince'],
    ['Brown, Jo, Dr', 'Brown, Jo, Dr'],
  ])('%j is shown as %j', (given, shown) => {
    expect(displayName(given)).toBe(shown);
  });

  it.each(['', '   ', ',', ' , ', '123', '\u0000\u0001'])('%j gives no name at all rather than a garbled one', (given) => {
    expect(displayName(given)).toBe('');
  });

  it('takes the first name for a greeting', () => {
    expect(firstName('Student, Sam')).toBe('Sam');
    expect(firstName('Student,Sam')).toBe('Sam');
    expect(firstName('')).toBe('');
  });
});

describe('learner names with stray characters', () => {
  it('turns control characters and runs of spaces into single spaces', () => {
    expect(displayName('Sam\tStudent')).toBe('Sam Student');
    expect(displayName('Sam   Student')).toBe('Sam Student');
    expect(displayName('Student,\u0007Sam')).toBe('Sam Student');
  });

  it('drops empty parts around commas', () => {
    expect(displayName('Sam Student,')).toBe('Sam Student');
    expect(displayName('Student,,Sam')).toBe('Sam Student');
  });
});

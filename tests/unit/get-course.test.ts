import { describe, expect, it } from 'vitest';
import { getCourse } from '../../src/course/get-course.ts';

describe('getCourse (pages at build time, run from the project root)', () => {
  it('loads content/ of the project once and hands the same course to every page', () => {
    const first = getCourse();
    expect(first.catalogue.byId.size).toBe(102);
    expect(getCourse()).toBe(first);
  });
});

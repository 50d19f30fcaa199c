import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/course/content-error.ts';

describe('ContentError (what the build prints for an author)', () => {
  it('says "1 problem" and lists it as file: field: message', () => {
    const error = new ContentError([{ file: 'content/course.yaml', field: 'title', message: 'is required' }]);
    expect(error.message).toBe('The course content has 1 problem:\n  - content/course.yaml: title: is required');
    expect(error.name).toBe('ContentError');
  });

  it('says "N problems" and lists each on its own line, "(file)" standing in for an empty field', () => {
    const error = new ContentError([
      { file: 'content/course.yaml', field: '', message: 'file is missing' },
      { file: 'content/standards', field: '', message: 'no standards catalogue (*.yaml) found' },
    ]);
    expect(error.message).toBe(
      'The course content has 2 problems:\n  - content/course.yaml: (file): file is missing\n  - content/standards: (file): no standards catalogue (*.yaml) found',
    );
    expect(error.issues).toHaveLength(2);
  });
});

/** One problem in an author's file, phrased as `file: field: what is wrong`. */
export interface ContentIssue {
  file: string;
  field: string;
  message: string;
}

export function formatIssue({ file, field, message }: ContentIssue): string {
  return `${file}: ${field || '(file)'}: ${message}`;
}

/** Thrown when content cannot be built; lists every issue found, not just the first. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(
      `The course content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

/** Turns a zod issue path like ['items', 2, 'options'] into `items[2].options`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out ? `${out}.${name}` : name;
  }, '');
}

import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from '../../src/course/content-error.ts';
import { extractFrontmatter, extractSections, loadCourse } from '../../src/course/load-course.ts';
import { courseWith, problems, removeCourseCopies, replaceIn } from '../support/course-fixture.ts';

afterEach(removeCourseCopies);

/** Problems when the loader is given only the content folder (project root defaults to its parent). */
function problemsWithDefaultRoot(root: string): string[] {
  try {
    loadCourse(join(root, 'content'));
  } catch (error) {
    if (error instanceof ContentError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

describe('loadCourse: missing and misnamed files', () => {
  it('reports a missing course.yaml alone, relative to the parent of content/ by default', () => {
    const root = courseWith((p) => rmSync(p('course.yaml')));
    expect(problemsWithDefaultRoot(root)).toEqual(['content/course.yaml: (file): file is missing']);
  });

  it('reports the first line of a YAML syntax error only', () => {
    const root = courseWith((p) => writeFileSync(p('course.yaml'), 'id: x\ntitle: [unclosed\n'));
    const found = problems(root).filter((f) => f.startsWith('content/course.yaml'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/course\.yaml: \(file\): not valid YAML: [A-Za-z][^\n]{10,}$/);
  });

  it('reports a standards folder with no catalogue', () => {
    const root = courseWith((p) => {
      rmSync(p('standards'), { recursive: true });
      mkdirSync(p('standards'));
      writeFileSync(p('standards/README.md'), 'not a catalogue');
    });
    expect(problems(root)).toContain('content/standards: (file): no standards catalogue (*.yaml) found');
  });

  it('reports a missing standards folder', () => {
    const root = courseWith((p) => rmSync(p('standards'), { recursive: true }));
    expect(problems(root)).toContain('content/standards: (file): no standards catalogue (*.yaml) found');
  });

  it('ignores files in standards/ that are not .yaml', () => {
    const root = courseWith((p) => writeFileSync(p('standards/notes.txt'), 'id: [unclosed\n'));
    expect(problems(root)).toEqual([]);
  });

  it('reports a missing module.yaml', () => {
    const root = courseWith((p) => rmSync(p('modules/m1/module.yaml')));
    expect(problems(root)).toContain('content/modules/m1/module.yaml: (file): file is missing');
  });

  it('reports a module id that does not match its folder', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/module.yaml'), 'id: m1', 'id: m9'));
    expect(problems(root)).toContain('content/modules/m1/module.yaml: id: "m9" must match its folder name "m1"');
  });

  it('reports a missing quiz for a module without scenarios', () => {
    const root = courseWith((p) => rmSync(p('modules/m1/quiz.yaml')));
    expect(problems(root)).toEqual(['content/modules/m1/quiz.yaml: (file): file is missing: every module without scenarios ends with a quiz']);
  });

  it('reports a missing quiz even when module.yaml is missing too', () => {
    const root = courseWith((p) => {
      rmSync(p('modules/m1/module.yaml'));
      rmSync(p('modules/m1/quiz.yaml'));
    });
    expect(problems(root)).toContain('content/modules/m1/quiz.yaml: (file): file is missing: every module without scenarios ends with a quiz');
  });

  it('reports a lesson file whose name does not follow NN-kebab-slug.mdx', () => {
    const root = courseWith((p) => renameSync(p('modules/m1/02-navigating.mdx'), p('modules/m1/2-Navigating.mdx')));
    expect(problems(root)).toContain('content/modules/m1/2-Navigating.mdx: (file name): lesson files are named NN-kebab-slug.mdx, e.g. 01-live-chat.mdx');
  });

  it('ignores files in a module folder that are not .mdx', () => {
    const root = courseWith((p) => writeFileSync(p('modules/m1/Notes.md'), 'draft'));
    expect(problems(root)).toEqual([]);
  });

  it('reports a lesson without frontmatter', () => {
    const root = courseWith((p) => writeFileSync(p('modules/m1/03-extra.mdx'), 'title: Extra\n\nNo frontmatter.\n'));
    expect(problems(root)).toContain('content/modules/m1/03-extra.mdx: frontmatter: missing; start the file with --- title, order, criteria ---');
  });

  it('reports a module folder with no lessons', () => {
    const root = courseWith((p) => {
      rmSync(p('modules/m1/01-systems.mdx'));
      rmSync(p('modules/m1/02-navigating.mdx'));
    });
    expect(problems(root)).toContain('content/modules/m1: (file): a module needs at least one lesson (NN-slug.mdx)');
  });

  it('does not add a lesson whose frontmatter is invalid to the module', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/02-navigating.mdx'), 'order: 2', 'order: two'));
    const found = problems(root);
    expect(found.filter((f) => f.startsWith('content/modules/m1/02-navigating.mdx: order:'))).toHaveLength(1);
    expect(found.some((f) => f.includes('order NaN'))).toBe(false);
  });

  it('checks sort groups in each lesson', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/02-navigating.mdx'), 'Plain lesson without sections.', SORT_LESSON));
    expect(problems(root)).toEqual(['content/modules/m1/02-navigating.mdx: <Sort> 1.groups: needs at least two groups, e.g. groups="Open | Probing | Closed"']);
  });
});

describe('loadCourse: lesson order', () => {
  it('orders lessons by their order field, not by file name', () => {
    const root = courseWith((p) => {
      replaceIn(p('modules/m1/01-systems.mdx'), 'order: 1', 'order: 3');
    });
    const course = loadCourse(join(root, 'content'), root);
    expect(course.modules[0]!.lessons.map((l) => l.slug)).toEqual(['navigating', 'systems']);
  });

  it('keeps file order when the order fields already agree', () => {
    const root = courseWith((p) => {
      replaceIn(p('modules/m1/01-systems.mdx'), 'order: 1', 'order: 5');
      replaceIn(p('modules/m1/02-navigating.mdx'), 'order: 2', 'order: 9');
    });
    const course = loadCourse(join(root, 'content'), root);
    expect(course.modules[0]!.lessons.map((l) => [l.slug, l.meta.order])).toEqual([['systems', 5], ['navigating', 9]]);
  });
});

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/ten-decisions.yaml');

/** Module m1 with the fixture scenario under modules/m1/scenarios/, listed as `list` in module.yaml. */
function withScenario(p: (file: string) => string, list: string): void {
  mkdirSync(p('modules/m1/scenarios'));
  cpSync(SCENARIO, p('modules/m1/scenarios/ten-decisions.yaml'));
  replaceIn(p('modules/m1/module.yaml'), 'pass_mark: 50', `pass_mark: 50\nscenarios: ${list}`);
}

describe('loadCourse: quizzes and scenarios', () => {
  it('reports a broken quiz item and leaves the module out rather than crash', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/quiz.yaml'), '    prompt: Which is right?\n', ''));
    expect(problems(root)).toEqual(['content/modules/m1/quiz.yaml: items[0].prompt: Invalid input: expected string, received undefined']);
  });

  it('reports a standards catalogue that breaks the schema', () => {
    const root = courseWith((p) => replaceIn(p('standards/ocr-d4.yaml'), 'code:', 'codes:'));
    // Its criteria are then unknown everywhere, but the loader carries on and reports that instead of crashing.
    expect(problems(root).slice(0, 3)).toEqual([
      'content/standards/ocr-d4.yaml: code: Invalid option: expected one of "CFACSD4"|"U219"|"D4"|"INSCS001"',
      'content/standards/ocr-d4.yaml: (file): Unrecognized key: "codes"',
      'content/standards/unit-219.yaml: outcomes[0].criteria[0].maps_to[0]: unknown criterion id "D4.3.1"',
    ]);
  });

  it('loads a module scenario listed in module.yaml', () => {
    const root = courseWith((p) => withScenario(p, '[ten-decisions]'));
    const course = loadCourse(join(root, 'content'), root);
    expect(course.modules[0]!.scenarios.map((s) => s.file)).toEqual(['content/modules/m1/scenarios/ten-decisions.yaml']);
  });

  it('reports a listed scenario whose file is missing, and judges no coverage for that module', () => {
    const root = courseWith((p) => {
      withScenario(p, '[ghost]');
      rmSync(p('modules/m1/scenarios/ten-decisions.yaml'));
      rmSync(p('modules/m1/quiz.yaml'));
    });
    // Its coverage is not judged: the missing file is the one thing to fix.
    expect(problems(root)).toEqual(['content/modules/m1/module.yaml: scenarios[0]: scenario file content/modules/m1/scenarios/ghost.yaml does not exist']);
  });

  it('reports a scenario listed twice', () => {
    const root = courseWith((p) => withScenario(p, '[ten-decisions, ten-decisions]'));
    expect(problems(root)).toEqual(['content/modules/m1/module.yaml: scenarios: scenario "ten-decisions" is listed twice']);
  });

  it('reports a scenario file that module.yaml does not list', () => {
    const root = courseWith((p) => {
      withScenario(p, '[ten-decisions]');
      cpSync(SCENARIO, p('modules/m1/scenarios/spare.yaml'));
      writeFileSync(p('modules/m1/scenarios/notes.md'), 'not a scenario');
    });
    expect(problems(root)).toEqual(['content/modules/m1/scenarios/spare.yaml: (file): not listed in content/modules/m1/module.yaml scenarios:, so learners would never see it; add its id there']);
  });
});

describe('loadCourse: standards catalogues', () => {
  it('lists every standard, in file-name order', () => {
    const course = loadCourse(join(courseWith(), 'content'));
    expect(course.catalogue.standards.map((s) => s.code)).toEqual(['D4', 'U219']);
  });

  it('reports a criterion whose id does not start with its standard code', () => {
    const root = courseWith((p) => {
      replaceIn(p('standards/ocr-d4.yaml'), 'id: D4.3.1', 'id: U219.3.1');
      replaceIn(p('standards/ocr-d4.yaml'), 'maps_to: [U219.1.1]', 'maps_to: []');
    });
    expect(problems(root)).toContain('content/standards/ocr-d4.yaml: outcomes[0].criteria[0].id: "U219.3.1" does not belong to standard D4');
  });
});

describe('loadCourse: file-name order decides ties', () => {
  it('reports lessons sharing an order in file-name order, whatever order the folder lists them in', () => {
    // Written last-first, so a folder listing in creation order differs from file-name order.
    const root = courseWith((p) => {
      for (const n of ['05', '04', '03'])
        writeFileSync(p(`modules/m1/${n}-extra.mdx`), '---\ntitle: Extra\norder: 7\ncriteria: [U219.1.2]\n---\n\nText.\n');
    });
    expect(problems(root)).toEqual([
      'content/modules/m1/04-extra.mdx: order: order 7 is also used by content/modules/m1/03-extra.mdx',
      'content/modules/m1/05-extra.mdx: order: order 7 is also used by content/modules/m1/04-extra.mdx',
    ]);
  });

  it('reads standards catalogues in file-name order, so a duplicate criterion is reported in the later file', () => {
    const root = courseWith((p) => cpSync(p('standards/unit-219.yaml'), p('standards/a-copy.yaml')));
    expect(problems(root)).toContain('content/standards/unit-219.yaml: outcomes[0].criteria[0].id: duplicate criterion id "U219.1.1" (also in content/standards/a-copy.yaml)');
  });
});

describe('extractSections', () => {
  it('gives an empty title when a Section has none, and null criteria when none are listed', () => {
    expect(extractSections('<Section criteria={["A"]}>x</Section><Section title="T">y</Section>')).toEqual([
      { title: '', criteria: ['A'] },
      { title: 'T', criteria: null },
    ]);
  });

  it('gives an empty criteria list for criteria={[]}', () => {
    expect(extractSections('<Section title="T" criteria={[]}>')).toEqual([{ title: 'T', criteria: [] }]);
  });
});

describe('extractFrontmatter', () => {
  it('needs the --- block at the very start', () => {
    expect(extractFrontmatter('Intro\n---\ntitle: x\n---\n')).toBeUndefined();
  });

  it('accepts a closing --- at the end of the file with no newline', () => {
    expect(extractFrontmatter('---\ntitle: x\n---')).toBe('title: x');
  });

  it('gives undefined when there is no frontmatter', () => {
    expect(extractFrontmatter('Just text')).toBeUndefined();
  });
});

/** A Sort with one group only: an author's mistake the sort-group check reports. */
const SORT_LESSON = '<Sort groups="Open">\n</Sort>';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { courseWith, problems, removeCourseCopies, replaceIn } from '../support/course-fixture.ts';

afterEach(removeCourseCopies);

describe('loadCourse', () => {
  it('loads a valid course into one model', () => {
    const root = courseWith();
    const course = loadCourse(join(root, 'content'), root);
    expect(course.meta.id).toBe('fixture-course');
    expect(course.catalogue.byId.size).toBe(3);
    expect(course.modules[0]!.lessons.map((l) => l.slug)).toEqual(['systems', 'navigating']);
    expect(course.modules[0]!.quiz!.items).toHaveLength(4);
  });

  it('loads the real course content', () => {
    const course = loadCourse(join(import.meta.dirname, '../../content'), join(import.meta.dirname, '../..'));
    expect(course.catalogue.byId.size).toBe(102);
    expect(course.modules.length).toBeGreaterThan(0);
  });

  it('rejects an unknown criterion id in a lesson, naming the file and field', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/02-navigating.mdx'), 'criteria: [U219.1.2]', 'criteria: [U219.1.2, U219.1.9]'));
    expect(problems(root)).toContain('content/modules/m1/02-navigating.mdx: criteria[1]: unknown criterion id "U219.1.9"; expected an id listed in content/standards/*.yaml');
  });

  it('rejects a malformed criterion id in a quiz item', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/quiz.yaml'), 'criteria: [U219.1.1]', 'criteria: [U219-1-1]'));
    expect(problems(root).join('\n')).toMatch(/content\/modules\/m1\/quiz\.yaml: items\[0\]\.criteria\[0\]: not a criterion id/);
  });

  it('rejects a quiz item without a correct answer, naming the file and item', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/quiz.yaml'), '{ id: a, text: Right, correct: true }\n      - { id: b, text: Wrong }', '{ id: a, text: Right }\n      - { id: b, text: Wrong }'));
    expect(problems(root)).toContain('content/modules/m1/quiz.yaml: items[0].options: a single-choice item needs exactly one option with correct: true (found 0)');
  });

  it('rejects a true-false item without an answer', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/quiz.yaml'), '    answer: true\n', ''));
    expect(problems(root).join('\n')).toMatch(/quiz\.yaml: items\[2\]\.answer: a true-false item needs answer/);
  });

  it('rejects a multiple-choice item with no correct option', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/quiz.yaml'), 'Right, correct: true }\n      - { id: b, text: Also right, correct: true }', 'Right }\n      - { id: b, text: Also right }'));
    expect(problems(root)).toContain('content/modules/m1/quiz.yaml: items[1].options: a multiple-choice item needs at least one option with correct: true');
  });

  it('reports invalid YAML with the file name', () => {
    const root = courseWith((p) => writeFileSync(p('modules/m1/module.yaml'), 'id: m1\ntitle: [unclosed\n'));
    expect(problems(root).join('\n')).toMatch(/^content\/modules\/m1\/module\.yaml: \(file\): not valid YAML/);
  });

  it('reports a module listed in course.yaml whose folder is missing', () => {
    const root = courseWith((p) => replaceIn(p('course.yaml'), 'modules: [m1]', 'modules: [m1, m2]'));
    expect(problems(root)).toContain('content/course.yaml: modules: module folder content/modules/m2/ does not exist');
  });

  it('reports a Section criterion missing from the lesson frontmatter', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/01-systems.mdx'), 'criteria={["U219.1.1", "D4.3.1"]}', 'criteria={["U219.1.1", "U219.1.2"]}'));
    const found = problems(root);
    expect(found).toContain('content/modules/m1/01-systems.mdx: <Section> 1 ("How it works").criteria: "U219.1.2" is not in the lesson\'s frontmatter criteria');
    expect(found).toContain('content/modules/m1/01-systems.mdx: criteria[1]: "D4.3.1" is not served by any <Section> of this lesson');
  });

  it('reports a one-way mapping between standards', () => {
    const root = courseWith((p) => replaceIn(p('standards/ocr-d4.yaml'), 'maps_to: [U219.1.1]', 'maps_to: []'));
    expect(problems(root)).toContain('content/standards/unit-219.yaml: outcomes[0].criteria[0].maps_to[0]: maps to "D4.3.1" but content/standards/ocr-d4.yaml does not map "D4.3.1" back to "U219.1.1"');
  });

  it('reports a quiz item that no module outcome can report', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/module.yaml'), '    criteria: [U219.1.2]\n', '    criteria: [U219.1.1]\n'));
    expect(problems(root)).toContain('content/modules/m1/quiz.yaml: items[1].criteria: item "q02" names no criterion of any outcome in content/modules/m1/module.yaml, so no LMS objective could report it');
  });


  it('collects problems from several files in one run', () => {
    const root = courseWith((p) => {
      replaceIn(p('modules/m1/module.yaml'), 'pass_mark: 50', 'pass_mark: 150');
      replaceIn(p('modules/m1/02-navigating.mdx'), 'order: 2', 'order: 1');
    });
    const found = problems(root);
    expect(found.some((f) => f.startsWith('content/modules/m1/module.yaml: pass_mark:'))).toBe(true);
    expect(found).toContain('content/modules/m1/02-navigating.mdx: order: order 1 is also used by content/modules/m1/01-systems.mdx');
  });
});

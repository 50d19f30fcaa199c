import { appendFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { courseWith, problems, removeCourseCopies, replaceIn } from '../support/course-fixture.ts';

afterEach(removeCourseCopies);

/** Appends reflection prompts (YAML list lines) to the fixture's module.yaml. */
const withReflection = (p: (file: string) => string, ...prompts: string[]) =>
  appendFileSync(p('modules/m1/module.yaml'), ['reflection:', ...prompts.map((line) => `  - ${line}`), ''].join('\n'));

describe('lesson <Section> criteria', () => {
  it('reports a Section with no criteria attribute', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/01-systems.mdx'), '</Section>', '</Section>\n\n<Section title="Extra">\n\nMore.\n\n</Section>'));
    expect(problems(root)).toEqual(['content/modules/m1/01-systems.mdx: <Section> 2 ("Extra"): needs criteria={["U219.1.1", …]} naming the criteria it serves']);
  });

  it('reports a Section with an empty criteria list', () => {
    const root = courseWith((p) => replaceIn(p('modules/m1/01-systems.mdx'), '</Section>', '</Section>\n\n<Section title="Extra" criteria={[]}>\n\nMore.\n\n</Section>'));
    expect(problems(root)).toEqual(['content/modules/m1/01-systems.mdx: <Section> 2 ("Extra"): needs criteria={["U219.1.1", …]} naming the criteria it serves']);
  });
});

describe('reflection prompts in module.yaml', () => {
  it('reports a prompt id used twice', () => {
    const root = courseWith((p) =>
      withReflection(p, '{ id: r1, prompt: Describe a chat you handled., criteria: [U219.1.1] }', '{ id: r1, prompt: Describe a call you handled., criteria: [U219.1.2] }'),
    );
    expect(problems(root)).toContain('content/modules/m1/module.yaml: reflection[1].id: "r1" is used twice; give each prompt its own id');
  });

  it('reports a prompt criterion that is not among the module outcomes', () => {
    const root = courseWith((p) => {
      replaceIn(p('modules/m1/module.yaml'), 'criteria: [U219.1.1, D4.3.1]', 'criteria: [U219.1.1]');
      withReflection(p, '{ id: r1, prompt: Describe a chat you handled., criteria: [D4.3.1] }');
    });
    expect(problems(root)).toContain('content/modules/m1/module.yaml: reflection[0].criteria[0]: "D4.3.1" is not a criterion of this module\'s outcomes; name one of them');
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintScenario } from '../../src/course/scenario-lint.ts';
import { ContentError, formatIssue } from '../../src/course/content-error.ts';
import { loadCourse } from '../../src/course/load-course.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';
import { FIXTURE_CRITERIA, SCENARIO_FIXTURE_FILE, fixtureScenario } from '../support/scenario-fixture.ts';

const FILE = 'content/modules/practice/scenarios/ten-decisions.yaml';

function lint(edit: (s: Scenario) => void = () => {}): string[] {
  const scenario = fixtureScenario();
  edit(scenario);
  return lintScenario(scenario, FILE, (id) => FIXTURE_CRITERIA.has(id), 'ten-decisions').map(formatIssue);
}

describe('scenario graph lint', () => {
  it('accepts the valid fixture', () => {
    expect(lint()).toEqual([]);
  });

  it('names a node that cannot be reached from start', () => {
    expect(lint((s) => s.nodes.d2!.choices!.forEach((c) => (c.next = 'd4')))).toContain(`${FILE}: nodes.d3: cannot be reached from start "d1"; link to it from a choice or remove it`);
  });

  it('names a dead end (no choices and not an ending)', () => {
    expect(lint((s) => delete s.nodes.d10!.choices)).toContain(
      `${FILE}: nodes.d10: dead end: give it choices, or make it an ending (ending: resolved-well | resolved-poorly | escalated | gave-up, with a debrief)`,
    );
  });

  it('names a choice that points to a missing node', () => {
    expect(lint((s) => (s.nodes.d4!.choices![1]!.next = 'd55'))).toContain(`${FILE}: nodes.d4.choices[1].next: node "d55" does not exist; expected a node id under nodes:`);
  });

  it('checks the id against the file name only when one is given', () => {
    expect(lintScenario(fixtureScenario(), FILE, (id) => FIXTURE_CRITERIA.has(id)).map(formatIssue)).toEqual([]);
  });

  it('reports only the broken link, not the path rules a broken graph cannot answer', () => {
    // The only best choice of d10 now leads nowhere; "no best path" would be noise on top of the real mistake.
    expect(lint((s) => (s.nodes.d10!.choices![0]!.next = 'welll'))).toEqual([
      `${FILE}: nodes.d10.choices[0].next: node "welll" does not exist; expected a node id under nodes:`,
      `${FILE}: nodes.well: cannot be reached from start "d1"; link to it from a choice or remove it`,
    ]);
  });

  it('compares choice texts by lower case, so Maße and Masse are different things to say', () => {
    expect(
      lint((s) => {
        s.nodes.d2!.choices![0]!.say = 'Maße';
        s.nodes.d2!.choices![1]!.say = 'Masse';
      }),
    ).toEqual([]);
  });

  it('says "1 decision" and "1 distinct ending" in the singular', () => {
    expect(lint((s) => (s.nodes.d1!.choices![0]!.next = 'well'))).toContain(`${FILE}: nodes: the longest path has 1 decision; expected at least 10`);
    const oneEnding = lint((s) => {
      s.nodes.d1!.choices![1]!.next = 'd2';
      s.nodes.d3!.choices![1]!.next = 'd4';
      s.nodes.d10!.choices![1]!.next = 'well';
    });
    expect(oneEnding).toContain(`${FILE}: nodes: 1 distinct ending (resolved-well); expected at least 3 of resolved-well, resolved-poorly, escalated, gave-up`);
  });

  it('names a start node that does not exist', () => {
    expect(lint((s) => (s.start = 'hello'))).toEqual([`${FILE}: start: node "hello" does not exist; expected one of the ids under nodes:`]);
  });

  it('rejects a loop, even one with a way out, naming where it starts', () => {
    expect(lint((s) => (s.nodes.d6!.choices![1]!.next = 'd3'))).toContain(
      `${FILE}: nodes.d3: loops back: d3 → d4 → d5 → d6 → d3; a conversation only moves forward (to let the customer try again, add a new node)`,
    );
  });

  it('rejects a loop with no way out', () => {
    const problems = lint((s) => {
      s.nodes.d9!.choices![0]!.next = 'd8';
      s.nodes.d9!.choices![1]!.next = 'd8';
    });
    expect(problems.some((p) => p.startsWith(`${FILE}: nodes.d8: loops back: d8 → d9 → d8`))).toBe(true);
  });

  it('needs a best path of score-2 choices to an ending', () => {
    expect(lint((s) => (s.nodes.d7!.choices![0]!.score = 1))).toContain(
      `${FILE}: nodes: no best path: there must be a way from "d1" to an ending taking only choices with score 2`,
    );
  });

  it('needs a poor path', () => {
    const problems = lint((s) => {
      for (const node of Object.values(s.nodes)) for (const c of node.choices ?? []) if (c.score === 0) c.score = 1;
    });
    expect(problems).toContain(`${FILE}: nodes: no poor path: at least one reachable choice must have score 0 (a plausible mistake with feedback)`);
  });

  it('names an unknown criterion id', () => {
    expect(lint((s) => s.nodes.d2!.choices![1]!.criteria.push('U219.9.9'))).toContain(
      `${FILE}: nodes.d2.choices[1].criteria[1]: unknown criterion id "U219.9.9"; expected an id listed in content/standards/*.yaml`,
    );
  });

  it('needs distinct choice ids and distinct text in a node', () => {
    const problems = lint((s) => {
      s.nodes.d5!.choices![1]!.id = 'a';
      s.nodes.d6!.choices![1]!.say = ' best SIX';
    });
    expect(problems).toContain(`${FILE}: nodes.d5.choices[1].id: duplicate choice id "a" in node "d5"`);
    expect(problems).toContain(`${FILE}: nodes.d6.choices[1].say: same text as another choice in node "d6"; each choice must say something different`);
  });

  it('needs at least 10 decisions on the longest path', () => {
    expect(lint((s) => (s.nodes.d9!.choices = s.nodes.d10!.choices))).toContain(`${FILE}: nodes: the longest path has 9 decisions; expected at least 10`);
  });

  it('needs at least 3 distinct endings', () => {
    expect(lint((s) => (s.nodes['gave-up']!.ending = 'resolved-poorly'))).toContain(
      `${FILE}: nodes: 2 distinct endings (resolved-well, resolved-poorly); expected at least 3 of resolved-well, resolved-poorly, escalated, gave-up`,
    );
  });

  it('names a node id that is not kebab-case', () => {
    const problems = lint((s) => {
      s.nodes.Well = s.nodes.well!;
      s.nodes.d10!.choices![0]!.next = 'Well';
    });
    expect(problems).toContain(`${FILE}: nodes.Well: node id must use lower-case letters, digits and single hyphens (e.g. ask-what-happened)`);
  });

  it('needs the id to match the file name', () => {
    expect(lint((s) => (s.id = 'other'))).toContain(`${FILE}: id: "other" must match the file name "ten-decisions"`);
  });
});

describe('scenario schema', () => {
  const parseWith = (edit: (raw: any) => void) => {
    const raw = JSON.parse(JSON.stringify(fixtureScenario()));
    edit(raw);
    const result = scenarioSchema.safeParse(raw);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('rejects an ending with choices or without a debrief', () => {
    expect(parseWith((r) => (r.nodes.well.choices = r.nodes.d1.choices))).toContain('nodes.well.choices: an ending has no choices; remove choices or ending');
    expect(parseWith((r) => delete r.nodes.well.debrief)).toContain('nodes.well.debrief: an ending needs a debrief (2-4 sentences on what the learner practised)');
  });

  it('rejects a score outside 0-2 and an unknown screen kind', () => {
    const problems = parseWith((r) => {
      r.nodes.d1.choices[0].score = 3;
      r.nodes.d2.screen.kind = 'popup';
    });
    expect(problems).toContain('nodes.d1.choices.0.score: score must be 0 (poor), 1 (acceptable) or 2 (best)');
    expect(problems.some((p) => p.startsWith('nodes.d2.screen.kind:'))).toBe(true);
  });
});

describe('course loader with scenarios', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  /** The minimal fixture course plus a practice module (no quiz) with the fixture scenario. */
  function courseWithScenario(scenarioText = readFileSync(SCENARIO_FIXTURE_FILE, 'utf8')): string {
    const root = mkdtempSync(join(tmpdir(), 'course-'));
    roots.push(root);
    cpSync(join(import.meta.dirname, '../fixtures/content/minimal'), root, { recursive: true });
    const dir = join(root, 'content/modules/practice');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    cpSync(join(root, 'content/modules/m1/01-systems.mdx'), join(dir, '01-systems.mdx'));
    writeFileSync(
      join(dir, 'module.yaml'),
      'id: practice\ntitle: Practice\nstandard_outcomes: [U219.LO1]\nsummary: Practise conversations.\nduration_minutes: 20\npass_mark: 70\n' +
        'scenarios: [ten-decisions]\noutcomes:\n  - { id: systems, title: Systems work, criteria: [U219.1.1] }\n',
    );
    writeFileSync(join(dir, 'scenarios/ten-decisions.yaml'), scenarioText);
    const course = join(root, 'content/course.yaml');
    writeFileSync(course, readFileSync(course, 'utf8').replace('modules: [m1]', 'modules: [m1, practice]'));
    return root;
  }

  function problems(root: string): string[] {
    try {
      loadCourse(join(root, 'content'), root);
      return [];
    } catch (error) {
      if (error instanceof ContentError) return error.issues.map(formatIssue);
      throw error;
    }
  }

  it('loads a practice module without a quiz and counts its decisions as checks in coverage', () => {
    const root = courseWithScenario();
    const course = loadCourse(join(root, 'content'), root);
    const practice = course.modules.find((m) => m.meta.id === 'practice')!;
    expect(practice.quiz).toBeNull();
    expect(practice.scenarios.map((s) => s.file)).toEqual(['content/modules/practice/scenarios/ten-decisions.yaml']);
  });

  it('reports schema and graph problems with the file path and node', () => {
    const text = readFileSync(SCENARIO_FIXTURE_FILE, 'utf8').replace('next: d3, score: 2', 'next: d33, score: 2').replace('kind: upload', 'kind: uplaod');
    const found = problems(courseWithScenario(text));
    expect(found.some((p) => p.startsWith('content/modules/practice/scenarios/ten-decisions.yaml: nodes.d5.screen.kind:'))).toBe(true);
    // Graph rules run once the file matches the schema.
    expect(found).toHaveLength(1);
    const graph = problems(courseWithScenario(readFileSync(SCENARIO_FIXTURE_FILE, 'utf8').replace('next: d3, score: 2', 'next: d33, score: 2')));
    expect(graph).toContain('content/modules/practice/scenarios/ten-decisions.yaml: nodes.d2.choices[0].next: node "d33" does not exist; expected a node id under nodes:');
  });

  it('reports a listed scenario whose file is missing', () => {
    const root = courseWithScenario();
    rmSync(join(root, 'content/modules/practice/scenarios/ten-decisions.yaml'));
    expect(problems(root)).toContain('content/modules/practice/module.yaml: scenarios[0]: scenario file content/modules/practice/scenarios/ten-decisions.yaml does not exist');
  });

  it('reports a scenario file that module.yaml does not list', () => {
    const root = courseWithScenario();
    cpSync(SCENARIO_FIXTURE_FILE, join(root, 'content/modules/practice/scenarios/extra.yaml'));
    expect(problems(root)).toContain('content/modules/practice/scenarios/extra.yaml: (file): not listed in content/modules/practice/module.yaml scenarios:, so learners would never see it; add its id there');
  });
});

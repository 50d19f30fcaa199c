import { describe, expect, it } from 'vitest';
import { choiceDisplayOrder, choiceResult, choose, debrief, replayFrom, scorePath, scoreRange, transcript, walk } from '../../src/lib/scenario-engine.ts';
import { realCourse } from '../support/real-course.ts';
import { scenarioStateShape, toRuntimeScenario } from '../../src/lib/scenario-model.ts';
import { fixtureScenario } from '../support/scenario-fixture.ts';

const scenario = toRuntimeScenario('practice', fixtureScenario(), [{ id: 'systems', criteria: ['U219.1.1'] }]);
/** Choice a at each of the ten decisions: all score 2. */
const BEST = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe('scenario engine: transitions', () => {
  it('starts at the start node with nothing chosen', () => {
    const { current, decisions } = walk(scenario, []);
    expect(current.id).toBe('d1');
    expect(decisions).toEqual([]);
  });

  it('moves to the chosen next node and keeps the path', () => {
    let path = choose(scenario, [], 0);
    path = choose(scenario, path, 1);
    expect(path).toEqual([0, 1]);
    expect(walk(scenario, path).current.id).toBe('d3');
    expect(walk(scenario, path).current.screen.kind).toBe('form');
  });

  it('reaches the ending the choices lead to', () => {
    expect(walk(scenario, [1]).current.ending).toBe('gave-up');
    expect(walk(scenario, BEST).current.ending).toBe('resolved-well');
    expect(walk(scenario, [0, 0, 1]).current.ending).toBe('resolved-poorly');
  });

  it('refuses a choice the node does not have, and any choice at an ending', () => {
    expect(() => choose(scenario, [], 2)).toThrow('scenario ten-decisions: node "d1" has no choice 2; expected 0-1');
    expect(() => choose(scenario, [1], 0)).toThrow('node "gave-up" has no choice 0');
  });

  it('resumes a saved path at the same node, and cuts a damaged path at the first step that does not fit', () => {
    const saved = [0, 1, 0, 0];
    expect(walk(scenario, saved).current.id).toBe('d5');
    const damaged = walk(scenario, [0, 1, 3, 0]);
    expect(damaged.path).toEqual([0, 1]);
    expect(damaged.current.id).toBe('d3');
  });

  it('replays from the start or from any decision, keeping the decisions before it', () => {
    expect(replayFrom(BEST, 0)).toEqual([]);
    expect(replayFrom([0, 1, 0, 1], 2)).toEqual([0, 1]);
    expect(walk(scenario, replayFrom([0, 1, 0, 1], 2)).current.id).toBe('d3');
    expect(replayFrom([0], 5)).toEqual([0]);
  });

  it('builds the transcript: customer lines, then what the adviser said, in order', () => {
    const lines = transcript(scenario, [0, 1]);
    expect(lines.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'customer:Hello, I need help.',
      'adviser:Best one',
      'customer:Step two.',
      'adviser:Fair two',
      'customer:Step three.',
    ]);
  });
});

describe('scenario engine: scoring', () => {
  it('scores points earned over two per decision on the path taken', () => {
    expect(scorePath(scenario, BEST)).toEqual({ earned: 20, possible: 20, percent: 100, passed: true });
    // Best, fair (1), then leaving early with a fair choice (1): 4 of 6.
    expect(scorePath(scenario, [0, 1, 1])).toEqual({ earned: 4, possible: 6, percent: 67, passed: false });
    expect(scorePath(scenario, [1])).toEqual({ earned: 0, possible: 2, percent: 0, passed: false });
  });

  it('applies the pass mark from the file', () => {
    // Three poor choices out of ten: 14/20 = 70%, exactly the pass mark; four: 60%.
    expect(scorePath(scenario, [0, 0, 0, 1, 1, 1, 0, 0, 0, 0])).toMatchObject({ percent: 70, passed: true });
    expect(scorePath(scenario, [0, 0, 0, 1, 1, 1, 1, 0, 0, 0])).toMatchObject({ percent: 60, passed: false });
  });

  it('reports best choices as correct, acceptable as neutral and poor as incorrect', () => {
    const d2 = scenario.nodes.d2!;
    expect(choiceResult(d2.choices[0]!)).toBe('correct');
    expect(choiceResult(d2.choices[1]!)).toBe('neutral');
    expect(choiceResult(scenario.nodes.d1!.choices[1]!)).toBe('incorrect');
  });

  it('gives the score range over every path', () => {
    expect(scoreRange(scenario)).toEqual({ min: 0, max: 100 });
  });

  it('gives LMS ids and objectives to each decision node', () => {
    expect(scenario.nodes.d1!.interactionId).toBe('practice-ten-decisions-d1');
    expect(scenario.nodes.d1!.objectives).toEqual(['practice-systems']);
    expect(scenario.nodes.d2!.objectives).toEqual([]);
  });

  it('bounds the saved path by the longest path and the widest node', () => {
    const shape = scenarioStateShape(scenario);
    expect(shape.maxDepth).toBe(10);
    expect(shape.maxChoices).toBe(2);
    expect(shape.ids).toContain('d4.b');
  });
});

describe('scenario engine: debrief', () => {
  it('is only there at an ending', () => {
    expect(debrief(scenario, [0, 0])).toBeNull();
  });

  it('shows the learner path beside a best path lined up with it, feedback and criteria', () => {
    const path = [0, 0, 0, 1, 0, 0, 0, 0, 0, 1];
    const result = debrief(scenario, path)!;
    expect(result.ending.ending).toBe('resolved-poorly');
    expect(result.yours.map((s) => s.choice.id)).toEqual(['a', 'a', 'a', 'b', 'a', 'a', 'a', 'a', 'a', 'b']);
    expect(result.yours[3]!.choice.feedback).toBe('Poor.');
    expect(result.best.map((s) => `${s.node.id}:${s.choice.id}`)).toEqual(BEST.map((_, i) => `d${i + 1}:a`));
    expect(result.score).toMatchObject({ earned: 16, possible: 20, percent: 80 });
    expect(result.criteriaToReview).toEqual(['D4.3.1', 'U219.1.1']);
    expect(result.criteriaDoneWell).toEqual(['U219.1.2']);
  });
});

describe('choice display order', () => {
  it('is a fixed permutation per node, so resume and replay show the same order', () => {
    const order = choiceDisplayOrder('familiar-own-use', 'greet', 4);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceDisplayOrder('familiar-own-use', 'greet', 4)).toEqual(order);
  });

  it('does not leave the best reply first: across the real scenarios the first written choice is shown first in well under half the nodes', () => {
    const course = realCourse();
    const nodes = course.modules.flatMap((mod) =>
      mod.scenarios.flatMap(({ scenario }) => Object.entries(scenario.nodes).filter(([, n]) => (n.choices?.length ?? 0) > 2).map(([id, n]) => ({ scenario: scenario.id, id, count: n.choices!.length }))),
    );
    expect(nodes.length).toBeGreaterThan(20);
    const firstStaysFirst = nodes.filter((n) => choiceDisplayOrder(n.scenario, n.id, n.count)[0] === 0).length;
    expect(firstStaysFirst / nodes.length).toBeLessThan(0.5);
  });
});

// Built inside each test so the checks run while Stryker's mutant is active.
const freshScenario = () => toRuntimeScenario('practice', fixtureScenario(), [{ id: 'systems', criteria: ['U219.1.1'] }]);

describe('scenario engine: edge cases', () => {
  it('stops a walk at a choice whose next node is missing', () => {
    const damaged = freshScenario();
    delete damaged.nodes.d2;
    expect(walk(damaged, [0]).path).toEqual([]);
    expect(walk(damaged, [0]).current.id).toBe('d1');
  });

  it('scores an empty path as 0 %, not NaN', () => {
    expect(scorePath(freshScenario(), [])).toEqual({ earned: 0, possible: 0, percent: 0, passed: false });
  });

  it('gives a 0–0 score range when the start is already an ending', () => {
    const s = freshScenario();
    s.start = 'gave-up';
    expect(scoreRange(s)).toEqual({ min: 0, max: 0 });
  });

  it('puts a node’s note before its customer lines in the transcript', () => {
    const s = freshScenario();
    s.nodes.d1!.note = 'The chat window opens.';
    expect(transcript(s, [])).toEqual([
      { kind: 'note', nodeId: 'd1', text: 'The chat window opens.' },
      { kind: 'customer', nodeId: 'd1', text: 'Hello, I need help.' },
    ]);
  });

  it('lists debrief criteria sorted, not in the order they came up', () => {
    // Criteria come up as U219.1.1, U219.1.2, D4.3.1 along the path.
    expect(debrief(freshScenario(), BEST)!.criteriaDoneWell).toEqual(['D4.3.1', 'U219.1.1', 'U219.1.2']);
    // Missed as U219.1.2 (d2), D4.3.1 (d4), U219.1.1 (d5).
    expect(debrief(freshScenario(), [0, 1, 0, 1, 1, 0, 0, 0, 0, 0])!.criteriaToReview).toEqual(['D4.3.1', 'U219.1.1', 'U219.1.2']);
  });

  it('shows choices in a fixed shuffled order (values from an independent LCG reimplementation)', () => {
    expect(choiceDisplayOrder('ten-decisions', 'd1', 5)).toEqual([1, 0, 3, 2, 4]);
    expect(choiceDisplayOrder('ten-decisions', 'd2', 5)).toEqual([4, 1, 0, 3, 2]);
  });
});

describe('toRuntimeScenario', () => {
  it('copies customer lines, note, choice criteria and criterion wording (blank by default)', () => {
    const authored = fixtureScenario();
    authored.nodes.d1!.note = 'The chat window opens.';
    const s = toRuntimeScenario('practice', authored, []);
    expect(s.nodes.d1).toMatchObject({ customer: ['Hello, I need help.'], note: 'The chat window opens.' });
    expect(s.nodes.d1!.choices.map((c) => c.criteria)).toEqual([['U219.1.1'], ['U219.1.1']]);
    expect(s.criteriaText).toEqual({ 'U219.1.1': '', 'U219.1.2': '', 'D4.3.1': '' });
  });

  it('counts a node towards every outcome sharing any of its choices’ criteria', () => {
    const outcomes = [
      { id: 'systems', criteria: ['U219.1.1', 'U219.9.9'] },
      { id: 'forms', criteria: ['D4.3.1'] },
    ];
    const s = toRuntimeScenario('practice', fixtureScenario(), outcomes, (id) => `Wording of ${id}`);
    expect(s.nodes.d1!.objectives).toEqual(['practice-systems']);
    expect(s.nodes.d3!.objectives).toEqual(['practice-forms']);
    expect(s.nodes.d2!.objectives).toEqual([]);
    expect(s.criteriaText['D4.3.1']).toBe('Wording of D4.3.1');
  });
});

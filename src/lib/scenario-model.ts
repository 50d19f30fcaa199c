import type { Channel, EndingKind, Scenario, ScreenState } from '../schemas/scenario.ts';
import { objectiveId, scenarioInteractionId } from './lms-ids.ts';
import { longestDecisions } from './scenario-graph.ts';

export interface RuntimeChoice {
  id: string;
  say: string;
  next: string;
  score: 0 | 1 | 2;
  feedback: string;
  criteria: string[];
}

export interface RuntimeNode {
  id: string;
  /** LMS interaction id for a decision at this node, e.g. `practice-familiar-system-failure-greet`. */
  interactionId: string;
  customer: string[];
  note?: string;
  screen: ScreenState;
  /** Empty at an ending. */
  choices: RuntimeChoice[];
  ending?: EndingKind;
  debrief?: string;
  /** LMS objectives (module outcomes) that this node's choices count towards. */
  objectives: string[];
}

/** A scenario as the browser sees it: the file's content plus LMS ids. */
export interface RuntimeScenario {
  id: string;
  title: string;
  situation: Scenario['situation'];
  cause: Scenario['cause'];
  channel: Channel;
  passMark: number;
  service: Scenario['service'];
  customer: Scenario['customer'];
  start: string;
  nodes: Record<string, RuntimeNode>;
  /** Wording of every criterion the choices name, for the debrief. */
  criteriaText: Record<string, string>;
}

/** What the saved state needs to know: bounds for the stored path and ids for the fingerprint. */
export interface ScenarioStateShape {
  maxChoices: number;
  maxDepth: number;
  ids: string[];
}

export function toRuntimeScenario(
  moduleId: string,
  scenario: Scenario,
  outcomes: readonly { id: string; criteria: readonly string[] }[],
  criterionText: (id: string) => string = () => '',
): RuntimeScenario {
  const criteriaText: Record<string, string> = {};
  const nodes: Record<string, RuntimeNode> = {};
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const choices = (node.choices ?? []).map((c) => ({ ...c, criteria: [...c.criteria] }));
    const criteria = new Set(choices.flatMap((c) => c.criteria));
    for (const id of criteria) criteriaText[id] = criterionText(id);
    nodes[id] = {
      id,
      interactionId: scenarioInteractionId(moduleId, scenario.id, id),
      customer: [...node.customer],
      ...(node.note ? { note: node.note } : {}),
      screen: node.screen,
      choices,
      ...(node.ending ? { ending: node.ending, debrief: node.debrief } : {}),
      objectives: outcomes.filter((o) => o.criteria.some((c) => criteria.has(c))).map((o) => objectiveId(moduleId, o.id)),
    };
  }
  const { id, title, situation, cause, channel, pass_mark, service, customer, start } = scenario;
  return { id, title, situation, cause, channel, passMark: pass_mark, service, customer, start, nodes, criteriaText };
}

export function scenarioStateShape(scenario: RuntimeScenario): ScenarioStateShape {
  const nodes = Object.values(scenario.nodes);
  return {
    maxChoices: Math.max(1, ...nodes.map((n) => n.choices.length)),
    maxDepth: longestDecisions(scenario),
    ids: nodes.flatMap((n) => [n.id, ...n.choices.map((c) => `${n.id}.${c.id}`)]),
  };
}

import type { Scenario } from '../schemas/scenario.ts';
import { slugSchema } from '../schemas/module.ts';
import { BEST_SCORE, bestPathFrom, findCycle, longestDecisions, reachableFrom } from '../lib/scenario-graph.ts';
import type { ContentIssue } from './content-error.ts';

/** Rules from content/README.md that keep every scenario rich enough to practise the whole conversation. */
export const MIN_DECISIONS_ON_LONGEST_PATH = 10;
export const MIN_DISTINCT_ENDINGS = 3;

/**
 * Graph rules a per-file schema cannot see. Every issue names the node (`nodes.<id>…`) so the author
 * can find it in the file. `isKnownCriterion` comes from the standards catalogue.
 */
export function lintScenario(scenario: Scenario, file: string, isKnownCriterion: (id: string) => boolean, expectedId?: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (field: string, message: string) => issues.push({ file, field, message });
  const nodes = Object.entries(scenario.nodes);

  if (expectedId !== undefined && scenario.id !== expectedId) add('id', `"${scenario.id}" must match the file name "${expectedId}"`);
  if (!scenario.nodes[scenario.start]) {
    add('start', `node "${scenario.start}" does not exist; expected one of the ids under nodes:`);
    return issues;
  }

  let brokenLinks = false;
  for (const [id, node] of nodes) {
    if (!slugSchema.safeParse(id).success) add(`nodes.${id}`, 'node id must use lower-case letters, digits and single hyphens (e.g. ask-what-happened)');
    if (!node.choices && !node.ending)
      add(`nodes.${id}`, 'dead end: give it choices, or make it an ending (ending: resolved-well | resolved-poorly | escalated | gave-up, with a debrief)');
    const ids = new Set<string>();
    const says = new Set<string>();
    node.choices?.forEach((choice, i) => {
      const field = `nodes.${id}.choices[${i}]`;
      if (!scenario.nodes[choice.next]) {
        brokenLinks = true;
        add(`${field}.next`, `node "${choice.next}" does not exist; expected a node id under nodes:`);
      }
      if (ids.has(choice.id)) add(`${field}.id`, `duplicate choice id "${choice.id}" in node "${id}"`);
      const say = choice.say.trim().toLowerCase();
      if (says.has(say)) add(`${field}.say`, `same text as another choice in node "${id}"; each choice must say something different`);
      ids.add(choice.id);
      says.add(say);
      choice.criteria.forEach((criterion, c) => {
        if (!isKnownCriterion(criterion))
          add(`${field}.criteria[${c}]`, `unknown criterion id "${criterion}"; expected an id listed in content/standards/*.yaml`);
      });
    });
  }

  const reachable = reachableFrom(scenario);
  for (const [id] of nodes)
    if (!reachable.has(id)) add(`nodes.${id}`, `cannot be reached from start "${scenario.start}"; link to it from a choice or remove it`);

  const cycle = findCycle(scenario);
  if (cycle)
    // Paths are saved in the LMS's small suspend_data; a forward-only conversation keeps them bounded.
    add(`nodes.${cycle[0]}`, `loops back: ${cycle.join(' → ')}; a conversation only moves forward (to let the customer try again, add a new node)`);
  if (cycle || brokenLinks) return issues;

  if (!bestPathFrom(scenario))
    add('nodes', `no best path: there must be a way from "${scenario.start}" to an ending taking only choices with score ${BEST_SCORE}`);
  const poor = nodes.some(([id, node]) => reachable.has(id) && node.choices?.some((c) => c.score === 0));
  if (!poor) add('nodes', 'no poor path: at least one reachable choice must have score 0 (a plausible mistake with feedback)');

  const decisions = longestDecisions(scenario);
  if (decisions < MIN_DECISIONS_ON_LONGEST_PATH)
    add('nodes', `the longest path has ${decisions} decision${decisions === 1 ? '' : 's'}; expected at least ${MIN_DECISIONS_ON_LONGEST_PATH}`);
  const endings = new Set(nodes.filter(([id, n]) => reachable.has(id) && n.ending).map(([, n]) => n.ending));
  if (endings.size < MIN_DISTINCT_ENDINGS)
    add('nodes', `${endings.size} distinct ending${endings.size === 1 ? '' : 's'} (${[...endings].join(', ')}); expected at least ${MIN_DISTINCT_ENDINGS} of resolved-well, resolved-poorly, escalated, gave-up`);
  return issues;
}

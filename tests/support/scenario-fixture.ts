import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';

export const SCENARIO_FIXTURE_FILE = join(import.meta.dirname, '../fixtures/scenarios/ten-decisions.yaml');

/** A fresh, valid copy of the ten-decision fixture scenario (tests break one rule on it). */
export function fixtureScenario(): Scenario {
  return scenarioSchema.parse(parse(readFileSync(SCENARIO_FIXTURE_FILE, 'utf8')));
}

/** Criteria the fixture course catalogue knows. */
export const FIXTURE_CRITERIA = new Set(['U219.1.1', 'U219.1.2', 'D4.3.1']);

/**
 * @module simulate/scenarios
 * The shipped training scenarios, parsed once (the schema fills in defaults) on first use.
 */
import { SCENARIO_SOURCES } from './_scenarios.js';
import { ScenarioSchema, type Scenario } from './scenario.js';

let shipped: readonly Scenario[] | undefined;

/**
 * Every shipped scenario, gentlest first, then by language and id.
 * @example shippedScenarios().length // ≥ 16
 */
export function shippedScenarios(): readonly Scenario[] {
  shipped ??= SCENARIO_SOURCES.map((s) => ScenarioSchema.parse(s)).sort(
    (a, b) => a.difficulty - b.difficulty || a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id),
  );
  return shipped;
}

/** @example scenarioById('en-bank-blocked-card')?.lang // 'en' */
export function scenarioById(id: string): Scenario | undefined {
  return shippedScenarios().find((s) => s.id === id);
}

/**
 * @module simulate
 * The difficult-customer simulator: scenarios as data, a seeded customer whose mood follows the
 * coach's reading of each reply, and the report card.
 */
export * from './scenario.js';
export * from './types.js';
export { Simulator, SimulationError, type SimulatorDeps } from './Simulator.js';
export { reportCard, reviewTurns, type Advice, type ReportCard, type ReportCriterion, type ReportCriterionName } from './reportCard.js';
export { customerPrompt, withCustomerText, type ChatMessage } from './customerPrompt.js';
export { shippedScenarios, scenarioById } from './scenarios.js';

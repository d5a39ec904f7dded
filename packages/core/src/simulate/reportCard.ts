/**
 * @module simulate/reportCard
 * The report card of a simulator session: the conversation review's criteria with the turns that
 * show them, the scenario's own expectations (call a supervisor in a crisis, never end on someone
 * in distress), the coach's findings with better wordings, and for each criterion missed a line
 * from the reply library that would have met it — what would have done better, in the customer's
 * language.
 */
import type { Finding } from '../coach/types.js';
import type { Situation } from '../conversation/types.js';
import { shippedReplyLibrary } from '../protocol/createProtocol.js';
import type { AgentAction } from '../protocol/types.js';
import type { ConversationReviewer, Criterion, Turn } from '../review/ConversationReviewer.js';
import type { Scenario } from './scenario.js';
import type { SimOutcome, SimState } from './types.js';

export type ReportCriterionName = Criterion | 'expected_action' | 'forbidden_action';

export interface ReportCriterion {
  criterion: ReportCriterionName;
  /** For the scenario's expectations: the action concerned. */
  action?: AgentAction;
  /** `null` when it does not apply to this session. */
  met: boolean | null;
  /** Turn indexes (into the session's turns) that show it. */
  turns: number[];
}

/** What would have done better for one missed criterion. */
export interface Advice {
  criterion: ReportCriterionName;
  action?: AgentAction;
  /** A line from the reply library that meets it, in the scenario's language (absent where the library has none). */
  example?: string;
}

export interface ReportCard {
  scenarioId: string;
  outcome: SimOutcome | null;
  passed: boolean;
  /** Share of applicable criteria met, 0–1. */
  score: number;
  passScore: number;
  criteria: ReportCriterion[];
  /** The coach's findings on each agent turn that had any, with its better wording. */
  findings: { turn: number; findings: Finding[] }[];
  advice: Advice[];
  /** The customer's mood after each of their turns, for a chart of how the conversation went. */
  moods: number[];
}

/** Which reply situation shows how to meet a criterion. */
const EXAMPLE_SITUATION: Partial<Record<ReportCriterionName, Situation>> = {
  acknowledged: 'acknowledge',
  restated_and_confirmed: 'restate_confirm',
  recapped: 'closing_recap',
  asked_anything_else: 'closing_recap',
  boundary_before_ending: 'help_boundary',
};
const ACTION_SITUATION: Partial<Record<AgentAction, Situation>> = {
  supervisor_called: 'crisis_response',
  security_called: 'threat_response',
};

/** The session's turns as the conversation review reads them. */
export function reviewTurns(state: SimState): Turn[] {
  return state.turns.map((t) =>
    t.role === 'action'
      ? { role: 'action', action: t.action }
      : t.role === 'agent'
        ? { role: 'agent', text: t.text }
        : { role: 'customer', text: t.text, label: t.label },
  );
}

/**
 * Scores a session. It passes when it ended well (resolved, or ended after a boundary), broke none
 * of the scenario's rules and met at least the scenario's share of the criteria.
 * @example reportCard(scenario, state, reviewer).criteria.find((c) => c.criterion === 'acknowledged')?.turns
 */
export function reportCard(scenario: Scenario, state: SimState, reviewer: ConversationReviewer): ReportCard {
  const review = reviewer.review(reviewTurns(state), scenario.lang, scenario.register);
  const criteria: ReportCriterion[] = review.criteria.map((c) => ({ ...c }));
  const actionTurns = (action: AgentAction) => state.turns.flatMap((t, i) => (t.role === 'action' && t.action === action ? [i] : []));
  for (const action of scenario.expectedActions) {
    const at = actionTurns(action);
    criteria.push({ criterion: 'expected_action', action, met: at.length > 0, turns: at });
  }
  for (const action of scenario.forbiddenActions) {
    const at = actionTurns(action);
    criteria.push({ criterion: 'forbidden_action', action, met: at.length === 0, turns: at });
  }
  const applicable = criteria.filter((c) => c.met !== null);
  const score = applicable.length === 0 ? 0 : round2(applicable.filter((c) => c.met).length / applicable.length);

  const brokeRule = criteria.some((c) => c.criterion === 'forbidden_action' && c.met === false);
  const boundary = criteria.find((c) => c.criterion === 'boundary_before_ending');
  const endedWell = state.outcome === 'resolved' || (state.outcome === 'ended' && boundary?.met === true);
  const passed = endedWell && !brokeRule && score >= scenario.passScore;

  const library = shippedReplyLibrary();
  const register = scenario.register ?? 'formal';
  const exampleFor = (situation: Situation | undefined): string | undefined => {
    if (!situation) return undefined;
    // A line without placeholders reads as a finished sentence; the seed picks the same one on replay.
    const lines = library.lines(scenario.lang, situation, register).filter((r) => !r.text.includes('{'));
    return lines.length > 0 ? lines[state.seed % lines.length]!.text : undefined;
  };
  const advice: Advice[] = criteria
    .filter((c) => c.met === false)
    .map((c) => {
      const example = exampleFor(c.action ? ACTION_SITUATION[c.action] : EXAMPLE_SITUATION[c.criterion]);
      return { criterion: c.criterion, ...(c.action ? { action: c.action } : {}), ...(example ? { example } : {}) };
    });

  return {
    scenarioId: scenario.id,
    outcome: state.outcome,
    passed,
    score,
    passScore: scenario.passScore,
    criteria,
    findings: review.findings.filter((f) => f.findings.length > 0),
    advice,
    moods: state.turns.flatMap((t) => (t.role === 'customer' ? [t.mood] : [])),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

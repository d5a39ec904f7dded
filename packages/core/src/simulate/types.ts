/**
 * @module simulate/types
 * A simulator session's state and what each agent turn does to it. The state is plain JSON: the
 * server stores it, and `Simulator.replay` rebuilds it from the seed and the agent's inputs alone.
 */
import type { Finding } from '../coach/types.js';
import type { Label } from '../detect/types.js';
import type { AgentAction } from '../protocol/types.js';
import type { Calmer, Escalator, Mood } from './scenario.js';

/** One turn of a simulated conversation. */
export type SimTurn =
  /** A customer line with the mood after it and the detector's label (what the review and the live screens would see). */
  | { role: 'customer'; text: string; mood: number; label: Label }
  | { role: 'agent'; text: string }
  | { role: 'action'; action: AgentAction };

/** What the trainee did: the inputs a replay needs. */
export type SimInput = { kind: 'reply'; text: string } | { kind: 'action'; action: AgentAction };

/** How a session ended: settled, ended by the agent, out of turns, or left by the trainee. */
export const SIM_OUTCOMES = ['resolved', 'ended', 'turn_limit', 'exited'] as const;
export type SimOutcome = (typeof SIM_OUTCOMES)[number];

export interface SimState {
  version: 1;
  scenarioId: string;
  seed: number;
  /** The pseudo-random generator's state after the last draw. */
  rng: number;
  /** 0 calm … 100 hostile. */
  mood: number;
  turns: SimTurn[];
  inputs: SimInput[];
  /** Agent replies so far (actions do not count towards the turn limit). */
  agentTurns: number;
  /** A solution has been offered and not yet settled. */
  solutionOffered: boolean;
  /** The customer has accepted; "anything else?" closes the session. */
  settled: boolean;
  /** Whether the scenario's disclosure has been said. */
  disclosed: boolean;
  /** While hostile after a boundary: whether they took it (null: no boundary given while hostile). */
  boundaryTaken: boolean | null;
  /** Customer lines already said (never said twice while the pool has others). */
  used: string[];
  /** How often each calmer has worked so far (the same move calms less each time). */
  calmed: Partial<Record<Calmer, number>>;
  outcome: SimOutcome | null;
}

/** What one agent turn did. */
export interface SimStep {
  state: SimState;
  /** The customer's answer, or null when the session ended without one. */
  customer: string | null;
  moodBefore: number;
  moodAfter: number;
  band: Mood;
  /** What moved the mood, from the coach's reading of the reply. */
  escalators: Escalator[];
  calmers: Calmer[];
  /** The coach's findings on the reply (empty for actions). */
  findings: Finding[];
}

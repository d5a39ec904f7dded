/**
 * The training API's answers, written by hand to match the server's Zod schemas in
 * packages/server/src/routes/training/schemas.ts and cohorts.ts (the generated schema.d.ts does not
 * have them yet). Core's names (moods, escalators, criteria…) are imported as types only, so the
 * page does not load core to show them.
 */
import type {
  AgentAction,
  Calmer,
  ContentNote,
  Escalator,
  Finding,
  Label,
  Language,
  Mood,
  ReportCriterionName,
  SimOutcome,
} from '@calmline/core';

export type { AgentAction, Mood };

/** GET /api/training/scenarios → scenarios[] */
export interface ScenarioSummary {
  id: string;
  lang: Language;
  title: string;
  brief: string;
  persona: { name: string; description: string };
  sector: string;
  contactReason: string;
  difficulty: number;
  contentNotes: ContentNote[];
  /** Starting needs `acknowledgedContent: true`. */
  needsAcknowledgement: boolean;
  turnLimit: number;
}

export interface ScenarioList {
  freeTextAvailable: boolean;
  scenarios: ScenarioSummary[];
}

export type SessionStatus = 'active' | 'paused' | 'finished';

/** One turn as the API shows it: the customer's mood as a band, never the number. */
export type SimTurnView =
  { role: 'customer'; text: string; band: Mood; label: Label } | { role: 'agent'; text: string } | { role: 'action'; action: AgentAction };

export interface ReportCardView {
  outcome: SimOutcome | null;
  passed: boolean;
  score: number;
  passScore: number;
  criteria: { criterion: ReportCriterionName; action?: AgentAction; met: boolean | null; turns: number[] }[];
  findings: { turn: number; findings: Finding[] }[];
  advice: { criterion: ReportCriterionName; action?: AgentAction; example?: string }[];
  /** The customer's mood band after each of their lines. */
  moods: Mood[];
}

/** GET /api/training/sessions → sessions[] */
export interface SessionSummary {
  id: string;
  userId: string;
  scenarioId: string;
  title: string;
  lang: Language;
  difficulty: number;
  status: SessionStatus;
  outcome: SimOutcome | null;
  score: number | null;
  passed: boolean | null;
  freeText: boolean;
  cohortId: string | null;
  assignmentId: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** GET /api/training/sessions/:id, and what starting, pausing, resuming and leaving answer. */
export interface SimSessionView extends SessionSummary {
  seed: number;
  band: Mood;
  turns: SimTurnView[];
  modelFallbacks: number;
  report: ReportCardView | null;
}

/** What one reply or action did. */
export interface StepView {
  customer: string | null;
  bandBefore: Mood;
  bandAfter: Mood;
  escalators: Escalator[];
  calmers: Calmer[];
  findings: Finding[];
  voice: 'script' | 'model' | 'fallback';
}

/** POST /api/training/sessions/:id/reply and /action */
export interface Played {
  session: SimSessionView;
  step: StepView;
}

/** The most recruits one coach looks after (the server's COHORT_SIZE; it refuses a seventh). */
export const COHORT_SIZE = 6;

/** A cohort's readiness rule. */
export interface ReadinessRule {
  passes: number;
  /** 0–1 */
  minScore: number;
  /** 1–3 */
  minDifficulty: number;
  requiredScenarios: string[];
}

/** One recruit against the rule (the server's training/readiness). */
export interface Readiness {
  ready: boolean;
  passes: number;
  passesNeeded: number;
  missingScenarios: string[];
  finishedSessions: number;
  bestScore: number | null;
}

/** GET /api/training/cohorts → cohorts[] */
export interface CohortSummary {
  id: string;
  name: string;
  coachId: string;
  coachName: string;
  readiness: ReadinessRule;
  createdAt: string;
  closedAt: string | null;
  memberCount: number;
  signedOffCount: number;
}

export interface CohortMemberView {
  userId: string;
  name: string;
  addedAt: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
  recruit: boolean;
  readiness: Readiness;
  sessions: { started: number; finished: number; passed: number };
}

export interface AssignmentView {
  id: string;
  cohortId: string;
  scenarioId: string;
  title: string;
  dueAt: string | null;
  createdAt: string;
}

/** GET /api/training/cohorts/:id (and what creating and closing answer) */
export interface CohortDetail extends CohortSummary {
  members: CohortMemberView[];
  assignments: (AssignmentView & { results: { userId: string; bestScore: number | null; passed: boolean }[] })[];
}

/** GET /api/training/me */
export interface MyTraining {
  recruit: boolean;
  cohorts: (Pick<CohortSummary, 'id' | 'name' | 'coachId' | 'coachName' | 'readiness' | 'createdAt' | 'closedAt'> & {
    signedOffAt: string | null;
    myReadiness: Readiness;
    assignments: (AssignmentView & { bestScore: number | null; passed: boolean })[];
  })[];
  progress: { started: number; finished: number; passed: number; bestScore: number | null };
}

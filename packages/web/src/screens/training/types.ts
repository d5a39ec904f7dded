/**
 * Names for the training API's answers, taken from the generated API types (api/schema.d.ts).
 */
import type { Reply } from '../../api/types';

export type ScenarioList = Reply<'/api/training/scenarios'>;
export type ScenarioSummary = ScenarioList['scenarios'][number];

/** GET /api/training/sessions/:id, and what starting, pausing, resuming and leaving answer. */
export type SimSessionView = Reply<'/api/training/sessions/{id}'>;
export type SessionSummary = Reply<'/api/training/sessions'>['sessions'][number];
export type SessionStatus = SessionSummary['status'];
/** One turn as the API shows it: the customer's mood as a band, never the number. */
export type SimTurnView = SimSessionView['turns'][number];
export type Mood = SimSessionView['band'];
export type ReportCardView = NonNullable<SimSessionView['report']>;

/** POST /api/training/sessions/:id/reply and /action */
export type Played = Reply<'/api/training/sessions/{id}/reply', 'post'>;
/** What one reply or action did. */
export type StepView = Played['step'];
export type AgentAction = Extract<SimTurnView, { role: 'action' }>['action'];

/** GET /api/training/cohorts → cohorts[] */
export type CohortSummary = Reply<'/api/training/cohorts'>['cohorts'][number];
/** A cohort's readiness rule. */
export type ReadinessRule = CohortSummary['readiness'];
/** GET /api/training/cohorts/:id (and what creating and closing answer) */
export type CohortDetail = Reply<'/api/training/cohorts/{id}'>;
export type CohortMemberView = CohortDetail['members'][number];
/** One recruit against the rule (the server's training/readiness). */
export type Readiness = CohortMemberView['readiness'];
export type AssignmentView = CohortDetail['assignments'][number];
/** GET /api/training/me */
export type MyTraining = Reply<'/api/training/me'>;

/** The most recruits one coach looks after (the server's COHORT_SIZE; it refuses a seventh). */
export const COHORT_SIZE = 6;

/**
 * @module store/TrainingRepository
 * Simulator sessions, cohorts, their members and assignments. A session's state is core's SimState
 * as JSON (the engine is the only thing that reads inside it); lists carry everything but the state,
 * so a coach's overview of six recruits does not parse every transcript.
 */
import type { SimOutcome, SimState } from '@calmline/core';
import type { Kysely, Selectable } from 'kysely';
import type { AssignmentTable, CohortMemberTable, CohortTable, DB, TrainingSessionTable } from '../db/schema.js';
import { newId, now, parseJson } from './ids.js';

export const SESSION_STATUSES = ['active', 'paused', 'finished'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A session without its transcript: what lists, progress and readiness need. */
export interface SessionSummary {
  id: string;
  orgId: string;
  userId: string;
  scenarioId: string;
  seed: number;
  status: SessionStatus;
  outcome: SimOutcome | null;
  score: number | null;
  passed: boolean | null;
  freeText: boolean;
  modelFallbacks: number;
  cohortId: string | null;
  assignmentId: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface TrainingSession extends SessionSummary {
  state: SimState;
}

/** When a recruit is ready for live contacts. */
export interface ReadinessRule {
  /** Passed sessions needed (at the difficulty and score below). */
  passes: number;
  /** Lowest review score, 0–1, a pass must have. */
  minScore: number;
  /** Lowest scenario difficulty, 1–3, that counts. */
  minDifficulty: number;
  /** Scenarios each recruit must have passed, whatever else they did. */
  requiredScenarios: string[];
}

export const DEFAULT_READINESS: ReadinessRule = { passes: 3, minScore: 0.7, minDifficulty: 2, requiredScenarios: [] };

export interface Cohort {
  id: string;
  orgId: string;
  name: string;
  coachId: string;
  readiness: ReadinessRule;
  createdAt: string;
  closedAt: string | null;
}

export interface CohortMember {
  cohortId: string;
  userId: string;
  addedAt: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
}

export interface Assignment {
  id: string;
  cohortId: string;
  scenarioId: string;
  dueAt: string | null;
  createdAt: string;
}

/** The most recruits one coach looks after (PRODUCT.md: small cohorts, about six per coach). */
export const COHORT_SIZE = 6;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'user_id',
  'scenario_id',
  'seed',
  'status',
  'outcome',
  'score',
  'passed',
  'free_text',
  'model_fallbacks',
  'cohort_id',
  'assignment_id',
  'started_at',
  'updated_at',
  'finished_at',
] as const;

type SummaryRow = Pick<Selectable<TrainingSessionTable>, (typeof SUMMARY_COLUMNS)[number]>;

const presentSummary = (r: SummaryRow): SessionSummary => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  scenarioId: r.scenario_id,
  seed: Number(r.seed),
  status: r.status as SessionStatus,
  outcome: r.outcome as SimOutcome | null,
  // PostgreSQL may hand back numeric text for some column types; both dialects give numbers here.
  score: r.score === null ? null : Number(r.score),
  passed: r.passed === null ? null : Number(r.passed) === 1,
  freeText: Number(r.free_text) === 1,
  modelFallbacks: Number(r.model_fallbacks),
  cohortId: r.cohort_id,
  assignmentId: r.assignment_id,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

const presentCohort = (r: Selectable<CohortTable>): Cohort => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  coachId: r.coach_id,
  readiness: { ...DEFAULT_READINESS, ...parseJson<Partial<ReadinessRule>>(r.readiness, {}) },
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const presentMember = (r: Selectable<CohortMemberTable>): CohortMember => ({
  cohortId: r.cohort_id,
  userId: r.user_id,
  addedAt: r.added_at,
  signedOffAt: r.signed_off_at,
  signedOffBy: r.signed_off_by,
});

const presentAssignment = (r: Selectable<AssignmentTable>): Assignment => ({
  id: r.id,
  cohortId: r.cohort_id,
  scenarioId: r.scenario_id,
  dueAt: r.due_at,
  createdAt: r.created_at,
});

export class TrainingRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async createSession(s: {
    orgId: string;
    userId: string;
    scenarioId: string;
    seed: number;
    state: SimState;
    freeText: boolean;
    cohortId: string | null;
    assignmentId: string | null;
  }): Promise<TrainingSession> {
    const t = now();
    const row = {
      id: newId(),
      org_id: s.orgId,
      user_id: s.userId,
      scenario_id: s.scenarioId,
      seed: s.seed,
      state: JSON.stringify(s.state),
      status: 'active',
      outcome: null,
      score: null,
      passed: null,
      free_text: s.freeText ? 1 : 0,
      model_fallbacks: 0,
      cohort_id: s.cohortId,
      assignment_id: s.assignmentId,
      started_at: t,
      updated_at: t,
      finished_at: null,
    };
    await this.db.insertInto('training_sessions').values(row).execute();
    return { ...presentSummary(row), state: s.state };
  }

  /** One session of the organisation; `lock` holds the row (PostgreSQL) until the transaction ends. */
  async session(orgId: string, id: string, lock = false): Promise<TrainingSession | undefined> {
    let q = this.db.selectFrom('training_sessions').selectAll().where('org_id', '=', orgId).where('id', '=', id);
    if (lock && this.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && { ...presentSummary(row), state: JSON.parse(row.state) as SimState };
  }

  async updateSession(
    id: string,
    change: {
      state?: SimState;
      status?: SessionStatus;
      outcome?: SimOutcome | null;
      score?: number | null;
      passed?: boolean | null;
      finishedAt?: string | null;
      /** Customer lines the model failed to write in this turn. */
      addFallbacks?: number;
    },
  ): Promise<void> {
    await this.db
      .updateTable('training_sessions')
      .set((eb) => ({
        updated_at: now(),
        ...(change.state ? { state: JSON.stringify(change.state) } : {}),
        ...(change.status ? { status: change.status } : {}),
        ...(change.outcome !== undefined ? { outcome: change.outcome } : {}),
        ...(change.score !== undefined ? { score: change.score } : {}),
        ...(change.passed !== undefined ? { passed: change.passed === null ? null : change.passed ? 1 : 0 } : {}),
        ...(change.finishedAt !== undefined ? { finished_at: change.finishedAt } : {}),
        ...(change.addFallbacks ? { model_fallbacks: eb('model_fallbacks', '+', change.addFallbacks) } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Sessions of these users (or the whole organisation's), newest first, without their transcripts. */
  async sessions(
    orgId: string,
    userIds: readonly string[] | null,
    filter: { finishedOnly?: boolean; limit?: number } = {},
  ): Promise<SessionSummary[]> {
    if (userIds && userIds.length === 0) return [];
    let q = this.db.selectFrom('training_sessions').select(SUMMARY_COLUMNS).where('org_id', '=', orgId);
    if (userIds) q = q.where('user_id', 'in', userIds);
    if (filter.finishedOnly) q = q.where('status', '=', 'finished');
    const rows = await q
      .orderBy('started_at', 'desc')
      .limit(filter.limit ?? 500)
      .execute();
    return rows.map(presentSummary);
  }

  async createCohort(c: { orgId: string; name: string; coachId: string; readiness: ReadinessRule }): Promise<Cohort> {
    const row = {
      id: newId(),
      org_id: c.orgId,
      name: c.name,
      coach_id: c.coachId,
      readiness: JSON.stringify(c.readiness),
      created_at: now(),
      closed_at: null,
    };
    await this.db.insertInto('cohorts').values(row).execute();
    return presentCohort(row);
  }

  /** One cohort; `lock` holds the row (PostgreSQL) so two recruits added at once cannot make seven. */
  async cohort(orgId: string, id: string, lock = false): Promise<Cohort | undefined> {
    let q = this.db.selectFrom('cohorts').selectAll().where('org_id', '=', orgId).where('id', '=', id);
    if (lock && this.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && presentCohort(row);
  }

  /** The organisation's cohorts (or one coach's), newest first. */
  async cohorts(orgId: string, filter: { coachId?: string; ids?: readonly string[] } = {}): Promise<Cohort[]> {
    if (filter.ids && filter.ids.length === 0) return [];
    let q = this.db.selectFrom('cohorts').selectAll().where('org_id', '=', orgId);
    if (filter.coachId) q = q.where('coach_id', '=', filter.coachId);
    if (filter.ids) q = q.where('id', 'in', filter.ids);
    return (await q.orderBy('created_at', 'desc').limit(500).execute()).map(presentCohort);
  }

  async closeCohort(id: string): Promise<void> {
    await this.db.updateTable('cohorts').set({ closed_at: now() }).where('id', '=', id).where('closed_at', 'is', null).execute();
  }

  async members(cohortIds: readonly string[]): Promise<CohortMember[]> {
    if (cohortIds.length === 0) return [];
    const rows = await this.db.selectFrom('cohort_members').selectAll().where('cohort_id', 'in', cohortIds).orderBy('added_at').execute();
    return rows.map(presentMember);
  }

  /** The cohorts a user belongs to (open or closed), with their membership. */
  async membershipsOf(orgId: string, userId: string): Promise<{ cohort: Cohort; member: CohortMember }[]> {
    const rows = await this.db
      .selectFrom('cohort_members')
      .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
      .selectAll('cohorts')
      .select(['cohort_members.added_at', 'cohort_members.signed_off_at', 'cohort_members.signed_off_by', 'cohort_members.user_id'])
      .where('cohorts.org_id', '=', orgId)
      .where('cohort_members.user_id', '=', userId)
      .orderBy('cohorts.created_at', 'desc')
      .execute();
    return rows.map((r) => ({ cohort: presentCohort(r), member: presentMember({ ...r, cohort_id: r.id }) }));
  }

  /** Members of the cohorts one coach runs (open or closed): whose sessions the coach may see. */
  async coachedUserIds(orgId: string, coachId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cohort_members')
      .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
      .select('cohort_members.user_id')
      .distinct()
      .where('cohorts.org_id', '=', orgId)
      .where('cohorts.coach_id', '=', coachId)
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Adds a member; the caller checks the cohort's size inside the same transaction. */
  async addMember(cohortId: string, userId: string): Promise<CohortMember> {
    const row = { cohort_id: cohortId, user_id: userId, added_at: now(), signed_off_at: null, signed_off_by: null };
    await this.db.insertInto('cohort_members').values(row).execute();
    return presentMember(row);
  }

  async removeMember(cohortId: string, userId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async signOff(cohortId: string, userId: string, by: string): Promise<void> {
    await this.db
      .updateTable('cohort_members')
      .set({ signed_off_at: now(), signed_off_by: by })
      .where('cohort_id', '=', cohortId)
      .where('user_id', '=', userId)
      .where('signed_off_at', 'is', null)
      .execute();
  }

  /**
   * Recruits: members of an open cohort not yet signed off. They may not take live contacts; the
   * ingest path asks this through a short cache (training/recruitGate), never per message.
   */
  async recruitIds(orgId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cohort_members')
      .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
      .select('cohort_members.user_id')
      .distinct()
      .where('cohorts.org_id', '=', orgId)
      .where('cohorts.closed_at', 'is', null)
      .where('cohort_members.signed_off_at', 'is', null)
      .execute();
    return rows.map((r) => r.user_id);
  }

  async addAssignment(a: { cohortId: string; scenarioId: string; dueAt: string | null }): Promise<Assignment> {
    const row = { id: newId(), cohort_id: a.cohortId, scenario_id: a.scenarioId, due_at: a.dueAt, created_at: now() };
    await this.db.insertInto('assignments').values(row).execute();
    return presentAssignment(row);
  }

  async assignment(id: string): Promise<Assignment | undefined> {
    const row = await this.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && presentAssignment(row);
  }

  async assignments(cohortIds: readonly string[]): Promise<Assignment[]> {
    if (cohortIds.length === 0) return [];
    const rows = await this.db.selectFrom('assignments').selectAll().where('cohort_id', 'in', cohortIds).orderBy('created_at').execute();
    return rows.map(presentAssignment);
  }
}

/**
 * @module routes/training/cohorts
 * Cohorts: a coach and up to six recruits (PRODUCT.md: small cohorts, about six per coach), the
 * scenarios assigned to them, each recruit's progress and readiness against the cohort's rule, and
 * the sign-off that opens live contacts to a recruit. Every change is in the audit log, and every
 * change to who is a recruit reaches the ingest gate (training/recruitGate) at once on this node.
 * A cohort is run by its coach; admins see and run every cohort.
 */
import { scenarioById } from '@calmline/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { Store } from '../../store/Store.js';
import {
  COHORT_SIZE,
  DEFAULT_READINESS,
  type Assignment,
  type Cohort,
  type CohortMember,
  type SessionSummary,
} from '../../store/TrainingRepository.js';
import type { Actor } from '../../store/types.js';
import { readiness, whatIsMissing } from '../../training/readiness.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';

const ERRORS = { ...COMMON_ERRORS, 409: COMMON_ERRORS[400] };
const COACH_ROLES: readonly string[] = ['trainer', 'lead', 'admin'];

const RuleSchema = z.object({
  passes: z.number().int().min(1).max(50).describe('Passed sessions needed'),
  minScore: z.number().min(0).max(1).describe('Lowest review score a pass must have, 0–1'),
  minDifficulty: z.number().int().min(1).max(3).describe('Lowest scenario difficulty that counts, 1–3'),
  requiredScenarios: z.array(z.string().min(1).max(80)).max(30).describe('Scenarios every recruit must have passed'),
});

const ReadinessSchema = z.object({
  ready: z.boolean(),
  passes: z.number().int(),
  passesNeeded: z.number().int(),
  missingScenarios: z.array(z.string()),
  finishedSessions: z.number().int(),
  bestScore: z.number().nullable(),
});

const MemberSchema = z.object({
  userId: Id,
  name: z.string(),
  addedAt: z.string(),
  signedOffAt: z.string().nullable(),
  signedOffBy: Id.nullable(),
  /** In an open cohort and not signed off: may not take live contacts. */
  recruit: z.boolean(),
  readiness: ReadinessSchema,
  sessions: z.object({ started: z.number().int(), finished: z.number().int(), passed: z.number().int() }),
});

const AssignmentSchema = z.object({
  id: Id,
  cohortId: Id,
  scenarioId: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});

const AssignmentResultsSchema = AssignmentSchema.extend({
  results: z.array(z.object({ userId: Id, bestScore: z.number().nullable(), passed: z.boolean() })),
});

const CohortSchema = z.object({
  id: Id,
  name: z.string(),
  coachId: Id,
  coachName: z.string(),
  readiness: RuleSchema,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  memberCount: z.number().int(),
  signedOffCount: z.number().int(),
});

const CohortDetailSchema = CohortSchema.extend({
  members: z.array(MemberSchema),
  assignments: z.array(AssignmentResultsSchema),
});

const MemberParams = IdParams.extend({ userId: Id });

const difficultyOf = (id: string) => scenarioById(id)?.difficulty;

function presentAssignment(a: Assignment): z.infer<typeof AssignmentSchema> {
  return { ...a, title: scenarioById(a.scenarioId)?.title ?? a.scenarioId };
}

/** A member's best finished session of a scenario (the assignment's), and whether any passed. */
function resultOf(sessions: readonly SessionSummary[], scenarioId: string) {
  const finished = sessions.filter((s) => s.scenarioId === scenarioId && s.status === 'finished');
  const scores = finished.flatMap((s) => (s.score === null ? [] : [s.score]));
  return { bestScore: scores.length > 0 ? Math.max(...scores) : null, passed: finished.some((s) => s.passed === true) };
}

async function nameOf(store: Store, orgId: string, id: string): Promise<string> {
  return (await store.users.get(orgId, id))?.name ?? '';
}

/** Members with their progress and readiness, and the assignments with each member's best score. */
async function detail(store: Store, cohort: Cohort): Promise<z.infer<typeof CohortDetailSchema>> {
  const [members, assignments] = await Promise.all([store.training.members([cohort.id]), store.training.assignments([cohort.id])]);
  const sessions = await store.training.sessions(
    cohort.orgId,
    members.map((m) => m.userId),
    { limit: 5000 },
  );
  const of = (userId: string) => sessions.filter((s) => s.userId === userId);
  const presented = await Promise.all(members.map(async (m) => presentMember(store, cohort, m, of(m.userId))));
  return {
    ...(await summary(store, cohort, members)),
    members: presented,
    assignments: assignments.map((a) => ({
      ...presentAssignment(a),
      results: members.map((m) => ({ userId: m.userId, ...resultOf(of(m.userId), a.scenarioId) })),
    })),
  };
}

async function summary(store: Store, cohort: Cohort, members: readonly CohortMember[]): Promise<z.infer<typeof CohortSchema>> {
  return {
    id: cohort.id,
    name: cohort.name,
    coachId: cohort.coachId,
    coachName: await nameOf(store, cohort.orgId, cohort.coachId),
    readiness: cohort.readiness,
    createdAt: cohort.createdAt,
    closedAt: cohort.closedAt,
    memberCount: members.length,
    signedOffCount: members.filter((m) => m.signedOffAt !== null).length,
  };
}

async function presentMember(
  store: Store,
  cohort: Cohort,
  m: CohortMember,
  sessions: readonly SessionSummary[],
): Promise<z.infer<typeof MemberSchema>> {
  return {
    userId: m.userId,
    name: await nameOf(store, cohort.orgId, m.userId),
    addedAt: m.addedAt,
    signedOffAt: m.signedOffAt,
    signedOffBy: m.signedOffBy,
    recruit: cohort.closedAt === null && m.signedOffAt === null,
    readiness: readiness(sessions, cohort.readiness, difficultyOf),
    sessions: {
      started: sessions.length,
      finished: sessions.filter((s) => s.status === 'finished').length,
      passed: sessions.filter((s) => s.passed === true).length,
    },
  };
}

function checkScenarios(ids: readonly string[]): void {
  const unknown = ids.filter((id) => !scenarioById(id));
  if (unknown.length > 0) throw new AppError('validation_failed', `There is no training scenario ${unknown.join(', ')}.`);
}

export function cohortRoutes(app: App, ctx: AppContext): void {
  const gate = ctx.recruits;

  /** A cohort the actor runs (its coach, or an admin); anyone else gets not found. */
  const managed = async (store: Store, actor: Actor, id: string, lock = false): Promise<Cohort> => {
    const cohort = await store.training.cohort(actor.orgId, id, lock);
    if (!cohort || (actor.role !== 'admin' && cohort.coachId !== actor.userId))
      throw new AppError('not_found', 'There is no cohort with this id that you run.');
    return cohort;
  };
  const open = (cohort: Cohort) => {
    if (cohort.closedAt !== null) throw new AppError('invalid_transition', 'This cohort is closed.');
  };

  app.post(
    '/api/training/cohorts',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: 'Start a cohort (I coach it unless an admin names another coach)',
        body: z.object({
          name: z.string().trim().min(1).max(120),
          coachId: Id.optional().describe('Admins only: a trainer, lead or admin to coach the cohort'),
          readiness: RuleSchema.partial()
            .optional()
            .describe(`Defaults: ${JSON.stringify(DEFAULT_READINESS)}`),
        }),
        response: { 201: CohortDetailSchema, ...ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const coachId = req.body.coachId ?? actor.userId;
      if (coachId !== actor.userId) {
        if (actor.role !== 'admin') throw new AppError('forbidden', 'Only an admin can start a cohort for another coach.');
        const coach = await ctx.store.users.get(actor.orgId, coachId);
        if (!coach || coach.disabled || !COACH_ROLES.includes(coach.role))
          throw new AppError('validation_failed', 'coachId must be an active trainer, lead or admin of your organisation.');
      }
      const rule = { ...DEFAULT_READINESS, ...req.body.readiness };
      checkScenarios(rule.requiredScenarios);
      const cohort = await ctx.store.transaction(async (tx) => {
        const made = await tx.training.createCohort({ orgId: actor.orgId, name: req.body.name, coachId, readiness: rule });
        await tx.audit.record(
          actor,
          'cohort.created',
          { type: 'cohort', id: made.id },
          { name: made.name, coachId, readiness: rule },
          req.ip,
        );
        return made;
      });
      return reply.code(201).send(await detail(ctx.store, cohort));
    },
  );

  app.get(
    '/api/training/cohorts',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: 'The cohorts I coach (admins: all), newest first',
        response: { 200: z.object({ cohorts: z.array(CohortSchema) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const cohorts = await ctx.store.training.cohorts(actor.orgId, actor.role === 'admin' ? {} : { coachId: actor.userId });
      const members = await ctx.store.training.members(cohorts.map((c) => c.id));
      return {
        cohorts: await Promise.all(
          cohorts.map((c) =>
            summary(
              ctx.store,
              c,
              members.filter((m) => m.cohortId === c.id),
            ),
          ),
        ),
      };
    },
  );

  app.get(
    '/api/training/candidates',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: 'Agents who can join a cohort (coaches take recruits from any team, so this is organisation-wide)',
        response: {
          200: z.object({ agents: z.array(z.object({ id: Id, name: z.string(), email: z.string() })) }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      // Only what a coach needs to pick someone: no roles, teams or sign-in details.
      const users = await ctx.store.users.list(actorOf(req).orgId);
      return { agents: users.filter((u) => u.role === 'agent' && !u.disabled).map((u) => ({ id: u.id, name: u.name, email: u.email })) };
    },
  );

  app.get(
    '/api/training/cohorts/:id',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: "A cohort: members with progress and readiness, assignments with each member's best score",
        params: IdParams,
        response: { 200: CohortDetailSchema, ...COMMON_ERRORS },
      },
    },
    async (req) => detail(ctx.store, await managed(ctx.store, actorOf(req), req.params.id)),
  );

  app.post(
    '/api/training/cohorts/:id/close',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: 'Close a cohort: its members are no longer recruits, signed off or not',
        params: IdParams,
        response: { 200: CohortDetailSchema, ...ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const cohort = await ctx.store.transaction(async (tx) => {
        const c = await managed(tx, actor, req.params.id, true);
        open(c);
        await tx.training.closeCohort(c.id);
        await tx.audit.record(actor, 'cohort.closed', { type: 'cohort', id: c.id }, null, req.ip);
        return (await tx.training.cohort(actor.orgId, c.id))!;
      });
      gate.forget(actor.orgId);
      return detail(ctx.store, cohort);
    },
  );

  app.post(
    '/api/training/cohorts/:id/members',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: `Add a recruit (an agent; at most ${COHORT_SIZE} per cohort). Until signed off they cannot take live contacts.`,
        params: IdParams,
        body: z.object({ userId: Id }),
        response: { 201: MemberSchema, ...ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { userId } = req.body;
      const added = await ctx.store.transaction(async (tx) => {
        const cohort = await managed(tx, actor, req.params.id, true);
        open(cohort);
        const user = await tx.users.get(actor.orgId, userId);
        if (!user || user.disabled) throw new AppError('validation_failed', 'userId is not an active user of your organisation.');
        if (user.role !== 'agent') throw new AppError('validation_failed', `Only agents can be recruits; this user is a ${user.role}.`);
        const members = await tx.training.members([cohort.id]);
        if (members.some((m) => m.userId === userId)) throw new AppError('conflict', `${user.name} is already in this cohort.`);
        if (members.length >= COHORT_SIZE) throw new AppError('cohort_full');
        const elsewhere = (await tx.training.membershipsOf(actor.orgId, userId)).find(
          (m) => m.cohort.closedAt === null && m.member.signedOffAt === null,
        );
        if (elsewhere) throw new AppError('conflict', `${user.name} is already a recruit in the cohort "${elsewhere.cohort.name}".`);
        const member = await tx.training.addMember(cohort.id, userId);
        await tx.audit.record(actor, 'cohort.member_added', { type: 'cohort', id: cohort.id }, { userId }, req.ip);
        return { cohort, member };
      });
      gate.forget(actor.orgId);
      const sessions = await ctx.store.training.sessions(actor.orgId, [userId]);
      return reply.code(201).send(await presentMember(ctx.store, added.cohort, added.member, sessions));
    },
  );

  app.delete(
    '/api/training/cohorts/:id/members/:userId',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: 'Remove a member from a cohort (their sessions stay theirs)',
        params: MemberParams,
        response: { 204: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await ctx.store.transaction(async (tx) => {
        const cohort = await managed(tx, actor, req.params.id, true);
        if (!(await tx.training.removeMember(cohort.id, req.params.userId)))
          throw new AppError('not_found', 'This user is not a member of the cohort.');
        await tx.audit.record(actor, 'cohort.member_removed', { type: 'cohort', id: cohort.id }, { userId: req.params.userId }, req.ip);
      });
      gate.forget(actor.orgId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/training/cohorts/:id/assignments',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: "Assign a scenario to the cohort's recruits",
        params: IdParams,
        body: z.object({ scenarioId: z.string().min(1).max(80), dueAt: z.iso.datetime().optional() }),
        response: { 201: AssignmentSchema, ...ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      checkScenarios([req.body.scenarioId]);
      const assignment = await ctx.store.transaction(async (tx) => {
        const cohort = await managed(tx, actor, req.params.id);
        open(cohort);
        const made = await tx.training.addAssignment({
          cohortId: cohort.id,
          scenarioId: req.body.scenarioId,
          dueAt: req.body.dueAt ?? null,
        });
        await tx.audit.record(
          actor,
          'cohort.assignment_added',
          { type: 'cohort', id: cohort.id },
          { assignmentId: made.id, scenarioId: made.scenarioId, dueAt: made.dueAt },
          req.ip,
        );
        return made;
      });
      return reply.code(201).send(presentAssignment(assignment));
    },
  );

  app.post(
    '/api/training/cohorts/:id/members/:userId/sign-off',
    {
      config: { permission: 'training:coach' },
      schema: {
        tags: ['training'],
        summary: "Sign a ready recruit off: live contacts open to them (refused with not_ready until they meet the cohort's rule)",
        params: MemberParams,
        response: { 200: MemberSchema, ...ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { userId } = req.params;
      const signed = await ctx.store.transaction(async (tx) => {
        const cohort = await managed(tx, actor, req.params.id, true);
        open(cohort);
        const member = (await tx.training.members([cohort.id])).find((m) => m.userId === userId);
        if (!member) throw new AppError('not_found', 'This user is not a member of the cohort.');
        if (member.signedOffAt !== null) throw new AppError('invalid_transition', 'This recruit is already signed off.');
        const sessions = await tx.training.sessions(actor.orgId, [userId], { finishedOnly: true, limit: 5000 });
        const state = readiness(sessions, cohort.readiness, difficultyOf);
        if (!state.ready) throw new AppError('not_ready', whatIsMissing(state, cohort.readiness), { readiness: state });
        await tx.training.signOff(cohort.id, userId, actor.userId);
        await tx.audit.record(actor, 'cohort.signed_off', { type: 'user', id: userId }, { cohortId: cohort.id, readiness: state }, req.ip);
        return { cohort, member: (await tx.training.members([cohort.id])).find((m) => m.userId === userId)! };
      });
      gate.forget(actor.orgId);
      const sessions = await ctx.store.training.sessions(actor.orgId, [userId]);
      return presentMember(ctx.store, signed.cohort, signed.member, sessions);
    },
  );

  app.get(
    '/api/training/me',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: 'My cohorts with their assignments, my progress and readiness, and whether I may take live contacts yet',
        response: {
          200: z.object({
            recruit: z.boolean().describe('In an open cohort and not signed off: no live contacts yet'),
            cohorts: z.array(
              CohortSchema.pick({
                id: true,
                name: true,
                coachId: true,
                coachName: true,
                readiness: true,
                createdAt: true,
                closedAt: true,
              }).extend({
                signedOffAt: z.string().nullable(),
                myReadiness: ReadinessSchema,
                assignments: z.array(AssignmentSchema.extend({ bestScore: z.number().nullable(), passed: z.boolean() })),
              }),
            ),
            progress: z.object({
              started: z.number().int(),
              finished: z.number().int(),
              passed: z.number().int(),
              bestScore: z.number().nullable(),
            }),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const [memberships, sessions] = await Promise.all([
        ctx.store.training.membershipsOf(actor.orgId, actor.userId),
        ctx.store.training.sessions(actor.orgId, [actor.userId], { limit: 5000 }),
      ]);
      const assignments = await ctx.store.training.assignments(memberships.map((m) => m.cohort.id));
      const scores = sessions.flatMap((s) => (s.status === 'finished' && s.score !== null ? [s.score] : []));
      return {
        recruit: memberships.some((m) => m.cohort.closedAt === null && m.member.signedOffAt === null),
        cohorts: await Promise.all(
          memberships.map(async ({ cohort, member }) => ({
            id: cohort.id,
            name: cohort.name,
            coachId: cohort.coachId,
            coachName: await nameOf(ctx.store, actor.orgId, cohort.coachId),
            readiness: cohort.readiness,
            createdAt: cohort.createdAt,
            closedAt: cohort.closedAt,
            signedOffAt: member.signedOffAt,
            myReadiness: readiness(sessions, cohort.readiness, difficultyOf),
            assignments: assignments
              .filter((a) => a.cohortId === cohort.id)
              .map((a) => ({ ...presentAssignment(a), ...resultOf(sessions, a.scenarioId) })),
          })),
        ),
        progress: {
          started: sessions.length,
          finished: sessions.filter((s) => s.status === 'finished').length,
          passed: sessions.filter((s) => s.passed === true).length,
          bestScore: scores.length > 0 ? Math.max(...scores) : null,
        },
      };
    },
  );
}

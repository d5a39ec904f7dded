/**
 * @module routes/wellbeing
 * Aftercare. Each person sees their own exposure (hard contacts in the policy's window against its
 * thresholds), starts and ends recovery breaks, and asks for a debrief (assigned to a lead of their
 * team). Leads see their team: who has had a hard day, who is on a break, open debriefs, and
 * schedule them.
 */
import { z } from 'zod';
import { ORG_WIDE } from '../../auth/roles.js';
import { overThreshold, windowStart } from '../../commands/exposureWatcher.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { Actor } from '../../store/types.js';
import { DEBRIEF_STATUSES } from '../../store/WellbeingRepository.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';

const ExposureSchema = z.object({ abuse: z.number().int(), threat: z.number().int(), selfHarm: z.number().int() });
const BreakSchema = z.object({
  id: z.string(),
  userId: z.string(),
  reason: z.string(),
  plannedMinutes: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
const DebriefSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  leadId: z.string().nullable(),
  conversationId: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(DEBRIEF_STATUSES),
  scheduledFor: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function wellbeingRoutes(app: App, ctx: AppContext): void {
  const policyOf = async (orgId: string) => {
    const org = await ctx.organisations.get(orgId);
    return ctx.engine.protocolFor(org).policy;
  };
  /** The agents a lead looks after (members of their teams); admins: every agent. */
  const teamAgents = async (actor: Actor) => {
    const users = await ctx.store.users.list(actor.orgId, ORG_WIDE.includes(actor.role) ? undefined : actor.teamIds);
    return users.filter((u) => u.role === 'agent' && !u.disabled);
  };

  app.get(
    '/api/wellbeing/me',
    {
      config: { permission: 'wellbeing:self' },
      schema: {
        tags: ['wellbeing'],
        summary: 'My exposure in the current window, my break, my debriefs',
        response: {
          200: z.object({
            windowHours: z.number().int(),
            exposure: ExposureSchema,
            thresholds: z.object({ abuseContacts: z.number().int(), threatContacts: z.number().int(), selfHarmContacts: z.number().int() }),
            overThreshold: z.boolean(),
            suggestedBreakMinutes: z.number().int(),
            currentBreak: BreakSchema.nullable(),
            debriefs: z.array(DebriefSchema),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const policy = await policyOf(actor.orgId);
      const exposure = (await ctx.store.wellbeing.exposure(actor.orgId, [actor.userId], windowStart(policy))).get(actor.userId)!;
      const { windowHours, breakMinutes, abuseContacts, threatContacts, selfHarmContacts } = policy.wellbeing;
      return {
        windowHours,
        exposure,
        thresholds: { abuseContacts, threatContacts, selfHarmContacts },
        overThreshold: overThreshold(policy, exposure),
        suggestedBreakMinutes: breakMinutes,
        currentBreak: (await ctx.store.wellbeing.currentBreaks([actor.userId])).get(actor.userId) ?? null,
        debriefs: await ctx.store.wellbeing.debriefs(actor.orgId, [actor.userId], false),
      };
    },
  );

  app.post(
    '/api/wellbeing/breaks',
    {
      config: { permission: 'wellbeing:self' },
      schema: {
        tags: ['wellbeing'],
        summary: 'Start a recovery break (routing to me pauses while it lasts)',
        body: z
          .object({ minutes: z.number().int().min(1).max(120).optional(), reason: z.enum(['exposure', 'self']).default('self') })
          .nullish(),
        response: { 201: BreakSchema, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if ((await ctx.store.wellbeing.currentBreaks([actor.userId])).has(actor.userId))
        throw new AppError('invalid_transition', 'You are already on a break.');
      const minutes = req.body?.minutes ?? (await policyOf(actor.orgId)).wellbeing.breakMinutes;
      const started = await ctx.store.wellbeing.startBreak(actor.orgId, actor.userId, req.body?.reason ?? 'self', minutes);
      return reply.code(201).send(started);
    },
  );

  app.post(
    '/api/wellbeing/breaks/:id/end',
    {
      config: { permission: 'wellbeing:self' },
      schema: { tags: ['wellbeing'], summary: 'End my break', params: IdParams, response: { 200: BreakSchema, ...COMMON_ERRORS } },
    },
    async (req) => {
      const ended = await ctx.store.wellbeing.endBreak(actorOf(req).userId, req.params.id);
      if (!ended) throw new AppError('not_found', 'No break of yours with this id.');
      return ended;
    },
  );

  app.get(
    '/api/wellbeing/team',
    {
      config: { permission: 'wellbeing:team' },
      schema: {
        tags: ['wellbeing'],
        summary: "My team's day: exposure per agent, who is on a break, open debriefs",
        response: {
          200: z.object({
            windowHours: z.number().int(),
            members: z.array(
              z.object({
                userId: z.string(),
                name: z.string(),
                exposure: ExposureSchema,
                overThreshold: z.boolean(),
                onBreak: BreakSchema.nullable(),
                openDebriefs: z.number().int(),
              }),
            ),
            debriefs: z.array(DebriefSchema),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const policy = await policyOf(actor.orgId);
      const agents = await teamAgents(actor);
      const ids = agents.map((a) => a.id);
      const [exposure, breaks, debriefs] = await Promise.all([
        ctx.store.wellbeing.exposure(actor.orgId, ids, windowStart(policy)),
        ctx.store.wellbeing.currentBreaks(ids),
        ctx.store.wellbeing.debriefs(actor.orgId, ids, true),
      ]);
      const members = agents.map((a) => ({
        userId: a.id,
        name: a.name,
        exposure: exposure.get(a.id)!,
        overThreshold: overThreshold(policy, exposure.get(a.id)!),
        onBreak: breaks.get(a.id) ?? null,
        openDebriefs: debriefs.filter((d) => d.agentId === a.id).length,
      }));
      // Who has had the hardest day first.
      members.sort(
        (x, y) => y.exposure.threat + y.exposure.selfHarm + y.exposure.abuse - (x.exposure.threat + x.exposure.selfHarm + x.exposure.abuse),
      );
      return { windowHours: policy.wellbeing.windowHours, members, debriefs };
    },
  );

  app.post(
    '/api/wellbeing/debriefs',
    {
      config: { permission: 'wellbeing:self' },
      schema: {
        tags: ['wellbeing'],
        summary: 'Ask for a debrief (for myself, or as a lead for an agent of my team)',
        body: z.object({ agentId: Id.optional(), conversationId: Id.optional(), note: z.string().max(2000).optional() }),
        response: { 201: DebriefSchema, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const forOther = req.body.agentId !== undefined && req.body.agentId !== actor.userId;
      if (forOther && actor.role !== 'lead' && actor.role !== 'admin')
        throw new AppError('forbidden', 'Only a lead can ask for a debrief for someone else.');
      if (forOther && !(await teamAgents(actor)).some((a) => a.id === req.body.agentId))
        throw new AppError('not_found', 'No agent with this id in your teams.');
      const agentId = forOther ? req.body.agentId! : actor.userId;
      let leadId: string | null = forOther ? actor.userId : null;
      if (!leadId) {
        const teamIds = await ctx.store.teams.teamIdsOf(agentId);
        leadId =
          (await ctx.store.users.list(actor.orgId, teamIds)).find((u) => u.role === 'lead' && !u.disabled && u.id !== agentId)?.id ?? null;
      }
      const debrief = await ctx.store.wellbeing.requestDebrief({
        orgId: actor.orgId,
        agentId,
        leadId,
        conversationId: req.body.conversationId ?? null,
        note: req.body.note ?? null,
        requestedBy: actor.userId,
      });
      return reply.code(201).send(debrief);
    },
  );

  app.patch(
    '/api/wellbeing/debriefs/:id',
    {
      config: { permission: 'wellbeing:team' },
      schema: {
        tags: ['wellbeing'],
        summary: 'Schedule a debrief or mark it done',
        params: IdParams,
        body: z.object({ scheduledFor: z.iso.datetime().nullable().optional(), status: z.enum(DEBRIEF_STATUSES).optional() }),
        response: { 200: DebriefSchema, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const d = await ctx.store.wellbeing.debrief(actor.orgId, req.params.id);
      if (!d || !(await teamAgents(actor)).some((a) => a.id === d.agentId))
        throw new AppError('not_found', 'No debrief with this id in your teams.');
      const status = req.body.status ?? (req.body.scheduledFor ? 'scheduled' : undefined);
      await ctx.store.wellbeing.updateDebrief(d.id, {
        ...(status ? { status } : {}),
        ...(req.body.scheduledFor !== undefined ? { scheduledFor: req.body.scheduledFor } : {}),
        leadId: d.leadId ?? actor.userId,
      });
      return (await ctx.store.wellbeing.debrief(actor.orgId, d.id))!;
    },
  );
}

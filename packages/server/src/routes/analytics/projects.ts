/**
 * @module routes/analytics/projects
 * Improvement projects: a named problem, a metric, a baseline (computed over the same-length
 * window right before the start unless given), a target and a window, tracked against live data
 * on every read. Analysts and admins start, change and close them (audited); leads read the
 * projects aimed at one of their teams, whose numbers lie within what they may see.
 */
import { z } from 'zod';
import { ORG_WIDE } from '../../auth/roles.js';
import {
  baselineWindow,
  LOWER_IS_BETTER,
  METRIC_MAX,
  metricValue,
  projectStatus,
  projectWindow,
  tallyOf,
  type Metric,
} from '../../analytics/projects.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import {
  asContactFilter,
  PROJECT_STATUSES,
  type ImprovementProject,
  type ProjectChange,
  type ProjectFilter,
} from '../../store/ImprovementProjectRepository.js';
import type { Store } from '../../store/Store.js';
import type { Actor } from '../../store/types.js';
import { COMMON_ERRORS, IdParams } from '../schemas.js';
import { readWindow, scopeOf } from './reports.js';
import { ProjectCreateBody, ProjectResponse, ProjectUpdateBody, Scope } from './schema.js';

type ProjectBody = z.infer<typeof ProjectResponse>;

/** Leads see the projects aimed at one of their teams; admins and analysts all of them. */
function mayRead(actor: Actor, p: ImprovementProject): boolean {
  return ORG_WIDE.includes(actor.role) || (p.filter.teamId !== null && actor.teamIds.includes(p.filter.teamId));
}

/** The metric over the same-length window before the start; null without contacts to count. */
async function computeBaseline(store: Store, actor: Actor, metric: Metric, filter: ProjectFilter, startsAt: string, endsAt: string) {
  const facts = await store.analytics.facts(actor, baselineWindow(startsAt, endsAt), asContactFilter(filter));
  return metricValue(metric, tallyOf(facts));
}

/** Shares (0–1) cannot have a baseline or target of 40. */
function checkRange(metric: Metric, values: (number | null | undefined)[]): void {
  const max = METRIC_MAX[metric];
  for (const v of values)
    if (v !== null && v !== undefined && v > max)
      throw new AppError('validation_failed', `${metric} runs from 0 to ${max}; baseline and target must lie within that.`);
}

async function present(store: Store, actor: Actor, p: ImprovementProject, now = new Date()): Promise<ProjectBody> {
  const until = new Date(Math.min(now.getTime(), Date.parse(p.endsAt))).toISOString();
  const facts = until > p.startsAt ? await store.analytics.facts(actor, { from: p.startsAt, to: until }, asContactFilter(p.filter)) : [];
  const status = projectStatus({ ...p, closed: p.status === 'closed' }, facts, now);
  const { orgId: _org, closedBy: _by, ...rest } = p;
  return { ...rest, lowerIsBetter: LOWER_IS_BETTER[p.metric], ...status };
}

export function projectRoutes(app: App, ctx: AppContext): void {
  const visible = async (actor: Actor, id: string) => {
    const p = await ctx.store.projects.get(actor.orgId, id);
    if (!p || !mayRead(actor, p)) throw new AppError('not_found', 'No improvement project with this id is visible to you.');
    return p;
  };

  app.get(
    '/api/analytics/projects',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Improvement projects with their live progress (active first)',
        querystring: z.object({ status: z.enum(PROJECT_STATUSES).optional() }),
        response: { 200: z.object({ scope: Scope, projects: z.array(ProjectResponse) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const all = (await ctx.store.projects.list(actor.orgId, req.query.status)).filter((p) => mayRead(actor, p));
      return { scope: scopeOf(actor), projects: await Promise.all(all.map((p) => present(ctx.store, actor, p))) };
    },
  );

  app.post(
    '/api/analytics/projects',
    {
      config: { permission: 'analytics:manage' },
      schema: {
        tags: ['analytics'],
        summary: 'Start an improvement project (the baseline is computed from the window before the start unless given)',
        body: ProjectCreateBody,
        response: { 201: ProjectResponse, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      checkRange(b.metric, [b.baseline, b.target]);
      const { startsAt, endsAt } = readWindow(() => projectWindow(b.startsAt, b.endsAt));
      const filter: ProjectFilter = {
        channel: b.filter?.channel ?? null,
        teamId: b.filter?.teamId ?? null,
        reason: b.filter?.reason ?? null,
        lang: b.filter?.lang ?? null,
      };
      if (filter.teamId !== null && !(await ctx.store.teams.get(actor.orgId, filter.teamId)))
        throw new AppError('validation_failed', 'filter.teamId: there is no team with this id.');
      const baseline = b.baseline ?? (await computeBaseline(ctx.store, actor, b.metric, filter, startsAt, endsAt));
      const project = await ctx.store.transaction(async (tx) => {
        const p = await tx.projects.create({
          orgId: actor.orgId,
          name: b.name,
          problem: b.problem,
          metric: b.metric,
          filter,
          baseline,
          baselineSource: b.baseline === undefined ? 'computed' : 'given',
          target: b.target,
          startsAt,
          endsAt,
          createdBy: actor.userId,
        });
        await tx.audit.record(
          actor,
          'analytics.project_created',
          { type: 'improvement_project', id: p.id },
          { name: p.name, metric: p.metric, baseline: p.baseline, target: p.target, startsAt, endsAt, filter },
          req.ip,
        );
        return p;
      });
      return reply.code(201).send(await present(ctx.store, actor, project));
    },
  );

  app.get(
    '/api/analytics/projects/:id',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'One improvement project with its live progress and weekly series',
        params: IdParams,
        response: { 200: ProjectResponse, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return present(ctx.store, actor, await visible(actor, req.params.id));
    },
  );

  app.patch(
    '/api/analytics/projects/:id',
    {
      config: { permission: 'analytics:manage' },
      schema: {
        tags: ['analytics'],
        summary: 'Change an active project (name, problem, baseline, target, window)',
        params: IdParams,
        body: ProjectUpdateBody,
        response: { 200: ProjectResponse, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const p = await visible(actor, req.params.id);
      if (p.status === 'closed') throw new AppError('invalid_transition', 'This project is closed; start a new one instead.');
      const b = req.body;
      checkRange(p.metric, [b.baseline, b.target]);
      const { startsAt, endsAt } = readWindow(() => projectWindow(b.startsAt ?? p.startsAt, b.endsAt ?? p.endsAt));
      const change: ProjectChange = { name: b.name, problem: b.problem, target: b.target, startsAt, endsAt };
      const moved = startsAt !== p.startsAt || endsAt !== p.endsAt;
      if (typeof b.baseline === 'number') Object.assign(change, { baseline: b.baseline, baselineSource: 'given' });
      // A computed baseline follows the window; null asks for it to be computed again.
      else if (b.baseline === null || (moved && p.baselineSource === 'computed'))
        Object.assign(change, {
          baseline: await computeBaseline(ctx.store, actor, p.metric, p.filter, startsAt, endsAt),
          baselineSource: 'computed',
        });
      const updated = await ctx.store.transaction(async (tx) => {
        const u = await tx.projects.update(actor.orgId, p.id, change);
        await tx.audit.record(actor, 'analytics.project_updated', { type: 'improvement_project', id: p.id }, b, req.ip);
        return u!;
      });
      return present(ctx.store, actor, updated);
    },
  );

  app.post(
    '/api/analytics/projects/:id/close',
    {
      config: { permission: 'analytics:manage' },
      schema: {
        tags: ['analytics'],
        summary: 'Close a project (its numbers stay readable)',
        params: IdParams,
        response: { 200: ProjectResponse, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const p = await visible(actor, req.params.id);
      const closed = await ctx.store.transaction(async (tx) => {
        if (!(await tx.projects.close(actor.orgId, p.id, actor.userId))) return false;
        await tx.audit.record(actor, 'analytics.project_closed', { type: 'improvement_project', id: p.id }, { name: p.name }, req.ip);
        return true;
      });
      if (!closed) throw new AppError('invalid_transition', 'This project is already closed.');
      return present(ctx.store, actor, (await ctx.store.projects.get(actor.orgId, p.id))!);
    },
  );
}

/**
 * @module routes/teams
 * Teams: everyone sees their own (admins and analysts all of them); admins create teams and
 * change who is in them.
 */
import { z } from 'zod';
import { ORG_WIDE } from '../../auth/roles.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS, Id, IdParams, Team } from '../schemas.js';

const present = (t: { id: string; name: string; createdAt: string }) => ({ id: t.id, name: t.name, createdAt: t.createdAt });

export function teamRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/teams',
    {
      config: { permission: 'teams:read' },
      schema: { tags: ['teams'], summary: 'List teams', response: { 200: z.object({ teams: z.array(Team) }), ...COMMON_ERRORS } },
    },
    async (req) => {
      const actor = actorOf(req);
      const teams = await ctx.store.teams.list(
        actor.orgId,
        ORG_WIDE.includes(actor.role) || actor.role === 'security' ? undefined : actor.teamIds,
      );
      return { teams: teams.map(present) };
    },
  );

  app.post(
    '/api/teams',
    {
      config: { permission: 'teams:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Create a team',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: Team, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (await ctx.store.teams.byName(actor.orgId, req.body.name)) throw new AppError('conflict', 'A team with this name already exists.');
      const team = await ctx.store.teams.create(actor.orgId, req.body.name);
      await ctx.store.audit.record(actor, 'team.created', { type: 'team', id: team.id }, { name: team.name }, req.ip);
      return reply.code(201).send(present(team));
    },
  );

  const membership = async (orgId: string, teamId: string, userId: string) => {
    const [team, user] = await Promise.all([ctx.store.teams.get(orgId, teamId), ctx.store.users.get(orgId, userId)]);
    if (!team) throw new AppError('not_found', 'No team with this id.');
    if (!user) throw new AppError('not_found', 'No user with this id.');
  };

  app.put(
    '/api/teams/:id/members/:userId',
    {
      config: { permission: 'teams:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Add a user to a team',
        params: IdParams.extend({ userId: Id }),
        response: { 204: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await membership(actor.orgId, req.params.id, req.params.userId);
      await ctx.store.teams.addMember(req.params.id, req.params.userId);
      ctx.actors.clear();
      await ctx.store.audit.record(actor, 'team.member_added', { type: 'team', id: req.params.id }, { userId: req.params.userId }, req.ip);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/teams/:id/members/:userId',
    {
      config: { permission: 'teams:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Remove a user from a team',
        params: IdParams.extend({ userId: Id }),
        response: { 204: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await membership(actor.orgId, req.params.id, req.params.userId);
      await ctx.store.teams.removeMember(req.params.id, req.params.userId);
      ctx.actors.clear();
      await ctx.store.audit.record(
        actor,
        'team.member_removed',
        { type: 'team', id: req.params.id },
        { userId: req.params.userId },
        req.ip,
      );
      return reply.code(204).send(null);
    },
  );
}

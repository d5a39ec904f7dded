/**
 * @module routes/users
 * Users: leads and security see their teams' members, admins everyone. Admins create users (a
 * one-time password is returned once, never stored in clear), change roles and disable accounts.
 */
import { z } from 'zod';
import { ROLES } from '../../auth/roles.js';
import { hashPassword, newPassword } from '../../auth/secrets.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { presentUser } from '../presenters.js';
import { COMMON_ERRORS, Id, IdParams, User } from '../schemas.js';

export function userRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      config: { permission: 'users:read' },
      schema: { tags: ['users'], summary: 'List users', response: { 200: z.object({ users: z.array(User) }), ...COMMON_ERRORS } },
    },
    async (req) => {
      const actor = actorOf(req);
      const users = await ctx.store.users.list(actor.orgId, actor.role === 'admin' ? undefined : actor.teamIds);
      // Each user's teams, so the admin pages can show and edit membership.
      const teamsOf = await ctx.store.teams.teamIdsByUser(actor.orgId);
      return { users: users.map((u) => presentUser(u, teamsOf.get(u.id) ?? [])) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user; the answer carries a one-time password to hand over',
        body: z.object({
          email: z.email().max(320),
          name: z.string().trim().min(1).max(200),
          role: z.enum(ROLES),
          teamIds: z.array(Id).max(50).default([]),
        }),
        response: { 201: z.object({ user: User, oneTimePassword: z.string() }), ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (await ctx.store.users.byEmail(req.body.email)) throw new AppError('conflict', 'A user with this email already exists.');
      for (const teamId of req.body.teamIds)
        if (!(await ctx.store.teams.get(actor.orgId, teamId)))
          throw new AppError('validation_failed', `teamIds: ${teamId} is not a team of your organisation.`);
      const oneTimePassword = newPassword();
      const user = await ctx.store.transaction(async (tx) => {
        const u = await tx.users.create({
          orgId: actor.orgId,
          email: req.body.email,
          name: req.body.name,
          role: req.body.role,
          passwordHash: await hashPassword(oneTimePassword),
        });
        for (const teamId of req.body.teamIds) await tx.teams.addMember(teamId, u.id);
        await tx.audit.record(actor, 'user.created', { type: 'user', id: u.id }, { role: u.role }, req.ip);
        return u;
      });
      return reply.code(201).send({ user: presentUser(user, req.body.teamIds), oneTimePassword });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: "Change a user's name or role, or disable the account (signs them out everywhere)",
        params: IdParams,
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          role: z.enum(ROLES).optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: User, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (req.params.id === actor.userId && (req.body.disabled || (req.body.role && req.body.role !== 'admin')))
        throw new AppError('invalid_transition', 'You cannot disable yourself or give up your own admin role.');
      const user = await ctx.store.users.update(actor.orgId, req.params.id, req.body);
      if (!user) throw new AppError('not_found', 'No user with this id.');
      if (req.body.disabled || req.body.role) await ctx.store.credentials.deleteSessionsOf(user.id);
      ctx.actors.clear();
      await ctx.store.audit.record(actor, 'user.updated', { type: 'user', id: user.id }, req.body, req.ip);
      return presentUser(user);
    },
  );
}

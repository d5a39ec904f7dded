/**
 * @module routes/tokens
 * API tokens for integrations: created by an admin with a role (the secret is shown once and
 * stored only as a hash), listed, revoked.
 */
import { z } from 'zod';
import { ROLES, mayGrant } from '../../auth/roles.js';
import { newSecret, sha256 } from '../../auth/secrets.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { ApiToken as ApiTokenDto } from '../../store/types.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';

const ApiToken = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const present = ({ orgId: _org, ...t }: ApiTokenDto) => t;

export function tokenRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/tokens',
    {
      config: { permission: 'tokens:manage' },
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens',
        response: { 200: z.object({ tokens: z.array(ApiToken) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ tokens: (await ctx.store.credentials.listTokens(actorOf(req).orgId)).map(present) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { permission: 'tokens:manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token acting as a user with a role; the secret is in this answer only',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          role: z.enum(ROLES),
          userId: Id.optional().describe('The account the token acts for (defaults to the caller); its teams scope the token'),
        }),
        response: { 201: z.object({ token: ApiToken, secret: z.string() }), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const userId = req.body.userId ?? actor.userId;
      const user = await ctx.store.users.get(actor.orgId, userId);
      if (!user) throw new AppError('not_found', 'No user with this id.');
      if (!mayGrant(user.role, req.body.role))
        throw new AppError('forbidden', `A token acting for a ${user.role} can only have the ${user.role} role.`);
      const secret = newSecret('cl_tok');
      const token = await ctx.store.credentials.createToken({
        orgId: actor.orgId,
        userId,
        name: req.body.name,
        role: req.body.role,
        tokenHash: sha256(secret),
      });
      await ctx.store.audit.record(
        actor,
        'token.created',
        { type: 'token', id: token.id },
        { name: token.name, role: token.role, userId },
        req.ip,
      );
      return reply.code(201).send({ token: present(token), secret });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { permission: 'tokens:manage' },
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams, response: { 200: ApiToken, ...COMMON_ERRORS } },
    },
    async (req) => {
      const actor = actorOf(req);
      const token = await ctx.store.credentials.revokeToken(actor.orgId, req.params.id);
      if (!token) throw new AppError('not_found', 'No token with this id.');
      ctx.actors.clear();
      await ctx.store.audit.record(actor, 'token.revoked', { type: 'token', id: token.id }, null, req.ip);
      return present(token);
    },
  );
}

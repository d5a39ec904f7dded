/**
 * @module routes/audit
 * The audit log, newest first, for admins.
 */
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS } from '../schemas.js';

const Entry = z.object({
  id: z.number().int(),
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Who did what',
        querystring: z.object({
          action: z.string().max(100).optional(),
          before: z.coerce.number().int().min(1).optional().describe('id of the last entry of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ entries: z.array(Entry) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({
      entries: await ctx.store.audit.list(actorOf(req).orgId, {
        limit: req.query.limit,
        beforeId: req.query.before,
        action: req.query.action,
      }),
    }),
  );
}

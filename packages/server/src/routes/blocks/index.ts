/**
 * @module routes/blocks
 * Blocking a customer, governed: only leads, security and admins; always for a set time, with a
 * reason everyone who meets the block can read; listed; undone with one call; every step audited.
 * The block follows the pseudonymous customer reference across channels, and ingest tells the
 * agent when a conversation's customer is blocked.
 */
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS, IdParams } from '../schemas.js';

export const Block = z.object({
  id: z.string(),
  customerRef: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  liftedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  active: z.boolean(),
});

export function blockRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/blocks',
    {
      config: { permission: 'blocks:read' },
      schema: {
        tags: ['blocks'],
        summary: 'Blocks, newest first (active only with ?active=true)',
        querystring: z.object({
          active: z.enum(['true', 'false']).optional(),
          customerRef: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ blocks: z.array(Block) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({
      blocks: await ctx.store.blocks.list(actorOf(req).orgId, {
        active: req.query.active === 'true',
        customerRef: req.query.customerRef,
        limit: req.query.limit,
      }),
    }),
  );

  app.post(
    '/api/blocks',
    {
      config: { permission: 'blocks:manage' },
      schema: {
        tags: ['blocks'],
        summary: 'Block a customer for a number of hours (at most a year), with a reason',
        body: z.object({
          customerRef: z.string().trim().min(1).max(200),
          reason: z.string().trim().min(5, 'say why, in a sentence').max(1000),
          hours: z.number().int().min(1).max(8760),
        }),
        response: { 201: Block, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const expiresAt = new Date(Date.now() + req.body.hours * 3600_000).toISOString();
      const block = await ctx.store.transaction(async (tx) => {
        const b = await tx.blocks.create({
          orgId: actor.orgId,
          customerRef: req.body.customerRef,
          reason: req.body.reason,
          createdBy: actor.userId,
          expiresAt,
        });
        await tx.audit.record(
          actor,
          'customer.blocked',
          { type: 'block', id: b.id },
          { customerRef: b.customerRef, reason: b.reason, expiresAt },
          req.ip,
        );
        return b;
      });
      return reply.code(201).send(block);
    },
  );

  app.delete(
    '/api/blocks/:id',
    {
      config: { permission: 'blocks:manage' },
      schema: {
        tags: ['blocks'],
        summary: 'Lift a block (undo)',
        params: IdParams,
        response: { 200: Block, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return ctx.store.transaction(async (tx) => {
        const before = await tx.blocks.get(actor.orgId, req.params.id);
        if (!before) throw new AppError('not_found', 'No block with this id.');
        if (before.liftedAt) throw new AppError('invalid_transition', 'This block was already lifted.');
        const after = (await tx.blocks.lift(actor.orgId, req.params.id, actor.userId))!;
        await tx.audit.record(actor, 'customer.unblocked', { type: 'block', id: after.id }, { customerRef: after.customerRef }, req.ip);
        return after;
      });
    },
  );
}

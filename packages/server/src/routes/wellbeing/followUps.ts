/**
 * @module routes/wellbeing/followUps
 * Follow-ups for promises made to customers ("I will call you back on Thursday"): a due time, a
 * reminder on the live socket when it is due (see server.ts), and done.
 */
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';

const FollowUp = z.object({
  id: z.string(),
  userId: z.string(),
  conversationId: z.string().nullable(),
  text: z.string(),
  dueAt: z.string(),
  remindedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});

export function followUpRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/follow-ups',
    {
      config: { permission: 'wellbeing:self' },
      schema: {
        tags: ['wellbeing'],
        summary: 'My follow-ups, soonest first (open ones unless ?all=true)',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ followUps: z.array(FollowUp) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ followUps: await ctx.store.wellbeing.followUps(actorOf(req).userId, req.query.all !== 'true') }),
  );

  app.post(
    '/api/follow-ups',
    {
      config: { permission: 'wellbeing:self' },
      schema: {
        tags: ['wellbeing'],
        summary: 'Note a promise made to a customer, with when it is due',
        body: z.object({ conversationId: Id.optional(), text: z.string().trim().min(1).max(1000), dueAt: z.iso.datetime() }),
        response: { 201: FollowUp, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (req.body.conversationId && !(await ctx.store.conversations.visible(actor, req.body.conversationId)))
        throw new AppError('not_found', 'No conversation with this id is visible to you.');
      const f = await ctx.store.wellbeing.addFollowUp({
        orgId: actor.orgId,
        userId: actor.userId,
        conversationId: req.body.conversationId ?? null,
        text: req.body.text,
        dueAt: new Date(req.body.dueAt).toISOString(),
      });
      return reply.code(201).send(f);
    },
  );

  app.post(
    '/api/follow-ups/:id/done',
    {
      config: { permission: 'wellbeing:self' },
      schema: { tags: ['wellbeing'], summary: 'Mark a follow-up done', params: IdParams, response: { 200: FollowUp, ...COMMON_ERRORS } },
    },
    async (req) => {
      const f = await ctx.store.wellbeing.markFollowUpDone(actorOf(req).userId, req.params.id);
      if (!f) throw new AppError('not_found', 'No follow-up of yours with this id.');
      return f;
    },
  );
}

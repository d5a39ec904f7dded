/**
 * @module routes/alerts
 * Alerts the caller may see; acknowledging and resolving them (each audited and pushed live).
 */
import { z } from 'zod';
import { alertEvent } from '../../commands/alertRaiser.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { ALERT_STATUSES, type LiveEvent } from '../../store/types.js';
import { presentAlert } from '../presenters.js';
import { Alert, COMMON_ERRORS, Id, IdParams } from '../schemas.js';

export function alertRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/alerts',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags: ['alerts'],
        summary: 'List alerts',
        querystring: z.object({
          status: z.enum(ALERT_STATUSES).optional(),
          conversationId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ alerts: z.array(Alert) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ alerts: (await ctx.store.alerts.list(actorOf(req), req.query)).map(presentAlert) }),
  );

  app.get(
    '/api/alerts/:id',
    {
      config: { permission: 'alerts:read' },
      schema: { tags: ['alerts'], summary: 'One alert', params: IdParams, response: { 200: Alert, ...COMMON_ERRORS } },
    },
    async (req) => {
      const alert = await ctx.store.alerts.visible(actorOf(req), req.params.id);
      if (!alert) throw new AppError('not_found', 'No alert with this id is visible to you.');
      return presentAlert(alert);
    },
  );

  for (const to of ['acknowledged', 'resolved'] as const) {
    const verb = to === 'acknowledged' ? 'acknowledge' : 'resolve';
    app.post(
      `/api/alerts/:id/${verb}`,
      {
        config: { permission: 'alerts:update' },
        schema: {
          tags: ['alerts'],
          summary: to === 'acknowledged' ? 'Acknowledge an alert (I am on it)' : 'Resolve an alert',
          params: IdParams,
          body: z.object({ note: z.string().max(2000).optional() }).nullish(),
          response: { 200: Alert, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const events: LiveEvent[] = [];
        const alert = await ctx.store.transaction(async (tx) => {
          const before = await tx.alerts.visible(actor, req.params.id);
          if (!before) throw new AppError('not_found', 'No alert with this id is visible to you.');
          if (before.status === to || before.status === 'resolved')
            throw new AppError('invalid_transition', `This alert is already ${before.status}.`);
          const after = (await tx.alerts.transition(before.id, to, actor.userId, req.body?.note ?? null))!;
          const conversation = await tx.conversations.get(actor.orgId, after.conversationId);
          events.push(await tx.events.append(alertEvent('alert.updated', after, conversation?.agentId ?? null)));
          await tx.webhooks.enqueue(after.orgId, 'alert.updated', presentAlert(after));
          await ctx.notifier.within(tx, events);
          await tx.audit.record(
            actor,
            `alert.${verb}`,
            { type: 'alert', id: after.id },
            req.body?.note ? { note: req.body.note } : null,
            req.ip,
          );
          return after;
        });
        ctx.notifier.publish(events);
        return presentAlert(alert);
      },
    );
  }
}

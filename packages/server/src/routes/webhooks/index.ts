/**
 * @module routes/webhooks
 * Outbound webhooks for admins: subscribe a URL (generic JSON, Slack or Microsoft Teams) to alert and
 * incident events; the signing secret is shown once (and stored sealed); the delivery log; a test
 * delivery. A URL that is not http(s), carries credentials or is off the allow-list is refused.
 */
import { z } from 'zod';
import { newSecret } from '../../auth/secrets.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '../../store/WebhookRepository.js';
import { urlRefusal } from '../../webhooks/urlPolicy.js';
import { COMMON_ERRORS, IdParams } from '../schemas.js';

const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export function webhookRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/webhooks',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['webhooks'],
        summary: 'List webhooks',
        response: { 200: z.object({ webhooks: z.array(Webhook) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ webhooks: await ctx.store.webhooks.list(actorOf(req).orgId) }),
  );

  app.post(
    '/api/webhooks',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['webhooks'],
        summary:
          'Subscribe a URL; deliveries are signed with the secret in this answer (x-calmline-signature: v1=HMAC-SHA256(secret, timestamp.body))',
        body: z.object({
          // Any URL parses here; which ones may be webhooks is webhooks/urlPolicy's decision (webhook_url_refused).
          url: z.url().max(2000),
          format: z.enum(WEBHOOK_FORMATS).default('generic'),
          events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default(['alert.raised', 'incident.opened']),
        }),
        response: { 201: z.object({ webhook: Webhook, secret: z.string() }), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const refusal = urlRefusal(req.body.url, ctx.config.webhookAllowHosts);
      if (refusal) throw new AppError('webhook_url_refused', refusal);
      const secret = newSecret('whsec');
      const webhook = await ctx.store.webhooks.create({
        orgId: actor.orgId,
        url: req.body.url,
        format: req.body.format,
        events: req.body.events,
        secret,
      });
      await ctx.store.audit.record(
        actor,
        'webhook.created',
        { type: 'webhook', id: webhook.id },
        { url: webhook.url, format: webhook.format, events: webhook.events },
        req.ip,
      );
      return reply.code(201).send({ webhook, secret });
    },
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['webhooks'],
        summary: 'Stop a webhook (its log stays)',
        params: IdParams,
        response: { 200: Webhook, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await ctx.store.webhooks.get(actor.orgId, req.params.id))) throw new AppError('not_found', 'No webhook with this id.');
      await ctx.store.webhooks.disable(actor.orgId, req.params.id);
      await ctx.store.audit.record(actor, 'webhook.disabled', { type: 'webhook', id: req.params.id }, null, req.ip);
      return (await ctx.store.webhooks.get(actor.orgId, req.params.id))!;
    },
  );

  app.post(
    '/api/webhooks/:id/test',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['webhooks'],
        summary: 'Queue a test delivery',
        params: IdParams,
        response: { 202: z.object({ queued: z.number().int() }), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const hook = await ctx.store.webhooks.get(actor.orgId, req.params.id);
      if (!hook || hook.disabled) throw new AppError('not_found', 'No active webhook with this id.');
      const queued = await ctx.store.webhooks.enqueue(actor.orgId, 'webhook.test', { message: 'test' }, hook.id);
      return reply.code(202).send({ queued });
    },
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log, newest first',
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            deliveries: z.array(
              z.object({
                id: z.number().int(),
                eventId: z.string(),
                event: z.string(),
                attempt: z.number().int(),
                statusCode: z.number().int().nullable(),
                error: z.string().nullable(),
                durationMs: z.number().int(),
                at: z.string(),
                delivered: z.boolean(),
                gaveUp: z.boolean(),
              }),
            ),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await ctx.store.webhooks.get(actor.orgId, req.params.id))) throw new AppError('not_found', 'No webhook with this id.');
      return { deliveries: await ctx.store.webhooks.deliveries(req.params.id, req.query.limit) };
    },
  );
}

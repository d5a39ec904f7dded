/**
 * @module routes/integrations
 * Inbound integrations: contact platforms push their messages to Calmline instead of an integration
 * calling POST /api/messages with a token.
 *
 * - Admin API (`integrations:manage`): create an integration (generic, zendesk or twilio) acting as one
 *   account, list them, disable one. The generic integration's secret is generated and shown once; Zendesk
 *   and Twilio generate their own (the webhook signing secret, the account auth token), so the admin
 *   pastes it in. No answer ever contains a stored secret.
 * - Inbound endpoints POST /api/inbound/:id/{generic,zendesk,twilio}: public routes, because the platform's
 *   signature over the raw body is the authentication (see ./signatures). Their messages are ingested as
 *   the integration's acting account, with its role and teams, exactly as if it had called POST /api/messages.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../auth/roles.js';
import { newSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { App } from '../../http/types.js';
import { INTEGRATION_KINDS, type Integration as IntegrationDto, type IntegrationKind } from '../../store/IntegrationRepository.js';
import type { Actor } from '../../store/types.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';
import { parseGeneric } from './generic.js';
import type { Inbound } from './payload.js';
import { REPLAY_WINDOW_SECONDS, verifyGeneric, verifyTwilio, verifyZendesk, type Verdict } from './signatures.js';
import { formParams, parseTwilio } from './twilio.js';
import { parseZendesk } from './zendesk.js';

const Integration = z.object({
  id: Id,
  kind: z.enum(INTEGRATION_KINDS),
  name: z.string(),
  actingUserId: Id,
  teamId: Id.nullable(),
  createdAt: z.string(),
  disabled: z.boolean(),
  inboundPath: z.string().describe('Where the platform posts: /api/inbound/<id>/<kind>'),
});

const present = ({ orgId: _org, ...i }: IntegrationDto) => ({ ...i, inboundPath: `/api/inbound/${i.id}/${i.kind}` });

const InboundResponse = z.object({
  conversationId: Id,
  messageId: Id,
  label: z.string().nullable().describe("The detector's label of a customer message (null for an agent's)"),
});

/** Kinds whose platform generates the secret: the admin must give it. */
const PLATFORM_SECRETS: readonly IntegrationKind[] = ['zendesk', 'twilio'];

export function integrationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/integrations',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags: ['integrations'],
        summary: 'Inbound integrations (never their secrets)',
        response: { 200: z.object({ integrations: z.array(Integration) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ integrations: (await ctx.store.integrations.list(actorOf(req).orgId)).map(present) }),
  );

  app.post(
    '/api/integrations',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags: ['integrations'],
        summary: 'Create an inbound integration; a generated secret is in this answer only',
        body: z.object({
          kind: z.enum(INTEGRATION_KINDS),
          name: z.string().trim().min(1).max(100),
          actingUserId: Id.describe('The account messages are ingested as (agent, lead or admin); its teams scope them'),
          teamId: Id.optional().describe("The team new conversations belong to (defaults to the acting account's first team)"),
          secret: z
            .string()
            .min(8)
            .max(500)
            .optional()
            .describe("zendesk: the webhook's signing secret; twilio: the account's auth token; generic: not given (generated)"),
        }),
        response: {
          201: z.object({
            integration: Integration,
            secret: z.string().nullable().describe('The generated secret (generic), shown this once; null when you gave it'),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { kind, name, actingUserId, teamId } = req.body;
      const platformSecret = PLATFORM_SECRETS.includes(kind);
      if (platformSecret && req.body.secret === undefined)
        throw new AppError(
          'validation_failed',
          kind === 'twilio'
            ? "secret: give the Twilio account's auth token (Twilio signs with it)."
            : "secret: give the Zendesk webhook's signing secret (Zendesk generates it).",
        );
      if (!platformSecret && req.body.secret !== undefined)
        throw new AppError('validation_failed', 'secret: a generic integration gets a generated secret; do not give one.');
      const user = await ctx.store.users.get(actor.orgId, actingUserId);
      if (!user || user.disabled) throw new AppError('validation_failed', 'actingUserId is not an active user of your organisation.');
      if (!can(user.role, 'messages:ingest'))
        throw new AppError('validation_failed', `actingUserId: a ${user.role} may not ingest messages; choose an agent, lead or admin.`);
      const userTeams = await ctx.store.teams.teamIdsOf(user.id);
      if (teamId !== undefined && !(await ctx.store.teams.get(actor.orgId, teamId)))
        throw new AppError('validation_failed', 'teamId is not a team of your organisation.');
      // A lead may only open conversations for its own teams: refuse now what every delivery would be refused.
      if (user.role === 'lead' && (teamId === undefined ? userTeams.length === 0 : !userTeams.includes(teamId)))
        throw new AppError('validation_failed', 'teamId: a lead acting user can only ingest into one of its own teams.');
      const secret = req.body.secret ?? newSecret('cl_in');
      const integration = await ctx.store.transaction(async (tx) => {
        const i = await tx.integrations.create({ orgId: actor.orgId, kind, name, secret, actingUserId, teamId: teamId ?? null });
        await tx.audit.record(
          actor,
          'integration.created',
          { type: 'integration', id: i.id },
          { kind, name, actingUserId, teamId },
          req.ip,
        );
        return i;
      });
      return reply.code(201).send({ integration: present(integration), secret: platformSecret ? null : secret });
    },
  );

  app.delete(
    '/api/integrations/:id',
    {
      config: { permission: 'integrations:manage' },
      schema: {
        tags: ['integrations'],
        summary: 'Disable an integration: its deliveries are refused from now on',
        params: IdParams,
        response: { 200: Integration, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return ctx.store.transaction(async (tx) => {
        const before = await tx.integrations.get(actor.orgId, req.params.id);
        if (!before) throw new AppError('not_found', 'No integration with this id.');
        if (before.disabled) throw new AppError('invalid_transition', 'This integration is already disabled.');
        const after = (await tx.integrations.disable(actor.orgId, req.params.id))!;
        await tx.audit.record(actor, 'integration.disabled', { type: 'integration', id: after.id }, { kind: after.kind }, req.ip);
        return present(after);
      });
    },
  );

  // The inbound endpoints live in their own encapsulated plugin: its body parsers hand over the raw
  // bytes (the signatures cover them exactly), without changing how any other route parses bodies.
  void app.register((plugin, _opts, loaded) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded']);
    scope.addContentTypeParser(['application/json', 'application/x-www-form-urlencoded'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    const inbound = (kind: IntegrationKind, summary: string, handle: (req: FastifyRequest, secret: string, raw: Buffer) => Inbound) =>
      scope.post(
        `/api/inbound/:id/${kind}`,
        {
          // Public: no token or session. The platform's signature over the body, checked before anything
          // is read or stored, is the authentication.
          config: { permission: 'public' },
          schema: {
            tags: ['integrations'],
            summary,
            security: [],
            params: IdParams,
            response: {
              200: InboundResponse,
              201: InboundResponse,
              204: z.null().describe('Acknowledged: not a message'),
              ...COMMON_ERRORS,
            },
          },
        },
        async (req, reply) => {
          const found = await ctx.store.integrations.secretOf(req.params.id);
          if (!found || found.integration.kind !== kind || found.integration.disabled)
            throw new AppError('not_found', `No active ${kind} integration with this id.`);
          const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const parsed = handle(req, found.secret, raw);
          if ('ignored' in parsed) return reply.code(204).send(null);
          const r = await ctx.ingester.ingest(await actingActor(ctx, found.integration), {
            conversation: {
              ...parsed.message.conversation,
              teamId: found.integration.teamId ?? undefined,
              ...(parsed.message.customerAddress ? { customerRef: ctx.pseudonymise(parsed.message.customerAddress) } : {}),
            },
            author: parsed.message.author,
            text: parsed.message.text,
            externalId: parsed.message.externalId,
          });
          if (!r.duplicate) {
            ctx.metrics.messages.inc({ author: parsed.message.author, label: r.analysis?.label ?? 'agent' });
            for (const a of r.alerts) ctx.metrics.alerts.inc({ kind: a.kind, severity: a.severity });
          }
          return reply
            .code(r.duplicate ? 200 : 201)
            .send({ conversationId: r.conversation.id, messageId: r.message.id, label: r.analysis?.label ?? null });
        },
      );

    inbound('generic', 'Generic inbound webhook (x-calmline-timestamp, x-calmline-signature: v1=hex HMAC-SHA256)', (req, secret, raw) => {
      check(
        verifyGeneric(secret, { timestamp: header(req, 'x-calmline-timestamp'), signature: header(req, 'x-calmline-signature') }, raw),
        'x-calmline-timestamp and x-calmline-signature',
      );
      return parseGeneric(raw);
    });

    inbound('zendesk', 'Zendesk ticket-comment webhook (X-Zendesk-Webhook-Signature)', (req, secret, raw) => {
      const headers = {
        timestamp: header(req, 'x-zendesk-webhook-signature-timestamp'),
        signature: header(req, 'x-zendesk-webhook-signature'),
      };
      check(verifyZendesk(secret, headers, raw), 'X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp');
      return parseZendesk(raw);
    });

    inbound('twilio', 'Twilio Conversations onMessageAdded webhook (X-Twilio-Signature)', (req, secret, raw) => {
      const params = formParams(raw);
      // The URL Twilio called, as it called it (behind a proxy, with trustProxy the forwarded scheme and host).
      const url = `${req.protocol}://${req.host}${req.url}`;
      check(verifyTwilio(secret, header(req, 'x-twilio-signature'), url, params), 'X-Twilio-Signature');
      return parseTwilio(params);
    });
    loaded();
  });
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function check(verdict: Verdict, headers: string): void {
  if (verdict.ok) return;
  if (verdict.reason === 'missing') throw new AppError('bad_signature', `The request is not signed: send ${headers}.`);
  if (verdict.reason === 'stale')
    throw new AppError(
      'bad_signature',
      `The signature timestamp is outside the ${REPLAY_WINDOW_SECONDS / 60}-minute window around our clock; a delivery cannot be replayed later.`,
    );
  throw new AppError('bad_signature');
}

/** The integration's acting account as an Actor, checked now: a disabled or demoted account stops its integrations. */
async function actingActor(ctx: AppContext, integration: IntegrationDto): Promise<Actor> {
  const user = await ctx.store.users.get(integration.orgId, integration.actingUserId);
  if (!user || user.disabled) throw new AppError('forbidden', 'The account this integration acts as is disabled.');
  if (!can(user.role, 'messages:ingest'))
    throw new AppError('forbidden', `The account this integration acts as (a ${user.role}) may not ingest.`);
  return { orgId: integration.orgId, userId: user.id, role: user.role, teamIds: await ctx.store.teams.teamIdsOf(user.id), tokenId: null };
}

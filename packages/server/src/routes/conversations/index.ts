/**
 * @module routes/conversations
 * Conversations the caller may see, one conversation's timeline (messages, actions, alerts, the
 * protocol state), and the agent's actions on it.
 */
import { AGENT_ACTIONS, LABELS } from '@calmline/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { CONVERSATION_STATUSES } from '../../store/types.js';
import { presentAlert, presentConversation } from '../presenters.js';
import { AgentActionRecord, Alert, COMMON_ERRORS, Conversation, IdParams, Message, RecommendedAction, Suggestion } from '../schemas.js';

const ListQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  label: z.enum(LABELS).optional().describe('The worst label seen in the conversation'),
  before: z.string().max(40).optional().describe('updatedAt of the last conversation of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Timeline = z.object({
  conversation: Conversation,
  messages: z.array(Message),
  actions: z.array(AgentActionRecord),
  alerts: z.array(Alert),
  guidance: z
    .object({ actions: z.array(RecommendedAction), suggestions: z.array(Suggestion) })
    .describe('What the protocol recommended after the newest customer or agent message (empty once the live log has pruned it)'),
});

interface GuidancePayload {
  actions?: z.infer<typeof RecommendedAction>[];
  suggestions?: z.infer<typeof Suggestion>[];
}

export function conversationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/conversations',
    {
      config: { permission: 'conversations:read' },
      schema: {
        tags: ['conversations'],
        summary: 'List conversations',
        querystring: ListQuery,
        response: { 200: z.object({ conversations: z.array(Conversation) }), ...COMMON_ERRORS },
      },
    },
    async (req) => ({ conversations: (await ctx.store.conversations.list(actorOf(req), req.query)).map(presentConversation) }),
  );

  app.get(
    '/api/conversations/:id',
    {
      config: { permission: 'conversations:read' },
      schema: {
        tags: ['conversations'],
        summary: "A conversation's timeline",
        params: IdParams,
        response: { 200: Timeline, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const c = await ctx.store.conversations.visible(actorOf(req), req.params.id);
      if (!c) throw new AppError('not_found', 'No conversation with this id is visible to you.');
      const [messages, actions, alerts, latest, newer] = await Promise.all([
        ctx.store.conversations.messages(c.id),
        ctx.store.conversations.actions(c.id),
        ctx.store.alerts.ofConversation(c.id),
        ctx.store.events.latestOf(c.id, ['message.analysed']),
        ctx.store.events.latestOf(c.id, ['conversation.updated']),
      ]);
      // An action taken since (a warning given) changes what is recommended, but not the suggested lines.
      const said = (latest?.payload ?? {}) as GuidancePayload;
      const done = newer && latest && newer.id > latest.id ? (newer.payload as GuidancePayload) : undefined;
      return {
        conversation: presentConversation(c),
        messages: messages as z.infer<typeof Message>[],
        actions: actions as z.infer<typeof AgentActionRecord>[],
        alerts: alerts.map(presentAlert),
        guidance: { actions: (done ?? said).actions ?? [], suggestions: said.suggestions ?? [] },
      };
    },
  );

  app.post(
    '/api/conversations/:id/actions',
    {
      config: { permission: 'conversations:act' },
      schema: {
        tags: ['conversations'],
        summary: 'Record an agent action (warning, callback offer, end, call for help)',
        params: IdParams,
        body: z.object({ action: z.enum(AGENT_ACTIONS) }),
        response: {
          201: z.object({
            conversation: Conversation,
            action: AgentActionRecord,
            actions: z.array(RecommendedAction),
            alerts: z.array(Alert),
          }),
          ...COMMON_ERRORS,
          409: COMMON_ERRORS[400],
        },
      },
    },
    async (req, reply) => {
      const r = await ctx.actions.record(actorOf(req), req.params.id, req.body.action);
      for (const a of r.alerts) ctx.metrics.alerts.inc({ kind: a.kind, severity: a.severity });
      return reply.code(201).send({
        conversation: presentConversation(r.conversation),
        action: r.action as z.infer<typeof AgentActionRecord>,
        actions: r.actions,
        alerts: r.alerts.map(presentAlert),
      });
    },
  );
}

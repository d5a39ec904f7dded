/**
 * @module routes/messages
 * POST /api/messages: ingest one customer or agent message. Answers with the analysis (or the
 * coach's findings for an agent message), the protocol step, recommended actions, suggested
 * replies and any alert it raised.
 */
import { LANGUAGES } from '@calmline/core';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AUTHORS } from '../../store/types.js';
import { Block } from '../blocks/index.js';
import { presentAlert, presentConversation } from '../presenters.js';
import { Alert, Analysis, COMMON_ERRORS, Conversation, Finding, Id, Message, RecommendedAction, Suggestion } from '../schemas.js';

const Text = z.string().min(1).max(5000);
const Ref = z.string().min(1).max(200);

export const IngestBody = z
  .object({
    conversationId: Id.optional().describe('An existing conversation; or give `conversation` to find or open one by its external id'),
    conversation: z
      .object({
        channel: z.string().min(1).max(64).describe('chat, email, phone, social…'),
        externalId: Ref.describe("The contact platform's id for the conversation"),
        language: z.enum(LANGUAGES).optional(),
        agentId: Id.optional().describe('Defaults to the calling agent'),
        teamId: Id.optional().describe("Defaults to the agent's first team"),
        customerRef: Ref.optional().describe('A pseudonymous customer reference, never a name'),
        contactReason: Ref.optional(),
      })
      .optional(),
    author: z.enum(AUTHORS).default('customer'),
    text: Text,
    externalId: Ref.optional().describe("The sender's message id: a retry with the same id is answered, not stored twice"),
    replyId: z.string().max(100).optional().describe('For agent messages sent from a suggestion'),
  })
  .refine((b) => (b.conversationId === undefined) !== (b.conversation === undefined), {
    message: 'give exactly one of conversationId or conversation',
    path: ['conversationId'],
  });

const IngestResponse = z.object({
  conversation: Conversation,
  message: Message,
  analysis: Analysis.nullable(),
  findings: z.array(Finding).nullable(),
  step: z.string(),
  actions: z.array(RecommendedAction),
  suggestions: z.array(Suggestion),
  alerts: z.array(Alert),
  incidentId: Id.nullable().describe('The incident this message opened or added to (threats, self-harm, abuse past the warnings)'),
  block: Block.nullable().describe("An active block of the conversation's customer (who set it, why, until when)"),
  duplicate: z.boolean(),
});

export function messageRoutes(app: App, ctx: AppContext): void {
  // Recruits practise in the simulator until their coach signs them off (PRODUCT.md practice 8).
  const gate = ctx.recruits;
  app.post(
    '/api/messages',
    {
      config: { permission: 'messages:ingest' },
      // The hot path: the answer is built from typed presenters, so it is written with plain
      // JSON.stringify instead of being re-validated by Zod (the schema still documents it).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['messages'],
        summary: 'Ingest a message',
        body: IngestBody,
        response: { 200: IngestResponse, 201: IngestResponse, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
        description:
          'A recruit (an agent in an open training cohort, not yet signed off) is refused with 403 recruit_not_ready, as is a new conversation assigned to one.',
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await gate.check(actor, req.body.conversation?.agentId);
      const r = await ctx.ingester.ingest(actor, req.body);
      if (!r.duplicate) {
        ctx.metrics.messages.inc({ author: req.body.author, label: r.analysis?.label ?? 'agent' });
        for (const a of r.alerts) ctx.metrics.alerts.inc({ kind: a.kind, severity: a.severity });
      }
      return reply.code(r.duplicate ? 200 : 201).send({
        conversation: presentConversation(r.conversation),
        message: r.message as z.infer<typeof Message>,
        analysis: r.analysis,
        findings: r.findings,
        step: r.conversation.protocol?.step ?? 'normal',
        actions: r.actions,
        suggestions: r.suggestions,
        alerts: r.alerts.map(presentAlert),
        incidentId: r.incidentId,
        block: r.block,
        duplicate: r.duplicate,
      });
    },
  );
}

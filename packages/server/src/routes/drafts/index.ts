/**
 * @module routes/drafts
 * POST /api/drafts/check: the coach's findings on an agent's draft, in the context of the
 * conversation's last customer message when a conversation is given.
 */
import { LANGUAGES, type CustomerMessage, type Language } from '@calmline/core';
import { z } from 'zod';
import { mayAccess } from '../../auth/access.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS, Finding, Id } from '../schemas.js';

const DraftBody = z.object({
  text: z.string().min(1).max(5000),
  lang: z.enum(LANGUAGES).optional().describe("Defaults to the conversation's language, else English"),
  conversationId: Id.optional(),
});

export function draftRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/drafts/check',
    {
      config: { permission: 'drafts:check' },
      schema: {
        tags: ['drafts'],
        summary: "Check an agent's draft",
        body: DraftBody,
        response: { 200: z.object({ lang: z.enum(LANGUAGES), findings: z.array(Finding) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let lang: Language = req.body.lang ?? 'en';
      let customer: CustomerMessage | undefined;
      const previous: string[] = [];
      if (req.body.conversationId) {
        const c = await ctx.store.conversations.visible(actor, req.body.conversationId);
        if (!c || !mayAccess(actor, c)) throw new AppError('not_found', 'No conversation with this id is visible to you.');
        lang = req.body.lang ?? c.language ?? c.protocol?.lang ?? 'en';
        const messages = await ctx.store.conversations.messages(c.id);
        const lastCustomer = messages.findLast((m) => m.author === 'customer');
        if (lastCustomer?.analysis)
          customer = { label: lastCustomer.analysis.label, scores: lastCustomer.analysis.scores, text: lastCustomer.text };
        for (const m of messages) if (m.author === 'agent') previous.push(m.text);
      }
      const findings = ctx.engine.coach.check(req.body.text, { lang, customer, previous: previous.slice(-5) });
      return { lang, findings };
    },
  );
}

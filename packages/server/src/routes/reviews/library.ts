/**
 * @module routes/reviews/library
 * The organisation's library of exemplary replies: lines that worked (or a reviewer's better
 * alternative), by language and situation, for everyone to learn from. Only replies the draft
 * coach finds nothing wrong with go in, so the library never teaches a habit the coach flags.
 */
import { LANGUAGES } from '@calmline/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { checkTurn, loadTranscript } from '../../reviews/transcripts.js';
import { LIBRARY_SITUATIONS } from '../../store/LibraryRepository.js';
import { COMMON_ERRORS, IdParams } from '../schemas.js';
import { namesOf, presentReply } from './present.js';
import { LibraryBody, LibraryReply } from './schema.js';

export function libraryRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/library',
    {
      config: { permission: 'library:read' },
      schema: {
        tags: ['library'],
        summary: 'Exemplary replies, newest first, by language, situation and words',
        querystring: z.object({
          lang: z.enum(LANGUAGES).optional(),
          situation: z.enum(LIBRARY_SITUATIONS).optional(),
          q: z.string().trim().max(200).optional().describe('Words the reply or its context contains (any case)'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ replies: z.array(LibraryReply) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const replies = await ctx.store.library.search(actor.orgId, req.query);
      const names = await namesOf(
        ctx,
        actor.orgId,
        replies.map((r) => r.sharedBy),
      );
      return { replies: replies.map((r) => presentReply(r, names)) };
    },
  );

  app.post(
    '/api/library',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['library'],
        summary: 'Share a reply to the library (the draft coach must find nothing wrong with it)',
        body: LibraryBody,
        response: { 201: LibraryReply, ...COMMON_ERRORS, 409: COMMON_ERRORS[400] },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { lang, situation, text, context, source } = req.body;
      if (source) checkTurn(await loadTranscript(ctx, actor, source.kind, source.id), source.turn, 'library');
      const findings = ctx.engine.coach.check(text, { lang });
      if (findings.length > 0) {
        const kinds = [...new Set(findings.map((f) => f.kind))];
        throw new AppError(
          'not_exemplary',
          `The draft coach found something to improve (${kinds.join(', ')}); only replies it finds nothing wrong with go in the library.`,
          { findings: findings.map(({ kind, start, end, message, better }) => ({ kind, start, end, message, better })) },
        );
      }
      if (await ctx.store.library.sameText(actor.orgId, lang, text))
        throw new AppError('conflict', 'This reply is already in the library.');
      const added = await ctx.store.transaction(async (tx) => {
        const r = await tx.library.add({
          orgId: actor.orgId,
          lang,
          situation,
          text,
          context: context || null,
          source: source ?? null,
          sharedBy: actor.userId,
          teamId: actor.teamIds[0] ?? null,
        });
        await tx.audit.record(actor, 'library.shared', { type: 'library_reply', id: r.id }, { lang, situation, source: r.source }, req.ip);
        return r;
      });
      return reply.code(201).send(presentReply(added, await namesOf(ctx, actor.orgId, [actor.userId])));
    },
  );

  app.delete(
    '/api/library/:id',
    {
      config: { permission: 'library:manage' },
      schema: {
        tags: ['library'],
        summary: 'Take a reply out of the library (kept on record: who removed it and when)',
        params: IdParams,
        response: { 204: z.null(), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const removed = await ctx.store.transaction(async (tx) => {
        const done = await tx.library.remove(actor.orgId, req.params.id, actor.userId);
        if (done) await tx.audit.record(actor, 'library.removed', { type: 'library_reply', id: req.params.id }, null, req.ip);
        return done;
      });
      if (!removed) throw new AppError('not_found', 'No reply with this id is in the library.');
      return reply.code(204).send(null);
    },
  );
}

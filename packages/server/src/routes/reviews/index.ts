/**
 * @module routes/reviews
 * Peer review and coaching (PRODUCT practice 6, "what I would have done"): anyone who may read a
 * transcript, real or simulated, annotates it turn by turn — what they would have said, a comment,
 * "well done" — beside Calmline's own review against the conversation practices. Leads see the
 * reviews of their teams' contacts; agents those of their own. The library of exemplary replies is
 * in ./library.ts.
 */
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { mayReadReview } from '../../reviews/access.js';
import { checkTurn, loadTranscript, reviewerTurns, TRANSCRIPT_LOADERS, type Transcript } from '../../reviews/transcripts.js';
import { NOTE_KINDS, SUBJECT_KINDS, type Review as StoredReview } from '../../store/ReviewRepository.js';
import type { Actor } from '../../store/types.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';
import { namesOf, presentReview } from './present.js';
import { Note, NoteBody, Review, ReviewListItem, SubjectParams, SubjectView } from './schema.js';

/** How many reviews one list request reads before the role's rule is applied to them. */
const LIST_SCAN = 500;
/** How many subjects the list loads at once. */
const LOAD_BATCH = 25;

/** The transcript the actor may see, or null: for access checks that must not throw. */
async function tryTranscript(ctx: AppContext, actor: Actor, subject: StoredReview['subject']): Promise<Transcript | null> {
  const loader = TRANSCRIPT_LOADERS[subject.kind];
  return loader ? loader(ctx, actor, subject.id) : null;
}

export function reviewRoutes(app: App, ctx: AppContext): void {
  /** The subject with Calmline's review and the human reviews the actor may read. */
  const subjectView = async (actor: Actor, transcript: Transcript): Promise<z.infer<typeof SubjectView>> => {
    const reviews = (await ctx.store.reviews.ofSubject(actor.orgId, transcript)).filter((r) => mayReadReview(actor, r, transcript));
    const names = await namesOf(ctx, actor.orgId, [transcript.agentId, ...reviews.map((r) => r.authorId)]);
    const automatic = ctx.engine.reviewer.review(reviewerTurns(transcript), transcript.lang);
    return {
      transcript: { ...transcript, agentName: transcript.agentId ? (names.get(transcript.agentId) ?? null) : null },
      automatic,
      reviews: reviews.map((r) => presentReview(r, names)),
    };
  };

  /** A note the actor wrote; someone else's they may read is 403, one they may not see 404. */
  const ownNote = async (actor: Actor, id: string) => {
    const found = await ctx.store.reviews.note(actor.orgId, id);
    if (found && found.review.authorId === actor.userId) return found;
    if (found && mayReadReview(actor, found.review, await tryTranscript(ctx, actor, found.review.subject)))
      throw new AppError('not_yours', 'Only the author of a note may change or delete it.');
    throw new AppError('not_found', 'No note with this id is visible to you.');
  };

  app.get(
    '/api/reviews',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['reviews'],
        summary: 'Reviews you may read, most recently worked on first',
        querystring: z.object({
          authorId: Id.optional(),
          teamId: Id.optional().describe("Only reviews of this team's contacts"),
          kind: z.enum(SUBJECT_KINDS).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ reviews: z.array(ReviewListItem) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { authorId, teamId, kind, limit } = req.query;
      const rows = await ctx.store.reviews.list(actor, { authorId, kind, limit: LIST_SCAN });
      const transcripts = new Map<string, Promise<Transcript | null>>();
      const shown: { row: (typeof rows)[number]; transcript: Transcript | null }[] = [];
      // Subjects load a page at a time, concurrently: each is a few queries, and most lists stop early.
      for (let at = 0; at < rows.length && shown.length < limit; at += LOAD_BATCH) {
        const batch = rows.slice(at, at + LOAD_BATCH);
        for (const { subject } of batch) {
          const key = `${subject.kind}:${subject.id}`;
          if (!transcripts.has(key)) transcripts.set(key, tryTranscript(ctx, actor, subject));
        }
        for (const row of batch) {
          const transcript = await transcripts.get(`${row.subject.kind}:${row.subject.id}`)!;
          if (shown.length >= limit || !mayReadReview(actor, row, transcript)) continue;
          if (teamId && !transcript?.teamIds.includes(teamId)) continue;
          shown.push({ row, transcript });
        }
      }
      const names = await namesOf(ctx, actor.orgId, [
        ...shown.map((s) => s.row.authorId),
        ...shown.map((s) => s.transcript?.agentId ?? null),
      ]);
      return {
        reviews: shown.map(({ row, transcript: t }) => ({
          id: row.id,
          subject: {
            ...row.subject,
            lang: t?.lang ?? null,
            agentId: t?.agentId ?? null,
            agentName: t?.agentId ? (names.get(t.agentId) ?? null) : null,
            teamIds: t?.teamIds ?? [],
            startedAt: t?.turns[0]?.at ?? null,
            turnCount: t ? t.turns.length : null,
          },
          author: { id: row.authorId, name: names.get(row.authorId) ?? '' },
          summary: row.summary,
          noteCount: row.noteCount,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        })),
      };
    },
  );

  app.get(
    '/api/reviews/subjects/:kind/:id',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['reviews'],
        summary: "A transcript turn by turn, Calmline's review of it, and the reviews you may read",
        params: SubjectParams,
        response: { 200: SubjectView, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return subjectView(actor, await loadTranscript(ctx, actor, req.params.kind, req.params.id));
    },
  );

  app.put(
    '/api/reviews/subjects/:kind/:id',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['reviews'],
        summary: 'Start my review of a transcript, or change its summary',
        params: SubjectParams,
        body: z.object({ summary: z.string().trim().max(4000).nullable().default(null) }),
        response: { 200: Review, 201: Review, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const transcript = await loadTranscript(ctx, actor, req.params.kind, req.params.id);
      const summary = req.body.summary || null;
      const { review, created } = await ctx.store.transaction(async (tx) => {
        const opened = await tx.reviews.open(actor.orgId, transcript, actor.userId);
        await tx.reviews.setSummary(opened.review.id, summary);
        if (opened.created)
          await tx.audit.record(actor, 'review.created', { type: 'review', id: opened.review.id }, { subject: req.params }, req.ip);
        return opened;
      });
      const mine = (await ctx.store.reviews.ofSubject(actor.orgId, transcript)).find((r) => r.id === review.id)!;
      return reply.code(created ? 201 : 200).send(presentReview(mine, await namesOf(ctx, actor.orgId, [actor.userId])));
    },
  );

  app.post(
    '/api/reviews/subjects/:kind/:id/notes',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['reviews'],
        summary: 'Add a note on one turn ("what I would have said" goes on an agent turn); starts my review if needed',
        params: SubjectParams,
        body: NoteBody,
        response: { 201: Note, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const transcript = await loadTranscript(ctx, actor, req.params.kind, req.params.id);
      checkTurn(transcript, req.body.turn, req.body.kind);
      const note = await ctx.store.transaction(async (tx) => {
        const { review, created } = await tx.reviews.open(actor.orgId, transcript, actor.userId);
        if (created) await tx.audit.record(actor, 'review.created', { type: 'review', id: review.id }, { subject: req.params }, req.ip);
        const added = await tx.reviews.addNote(review.id, req.body);
        await tx.audit.record(
          actor,
          'review.note_added',
          { type: 'review', id: review.id },
          { noteId: added.id, turn: added.turn },
          req.ip,
        );
        return added;
      });
      return reply.code(201).send({ ...note, authorId: actor.userId });
    },
  );

  app.patch(
    '/api/reviews/notes/:id',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags: ['reviews'],
        summary: 'Change one of my notes',
        params: IdParams,
        body: z.object({ kind: z.enum(NOTE_KINDS).optional(), text: NoteBody.shape.text.optional() }),
        response: { 200: Note, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { note, review } = await ownNote(actor, req.params.id);
      if (req.body.kind && req.body.kind !== note.kind)
        checkTurn(await loadTranscript(ctx, actor, review.subject.kind, review.subject.id), note.turn, req.body.kind);
      const changed = await ctx.store.reviews.updateNote(note.id, req.body);
      return { ...changed, authorId: actor.userId };
    },
  );

  app.delete(
    '/api/reviews/notes/:id',
    {
      config: { permission: 'reviews:write' },
      schema: { tags: ['reviews'], summary: 'Delete one of my notes', params: IdParams, response: { 204: z.null(), ...COMMON_ERRORS } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { note, review } = await ownNote(actor, req.params.id);
      await ctx.store.transaction(async (tx) => {
        await tx.reviews.deleteNote(note.id, review.id);
        await tx.audit.record(
          actor,
          'review.note_deleted',
          { type: 'review', id: review.id },
          { noteId: note.id, turn: note.turn },
          req.ip,
        );
      });
      return reply.code(204).send(null);
    },
  );
}

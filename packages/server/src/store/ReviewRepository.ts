/**
 * @module store/ReviewRepository
 * Peer reviews of transcripts: one review per author per subject, with notes on its turns. Who may
 * read a review depends on the subject (whose conversation, which teams), which lives elsewhere, so
 * this repository answers by organisation and subject and the caller applies reviews/access.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ReviewNoteTable, ReviewTable } from '../db/schema.js';
import { isUniqueViolation } from './errors.js';
import { newId, now } from './ids.js';
import { visibleConversations } from './scope.js';
import { ORG_WIDE } from '../auth/roles.js';
import type { Actor } from './types.js';

/** What can be reviewed: a real conversation, or a session in the training simulator. */
export const SUBJECT_KINDS = ['conversation', 'simulation'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const NOTE_KINDS = ['would_have_said', 'comment', 'well_done'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface Subject {
  kind: SubjectKind;
  id: string;
}

export interface ReviewNote {
  id: string;
  reviewId: string;
  turn: number;
  kind: NoteKind;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  orgId: string;
  subject: Subject;
  authorId: string;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewWithNotes extends Review {
  notes: ReviewNote[];
}

const presentReview = (r: Selectable<ReviewTable>): Review => ({
  id: r.id,
  orgId: r.org_id,
  subject: { kind: r.subject_kind as SubjectKind, id: r.subject_id },
  authorId: r.author_id,
  summary: r.summary,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const presentNote = (r: Selectable<ReviewNoteTable>): ReviewNote => ({
  id: r.id,
  reviewId: r.review_id,
  turn: Number(r.turn),
  kind: r.kind as NoteKind,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class ReviewRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The author's review of the subject, if they started one. */
  async mine(orgId: string, subject: Subject, authorId: string): Promise<Review | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('subject_kind', '=', subject.kind)
      .where('subject_id', '=', subject.id)
      .where('author_id', '=', authorId)
      .executeTakeFirst();
    return row && presentReview(row);
  }

  /**
   * The author's review of the subject, started now if there is none (`created` says which). Two
   * requests racing to start it both end with the one row the unique index allows.
   */
  async open(orgId: string, subject: Subject, authorId: string): Promise<{ review: Review; created: boolean }> {
    const existing = await this.mine(orgId, subject, authorId);
    if (existing) return { review: existing, created: false };
    const t = now();
    const row = {
      id: newId(),
      org_id: orgId,
      subject_kind: subject.kind,
      subject_id: subject.id,
      author_id: authorId,
      summary: null,
      created_at: t,
      updated_at: t,
    };
    try {
      await this.db.insertInto('reviews').values(row).execute();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return { review: (await this.mine(orgId, subject, authorId))!, created: false };
    }
    return { review: presentReview(row), created: true };
  }

  async setSummary(id: string, summary: string | null): Promise<void> {
    await this.db.updateTable('reviews').set({ summary, updated_at: now() }).where('id', '=', id).execute();
  }

  async get(orgId: string, id: string): Promise<Review | undefined> {
    const row = await this.db.selectFrom('reviews').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && presentReview(row);
  }

  /** Every review of the subject with its notes, oldest review first, notes by turn. */
  async ofSubject(orgId: string, subject: Subject): Promise<ReviewWithNotes[]> {
    const reviews = (
      await this.db
        .selectFrom('reviews')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('subject_kind', '=', subject.kind)
        .where('subject_id', '=', subject.id)
        .orderBy('created_at')
        .execute()
    ).map(presentReview);
    if (reviews.length === 0) return [];
    const notes = (
      await this.db
        .selectFrom('review_notes')
        .selectAll()
        .where(
          'review_id',
          'in',
          reviews.map((r) => r.id),
        )
        .orderBy('turn')
        .orderBy('created_at')
        .execute()
    ).map(presentNote);
    return reviews.map((r) => ({ ...r, notes: notes.filter((n) => n.reviewId === r.id) }));
  }

  /**
   * Reviews of the organisation, most recently changed first, with their note counts. Reviews of
   * conversations the actor cannot see are left out here already (unless the actor wrote them);
   * the caller still applies the role's rule to what remains.
   */
  async list(
    actor: Actor,
    filter: { authorId?: string | undefined; kind?: SubjectKind | undefined; limit: number },
  ): Promise<(Review & { noteCount: number })[]> {
    let q = this.db
      .selectFrom('reviews')
      .selectAll('reviews')
      .select((eb) =>
        eb
          .selectFrom('review_notes')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('review_notes.review_id', '=', 'reviews.id')
          .as('note_count'),
      )
      .where('reviews.org_id', '=', actor.orgId);
    if (filter.authorId) q = q.where('reviews.author_id', '=', filter.authorId);
    if (filter.kind) q = q.where('reviews.subject_kind', '=', filter.kind);
    if (!ORG_WIDE.includes(actor.role))
      q = q.where((eb) =>
        eb.or([
          eb('reviews.author_id', '=', actor.userId),
          eb('reviews.subject_kind', '!=', 'conversation'),
          eb('reviews.subject_id', 'in', eb.selectFrom('conversations').select('conversations.id').where(visibleConversations(actor))),
        ]),
      );
    const rows = await q.orderBy('reviews.updated_at', 'desc').orderBy('reviews.id').limit(filter.limit).execute();
    return rows.map((r) => ({ ...presentReview(r), noteCount: Number(r.note_count ?? 0) }));
  }

  async addNote(reviewId: string, note: { turn: number; kind: NoteKind; text: string }): Promise<ReviewNote> {
    const t = now();
    const row = { id: newId(), review_id: reviewId, turn: note.turn, kind: note.kind, text: note.text, created_at: t, updated_at: t };
    await this.db.insertInto('review_notes').values(row).execute();
    await this.touch(reviewId, t);
    return presentNote(row);
  }

  /** A note with the review it belongs to, within the organisation. */
  async note(orgId: string, id: string): Promise<{ note: ReviewNote; review: Review } | undefined> {
    const row = await this.db.selectFrom('review_notes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const review = await this.get(orgId, row.review_id);
    return review && { note: presentNote(row), review };
  }

  async updateNote(id: string, change: { kind?: NoteKind | undefined; text?: string | undefined }): Promise<ReviewNote> {
    const t = now();
    await this.db
      .updateTable('review_notes')
      .set({ updated_at: t, ...(change.kind ? { kind: change.kind } : {}), ...(change.text !== undefined ? { text: change.text } : {}) })
      .where('id', '=', id)
      .execute();
    const row = await this.db.selectFrom('review_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await this.touch(row.review_id, t);
    return presentNote(row);
  }

  async deleteNote(id: string, reviewId: string): Promise<void> {
    await this.db.deleteFrom('review_notes').where('id', '=', id).execute();
    await this.touch(reviewId, now());
  }

  /** A review changes when its notes do: lists show the most recently worked-on first. */
  private async touch(reviewId: string, at: string): Promise<void> {
    await this.db.updateTable('reviews').set({ updated_at: at }).where('id', '=', reviewId).execute();
  }
}

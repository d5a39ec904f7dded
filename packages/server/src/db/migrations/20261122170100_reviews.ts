/**
 * Peer review and coaching: one review per author per transcript (real or simulated), notes on its
 * turns ("what I would have said"), and the organisation's library of exemplary replies.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One review per author per transcript: a second "start a review" finds the first.
  await db.schema
    .createIndex('reviews_author_subject')
    .unique()
    .on('reviews')
    .columns(['subject_kind', 'subject_id', 'author_id'])
    .execute();
  await db.schema.createIndex('reviews_org_updated').on('reviews').columns(['org_id', 'updated_at']).execute();
  await db.schema
    .createTable('review_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('turn', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_notes_review').on('review_notes').columns(['review_id', 'turn']).execute();
  await db.schema
    .createTable('library_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('context', 'text')
    .addColumn('source_kind', 'text')
    .addColumn('source_id', 'text')
    .addColumn('source_turn', 'integer')
    .addColumn('shared_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('team_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema.createIndex('library_replies_org').on('library_replies').columns(['org_id', 'lang', 'situation']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('library_replies').execute();
  await db.schema.dropTable('review_notes').execute();
  await db.schema.dropTable('reviews').execute();
}

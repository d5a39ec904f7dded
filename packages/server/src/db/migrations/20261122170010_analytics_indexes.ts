/**
 * Indexes for the analytics reads (analytics/factsQuery): conversations by organisation and
 * creation time, so a report's window is an index range rather than every conversation of the
 * organisation; and customer messages' labels by conversation, so the per-conversation facts come
 * from the index alone without reading the messages' text and analysis.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('conversations_org_created').on('conversations').columns(['org_id', 'created_at']).execute();
  await db.schema
    .createIndex('messages_conversation_labels')
    .on('messages')
    .columns(['conversation_id', 'author', 'label', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('messages_conversation_labels').execute();
  await db.schema.dropIndex('conversations_org_created').execute();
}

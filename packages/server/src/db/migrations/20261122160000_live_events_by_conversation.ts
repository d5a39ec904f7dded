/**
 * Live events by conversation: opening a conversation shows the guidance (recommended actions and
 * suggested replies) of its newest event, which without this index would scan the whole log.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('live_events_conversation').on('live_events').columns(['conversation_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('live_events_conversation').execute();
}

/** Conversations, their messages with analysis, and the agent's actions. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('customer_ref', 'text')
    .addColumn('contact_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('protocol_state', 'text', (c) => c.notNull())
    .addColumn('worst_label', 'text', (c) => c.notNull())
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conversations_external', ['org_id', 'channel', 'external_id'])
    .execute();
  await db.schema.createIndex('conversations_agent').on('conversations').columns(['agent_id', 'updated_at']).execute();
  await db.schema.createIndex('conversations_team').on('conversations').columns(['team_id', 'updated_at']).execute();
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('severity', 'integer')
    .addColumn('language', 'text')
    .addColumn('analysis', 'text')
    .addColumn('reply_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('messages_seq', ['conversation_id', 'seq'])
    .addUniqueConstraint('messages_external', ['conversation_id', 'external_id'])
    .execute();
  await db.schema
    .createTable('agent_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agent_actions_conversation').on('agent_actions').columns(['conversation_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_actions').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('conversations').execute();
}

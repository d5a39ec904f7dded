/** Incidents: the record, its append-only chained events, and the signed checkpoints of the chain head. */
import type { Kysely } from 'kysely';
import { withAutoId, type DialectName } from './dialect.js';

export function incidents(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('team_id', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('conduct', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_conversation').on('incidents').columns(['conversation_id', 'status']).execute();
      await db.schema.createIndex('incidents_org').on('incidents').columns(['org_id', 'created_at']).execute();
      await withAutoId(db.schema.createTable('incident_events'), dialect)
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text')
        .addColumn('payload_digest', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addUniqueConstraint('incident_events_position', ['org_id', 'position'])
        .execute();
      await db.schema.createIndex('incident_events_incident').on('incident_events').columns(['incident_id', 'position']).execute();
      await withAutoId(db.schema.createTable('incident_checkpoints'), dialect)
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('head_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_checkpoints_org').on('incident_checkpoints').columns(['org_id', 'position']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('incident_checkpoints').execute();
      await db.schema.dropTable('incident_events').execute();
      await db.schema.dropTable('incidents').execute();
    },
  };
}

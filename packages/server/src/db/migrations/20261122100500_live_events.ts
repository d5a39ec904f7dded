/** The live event log: what sockets are sent, kept so reconnecting clients catch up. */
import type { Kysely } from 'kysely';
import { withAutoId, type DialectName } from './dialect.js';

export function liveEvents(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAutoId(db.schema.createTable('live_events'), dialect)
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('security', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_events_org').on('live_events').columns(['org_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('live_events').execute();
    },
  };
}

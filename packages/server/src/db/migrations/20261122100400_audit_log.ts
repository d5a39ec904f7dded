/** Who did what: sign-ins, actions, alert changes, user and token management. */
import type { Kysely } from 'kysely';
import { withAutoId, type DialectName } from './dialect.js';

export function auditLog(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withAutoId(db.schema.createTable('audit_log'), dialect)
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('actor_token_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('details', 'text')
        .addColumn('ip', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_org').on('audit_log').columns(['org_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_log').execute();
    },
  };
}

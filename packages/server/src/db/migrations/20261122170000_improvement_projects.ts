/** Improvement projects: a named problem, a metric with baseline and target, a window, tracked on live data. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('improvement_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull())
    // double precision: a REAL on SQLite, 8 bytes on PostgreSQL (its `real` keeps only 6 digits).
    .addColumn('baseline', 'double precision')
    .addColumn('baseline_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('improvement_projects_org').on('improvement_projects').columns(['org_id', 'status', 'starts_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('improvement_projects').execute();
}

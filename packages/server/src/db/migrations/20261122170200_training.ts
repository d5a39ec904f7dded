/**
 * Training: simulator sessions (the engine's state as JSON, replayable from its seed), cohorts of
 * recruits with a coach and a readiness rule, their members and the scenarios assigned to them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('readiness', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cohorts_org').on('cohorts').columns(['org_id', 'closed_at']).execute();
  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cohort_members_user').on('cohort_members').columns(['user_id']).execute();
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_cohort').on('assignments').columns(['cohort_id', 'created_at']).execute();
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('score', 'double precision')
    .addColumn('passed', 'integer')
    .addColumn('free_text', 'integer', (c) => c.notNull())
    // Customer lines the local model failed to write (the scripted line was used instead).
    .addColumn('model_fallbacks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id'))
    .addColumn('assignment_id', 'text', (c) => c.references('assignments.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('training_sessions_user').on('training_sessions').columns(['user_id', 'started_at']).execute();
  await db.schema.createIndex('training_sessions_org').on('training_sessions').columns(['org_id', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_sessions').execute();
  await db.schema.dropTable('assignments').execute();
  await db.schema.dropTable('cohort_members').execute();
  await db.schema.dropTable('cohorts').execute();
}

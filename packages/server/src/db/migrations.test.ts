/**
 * @module db/migrations.test
 * The migrations on SQLite and PostgreSQL: they apply in name order, a second run applies nothing
 * (every node runs them at start), `down` really removes every table, and `up` works again after.
 * Also the file rules that keep the order meaningful: timestamped names, and every file registered.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/databases.js';
import { openDatabase, type Database } from './connect.js';
import { migrateToLatest, migrateToNothing } from './migrate.js';
import { allMigrations } from './migrations/index.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Files in migrations/ that are helpers, not migrations. */
const NOT_MIGRATIONS = ['index.ts', 'dialect.ts'];
const migrationFiles = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => !NOT_MIGRATIONS.includes(f))
    .sort();

/** Every table the application uses (db/schema.ts's DB), which the migrations must create and drop. */
const APP_TABLES = [
  'agent_actions',
  'alerts',
  'api_tokens',
  'assignments',
  'audit_log',
  'breaks',
  'cohort_members',
  'cohorts',
  'conversations',
  'customer_blocks',
  'debriefs',
  'follow_ups',
  'improvement_projects',
  'incident_checkpoints',
  'incident_events',
  'incidents',
  'integrations',
  'library_replies',
  'live_events',
  'messages',
  'organisations',
  'outbox',
  'review_notes',
  'reviews',
  'sessions',
  'settings',
  'team_members',
  'teams',
  'training_sessions',
  'users',
  'webhook_deliveries',
  'webhooks',
];

describe('migration files', () => {
  it('are named <14-digit timestamp>_<snake_case>.ts', () => {
    const files = migrationFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^\d{14}_[a-z_]+\.ts$/);
  });

  it('are all registered in allMigrations, in name order, the same for both dialects', () => {
    const names = migrationFiles().map((f) => f.replace(/\.ts$/, ''));
    for (const dialect of DIALECTS) {
      const keys = Object.keys(allMigrations(dialect));
      expect(keys).toEqual(names);
      for (const key of keys) expect(typeof allMigrations(dialect)[key]?.down, `${key} has down`).toBe('function');
    }
  });
});

describe.each(DIALECTS)('migrations on %s', (kind) => {
  let database: TestDatabase;
  let handle: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    handle = openDatabase(database.location);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  /** The application's tables as the database's own catalog lists them (Kysely's bookkeeping left out). */
  async function tables(): Promise<string[]> {
    const query =
      kind === 'sqlite'
        ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
        : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`;
    const { rows } = await query.execute(handle.db);
    return rows
      .map((r) => r.name)
      .filter((n) => !n.startsWith('kysely_'))
      .sort();
  }

  const names = Object.keys(allMigrations(kind));

  it('applies every migration in name order, creating every table', async () => {
    expect(await tables()).toEqual([]);
    const applied = await migrateToLatest(handle);
    expect(applied).toEqual([...names].sort());
    expect(await tables()).toEqual(APP_TABLES);
  });

  it('applies nothing the second time, and keeps the data', async () => {
    await handle.db.insertInto('settings').values({ key: 'kept', value: 'yes' }).execute();
    expect(await migrateToLatest(handle)).toEqual([]);
    const row = await handle.db.selectFrom('settings').select('value').where('key', '=', 'kept').executeTakeFirst();
    expect(row?.value).toBe('yes');
  });

  it('undoes every migration, newest first, leaving no table behind', async () => {
    const undone = await migrateToNothing(handle);
    expect(undone).toEqual([...names].sort().reverse());
    expect(await tables()).toEqual([]);
    await expect(handle.db.selectFrom('organisations').selectAll().execute()).rejects.toThrow();
    expect(await migrateToNothing(handle)).toEqual([]);
  });

  it('migrates up again after going all the way down', async () => {
    expect(await migrateToLatest(handle)).toEqual([...names].sort());
    expect(await tables()).toEqual(APP_TABLES);
    await handle.db
      .insertInto('organisations')
      .values({ id: 'o1', name: 'Again', policy: '{}', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const row = await handle.db.selectFrom('organisations').select('name').where('id', '=', 'o1').executeTakeFirst();
    expect(row?.name).toBe('Again');
  });
});

/**
 * @module test/databases
 * The two stores every store and API test runs against: a SQLite file in a fresh temporary folder,
 * and a fresh database on the PostgreSQL at 127.0.0.1:5432 (created per test file, dropped after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { AesGcmSealer } from '../auth/sealed.js';
import { openDatabase, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { Store } from '../store/Store.js';

export const PG_ADMIN_URL = process.env.CALMLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** What to pass as databaseUrl (PostgreSQL) or the SQLite file path. */
  location: string;
  drop(): Promise<void>;
}

/** Seals webhook and integration secrets in stores opened by tests (the key of a fixed test secret). */
export const TEST_SEALER = new AesGcmSealer('calmline test server secret, not for production use');

export type DialectKind = 'sqlite' | 'postgres';
export const DIALECTS: DialectKind[] = ['sqlite', 'postgres'];

export async function createTestDatabase(kind: DialectKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-test-'));
    return { location: join(dir, 'calmline.db'), drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const name = `calmline_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated store for one describe block (opened before its tests, dropped after).
 * @example const t = useMigratedStore('sqlite'); it('…', () => t.store.teams.list(orgId))
 */
export function useMigratedStore(kind: DialectKind) {
  const handles = {} as { tdb: TestDatabase; database: Database; store: Store };
  beforeAll(async () => {
    handles.tdb = await createTestDatabase(kind);
    handles.database = openDatabase(handles.tdb.location);
    await migrateToLatest(handles.database);
    handles.store = new Store(handles.database.db, handles.database.dialect, { sealer: TEST_SEALER });
  });
  afterAll(async () => {
    await handles.database?.close();
    await handles.tdb?.drop();
  });
  return {
    get store() {
      return handles.store;
    },
    get database() {
      return handles.database;
    },
    get location() {
      return handles.tdb.location;
    },
  };
}

/**
 * @module test/databases
 * The two stores every store and API test runs against: a SQLite file in a fresh temporary folder,
 * and a fresh database on the PostgreSQL at 127.0.0.1:5432 (created per test file, dropped after).
 */
import { afterAll, beforeAll } from 'vitest';
import { AesGcmSealer } from '../auth/sealed.js';
import { openDatabase, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { Store } from '../store/Store.js';
import { createTestDatabase, type DialectKind, type TestDatabase } from './freshDatabase.js';

export { PG_ADMIN_URL, DIALECTS, createTestDatabase, type DialectKind, type TestDatabase } from './freshDatabase.js';

/** Seals webhook and integration secrets in stores opened by tests (the key of a fixed test secret). */
export const TEST_SEALER = new AesGcmSealer('calmline test server secret, not for production use');

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

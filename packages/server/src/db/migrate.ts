/**
 * @module db/migrate
 * Runs the migrations with Kysely's Migrator (which takes a lock, so two nodes starting together
 * on one PostgreSQL do not both migrate).
 */
import { Migrator, type MigrationResultSet } from 'kysely';
import type { Database } from './connect.js';
import { allMigrations } from './migrations/index.js';

function migrator(store: Database): Migrator {
  const migrations = allMigrations(store.dialect);
  return new Migrator({ db: store.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const why = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    // No failed migration named: the database could not even be asked which ones have run.
    throw new Error(failed ? `migration ${failed} failed: ${why}` : `the database cannot be reached or read: ${why}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns their names. @example await migrateToLatest(store) */
export async function migrateToLatest(store: Database): Promise<string[]> {
  return check(await migrator(store).migrateToLatest());
}

/** Undoes every migration (tests of `down`). @example await migrateToNothing(store) */
export async function migrateToNothing(store: Database): Promise<string[]> {
  const m = migrator(store);
  const names: string[] = [];
  for (;;) {
    const done = check(await m.migrateDown());
    if (done.length === 0) return names;
    names.push(...done);
  }
}

/**
 * @module test/freshDatabase
 * A fresh database of either kind and how to drop it: a SQLite file in a new temporary folder, or a
 * new database on the PostgreSQL at 127.0.0.1:5432. Free of vitest, so scripts (the ingest
 * profiler) use it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.CALMLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** What to pass as databaseUrl (PostgreSQL) or the SQLite file path. */
  location: string;
  drop(): Promise<void>;
}

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

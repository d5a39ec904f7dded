/**
 * @module db/connect
 * Opens the store: an embedded SQLite file by default, PostgreSQL when a postgres:// URL is given.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import type { DialectName } from './migrations/index.js';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The pool, for LISTEN/NOTIFY (PostgreSQL only). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// bigserial ids come back from pg as strings; they stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Opens `postgres://…` with pg, anything else as a SQLite file path (":memory:" works too).
 * @example const store = openDatabase('./data/calmline.db')
 */
export function openDatabase(location: string, options: { poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location);
  // WAL: readers never wait for the writer. synchronous=NORMAL in WAL mode loses nothing when the
  // process dies (the WAL is in the OS page cache); only a power cut can drop the last commits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

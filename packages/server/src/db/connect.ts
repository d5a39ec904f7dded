/**
 * @module db/connect
 * Opens the store: an embedded SQLite file by default, PostgreSQL when a postgres:// URL is given.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import type { DialectName } from './migrations/index.js';
import { BACKSTOP_PAGES, startWalCheckpointer, type WalCheckpointer } from './walCheckpointer.js';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The pool, for NOTIFY (PostgreSQL only). */
  pool?: pg.Pool;
  /** A connection of its own for LISTEN, outside the pool (PostgreSQL only). */
  listenClient?: () => pg.Client;
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
    // A request that cannot get a connection within 10 s fails (503) instead of waiting for ever.
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, listenClient: () => new pg.Client({ connectionString: location }), close: () => db.destroy() };
  }
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location);
  // WAL: readers never wait for the writer. synchronous=NORMAL in WAL mode loses nothing when the
  // process dies (the WAL is in the OS page cache); only a power cut can drop the last commits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Group commit runs each transaction of a batch in a savepoint, and SQLite copies every page a
  // savepoint first changes to a sub-journal: past 64 KB a temporary file, written with a system
  // call per page (a seventh of the ingest CPU). In memory it is a copy, freed when the savepoint
  // is released. A large report's temporary tables live in memory too, until its query ends.
  sqlite.pragma('temp_store = MEMORY');
  let checkpointer: WalCheckpointer | undefined;
  if (location !== ':memory:') {
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    // Without the worker SQLite checkpoints on its own again, on the request thread as before.
    checkpointer = startWalCheckpointer(location, () => {
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    });
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing was a sixth of the server's CPU
 * under load. The same SQL text gets the same prepared statement (better-sqlite3 statements are
 * reusable); the cache is bounded because `IN (…)` lists make new texts.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

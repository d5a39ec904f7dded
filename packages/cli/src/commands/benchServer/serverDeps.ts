/**
 * @module commands/benchServer/serverDeps
 * The bench needs two drivers that @calmline/server already depends on (pg to create and drop its
 * PostgreSQL database, better-sqlite3 for the peer). They are loaded from the server package's own
 * dependencies rather than declared a second time, so the bench always uses the server's versions.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `require(name)` as seen from @calmline/server. */
export function requireFromServer(name: string): unknown {
  return createRequire(require.resolve('@calmline/server'))(name);
}

/** The part of pg's Client the bench uses. */
export interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
export type PgClientConstructor = new (options: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;

/** pg's Client class. */
export function pgClient(): PgClientConstructor {
  return (requireFromServer('pg') as { Client: PgClientConstructor }).Client;
}

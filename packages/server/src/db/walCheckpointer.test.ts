/**
 * @module db/walCheckpointer.test
 * The SQLite store's WAL is copied into the database file by the checkpointer thread, well before
 * the writing connection's own (high) threshold would do it, and closing the store stops the thread.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connect.js';
import { BACKSTOP_PAGES } from './walCheckpointer.js';

describe('the WAL checkpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('moves committed pages into the database file without the writer checkpointing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-wal-'));
    dirs.push(dir);
    const file = join(dir, 'calmline.db');
    const database = openDatabase(file);
    try {
      await sql`create table filler (id integer primary key, body text not null)`.execute(database.db);
      // About 3 MB (some 1,000 pages): far below the writer's own threshold, so only the
      // checkpointer can move it into the file before the store closes.
      expect(BACKSTOP_PAGES).toBeGreaterThan(4000);
      const body = 'x'.repeat(3000);
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 1000; i++) await sql`insert into filler (body) values (${body})`.execute(trx);
      });
      await expect.poll(() => statSync(file).size, { timeout: 10_000, interval: 100 }).toBeGreaterThan(3_000_000);
      const [{ n }] = (await sql<{ n: number }>`select count(*) as n from filler`.execute(database.db)).rows as [{ n: number }];
      expect(n).toBe(1000);
    } finally {
      await database.close();
    }
  });

  it('lets the process end once the store is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-wal-'));
    dirs.push(dir);
    const database = openDatabase(join(dir, 'calmline.db'));
    const started = performance.now();
    await database.close();
    // The thread is told to close its connection and exits; no 2 s terminate fallback is needed.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

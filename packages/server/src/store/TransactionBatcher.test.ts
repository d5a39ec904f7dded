/**
 * Transactions that arrive together (grouped into one commit on SQLite): each keeps its own
 * all-or-nothing, a failing one rolls back alone, and each answer comes after its data is stored.
 * Run on both databases, since callers must not be able to tell the difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { DIALECTS, useMigratedStore } from '../test/databases.js';
import type { Store } from './Store.js';
import { TransactionBatcher } from './TransactionBatcher.js';

describe.each(DIALECTS)('concurrent transactions on %s', (kind) => {
  const t = useMigratedStore(kind);
  let store: Store;
  beforeAll(() => {
    store = t.store;
  });

  it('commits the good ones and rolls back only the failing one', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.settings.set(`batch-${i}`, 'first write');
          await tx.settings.set(`batch-${i}-b`, 'second write');
          if (i % 7 === 3) throw new Error(`job ${i} fails after writing`);
          return i;
        }),
      ),
    );
    for (const [i, r] of results.entries()) {
      const stored = [await store.settings.get(`batch-${i}`), await store.settings.get(`batch-${i}-b`)];
      if (i % 7 === 3) {
        expect(r).toMatchObject({ status: 'rejected', reason: { message: `job ${i} fails after writing` } });
        expect(stored).toEqual([undefined, undefined]);
      } else {
        expect(r).toEqual({ status: 'fulfilled', value: i });
        expect(stored).toEqual(['first write', 'second write']);
      }
    }
  });

  it('has every write stored by the time a transaction answers', async () => {
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.transaction(async (tx) => (await tx.settings.set(`answered-${i}`, 'yes'), i))),
    );
    // Read through a second connection: only committed data is visible there.
    const other = openDatabase(t.location);
    try {
      const rows = await other.db.selectFrom('settings').select('key').where('key', 'like', 'answered-%').execute();
      expect(rows).toHaveLength(done.length);
    } finally {
      await other.close();
    }
  });
});

describe('group commit on SQLite', () => {
  /** A batcher over a fresh SQLite file whose statements are counted by their text. */
  function countingBatcher() {
    const dir = mkdtempSync(join(tmpdir(), 'calmline-batch-'));
    const sqlite = new SQLite(join(dir, 'batch.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table "notes" ("id" integer primary key, "text" text not null)');
    const counts = new Map<string, number>();
    const database: SqliteDatabase = {
      close: () => sqlite.close(),
      prepare: (text: string) => {
        counts.set(text, (counts.get(text) ?? 0) + 1);
        return sqlite.prepare(text);
      },
    };
    const db = new Kysely<{ notes: { id: number | null; text: string } }>({ dialect: new SqliteDialect({ database }) });
    return {
      batcher: new TransactionBatcher(db as unknown as Kysely<DB>),
      commits: () => counts.get('commit') ?? 0,
      notes: () => (sqlite.prepare('select "text" from "notes" order by "id"').all() as { text: string }[]).map((r) => r.text),
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('gives transactions requested in one turn of the event loop one commit, each answered after it', async () => {
    const t = countingBatcher();
    try {
      const insert = (text: string) => (trx: Kysely<DB>) =>
        sql`insert into "notes" ("text") values (${text})`.execute(trx).then(() => text);
      // As requests read in one turn: none waits for another before asking.
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.batcher.run(insert(`note ${i}`))));
      expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`));
      expect(t.commits()).toBe(1);
      // In the order they were asked for.
      expect(t.notes()).toEqual(answers);
      // One asked for later commits on its own.
      await t.batcher.run(insert('later'));
      expect(t.commits()).toBe(2);
      expect(t.notes().at(-1)).toBe('later');
    } finally {
      await t.close();
    }
  });
});

/**
 * Transactions that arrive together (grouped into one commit on SQLite): each keeps its own
 * all-or-nothing, a failing one rolls back alone, and each answer comes after its data is stored.
 * Run on both databases, since callers must not be able to tell the difference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.js';
import { DIALECTS, useMigratedStore } from '../test/databases.js';
import type { Store } from './Store.js';

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

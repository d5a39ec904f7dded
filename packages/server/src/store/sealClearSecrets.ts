/**
 * @module store/sealClearSecrets
 * Rows written before secrets were sealed hold them in clear; this seals them in place. Each
 * update only applies to the value it read, so nodes starting together never seal a value twice.
 */
import type { Kysely } from 'kysely';
import { isSealed, type Sealer } from '../auth/sealed.js';
import type { DB } from '../db/schema.js';

/** Returns how many rows it sealed. `aadOf` binds each sealed value to its row, as the repository does. */
export async function sealClearSecrets(
  db: Kysely<DB>,
  table: 'webhooks' | 'integrations',
  sealer: Sealer,
  aadOf: (id: string) => string,
): Promise<number> {
  let sealed = 0;
  for (const r of await db.selectFrom(table).select(['id', 'secret']).execute()) {
    if (isSealed(r.secret)) continue;
    const res = await db
      .updateTable(table)
      .set({ secret: sealer.seal(aadOf(r.id), r.secret) })
      .where('id', '=', r.id)
      .where('secret', '=', r.secret)
      .executeTakeFirst();
    sealed += Number(res.numUpdatedRows);
  }
  return sealed;
}

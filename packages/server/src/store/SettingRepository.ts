/**
 * @module store/SettingRepository
 * Server-wide settings every node shares.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export class SettingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** Deletes and returns the value in one step: a one-time secret can be used once. */
  async take(key: string): Promise<string | undefined> {
    const value = await this.get(key);
    if (value === undefined) return undefined;
    const deleted = await this.db.deleteFrom('settings').where('key', '=', key).where('value', '=', value).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? value : undefined;
  }
}

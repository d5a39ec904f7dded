/**
 * @module store/SettingRepository
 * Server-wide settings every node shares, and the few per-organisation settings that are not part
 * of the protocol policy (the incident retention period), keyed `<name>:<orgId>`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** `incident-retention-days:<orgId>` → days. */
const RETENTION_KEY = 'incident-retention-days:';

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

  /** The organisation's own incident retention period in days, if an admin set one. */
  async incidentRetentionDays(orgId: string): Promise<number | undefined> {
    const value = await this.get(RETENTION_KEY + orgId);
    return value === undefined ? undefined : Number(value);
  }

  async setIncidentRetentionDays(orgId: string, days: number): Promise<void> {
    await this.set(RETENTION_KEY + orgId, String(days));
  }

  /** Forgets the organisation's own period, so the server's default applies again. */
  async clearIncidentRetentionDays(orgId: string): Promise<void> {
    await this.db
      .deleteFrom('settings')
      .where('key', '=', RETENTION_KEY + orgId)
      .execute();
  }

  /** Every organisation that set its own retention period: orgId → days (the purge reads them all at once). */
  async incidentRetentionByOrg(): Promise<Map<string, number>> {
    // The key prefix has no LIKE wildcards (`_`, `%`), so the pattern matches it literally.
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${RETENTION_KEY}%`).execute();
    return new Map(rows.map((r) => [r.key.slice(RETENTION_KEY.length), Number(r.value)]));
  }
}

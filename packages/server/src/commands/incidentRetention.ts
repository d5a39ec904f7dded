/**
 * @module commands/incidentRetention
 * How long an organisation keeps closed incidents, and the purge that enforces it. An admin may set
 * the period for their organisation (one to ten years: records must go eventually, and a shorter
 * period would lose what HR or the police may still ask for); until they do, the server's
 * `incidentRetentionDays` applies. The purge works organisation by organisation with each one's
 * period; what it purges is unchanged (closed incidents untouched for longer than the period).
 */
import type { Store } from '../store/Store.js';

/** The period an admin may choose, in days: one year to ten years. */
export const RETENTION_MIN_DAYS = 365;
export const RETENTION_MAX_DAYS = 3650;

export interface Retention {
  days: number;
  /** Whether the organisation set it or the server's configuration gives it. */
  source: 'organisation' | 'server_default';
}

/** The period that applies to an organisation now. */
export async function retentionOf(store: Store, orgId: string, defaultDays: number): Promise<Retention> {
  const own = await store.settings.incidentRetentionDays(orgId);
  return own === undefined ? { days: defaultDays, source: 'server_default' } : { days: own, source: 'organisation' };
}

/** The moment before which a closed, untouched incident is past its period. */
const cutoff = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Purges every organisation's closed incidents past its own period; the organisations without one
 * use `defaultDays`. Each organisation in its own transaction, so one large purge does not hold the
 * others. Returns how many records lost their content.
 */
export async function purgeExpiredIncidents(store: Store, defaultDays: number, now = new Date()): Promise<number> {
  const own = await store.settings.incidentRetentionByOrg();
  let purged = 0;
  for (const [orgId, days] of own)
    purged += await store.transaction((tx) => tx.incidents.purgeClosedBefore(cutoff(days, now), { only: orgId }));
  purged += await store.transaction((tx) => tx.incidents.purgeClosedBefore(cutoff(defaultDays, now), { except: [...own.keys()] }));
  return purged;
}

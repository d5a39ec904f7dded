/**
 * The analytics screen's filters and the query string they make: a period of whole local days
 * ending today, in the browser's time zone (so "by hour" is the contact centre's own hours),
 * daily points up to three months and weekly ones beyond.
 */
import { query } from '../../api/client';

export const PERIODS = [7, 30, 90, 365] as const;

export interface Filters {
  days: number;
  channel: string;
  teamId: string;
  reason: string;
  lang: string;
}

export const DEFAULT_FILTERS: Filters = { days: 30, channel: '', teamId: '', reason: '', lang: '' };

/** The browser's zone, e.g. Europe/Berlin (UTC if the browser does not say). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** YYYY-MM-DD of a local date `daysAgo` before today. */
function localDate(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** @example reportQuery({ ...DEFAULT_FILTERS, channel: 'chat' }) // '?from=2026-10-24&tz=Europe%2FBerlin&interval=day&channel=chat' */
export function reportQuery(f: Filters, extra: Record<string, string> = {}): string {
  return query({
    from: localDate(f.days - 1),
    tz: browserTimeZone(),
    interval: f.days > 92 ? 'week' : 'day',
    channel: f.channel,
    teamId: f.teamId,
    reason: f.reason,
    lang: f.lang,
    ...extra,
  });
}

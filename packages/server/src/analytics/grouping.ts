/**
 * @module analytics/grouping
 * The summary report from the per-conversation facts: totals, the same tally by channel, team,
 * local hour of day and contact reason, and a daily or weekly series over the whole window (empty
 * days included, so a chart's gaps are real quiet days, not missing data).
 */
import { addDays, mondayOf, type LocalClock } from './clock.js';
import { count, emptyTally, ratesOf, UNSPECIFIED_REASON, type ContactFacts, type Rates, type Tally } from './definitions.js';

export const INTERVALS = ['day', 'week'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A team's conversations without a team are reported under this key. */
export const NO_TEAM = 'none';

export interface GroupRow extends Rates {
  key: string;
  /** A readable name where the key is an id (teams); otherwise null. */
  name: string | null;
}

export interface SeriesRow extends Rates {
  /** The bucket's first local day, YYYY-MM-DD (a Monday for weeks). */
  start: string;
}

export interface Summary {
  totals: Rates;
  byChannel: GroupRow[];
  byTeam: GroupRow[];
  byHour: GroupRow[];
  byReason: GroupRow[];
  series: SeriesRow[];
}

function tallyBy(facts: readonly ContactFacts[], keyOf: (f: ContactFacts) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const f of facts) {
    const k = keyOf(f);
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    count(t, f);
  }
  return out;
}

/** Most contacts first; equal counts by key, so the order is stable. */
function rows(tallies: Map<string, Tally>, nameOf: (key: string) => string | null = () => null): GroupRow[] {
  return [...tallies]
    .map(([key, t]) => ({ key, name: nameOf(key), ...ratesOf(t) }))
    .sort((a, b) => b.contacts - a.contacts || a.key.localeCompare(b.key));
}

/** The buckets' first days from the window's first local day to its last. */
export function bucketStarts(from: string, to: string, clock: LocalClock, interval: Interval): string[] {
  const first = clock.local(from).date;
  const last = clock.local(new Date(Date.parse(to) - 1).toISOString()).date;
  const step = interval === 'day' ? 1 : 7;
  const out: string[] = [];
  for (let d = interval === 'day' ? first : mondayOf(first); d <= last; d = addDays(d, step)) out.push(d);
  return out;
}

/**
 * @example summarise(facts, { from, to, clock, interval: 'week' }, teamNames).byChannel[0] // { key: 'chat', contacts: 12, abuseRate: 83.33, … }
 */
export function summarise(
  facts: readonly ContactFacts[],
  window: { from: string; to: string; clock: LocalClock; interval: Interval },
  teamNames: ReadonlyMap<string, string>,
): Summary {
  const { clock, interval } = window;
  const totals = emptyTally();
  for (const f of facts) count(totals, f);
  const byHour = tallyBy(facts, (f) => String(clock.local(f.createdAt).hour).padStart(2, '0'));
  for (let h = 0; h < 24; h++) if (!byHour.has(String(h).padStart(2, '0'))) byHour.set(String(h).padStart(2, '0'), emptyTally());
  const bucketOf = (f: ContactFacts) => {
    const d = clock.local(f.createdAt).date;
    return interval === 'day' ? d : mondayOf(d);
  };
  const series = tallyBy(facts, bucketOf);
  return {
    totals: ratesOf(totals),
    byChannel: rows(tallyBy(facts, (f) => f.channel)),
    byTeam: rows(
      tallyBy(facts, (f) => f.teamId ?? NO_TEAM),
      (k) => teamNames.get(k) ?? null,
    ),
    byHour: [...byHour].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => ({ key, name: null, ...ratesOf(t) })),
    byReason: rows(tallyBy(facts, (f) => f.contactReason ?? UNSPECIFIED_REASON)),
    series: bucketStarts(window.from, window.to, clock, interval).map((start) => ({
      start,
      ...ratesOf(series.get(start) ?? emptyTally()),
    })),
  };
}

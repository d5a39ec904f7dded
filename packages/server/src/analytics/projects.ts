/**
 * @module analytics/projects
 * An improvement project is a named problem with a metric, a baseline, a target and a window
 * (e.g. 90 days). This computes where it stands from live data: the metric over the window so far,
 * week by week, the progress from baseline to target (0–1), and whether that progress keeps pace
 * with the time gone (linear: half the window gone wants half the way done).
 *
 * Metrics that count contacts are per 1,000 contacts, so a half-finished window compares with a
 * whole baseline window; the two success measures are shares (0–1).
 */
import { LocalClock } from './clock.js';
import { count, emptyTally, ratesOf, type ContactFacts, type Tally } from './definitions.js';
import { checkSpan, parseInstant } from './window.js';

export const METRICS = ['abuse_rate', 'frustration_rate', 'deescalation_success', 'ended_well', 'hard_contacts'] as const;
export type Metric = (typeof METRICS)[number];

/** Rates per 1,000 fall as things improve; the success shares rise. */
export const LOWER_IS_BETTER: Record<Metric, boolean> = {
  abuse_rate: true,
  frustration_rate: true,
  hard_contacts: true,
  deescalation_success: false,
  ended_well: false,
};

/** The largest value a metric can take (per 1,000 or a share). */
export const METRIC_MAX: Record<Metric, number> = {
  abuse_rate: 1000,
  frustration_rate: 1000,
  hard_contacts: 1000,
  deescalation_success: 1,
  ended_well: 1,
};

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const DEFAULT_PROJECT_DAYS = 90;

/**
 * A project's window from what the owner gave: dates are UTC days (an end date is included
 * whole), the start defaults to now and the end to 90 days after the start.
 * @throws InvalidWindowError when the end is not after the start or more than 366 days after it
 * @example projectWindow('2027-01-01', '2027-03-31') // { startsAt: '2027-01-01T00:00:00.000Z', endsAt: '2027-04-01T00:00:00.000Z' }
 */
export function projectWindow(
  startsAt: string | undefined,
  endsAt: string | undefined,
  now = new Date(),
): { startsAt: string; endsAt: string } {
  const utc = new LocalClock('UTC');
  const start = startsAt === undefined ? now.toISOString() : parseInstant(startsAt, utc, 0, 'startsAt');
  const end =
    endsAt === undefined ? new Date(Date.parse(start) + DEFAULT_PROJECT_DAYS * DAY).toISOString() : parseInstant(endsAt, utc, 1, 'endsAt');
  checkSpan(start, end, ['startsAt', 'endsAt']);
  return { startsAt: start, endsAt: end };
}

/** @example metricValue('abuse_rate', tally) // 83.33 (per 1,000 contacts), or null without contacts */
export function metricValue(metric: Metric, t: Tally): number | null {
  const r = ratesOf(t);
  switch (metric) {
    case 'abuse_rate':
      return r.abuseRate;
    case 'frustration_rate':
      return r.frustrationRate;
    case 'hard_contacts':
      return r.hardContactRate;
    case 'deescalation_success':
      return r.deescalationSuccess;
    case 'ended_well':
      return r.endedWellShare;
  }
}

export function tallyOf(facts: readonly ContactFacts[]): Tally {
  const t = emptyTally();
  for (const f of facts) count(t, f);
  return t;
}

/** The same-length window right before the project starts: where the baseline comes from. */
export function baselineWindow(startsAt: string, endsAt: string): { from: string; to: string } {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  return { from: new Date(Date.parse(startsAt) - length).toISOString(), to: startsAt };
}

/**
 * How far from baseline to target, 0–1 (clamped); null without a baseline or a current value.
 * @example progress('abuse_rate', 40, 20, 30) // 0.5
 */
export function progress(metric: Metric, baseline: number | null, target: number, current: number | null): number | null {
  if (baseline === null || current === null) return null;
  const lower = LOWER_IS_BETTER[metric];
  if (baseline === target) return (lower ? current <= target : current >= target) ? 1 : 0;
  const p = (current - baseline) / (target - baseline);
  return Math.round(Math.min(1, Math.max(0, p)) * 10_000) / 10_000;
}

export interface ProjectStatus {
  current: number | null;
  /** Contacts in the window so far (how much data `current` rests on). */
  contacts: number;
  progress: number | null;
  /** Share of the window gone, 0–1. */
  elapsed: number;
  /** At the target, or progress keeping pace with time; null before there is anything to judge. */
  onTrack: boolean | null;
  series: { weekStart: string; contacts: number; value: number | null }[];
}

/**
 * Where a project stands. `facts` are the project's contacts from its start up to now (or its end).
 * Weeks are counted from the start, seven days each; the last may be partial.
 */
export function projectStatus(
  p: { metric: Metric; baseline: number | null; target: number; startsAt: string; endsAt: string; closed: boolean },
  facts: readonly ContactFacts[],
  now = new Date(),
): ProjectStatus {
  const start = Date.parse(p.startsAt);
  const end = Date.parse(p.endsAt);
  const until = Math.min(now.getTime(), end);
  const elapsed = p.closed ? 1 : Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const weeks = new Map<number, ContactFacts[]>();
  for (const f of facts) {
    const w = Math.floor((Date.parse(f.createdAt) - start) / WEEK);
    let list = weeks.get(w);
    if (!list) weeks.set(w, (list = []));
    list.push(f);
  }
  const series: ProjectStatus['series'] = [];
  for (let w = 0; start + w * WEEK < until; w++) {
    const t = tallyOf(weeks.get(w) ?? []);
    series.push({ weekStart: new Date(start + w * WEEK).toISOString(), contacts: t.contacts, value: metricValue(p.metric, t) });
  }
  const total = tallyOf(facts);
  const current = metricValue(p.metric, total);
  const prog = progress(p.metric, p.baseline, p.target, current);
  const reached = current !== null && (LOWER_IS_BETTER[p.metric] ? current <= p.target : current >= p.target);
  const onTrack = current === null ? null : reached ? true : prog === null ? false : prog >= elapsed;
  return { current, contacts: total.contacts, progress: prog, elapsed: Math.round(elapsed * 10_000) / 10_000, onTrack, series };
}

/**
 * @module analytics/window
 * The period a report covers, from `?from=&to=&tz=`. A date alone means that whole local day in
 * the zone (`to=2026-11-30` includes the 30th); a date-time with an offset is taken as the instant
 * it names. Without `from` the report covers the last 30 local days up to now; a window is at most
 * 366 days, so one request never scans years of history.
 */
import { addDays, LocalClock } from './clock.js';

export const MAX_WINDOW_DAYS = 366;
const DAY = 86_400_000;
/** A 366-day window of local days can be an hour longer than 366 × 24 h across a change of offset. */
const SLACK = 3_600_000;

export class InvalidWindowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWindowError';
  }
}

export interface ReportWindow {
  /** Inclusive start, UTC ISO. */
  from: string;
  /** Exclusive end, UTC ISO. */
  to: string;
  clock: LocalClock;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** An instant from a date (local start of that day, plus `days`) or a date-time. */
export function parseInstant(value: string, clock: LocalClock, days: number, name: string): string {
  if (DATE.test(value) && isRealDate(value)) return clock.startOfDay(addDays(value, days));
  if (DATE_TIME.test(value) && isRealDate(value.slice(0, 10))) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new InvalidWindowError(`${name} must be an ISO date (2026-11-22) or date-time (2026-11-22T09:00:00Z); got "${value}".`);
}

/** @throws InvalidWindowError unless from is before to and at most 366 days before it. */
export function checkSpan(from: string, to: string, names = ['from', 'to']): void {
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) throw new InvalidWindowError(`${names[0]} must be before ${names[1]}.`);
  if (span > MAX_WINDOW_DAYS * DAY + SLACK)
    throw new InvalidWindowError(`A window is at most ${MAX_WINDOW_DAYS} days; ask for a shorter one.`);
}

/**
 * @throws InvalidTimezoneError (from LocalClock) or InvalidWindowError
 * @example parseWindow({ from: '2026-11-01', to: '2026-11-30', tz: 'Europe/Berlin' }).from // '2026-10-31T23:00:00.000Z'
 */
export function parseWindow(
  q: { from?: string | undefined; to?: string | undefined; tz?: string | undefined },
  now = new Date(),
): ReportWindow {
  const clock = new LocalClock(q.tz ?? 'UTC');
  const to = q.to === undefined ? now.toISOString() : parseInstant(q.to, clock, 1, 'to');
  const lastDay = clock.local(new Date(Date.parse(to) - 1).toISOString()).date;
  const from = q.from === undefined ? clock.startOfDay(addDays(lastDay, -29)) : parseInstant(q.from, clock, 0, 'from');
  checkSpan(from, to);
  return { from, to, clock };
}

/**
 * @module analytics/clock
 * Local dates and hours in an IANA time zone, for "abuse by hour of day" and daily or weekly
 * series as the contact centre lives them (a 23:30 contact in Berlin belongs to that evening, not
 * to the next UTC day). Intl knows the zone rules but is slow (a few µs a call), so the offset is
 * asked once per UTC day (at its first and last minute) and local times are computed from it; only
 * on a day whose offset changes is each instant asked about.
 */

export class InvalidTimezoneError extends Error {
  constructor(readonly timezone: string) {
    super(`"${timezone}" is not a known IANA time zone, such as Europe/Berlin.`);
    this.name = 'InvalidTimezoneError';
  }
}

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0–23 in the zone. */
  hour: number;
}

const DAY = 86_400_000;

export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  /** UTC day number → the offset all day, or null on a day the offset changes. */
  private readonly dayOffsets = new Map<number, number | null>();

  /** @throws InvalidTimezoneError for a name Intl does not know. */
  constructor(readonly timezone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new InvalidTimezoneError(timezone);
    }
  }

  /** @example new LocalClock('Europe/Berlin').local('2026-11-22T23:30:00.000Z') // { date: '2026-11-23', hour: 0 } */
  local(iso: string): LocalTime {
    const ms = Date.parse(iso);
    const day = Math.floor(ms / DAY);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const first = this.offsetAt(day * DAY);
      offset = first === this.offsetAt(day * DAY + DAY - 60_000) ? first : null;
      this.dayOffsets.set(day, offset);
    }
    const local = new Date(ms + (offset ?? this.offsetAt(ms)));
    return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
  }

  /** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
  offsetAt(ms: number): number {
    const p = this.parts(ms);
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    return asUtc - Math.floor(ms / 60_000) * 60_000;
  }

  /**
   * The instant a local day starts (its first minute, even on a day that skips midnight).
   * @example new LocalClock('Europe/Berlin').startOfDay('2026-11-22') // '2026-11-21T23:00:00.000Z'
   */
  startOfDay(date: string): string {
    const midnight = Date.parse(`${date}T00:00:00.000Z`);
    // Twice: the first guess may sit on the other side of a change of offset.
    let t = midnight - this.offsetAt(midnight);
    t = midnight - this.offsetAt(t);
    return new Date(t).toISOString();
  }

  private parts(ms: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.format.formatToParts(ms)) out[p.type] = p.value;
    return out;
  }
}

/** @example addDays('2026-11-30', 1) // '2026-12-01' */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of a date's ISO week. @example mondayOf('2026-11-22') // '2026-11-16' (a Sunday) */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

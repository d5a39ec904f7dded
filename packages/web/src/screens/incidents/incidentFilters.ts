/**
 * The list's filters. Status goes to the server (it has a parameter for it); conduct and the date
 * range are applied here to the loaded page, as the API has no parameters for them.
 */
import type { Incident, IncidentStatus } from './incidentTypes';

export interface Filters {
  status: IncidentStatus | '';
  conduct: string;
  /** yyyy-mm-dd from a date input, in the browser's time zone; '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { status: '', conduct: '', from: '', to: '' };

/** Midnight at the start of a yyyy-mm-dd day in local time, or null for an empty or invalid date. */
function startOfDay(day: string): number | null {
  if (!day) return null;
  const ms = new Date(`${day}T00:00:00`).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/**
 * @example applyFilters(list, { ...NO_FILTERS, conduct: 'threat', from: '2026-11-01' })
 */
export function applyFilters(incidents: readonly Incident[], f: Filters): Incident[] {
  const from = startOfDay(f.from);
  const toStart = startOfDay(f.to);
  // "To" includes the whole day the person picked.
  const until = toStart === null ? null : toStart + 24 * 60 * 60 * 1000;
  return incidents.filter((i) => {
    if (f.conduct && i.conduct !== f.conduct) return false;
    const at = new Date(i.record.occurredAt || i.createdAt).getTime();
    if (from !== null && at < from) return false;
    if (until !== null && at >= until) return false;
    return true;
  });
}

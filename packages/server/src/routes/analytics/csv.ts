/**
 * @module routes/analytics/csv
 * The analytics reports as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled) with a header row. A text cell starting with = + - @
 * (or a tab or carriage return) gets a leading single quote, so a channel or contact reason named
 * like a formula is never run by the spreadsheet (CSV injection). Numbers are written as they are.
 */
import type { GroupRow, SeriesRow, Summary } from '../../analytics/grouping.js';
import type { Rates } from '../../analytics/definitions.js';
import type { LanguageReasons } from '../../analytics/reasons.js';
import type { RankedTerm } from '../../analytics/terms.js';

type Cell = string | number | null;

/** @example cell('=1+1') // "'=1+1" */
export function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const RATE_COLUMNS = [
  'contacts',
  'abusive_contacts',
  'abuse_rate_per_1000',
  'angry_contacts',
  'frustration_rate_per_1000',
  'hard_contacts',
  'hard_contact_rate_per_1000',
  'hard_contacts_ended_well',
  'ended_well_share',
  'warned_contacts',
  'deescalated_contacts',
  'deescalation_success',
] as const;

function rateCells(r: Rates): Cell[] {
  return [
    r.contacts,
    r.abusiveContacts,
    r.abuseRate,
    r.angryContacts,
    r.frustrationRate,
    r.hardContacts,
    r.hardContactRate,
    r.hardContactsEndedWell,
    r.endedWellShare,
    r.warnedContacts,
    r.deescalatedContacts,
    r.deescalationSuccess,
  ];
}

/** One row for the totals, then one per channel, team, hour and reason. */
export function summaryCsv(s: Summary): string {
  const rows: Cell[][] = [['total', 'all', null, ...rateCells(s.totals)]];
  const add = (dimension: string, list: GroupRow[]) => {
    for (const g of list) rows.push([dimension, g.key, g.name, ...rateCells(g)]);
  };
  add('channel', s.byChannel);
  add('team', s.byTeam);
  add('hour', s.byHour);
  add('reason', s.byReason);
  return toCsv(['dimension', 'key', 'name', ...RATE_COLUMNS], rows);
}

export function seriesCsv(series: readonly SeriesRow[]): string {
  return toCsv(
    ['start', ...RATE_COLUMNS],
    series.map((r) => [r.start, ...rateCells(r)]),
  );
}

export function reasonsCsv(languages: readonly LanguageReasons[]): string {
  const rows: Cell[][] = [];
  for (const l of languages)
    for (const r of l.reasons) rows.push([l.language, r.reason, r.contacts, r.angryContacts, r.share, r.rankByCount, r.rankByShare]);
  return toCsv(['language', 'reason', 'contacts', 'angry_contacts', 'share', 'rank_by_count', 'rank_by_share'], rows);
}

export function termsCsv(languages: readonly { language: string; terms: readonly RankedTerm[] }[]): string {
  const rows: Cell[][] = [];
  for (const l of languages) for (const t of l.terms) rows.push([l.language, t.term, t.count, t.conversations, t.calmCount, t.score]);
  return toCsv(['language', 'term', 'count', 'conversations', 'calm_count', 'score'], rows);
}

/**
 * @module routes/analytics/reports
 * The two reports as the API answers them (JSON and CSV share these): the request's window and
 * filters read, the facts loaded in the caller's scope, the pure analytics applied.
 */
import { ORG_WIDE } from '../../auth/roles.js';
import { InvalidTimezoneError } from '../../analytics/clock.js';
import type { ContactFilter } from '../../analytics/factsQuery.js';
import { summarise, type Interval, type Summary } from '../../analytics/grouping.js';
import { reasonsByLanguage, type ReasonRow } from '../../analytics/reasons.js';
import { rankTerms, type RankedTerm, type TermMessage } from '../../analytics/terms.js';
import { InvalidWindowError, parseWindow, type ReportWindow } from '../../analytics/window.js';
import { AppError } from '../../http/errors.js';
import type { Store } from '../../store/Store.js';
import type { Actor } from '../../store/types.js';
import type { z } from 'zod';
import type { ReportQuery } from './schema.js';

type Query = z.infer<typeof ReportQuery>;
export type Scope = 'organisation' | 'teams';

export interface WindowInfo {
  from: string;
  to: string;
  timezone: string;
  interval: Interval;
}

/** Runs a parse of the request's window or zone; its errors become a 400 with a sentence that says what is wrong. */
export function readWindow<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof InvalidTimezoneError) throw new AppError('invalid_timezone', e.message);
    if (e instanceof InvalidWindowError) throw new AppError('invalid_window', e.message);
    throw e;
  }
}

/** The window and zone of a request. */
export function windowOf(q: Pick<Query, 'from' | 'to' | 'tz'>, now = new Date()): ReportWindow {
  return readWindow(() => parseWindow(q, now));
}

export function filterOf(q: Pick<Query, 'channel' | 'teamId' | 'reason' | 'lang'>): ContactFilter {
  return { channel: q.channel, teamId: q.teamId, reason: q.reason, lang: q.lang };
}

/** Admins and analysts see the organisation; leads only their teams' contacts (store/scope). */
export function scopeOf(actor: Actor): Scope {
  return ORG_WIDE.includes(actor.role) ? 'organisation' : 'teams';
}

export async function summaryReport(store: Store, actor: Actor, q: Query): Promise<Summary & { scope: Scope; window: WindowInfo }> {
  const w = windowOf(q);
  const [facts, teams] = await Promise.all([store.analytics.facts(actor, w, filterOf(q)), store.teams.list(actor.orgId)]);
  const summary = summarise(facts, { ...w, interval: q.interval }, new Map(teams.map((t) => [t.id, t.name])));
  return { scope: scopeOf(actor), window: { from: w.from, to: w.to, timezone: w.clock.timezone, interval: q.interval }, ...summary };
}

export interface RootCauses {
  scope: Scope;
  window: WindowInfo;
  languages: { language: string; contacts: number; angryContacts: number; reasons: ReasonRow[]; terms: RankedTerm[] }[];
}

export async function rootCausesReport(store: Store, actor: Actor, q: Query): Promise<RootCauses> {
  const w = windowOf(q);
  const filter = filterOf(q);
  const [facts, messages] = await Promise.all([store.analytics.facts(actor, w, filter), store.analytics.termMessages(actor, w, filter)]);
  const byLang = new Map<string, TermMessage[]>();
  for (const m of messages) {
    let list = byLang.get(m.language);
    if (!list) byLang.set(m.language, (list = []));
    list.push(m);
  }
  const languages: RootCauses['languages'] = reasonsByLanguage(facts).map((l) => ({
    ...l,
    terms: rankTerms(byLang.get(l.language) ?? []),
  }));
  // A language seen only in messages (a customer who switched language) still gets its terms.
  for (const [language, list] of byLang)
    if (!languages.some((l) => l.language === language)) {
      const terms = rankTerms(list);
      if (terms.length > 0) languages.push({ language, contacts: 0, angryContacts: 0, reasons: [], terms });
    }
  return { scope: scopeOf(actor), window: { from: w.from, to: w.to, timezone: w.clock.timezone, interval: q.interval }, languages };
}

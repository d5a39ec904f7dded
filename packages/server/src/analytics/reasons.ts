/**
 * @module analytics/reasons
 * Why customers get angry, by contact reason and language: for each reason, how many contacts
 * were frustrated or abusive, and what share of all its contacts that is. Ranked both ways,
 * because the two answer different questions: the most angry contacts is where the volume of pain
 * is; the highest share is the process that angers nearly everyone who meets it.
 */
import { share, UNKNOWN_LANGUAGE, UNSPECIFIED_REASON, type ContactFacts } from './definitions.js';

export interface ReasonRow {
  reason: string;
  contacts: number;
  angryContacts: number;
  /** angryContacts / contacts, 0–1. */
  share: number;
  /** 1 = the most angry contacts. */
  rankByCount: number;
  /** 1 = the highest share of angry contacts. */
  rankByShare: number;
}

export interface LanguageReasons {
  language: string;
  contacts: number;
  angryContacts: number;
  reasons: ReasonRow[];
}

/** Ranks 1..n by `score` descending, ties broken by the reason's name so the order is stable. */
function rankBy(rows: ReasonRow[], score: (r: ReasonRow) => number): Map<string, number> {
  const sorted = [...rows].sort((a, b) => score(b) - score(a) || b.contacts - a.contacts || a.reason.localeCompare(b.reason));
  return new Map(sorted.map((r, i) => [r.reason, i + 1]));
}

/**
 * Per language (the conversation's), most angry contacts first; within each, reasons in rank-by-count order.
 * @example reasonsByLanguage(facts)[0].reasons[0] // { reason: 'refund', contacts: 40, angryContacts: 22, share: 0.55, rankByCount: 1, rankByShare: 2 }
 */
export function reasonsByLanguage(facts: readonly ContactFacts[]): LanguageReasons[] {
  const byLang = new Map<string, Map<string, { contacts: number; angry: number }>>();
  for (const f of facts) {
    const lang = f.language ?? UNKNOWN_LANGUAGE;
    let reasons = byLang.get(lang);
    if (!reasons) byLang.set(lang, (reasons = new Map<string, { contacts: number; angry: number }>()));
    const key = f.contactReason ?? UNSPECIFIED_REASON;
    let r = reasons.get(key);
    if (!r) reasons.set(key, (r = { contacts: 0, angry: 0 }));
    r.contacts++;
    if (f.angry) r.angry++;
  }
  const out: LanguageReasons[] = [];
  for (const [language, reasons] of byLang) {
    const rows: ReasonRow[] = [...reasons].map(([reason, r]) => ({
      reason,
      contacts: r.contacts,
      angryContacts: r.angry,
      share: share(r.angry, r.contacts) ?? 0,
      rankByCount: 0,
      rankByShare: 0,
    }));
    const byCount = rankBy(rows, (r) => r.angryContacts);
    const byShare = rankBy(rows, (r) => r.share);
    for (const r of rows) {
      r.rankByCount = byCount.get(r.reason)!;
      r.rankByShare = byShare.get(r.reason)!;
    }
    rows.sort((a, b) => a.rankByCount - b.rankByCount);
    out.push({
      language,
      contacts: rows.reduce((s, r) => s + r.contacts, 0),
      angryContacts: rows.reduce((s, r) => s + r.angryContacts, 0),
      reasons: rows,
    });
  }
  return out.sort((a, b) => b.angryContacts - a.angryContacts || b.contacts - a.contacts || a.language.localeCompare(b.language));
}

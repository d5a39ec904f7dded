/**
 * @module coach/evaluate
 * Precision and recall of the draft coach per kind of finding, over drafts whose expected kinds
 * are known. Counted per draft and kind: a kind found once or three times in a draft counts once.
 */
import { FINDING_KINDS, type FindingKind } from '../conversation/types.js';
import type { Language } from '../detect/types.js';

/** One checked draft. */
export interface CoachScored {
  id: string;
  lang: Language;
  expected: readonly FindingKind[];
  predicted: readonly FindingKind[];
}

export interface KindScore {
  kind: FindingKind;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CoachReport {
  drafts: number;
  kinds: KindScore[];
  /** Over all kinds together (micro-average). */
  precision: number;
  recall: number;
  /** Clean drafts the coach found something in. */
  falseAlarmRate: number;
  perLanguage: { lang: Language; drafts: number; precision: number; recall: number }[];
  /** Drafts with a wrong kind, for reading. */
  errors: { id: string; missed: FindingKind[]; extra: FindingKind[] }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function counts(rows: readonly CoachScored[], kind?: FindingKind): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    for (const k of kind ? [kind] : FINDING_KINDS) {
      const e = r.expected.includes(k);
      const p = r.predicted.includes(k);
      if (e && p) tp++;
      else if (p) fp++;
      else if (e) fn++;
    }
  }
  return { tp, fp, fn };
}

/**
 * Scores a set of checked drafts.
 * @example evaluateCoach([{ id: 'a', lang: 'en', expected: ['sarcasm'], predicted: ['sarcasm'] }]).recall // 1
 */
export function evaluateCoach(rows: readonly CoachScored[]): CoachReport {
  const kinds = FINDING_KINDS.map((kind) => {
    const c = counts(rows, kind);
    return { kind, ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  });
  const all = counts(rows);
  const clean = rows.filter((r) => r.expected.length === 0);
  const langs = [...new Set(rows.map((r) => r.lang))];
  const perLanguage = langs.map((lang) => {
    const mine = rows.filter((r) => r.lang === lang);
    const c = counts(mine);
    return { lang, drafts: mine.length, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  });
  const errors = rows
    .map((r) => ({
      id: r.id,
      missed: r.expected.filter((k) => !r.predicted.includes(k)),
      extra: r.predicted.filter((k) => !r.expected.includes(k)),
    }))
    .filter((e) => e.missed.length + e.extra.length > 0);
  return {
    drafts: rows.length,
    kinds,
    precision: ratio(all.tp, all.tp + all.fp),
    recall: ratio(all.tp, all.tp + all.fn),
    falseAlarmRate: clean.length === 0 ? 0 : clean.filter((r) => r.predicted.length > 0).length / clean.length,
    perLanguage,
    errors,
  };
}

/**
 * The report as a plain-text table.
 * @example console.log(formatCoachReport(evaluateCoach(rows)))
 */
export function formatCoachReport(r: CoachReport): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [`drafts: ${r.drafts}`, '', 'kind                          support  precision  recall'];
  for (const k of r.kinds)
    lines.push(`${k.kind.padEnd(30)}${String(k.tp + k.fn).padStart(7)}  ${f(k.precision).padStart(9)}  ${f(k.recall).padStart(6)}`);
  lines.push('', `all kinds (micro)             precision ${f(r.precision)}  recall ${f(r.recall)}`);
  lines.push(`clean drafts with a finding   ${(r.falseAlarmRate * 100).toFixed(1)}%`, '', 'language  drafts  precision  recall');
  for (const l of r.perLanguage)
    lines.push(`${l.lang.padEnd(10)}${String(l.drafts).padStart(6)}  ${f(l.precision).padStart(9)}  ${f(l.recall).padStart(6)}`);
  return lines.join('\n');
}

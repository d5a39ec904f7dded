/**
 * @module detect/evaluate
 * Scores predictions against gold labels: per-label precision/recall/F1, macro-F1, the confusion
 * matrix, per-language figures and the contact-centre views (recall of the labels that need
 * action, false alarms on ordinary angry customers).
 */
import { LABELS, type Label } from './types.js';

/** The labels an agent must act on; "flagged" means one of these. */
export const FLAGGED: readonly Label[] = ['abuse', 'threat', 'self_harm'];

export interface LabelScore {
  label: Label;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface LanguageScore {
  lang: string;
  n: number;
  accuracy: number;
  macroF1: number;
  /** F1 of the flagged-or-not decision (abuse/threat/self_harm vs the rest). */
  flaggedF1: number;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: LabelScore[];
  /** confusion[gold][predicted], in LABELS order. */
  confusion: number[][];
  perLanguage: LanguageScore[];
  recall: { abuse: number; threat: number; self_harm: number };
  /** Share of gold none+frustration messages predicted abuse, threat or self_harm. */
  falsePositiveRate: number;
  flaggedF1: number;
  /**
   * Expected calibration error over 10 confidence bins: how far the score of the chosen label is
   * from the share of such messages that are right (0 = perfectly calibrated). Null without scores.
   */
  calibrationError: number | null;
}

export interface Scored {
  gold: Label;
  predicted: Label;
  lang: string;
  /** The score the detector gave its chosen label (optional; enables the calibration figure). */
  confidence?: number;
}

function calibrationError(rows: Scored[]): number | null {
  const scored = rows.filter((r) => r.confidence !== undefined);
  if (scored.length === 0) return null;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const r of scored) {
    const b = bins[Math.min(9, Math.floor(r.confidence! * 10))]!;
    b.n++;
    b.conf += r.confidence!;
    if (r.gold === r.predicted) b.right++;
  }
  return bins.reduce((s, b) => s + (b.n === 0 ? 0 : (b.n / scored.length) * Math.abs(b.conf / b.n - b.right / b.n)), 0);
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function perLabel(rows: Scored[]): { scores: LabelScore[]; confusion: number[][] } {
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  for (const r of rows) confusion[LABELS.indexOf(r.gold)]![LABELS.indexOf(r.predicted)]!++;
  const scores = LABELS.map((label, k) => {
    const tp = confusion[k]![k]!;
    const predicted = confusion.reduce((s, row) => s + row[k]!, 0);
    const support = confusion[k]!.reduce((s, v) => s + v, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, f1: f1(precision, recall), support };
  });
  return { scores, confusion };
}

function macro(scores: LabelScore[]): number {
  const present = scores.filter((s) => s.support > 0);
  return present.length === 0 ? 0 : present.reduce((s, x) => s + x.f1, 0) / present.length;
}

function flaggedF1(rows: Scored[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const g = FLAGGED.includes(r.gold);
    const p = FLAGGED.includes(r.predicted);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return f1(precision, recall);
}

/**
 * @example evaluate([{ gold: 'abuse', predicted: 'abuse', lang: 'en' }]).macroF1 // 1
 */
export function evaluate(rows: Scored[]): EvalReport {
  const { scores, confusion } = perLabel(rows);
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  const perLanguage = langs.map((lang) => {
    const sub = rows.filter((r) => r.lang === lang);
    return {
      lang,
      n: sub.length,
      accuracy: sub.filter((r) => r.gold === r.predicted).length / sub.length,
      macroF1: macro(perLabel(sub).scores),
      flaggedF1: flaggedF1(sub),
    };
  });
  const benign = rows.filter((r) => r.gold === 'none' || r.gold === 'frustration');
  const get = (l: Label): number => scores.find((s) => s.label === l)!.recall;
  return {
    n: rows.length,
    accuracy: rows.length === 0 ? 0 : rows.filter((r) => r.gold === r.predicted).length / rows.length,
    macroF1: macro(scores),
    perLabel: scores,
    confusion,
    perLanguage,
    recall: { abuse: get('abuse'), threat: get('threat'), self_harm: get('self_harm') },
    falsePositiveRate: benign.length === 0 ? 0 : benign.filter((r) => FLAGGED.includes(r.predicted)).length / benign.length,
    flaggedF1: flaggedF1(rows),
    calibrationError: calibrationError(rows),
  };
}

const pct = (x: number): string => x.toFixed(3);

/**
 * A plain-text report for terminals and docs.
 */
export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  lines.push(`messages: ${r.n}   accuracy: ${pct(r.accuracy)}   macro-F1: ${pct(r.macroF1)}   flagged-F1: ${pct(r.flaggedF1)}`);
  lines.push('');
  lines.push('label        precision  recall  F1     support');
  for (const s of r.perLabel)
    lines.push(
      `${s.label.padEnd(12)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1)}  ${String(s.support).padStart(7)}`,
    );
  lines.push('');
  lines.push('contact-centre view');
  lines.push(`  recall abuse ${pct(r.recall.abuse)}  threat ${pct(r.recall.threat)}  self_harm ${pct(r.recall.self_harm)}`);
  lines.push(`  none+frustration flagged as abuse/threat/self_harm: ${(r.falsePositiveRate * 100).toFixed(1)}%`);
  if (r.calibrationError !== null)
    lines.push(`  calibration error of the chosen label's score (ECE, 10 bins): ${r.calibrationError.toFixed(3)}`);
  lines.push('');
  lines.push('lang  n     accuracy  macro-F1  flagged-F1');
  for (const l of r.perLanguage)
    lines.push(
      `${l.lang.padEnd(5)} ${String(l.n).padEnd(5)} ${pct(l.accuracy).padStart(8)}  ${pct(l.macroF1).padStart(8)}  ${pct(l.flaggedF1).padStart(10)}`,
    );
  lines.push('');
  lines.push('confusion (rows gold, columns predicted)');
  lines.push(`${''.padEnd(12)} ${LABELS.map((l) => l.slice(0, 8).padStart(8)).join(' ')}`);
  r.confusion.forEach((row, i) => lines.push(`${LABELS[i]!.padEnd(12)} ${row.map((v) => String(v).padStart(8)).join(' ')}`));
  return lines.join('\n');
}

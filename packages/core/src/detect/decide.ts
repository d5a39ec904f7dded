/**
 * @module detect/decide
 * Chooses the label, severity, evidence and masked text from the rule hits and the classifier's
 * probabilities.
 */
import type { RuleHit } from './rules/structure.js';
import { LABELS, PRECEDENCE, type Evidence, type Label } from './types.js';

/** none and frustration need no lexical support. */
const ALWAYS = 0b11;

/**
 * Label from probabilities: the most probable label among those the text supports. Profanity,
 * abuse, threat and self-harm need a lexicon match behind them (`support`, see RuleResult), so
 * an alarm can point at the words that caused it. The exception: a label the classifier gives at
 * least `unsupportedMin` (calibrated; tuned by cross-validation) stands on the model alone, for
 * wordings no list foresaw, unless the text shielded that label's words (quoted them, aimed them
 * at the writer, used them in an idiom).
 * @example labelFromScores(Float64Array.of(0.1, 0.4, 0, 0.45, 0.05, 0), 0b1011, 0.9) // 'abuse'
 */
export function labelFromScores(p: Float64Array, support: number, unsupportedMin = 1, shielded = 0): Label {
  let best = -1;
  for (let k = 0; k < LABELS.length; k++) {
    const bit = 1 << k;
    const allowed = (ALWAYS | support) & bit || (p[k]! >= unsupportedMin && (shielded & bit) === 0);
    if (allowed && (best < 0 || p[k]! > p[best]!)) best = k;
  }
  return LABELS[best]!;
}

/**
 * Without a model: the most severe label a rule supports with enough strength.
 * @example labelFromRules([{ label: 'abuse', strength: 1, … }], false) // 'abuse'
 */
export function labelFromRules(hits: RuleHit[], shouting: boolean): Label {
  for (const label of PRECEDENCE) {
    if (label === 'none') break;
    if (hits.some((h) => h.label === label && h.strength >= 0.6)) return label;
  }
  return shouting ? 'frustration' : 'none';
}

/**
 * Severity 0–3 for a label, raised to 3 for abuse carrying the strongest words, slurs or
 * sexual harassment.
 * @example severityOf('abuse', hits) // 2
 */
export function severityOf(label: Label, hits: RuleHit[]): 0 | 1 | 2 | 3 {
  switch (label) {
    case 'threat':
    case 'self_harm':
      return 3;
    case 'abuse':
      return hits.some((h) => h.label === 'abuse' && (h.severity >= 3 || h.feature === 'abuse_slur' || h.feature === 'abuse_harass'))
        ? 3
        : 2;
    case 'profanity':
      return 1;
    default:
      return 0;
  }
}

/**
 * Replaces every non-space code unit inside the spans with `*`; the result has the same length,
 * so spans computed on the original still line up.
 * @example maskSpans('you idiot', [[4, 9]]) // 'you *****'
 */
export function maskSpans(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [start, end] of spans) {
    const from = Math.max(start, pos);
    if (end <= from) continue;
    out += text.slice(pos, from) + text.slice(from, end).replace(/\S/g, '*');
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * Evidence from rule hits, one per span and label, in text order.
 */
export function evidenceFrom(hits: RuleHit[]): Evidence[] {
  const out: Evidence[] = [];
  // Messages have a handful of hits: comparing with those kept beats building string keys, which
  // only long texts with many hits need.
  const seen = hits.length > 16 ? new Set<string>() : null;
  for (const h of hits) {
    if (seen) {
      const key = `${h.start}:${h.end}:${h.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
    } else if (out.some((e) => e.start === h.start && e.end === h.end && e.category === h.label)) continue;
    out.push({ start: h.start, end: h.end, category: h.label, rule: h.rule });
  }
  return out.length < 2 ? out : out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * @module coach/signals
 * Findings from two word classes meeting in one sentence. Phrase lists catch the wordings their
 * writers thought of; sarcasm and lecturing are written anew by every agent, but they keep a shape:
 * ironic praise next to a mishap ("Brilliant work typing it into the wrong box"), a duty word next
 * to the customer's role ("…is the account holder's responsibility"), "before…, not…". The classes
 * are small per-language lists in coach.tsv (the signal cues); the pairs below are one rule for
 * every language.
 */
import type { CueHit } from '../conversation/CueMatcher.js';
import type { Cue, FindingKind } from '../conversation/types.js';
import type { Token } from '../detect/normalise/index.js';

interface SignalPair {
  kind: FindingKind;
  a: Cue;
  b: Cue;
  /** `a` must come before `b` ("before you travel, not at the gate"). */
  ordered?: boolean;
  /** Both in one clause, not just one sentence (a duty word says whose duty only up close). */
  clause?: boolean;
  /** At most this many tokens between the two ("six whole hours", not "the whole trip by a day"). */
  near?: number;
  /** Not when one of these stands in the same clause or sentence ("it is OUR responsibility to refund you"). */
  unless?: readonly Cue[];
}

export const SIGNAL_PAIRS: readonly SignalPair[] = [
  // "Shocking, a technician running late", "Bravo pour l'avoir saisi dans le mauvais champ"
  { kind: 'sarcasm', a: 'irony', b: 'mishap', near: 8, unless: ['ack', 'good_news'] },
  // "six whole hours", "целых три дня": the wait made to sound huge to mock it
  { kind: 'sarcasm', a: 'whole', b: 'timespan', clause: true, near: 2, unless: ['ack'] },
  // "the parcel decided to take a holiday", "la carte avait envie de faire une pause": the thing
  // comes first, as the one wanting ("the courier decided to leave your parcel" is no joke)
  { kind: 'sarcasm', a: 'thing', b: 'volition', ordered: true, near: 4 },
  // "Sure, and maybe the drum kit too": mock agreement that piles on the absurd
  { kind: 'sarcasm', a: 'surely', b: 'add_on', ordered: true, near: 3 },
  // "Thanks so much for the fourth reminder", "Congratulations, that's the third time"
  { kind: 'sarcasm', a: 'thanks', b: 'nth', near: 3 },
  { kind: 'sarcasm', a: 'irony', b: 'nth', near: 6, unless: ['ack'] },
  // "Three whole weeks, what an eternity", "Zwei Stunden ohne Klimaanlage, Sie Ärmster"
  { kind: 'sarcasm', a: 'pity', b: 'timespan', unless: ['ack'] },
  // "keeping an eye on due dates is the account holder's responsibility"
  { kind: 'lecturing', a: 'duty', b: 'holder', clause: true, unless: ['ours'] },
  // "you check the passport before you fly, not at the gate"
  { kind: 'lecturing', a: 'beforehand', b: 'rather_than', ordered: true },
  // "if you had read the label, you would have seen…"
  { kind: 'lecturing', a: 'counterfactual', b: 'check_verb' },
  // "it is written in every message we send"
  { kind: 'lecturing', a: 'notice', b: 'every_time', near: 2 },
  // "it's worth reading the size chart before you order": the check the customer skipped (the
  // agent's own "I'll check before I call you back" is no lecture)
  { kind: 'lecturing', a: 'check_verb', b: 'beforehand', unless: ['ours', 'restate', 'confirm'] },
  // "it's common sense not to share your code", "це загальновідома вимога"
  { kind: 'lecturing', a: 'common_knowledge', b: 'holder', unless: ['ours'] },
  // "you should have read…", "варто було їх прочитати", "il fallait surveiller le délai"
  { kind: 'lecturing', a: 'should_have', b: 'check_verb', near: 4 },
  // "for future trips, do make sure…": advice about the customer's conduct next time
  { kind: 'lecturing', a: 'next_time', b: 'advice' },
];

/** The classes that only count in pairs: never a finding or a practice on their own. */
export const SIGNAL_CLASSES: ReadonlySet<Cue> = new Set(SIGNAL_PAIRS.flatMap((p) => [p.a, p.b]));
/** Every cue a pair reads: its classes and the practices that veto it. */
const READ: ReadonlySet<Cue> = new Set(SIGNAL_PAIRS.flatMap((p) => [p.a, p.b, ...(p.unless ?? [])]));

export interface SignalFinding {
  kind: FindingKind;
  start: number;
  end: number;
  rule: string;
}

/**
 * The pairs found among a draft's cue hits (a handful per draft, so pairing them is cheap). The two
 * hits must not share a token: one word in both classes is not two signals. A class word with a
 * negation just before it does not count.
 * @example signalFindings(hits, tokens)[0]?.kind // 'sarcasm' for "Wow, late again."
 */
export function signalFindings(
  hits: readonly CueHit[],
  tokens: readonly Token[],
  negated: (h: CueHit) => boolean = () => false,
): SignalFinding[] {
  const byCue = new Map<Cue, CueHit[]>();
  for (const h of hits) {
    // "we never warn anyone" is no notice, "not a surprise" no irony.
    if (!READ.has(h.cue) || (SIGNAL_CLASSES.has(h.cue) && negated(h))) continue;
    const list = byCue.get(h.cue);
    if (list) list.push(h);
    else byCue.set(h.cue, [h]);
  }
  if (byCue.size < 2) return [];
  const out: SignalFinding[] = [];
  for (const p of SIGNAL_PAIRS) {
    const as = byCue.get(p.a);
    const bs = byCue.get(p.b);
    if (!as || !bs) continue;
    const pair = firstPair(
      as,
      bs,
      tokens,
      p,
      p.unless?.flatMap((c) => byCue.get(c) ?? []),
    );
    if (pair)
      out.push({
        kind: p.kind,
        start: Math.min(pair[0].start, pair[1].start),
        end: Math.max(pair[0].end, pair[1].end),
        rule: `signal:${p.a}+${p.b}`,
      });
  }
  return out;
}

function firstPair(
  as: readonly CueHit[],
  bs: readonly CueHit[],
  tokens: readonly Token[],
  p: SignalPair,
  vetoes: readonly CueHit[] | undefined,
): [CueHit, CueHit] | undefined {
  const scope = (t: Token): number => (p.clause ? t.clause : t.sentence);
  for (const a of as) {
    const ta = tokens[a.first]!;
    if (vetoes?.some((v) => scope(tokens[v.first]!) === scope(ta))) continue;
    for (const b of bs) {
      if (a.last >= b.first && b.last >= a.first) continue;
      if (p.ordered && a.last >= b.first) continue;
      if (p.near !== undefined && Math.max(b.first - a.last, a.first - b.last) - 1 > p.near) continue;
      const tb = tokens[b.first]!;
      if (ta.sentence !== tb.sentence || scope(ta) !== scope(tb)) continue;
      return [a, b];
    }
  }
  return undefined;
}

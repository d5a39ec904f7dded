/**
 * @module detect/rules/structure
 * Structure rules: they look at which lexicon matches stand near each other to tell who is
 * targeted and what is meant. "idiot" after "I'm such an" is self-directed; after "your courier
 * called me" it is reported speech; "kill" needs a person or place and an intent ("I'll", "убью")
 * to be a threat; "kill" with "myself" is self-harm.
 *
 * Each rule yields a named feature (0–1) for the classifier and, when it fires, evidence spans.
 */
import type { Normalised, Token } from '../normalise/index.js';
import type { Match } from '../match/Matcher.js';
import { CONTENT_TAGS, Tag } from '../packs/tags.js';
import type { Label } from '../types.js';

/** The rule features, in a fixed order (the classifier's dense inputs). */
export const RULE_FEATURES = [
  'threat_phrase',
  'threat_harm_target_intent',
  'threat_harm_target',
  'threat_weapon',
  'threat_body_target',
  'selfharm_phrase',
  'selfharm_harm_self',
  'selfharm_death_first_person',
  'abuse_slur',
  'abuse_directed',
  'abuse_harass',
  'abuse_intimidate',
  'abuse_insult_target',
  'abuse_insult_bare',
  'abuse_insult_adj_target',
  'abuse_profanity_at_person',
  'abuse_dehuman',
  'profanity_strong',
  'profanity_mild',
  'frustration_escalation',
  'frustration_word',
  'frustration_caps',
  'frustration_exclaim',
  'frustration_question',
  'shield_quoted',
  'shield_self',
  'shield_idiom',
  'shield_negated',
  'has_p2',
  'has_staff',
  'short_message',
  'no_negative_cue',
] as const;
export type RuleFeature = (typeof RULE_FEATURES)[number];
const FEATURE_INDEX = Object.fromEntries(RULE_FEATURES.map((f, i) => [f, i])) as Record<RuleFeature, number>;
/** Each feature's rule name in evidence, made once rather than per hit. */
const RULE_NAME = Object.fromEntries(RULE_FEATURES.map((f) => [f, `structure:${f}`])) as Record<RuleFeature, string>;

/** Evidence from a rule, before the final label is chosen. */
export interface RuleHit {
  feature: RuleFeature;
  label: Label;
  strength: number;
  start: number;
  end: number;
  rule: string;
  /** Severity of the words behind it (lexicon severity, 0–3). */
  severity: number;
}

export interface RuleResult {
  features: Float32Array;
  hits: RuleHit[];
  /**
   * Bit per label (LABELS order) that some unshielded lexicon match supports. A flagged label
   * without support would rest on n-gram statistics alone; decide.ts does not allow that.
   */
  support: number;
  /**
   * Bit per label whose words were found but shielded (quoted, self-directed, inside an idiom):
   * the text itself says it is not that label, so the classifier may not claim it alone.
   */
  shielded: number;
}

const SUPPORT = {
  profanity: 1 << 2,
  abuse: 1 << 3,
  threat: 1 << 4,
  self_harm: 1 << 5,
} as const;
const ABUSIVE = Tag.insult | Tag.insult_adj | Tag.slur | Tag.dehuman | Tag.directed | Tag.harass | Tag.intimidate;

const TARGET = Tag.p2 | Tag.staff | Tag.place | Tag.p3;
const INTENT = Tag.p1 | Tag.fut;

/**
 * Runs every structure rule over the matches of one message.
 * @example applyRules(normalise('I will find you'), matches, 'en').hits[0].label // 'threat'
 */
export function applyRules(text: Normalised, matches: Match[], cjk: boolean, into?: Float32Array): RuleResult {
  // The caller may pass its own array to fill (the detector reuses one per instance).
  const features = into ? into.fill(0) : new Float32Array(RULE_FEATURES.length);
  const hits: RuleHit[] = [];
  let support = 0;
  let shielded = 0;
  const tokens = text.tokens;
  const c = scratch;
  c.features = features;
  c.hits = hits;
  c.matches = matches;
  c.tokens = tokens;
  c.cjk = cjk;
  // Chinese tokens are single characters, so windows are counted wider there.
  c.w = cjk ? 10 : 5;

  for (const m of matches) {
    const tags = m.entry.tags;
    if (tags & Tag.idiom) {
      c.set('shield_idiom', 1);
      shielded |= SUPPORT.threat | SUPPORT.self_harm;
    }
    if (tags & Tag.p2) c.set('has_p2', 1);
    if (tags & Tag.staff) c.set('has_staff', 1);
    if (tags & Tag.escalate) c.hit('frustration_escalation', 'frustration', m);
    if (tags & Tag.frust) c.hit('frustration_word', 'frustration', m);
    const isQuoted = (tags & CONTENT_TAGS) !== 0 && c.quoted(m);
    if (isQuoted) {
      c.set('shield_quoted', 1);
      shielded |= shieldBits(tags);
      continue;
    }
    if (tags & (Tag.threat | Tag.harm | Tag.weapon)) support |= SUPPORT.threat;
    if (tags & Tag.selfharm || (tags & Tag.harm && c.near(m, Tag.selfref, 1, 2))) support |= SUPPORT.self_harm;
    if (tags & Tag.prof) support |= SUPPORT.profanity | SUPPORT.abuse;
    if (
      tags & ABUSIVE &&
      !(
        (tags & (Tag.insult | Tag.insult_adj | Tag.dehuman)) !== 0 &&
        (tags & (Tag.slur | Tag.directed | Tag.harass | Tag.intimidate)) === 0 &&
        c.selfDirected(m)
      )
    )
      support |= SUPPORT.abuse;
    if (tags & Tag.threat) c.hit('threat_phrase', 'threat', m);
    if (tags & Tag.selfharm) c.hit('selfharm_phrase', 'self_harm', m);
    if (tags & Tag.harm) {
      // "kill myself", "убью себя", "zabiję się": the reflexive stands next to the verb.
      const self = c.near(m, Tag.selfref, 1, 2);
      if (self) {
        c.hit('selfharm_harm_self', 'self_harm', m);
      } else if (c.negated(m)) {
        c.set('shield_negated', 1);
      } else {
        const target = c.near(m, TARGET, c.w, c.w);
        if (target) {
          const intent = c.near(m, INTENT, c.w, 2);
          c.hit(intent ? 'threat_harm_target_intent' : 'threat_harm_target', 'threat', m, intent ? 1 : 0.6);
        }
      }
    }
    if (tags & Tag.weapon && c.near(m, INTENT, c.w, c.w) && c.near(m, TARGET | Tag.harm, c.w, c.w)) c.hit('threat_weapon', 'threat', m);
    // Evidence without a set phrase: a body part near a person and an intent ("your face … I'll"),
    // words of dying near the writer ("I … die", "no reason to live"). The classifier weighs them.
    if (tags & Tag.body && c.near(m, TARGET | Tag.p2poss, c.w, c.w) && c.near(m, INTENT, c.w, c.w)) {
      c.hit('threat_body_target', 'threat', m, 0.5);
      support |= SUPPORT.threat;
    }
    if (tags & Tag.death && c.near(m, Tag.p1 | Tag.selfref, c.w, c.w)) {
      c.hit('selfharm_death_first_person', 'self_harm', m, 0.5);
      support |= SUPPORT.self_harm;
    }
    if (tags & Tag.slur) c.hit('abuse_slur', 'abuse', m);
    if (tags & Tag.directed) c.hit('abuse_directed', 'abuse', m);
    if (tags & Tag.harass) c.hit('abuse_harass', 'abuse', m);
    if (tags & Tag.intimidate) c.hit('abuse_intimidate', 'abuse', m);
    if (tags & (Tag.insult | Tag.dehuman)) {
      if (c.selfDirected(m)) {
        c.set('shield_self', 1);
        shielded |= SUPPORT.abuse;
      } else if (tags & Tag.dehuman) {
        if (c.near(m, Tag.p2 | Tag.staff | Tag.p2poss, c.w, c.w)) c.hit('abuse_dehuman', 'abuse', m);
      } else if (c.near(m, Tag.p2 | Tag.staff | Tag.p2poss, c.w, c.w)) c.hit('abuse_insult_target', 'abuse', m);
      else c.hit('abuse_insult_bare', 'abuse', m, 0.7);
    } else if (tags & Tag.insult_adj) {
      if (c.selfDirected(m)) {
        c.set('shield_self', 1);
        shielded |= SUPPORT.abuse;
      } else if (c.near(m, Tag.p2 | Tag.staff, c.w, c.w)) c.hit('abuse_insult_adj_target', 'abuse', m, 0.8);
    }
    if (tags & Tag.prof) {
      // "fuck you", "草泥马的客服", "funcionario de mierda": profanity stuck to the person it is aimed at.
      const atPerson = matches.some(
        (o) =>
          (o.entry.tags & Tag.p2 && o.first > m.last && o.first <= m.last + 1) ||
          (o.entry.tags & Tag.staff && Math.abs(o.first - m.last) <= (cjk ? 3 : 2) && o !== m),
      );
      if (atPerson) c.hit('abuse_profanity_at_person', 'abuse', m, 0.8);
      c.hit(m.entry.severity >= 2 ? 'profanity_strong' : 'profanity_mild', 'profanity', m);
    }
  }
  const s = text.stats;
  if (s.letters >= 8 && s.upper / s.letters > 0.6) c.set('frustration_caps', 1);
  if (s.exclamations >= 2) c.set('frustration_exclaim', 1);
  else if (s.exclamations === 1) c.set('frustration_exclaim', 0.5);
  if (s.questions >= 2) c.set('frustration_question', 1);
  if (tokens.length <= 4) c.set('short_message', 1);
  // A plain question or request ("Where is my parcel?") carries no sign of anger at all; the
  // classifier gets that as a feature of its own instead of inferring it from absent n-grams.
  const negative =
    hits.some((h) => h.label !== 'none') || features[FEATURE_INDEX.frustration_caps]! > 0 || s.exclamations > 0 || s.questions >= 2;
  if (!negative && !matches.some((m) => m.entry.tags & (CONTENT_TAGS | Tag.frust | Tag.escalate))) c.set('no_negative_cue', 1);
  c.matches = NO_MATCHES;
  c.tokens = NO_TOKENS;
  c.hits = NO_HITS;
  return { features, hits, support, shielded: shielded & ~support };
}

function shieldBits(tags: number): number {
  return (
    (tags & (Tag.threat | Tag.harm | Tag.weapon) ? SUPPORT.threat : 0) |
    (tags & (Tag.selfharm | Tag.harm) ? SUPPORT.self_harm : 0) |
    (tags & (ABUSIVE | Tag.prof) ? SUPPORT.abuse : 0) |
    (tags & Tag.prof ? SUPPORT.profanity : 0)
  );
}

const NO_MATCHES: Match[] = [];
const NO_TOKENS: Token[] = [];
const NO_HITS: RuleHit[] = [];

/**
 * What the rules of one applyRules call look at, with the questions they ask of it. One instance,
 * reused (applyRules never re-enters itself): closures made per message were a measurable cost.
 */
class RuleScratch {
  features: Float32Array = new Float32Array(0);
  hits = NO_HITS;
  matches = NO_MATCHES;
  tokens = NO_TOKENS;
  cjk = false;
  w = 5;

  set(f: RuleFeature, v: number): void {
    const i = FEATURE_INDEX[f];
    if (v > this.features[i]!) this.features[i] = v;
  }

  hit(f: RuleFeature, label: Label, m: Match, strength = 1): void {
    this.set(f, strength);
    this.hits.push({ feature: f, label, strength, start: m.start, end: m.end, rule: RULE_NAME[f], severity: m.entry.severity });
  }

  /** A match with any of `tags` whose tokens fall within [from, to], other than `self`. */
  near(self: Match, tags: number, before: number, after: number): Match | undefined {
    if (self.entry.tags & tags) return self;
    const from = self.first - before;
    const to = self.last + after;
    for (const o of this.matches) if (o !== self && o.entry.tags & tags && o.last >= from && o.first <= to) return o;
    return undefined;
  }

  // Reported speech: inside quotation marks, or a reporting phrase ("called me", "сказал") earlier
  // in the same sentence or just after the words.
  quoted(m: Match): boolean {
    const tokens = this.tokens;
    if (tokens[m.first]!.quoted) return true;
    // The reporting phrase comes first ("your courier called me an idiot"); one after the words
    // ("you idiot, I said leave it") is the writer speaking, unless the words are in quotes.
    const q = this.near(m, Tag.quote, this.w + 2, 0);
    return q !== undefined && q.last < m.first && tokens[q.first]!.sentence === tokens[m.first]!.sentence;
  }

  selfDirected(m: Match): boolean {
    for (const o of this.matches) if (o.entry.tags & Tag.self && o.first <= m.first && o.last >= m.last) return true;
    // "I'm such an idiot", "Quelle idiote, j'ai oublié": the writer, before or just after.
    if (this.near(m, Tag.p1, this.cjk ? 6 : 3, 2) === undefined || this.near(m, Tag.p2 | Tag.staff, this.w, this.w) !== undefined)
      return false;
    // …unless the insult's own sentence names the listener's things: "Je note ton matricule, crétin.
    // Je vais écrire au siège" insults the agent although "je" follows.
    const sentence = this.tokens[m.first]!.sentence;
    for (const o of this.matches)
      if (o.entry.tags & Tag.p2poss && o.last < m.first && o.last >= m.first - this.w && this.tokens[o.first]!.sentence === sentence)
        return false;
    return true;
  }

  // A negation only cancels a verb in its own clause ("don't let me see him, I'll break his bones").
  negated(m: Match): boolean {
    const tokens = this.tokens;
    for (const o of this.matches)
      if (o.entry.tags & Tag.neg && o.last < m.first && o.last >= m.first - 3 && tokens[o.last]!.clause === tokens[m.first]!.clause)
        return true;
    return false;
  }
}

const scratch = new RuleScratch();

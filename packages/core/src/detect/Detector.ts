/**
 * @module detect/Detector
 * The detection pipeline: normalise → identify language → match packs → structure rules →
 * classify → decide. One Detector is built once (packs compiled, model decoded) and analyses any
 * number of messages; it keeps no per-message state, so it is safe to share.
 */
import { extractFeatures, wordFeatures, type Features } from './classify/features.js';
import type { Classifier } from './classify/Classifier.js';
import { type LogRegClassifier } from './classify/LogRegClassifier.js';
import { evidenceFrom, labelFromRules, labelFromScores, maskSpans, severityOf } from './decide.js';
import type { LanguageDetector } from './language/LanguageDetector.js';
import { ScriptStopwordDetector } from './language/ScriptStopwordDetector.js';
import type { Matcher, Match } from './match/Matcher.js';
import { TrieMatcher, langBit } from './match/TrieMatcher.js';
import { normalise, type Normalised, type Token } from './normalise/index.js';
import type { Pack } from './packs/compile.js';
import { MASKED_TAGS } from './packs/tags.js';
import { applyRules, RULE_FEATURES, type RuleHit } from './rules/structure.js';
import { LABELS, LANGUAGES, type Analysis, type AnalyzeOptions, type Evidence, type Label, type Language } from './types.js';

/** Messages longer than this (UTF-16 code units) are analysed up to it and flagged truncated. */
export const DEFAULT_MAX_LENGTH = 5000;

export interface DetectorOptions {
  packs: Pack[];
  /** Without a classifier the label comes from the structure rules alone. */
  classifier?: Classifier | null;
  maxLength?: number;
}

/** Everything the pipeline computed for a message, for training and debugging. */
export interface Trace {
  normalised: Normalised;
  language: Language;
  matches: Match[];
  hits: RuleHit[];
  /** Labels (bit per LABELS index) that an unshielded lexicon match supports. */
  support: number;
  /** Labels whose words were found only shielded (quoted, self-directed, idiom). */
  shielded: number;
  /** The rule features (the dense part of the feature vector); reused, valid until the next call. */
  dense: Float32Array;
  features: Features;
}

export class Detector {
  readonly matcher: Matcher;
  readonly languages: LanguageDetector;
  readonly classifier: Classifier | null;
  readonly maxLength: number;
  private readonly probs = new Float64Array(LABELS.length);
  private readonly dense = new Float32Array(RULE_FEATURES.length);
  private scratch: Features | undefined;

  constructor(opts: DetectorOptions) {
    this.matcher = new TrieMatcher(opts.packs);
    this.languages = new ScriptStopwordDetector(opts.packs);
    this.classifier = opts.classifier ?? null;
    this.maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  }

  /** How much of the text is analysed. */
  private limitOf(text: string): number {
    const limit = Math.min(text.length, this.maxLength);
    // Never cut a surrogate pair in half.
    return limit < text.length && limit > 0 && (text.charCodeAt(limit - 1) & 0xfc00) === 0xd800 ? limit - 1 : limit;
  }

  /** The message's language and the packs that read it (bits as in langBit). */
  private activeFor(normalised: Normalised, opts: AnalyzeOptions): { language: Language; active: number } {
    const guess = this.languages.detect(normalised);
    const language = opts.lang ?? guess.language;
    // A caller-given language wins; the packs the guess brought along stay active for code-switched
    // messages unless the caller says the text is in that one language only.
    const active = opts.lang ? (opts.strictLanguage ? langBit(opts.lang) : guess.active | langBit(opts.lang)) : guess.active;
    return { language, active };
  }

  /**
   * The languages whose packs reading `text` uses: what a detector built on some languages only
   * (the browser's, see lazy/) must have loaded to read it as one built on all of them.
   * @example detector.languagesOf('where is my parcel', { lang: 'en' }) // ['en']
   */
  languagesOf(text: string, opts: AnalyzeOptions = {}): Language[] {
    const { active } = this.activeFor(normalise(text, this.limitOf(text)), opts);
    return LANGUAGES.filter((lang) => active & langBit(lang));
  }

  /** Everything up to the classifier: normalise, language, packs, rules. */
  private run(text: string, opts: AnalyzeOptions) {
    const limit = this.limitOf(text);
    const normalised = normalise(text, limit);
    const { language, active } = this.activeFor(normalised, opts);
    const matches = this.matcher.match(normalised.tokens, active, langBit(language));
    // The rule-feature array is reused: a result is valid until the next call on this detector.
    const rules = applyRules(normalised, matches, language === 'zh', this.dense);
    return {
      normalised,
      language,
      matches,
      features: rules.features,
      hits: rules.hits,
      support: rules.support,
      shielded: rules.shielded,
      truncated: limit < text.length,
    };
  }

  /**
   * Runs the pipeline up to the feature vector (for training and debugging).
   * @example detector.trace('you idiot').hits[0].label // 'abuse'
   */
  trace(text: string, opts: AnalyzeOptions = {}): Trace & { truncated: boolean } {
    const r = this.run(text, opts);
    this.scratch = extractFeatures(r.normalised, r.features, r.matches, this.scratch);
    return {
      normalised: r.normalised,
      language: r.language,
      matches: r.matches,
      hits: r.hits,
      support: r.support,
      shielded: r.shielded,
      dense: r.features,
      features: this.scratch,
      truncated: r.truncated,
    };
  }

  /**
   * The structure rules' evidence without the classifier, with the tokens it was found in: for
   * text that is not a customer message (an agent's draft), where only rule evidence is wanted and
   * the caller reuses the tokens.
   * @example detector.ruleEvidence('this damn system', { lang: 'en' }).evidence[0]?.category // 'profanity'
   */
  ruleEvidence(text: string, opts: AnalyzeOptions = {}): { normalised: Normalised; evidence: Evidence[] } {
    const r = this.run(text, opts);
    return { normalised: r.normalised, evidence: evidenceFrom(r.hits) };
  }

  /**
   * Analyses one customer message.
   * @example detector.analyze('you useless idiot').label // 'abuse'
   */
  analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
    const t = this.run(text, opts);
    const p = this.probs;
    let label: Label;
    if (this.classifier) {
      this.classifier.predictMessage(t.normalised.tokens, t.matches, t.features, p);
      label = labelFromScores(p, t.support, this.classifier.unsupportedMin, t.shielded);
    } else {
      const s = t.normalised.stats;
      const shouting = (s.letters >= 8 && s.upper / s.letters > 0.6) || s.exclamations >= 2;
      label = labelFromRules(t.hits, shouting);
      p.fill(0.02);
      p[LABELS.indexOf(label)] = 0.9;
    }
    const scores = {} as Record<Label, number>;
    for (let k = 0; k < LABELS.length; k++) scores[LABELS[k]!] = round(p[k]!);
    const evidence = evidenceFrom(t.hits);
    if (this.classifier && label !== 'none' && !evidence.some((e) => e.category === label)) {
      const model = this.modelEvidence(t.normalised, label);
      if (model) evidence.push(model);
    }
    const spans: [number, number][] = [];
    for (const m of t.matches) if (m.entry.tags & MASKED_TAGS) spans.push([m.start, m.end]);
    for (const h of t.hits) if (h.feature === 'abuse_insult_adj_target') spans.push([h.start, h.end]);
    return {
      label,
      severity: severityOf(label, t.hits),
      language: t.language,
      scores,
      evidence,
      masked: maskSpans(text, spans),
      truncated: t.truncated,
    };
  }

  /** The word the classifier leaned on most for `label`, when no rule explains it. */
  private modelEvidence(normalised: Normalised, label: Label): Evidence | null {
    const clf = this.classifier as LogRegClassifier;
    if (typeof clf.weight !== 'function') return null;
    const k = LABELS.indexOf(label);
    let best: Token | null = null;
    let bestW = 0;
    for (const tok of normalised.tokens) {
      const w = clf.weight(wordFeatures(tok).buckets[0]!, k);
      if (w > bestW) {
        bestW = w;
        best = tok;
      }
    }
    return best ? { start: best.start, end: best.end, category: label, rule: 'model:logreg' } : null;
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

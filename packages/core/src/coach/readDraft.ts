/**
 * @module coach/readDraft
 * One reading of a draft for every check of the coach: its tokens, the cues in it, and the
 * detector's evidence of the agent's own swearing and insults. The draft is normalised once; the
 * detector's lexicon pass runs only when the draft has a word that could be such evidence.
 */
import type { CueHit, CueMatcher } from '../conversation/CueMatcher.js';
import type { Detector } from '../detect/Detector.js';
import { evidenceFrom } from '../detect/decide.js';
import { langBit } from '../detect/match/TrieMatcher.js';
import { normalise, Script, type Normalised, type Token } from '../detect/normalise/index.js';
import { applyRules, RULE_FEATURES } from '../detect/rules/structure.js';
import type { Evidence, Language } from '../detect/types.js';
import type { RudeEntry, RudeScreen } from './rudeScreen.js';

/** What the coach reads from a draft. */
export interface DraftReading {
  normalised: Normalised;
  hits: CueHit[];
  /** The detector's rule evidence: complete for profanity and abuse, the only kinds the coach reads. */
  evidence: Evidence[];
  /** The screen found no word that could be such evidence, so the detector's lexicon pass did not run. */
  skipped: boolean;
  /** The tokens cover the whole text (the detector reads at most its maxLength). */
  whole: boolean;
}

/** The rule features applyRules fills (the coach does not read them): one array, reused. */
const features = new Float32Array(RULE_FEATURES.length);

/**
 * Reads a draft in one language. Without a screen the detector's whole rule pass runs.
 * @example readDraft('Calm down.', 'en', detector, matcher, screen).hits[0]?.cue // 'dismissive'
 */
export function readDraft(
  text: string,
  lang: Language,
  detector: Detector,
  matcher: CueMatcher<RudeEntry[]>,
  screen: RudeScreen | undefined,
): DraftReading {
  const limit = limitOf(text, detector.maxLength);
  const whole = limit === text.length;
  if (!screen) {
    const rules = detector.ruleEvidence(text, { lang, strictLanguage: true });
    return { normalised: rules.normalised, hits: matcher.match(rules.normalised.tokens), evidence: rules.evidence, skipped: false, whole };
  }
  const normalised = normalise(text, limit);
  const hits = matcher.match(normalised.tokens);
  const maybe =
    matcher.masked ||
    (matcher.watched.length > 0 && screen.complete(matcher.watched, matcher.spellingsNow(), (w) => matcher.has(w))) ||
    (screen.hasChinese && screen.chineseText(chineseText(normalised.tokens)));
  if (!maybe) return { normalised, hits, evidence: [], skipped: true, whole };
  // What detector.ruleEvidence does with one strict language, on the tokens made above.
  const bit = langBit(lang);
  const matches = detector.matcher.match(normalised.tokens, bit, bit);
  const evidence = evidenceFrom(applyRules(normalised, matches, lang === 'zh', features).hits);
  return { normalised, hits, evidence, skipped: false, whole };
}

/** How much of the text the detector reads (as Detector does: never half a surrogate pair). */
function limitOf(text: string, max: number): number {
  const limit = Math.min(text.length, max);
  return limit < text.length && limit > 0 && (text.charCodeAt(limit - 1) & 0xfc00) === 0xd800 ? limit - 1 : limit;
}

/** Every CJK token's text, joined: holds every run the detector walks (and more). */
function chineseText(tokens: readonly Token[]): string {
  let text = '';
  for (const t of tokens) if (t.script === Script.Cjk) text += t.text;
  return text;
}

/**
 * @module detect/language/ScriptStopwordDetector
 * Identifies the language of short texts: the writing system decides first (Hebrew, Arabic,
 * Chinese, Cyrillic, Latin); within Cyrillic (ru/uk) and Latin (en/pl/de/es/fr) the function words
 * of each pack's stopwords.txt and tell-tale letters (ї, ы, ą, ß, ñ, ç) are counted.
 * Function words carry the language even in a three-word chat message, where character n-gram
 * models have too little to go on.
 */
import { Script, type Normalised } from '../normalise/index.js';
import type { Pack } from '../packs/compile.js';
import { wordInfo } from '../words.js';
import { langBit } from '../match/TrieMatcher.js';
import { LANGUAGES, type Language } from '../types.js';
import type { LanguageDetector, LanguageGuess } from './LanguageDetector.js';

const LATIN: Language[] = ['en', 'pl', 'de', 'es', 'fr'];
const LATIN_ALL: Language[] = [...LATIN, 'ar', 'zh', 'he'];
const CYRILLIC: Language[] = ['ru', 'uk'];
/** Indices into LANGUAGES of the candidate lists, looked up once. */
const LATIN_ALL_AT = Int32Array.from(LATIN_ALL, (l) => LANGUAGES.indexOf(l));
const CYRILLIC_AT = Int32Array.from(CYRILLIC, (l) => LANGUAGES.indexOf(l));
/** Scripts in the order they win ties (the first with most letters, Latin by default). */
const SCRIPT_ORDER = [Script.Cjk, Script.Hebrew, Script.Arabic, Script.Cyrillic, Script.Latin];

export class ScriptStopwordDetector implements LanguageDetector {
  private readonly stop = new Map<string, number>();
  private readonly letters = new Float64Array(8);
  private readonly votes = new Float64Array(LANGUAGES.length);

  constructor(packs: Pack[]) {
    for (const p of packs) for (const w of p.stopwords) this.stop.set(w, (this.stop.get(w) ?? 0) | langBit(p.lang));
  }

  /**
   * @example detector.detect(normalise('где моя посылка')).language // 'ru'
   */
  detect(text: Normalised): LanguageGuess {
    // Reused per call (a detector is not re-entered): the counts are zeroed here.
    const letters = this.letters.fill(0);
    const votes = this.votes.fill(0);
    for (const t of text.tokens) {
      letters[t.script]! += t.letters;
      const info = t.info ?? wordInfo(t.text);
      if (info.stopOwner !== this) {
        info.stop = this.stop.get(t.text) ?? 0;
        info.stopOwner = this;
      }
      const mask = info.stop;
      if (mask !== 0) {
        let n = 0;
        for (let i = 0; i < LANGUAGES.length; i++) if (mask & (1 << i)) n++;
        // A word shared by several languages is weaker evidence for each.
        for (let i = 0; i < LANGUAGES.length; i++) if (mask & (1 << i)) votes[i]! += 2 / n;
      }
    }
    // Hint counts are indexed like LANGUAGES (see LANG_BIT).
    for (let i = 0; i < LANGUAGES.length; i++) votes[i]! += 1.5 * Math.min(text.stats.hints[i]!, 3);
    let total = 0;
    for (let s = 0; s < letters.length; s++) total += letters[s]!;
    let script = Script.Latin;
    for (const s of SCRIPT_ORDER) if (letters[s]! > letters[script]!) script = s;
    // Chinese characters carry a word each, so a few of them outweigh many Latin letters.
    if (letters[Script.Cjk]! * 3 >= letters[Script.Latin]! && letters[Script.Cjk]! > 0) script = Script.Cjk;
    let guess: LanguageGuess;
    switch (script) {
      case Script.Cjk:
        guess = { language: 'zh', active: langBit('zh'), confidence: 1 };
        break;
      case Script.Hebrew:
        guess = { language: 'he', active: langBit('he'), confidence: 1 };
        break;
      case Script.Arabic:
        guess = { language: 'ar', active: langBit('ar'), confidence: 1 };
        break;
      case Script.Cyrillic:
        // ru and uk packs both apply: Russian words in Ukrainian chats (and back) are everyday.
        guess = best(CYRILLIC, CYRILLIC_AT, votes, 'ru');
        guess.active = langBit('ru') | langBit('uk');
        break;
      default:
        // Arabizi, pinyin and Hebrew in Latin letters are told by their packs' Latin stopwords.
        guess = best(LATIN_ALL, LATIN_ALL_AT, votes, 'en');
    }
    // Other scripts with a real share of the letters bring their packs along (mixed messages).
    if (total > 0) {
      if (script !== Script.Latin && letters[Script.Latin]! / total > 0.25)
        guess.active |= best(LATIN_ALL, LATIN_ALL_AT, votes, 'en').active;
      if (script !== Script.Cyrillic && letters[Script.Cyrillic]! / total > 0.25) guess.active |= langBit('ru') | langBit('uk');
      if (script !== Script.Cjk && letters[Script.Cjk]! > 0) guess.active |= langBit('zh');
    }
    return guess;
  }
}

/** `at[i]` is the index in LANGUAGES (and votes) of `candidates[i]`. */
function best(candidates: Language[], at: Int32Array, votes: Float64Array, fallback: Language): LanguageGuess {
  let top: Language = fallback;
  let topScore = 0;
  let second: Language | null = null;
  let secondScore = 0;
  for (let c = 0; c < candidates.length; c++) {
    const v = votes[at[c]!]!;
    if (v > topScore) {
      second = top;
      secondScore = topScore;
      top = candidates[c]!;
      topScore = v;
    } else if (v > secondScore) {
      second = candidates[c]!;
      secondScore = v;
    }
  }
  let active = langBit(top);
  if (second !== null && secondScore > 0 && secondScore >= 0.6 * topScore) active |= langBit(second);
  // Code-switching ("You're an idiot, en serio"): a language with a word of its own present applies too.
  for (let c = 0; c < candidates.length; c++) if (votes[at[c]!]! >= 2) active |= langBit(candidates[c]!);
  // With no evidence at all (a lone "idiot!"), every pack of the script may speak.
  if (topScore === 0) for (const lang of candidates) active |= langBit(lang);
  return { language: top, active, confidence: topScore === 0 ? 0 : (topScore - secondScore) / topScore };
}

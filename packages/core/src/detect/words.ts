/**
 * @module detect/words
 * One record per distinct word spelling, shared by every stage of the pipeline. Chat traffic
 * repeats a few thousand words; looking each word up once (instead of once per stage in five
 * separate maps, each lookup a likely cache miss) and carrying the record on the token is what
 * keeps the detector fast. Stages that depend on an instance (packs, model) record which instance
 * filled their field, so detectors built from different packs never share results.
 */
import type { Script } from './normalise/01-fold/index.js';

/** What the pipeline knows about one spelling; fields are filled lazily by the stages. */
export interface WordInfo {
  /** Cyrillic readings of a Latin word (04-transliterate); undefined until computed. */
  readings: readonly string[] | undefined;
  /** Stopword language bits, valid for `stopOwner`. */
  stop: number;
  stopOwner: object | null;
  /** Matcher results (TrieMatcher's TokenHits), valid for `hitsOwner`. */
  hits: unknown;
  hitsOwner: object | null;
  /** For masked words (f*ck): the message language the hits were computed for. */
  hitsPrimary: number;
  /** Hashed n-gram features (classify/features). */
  features: unknown;
  /**
   * Classifier weights of the word's unigram and char n-grams summed per label (s0…s5), its hash
   * (for bigrams) and its number of n-gram features, valid for `sumsOwner`. Plain fields, not an
   * array: the scoring loop then touches one object per word.
   */
  s0: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  hash: number;
  grams: number;
  sumsOwner: object | null;
  /** The coach's record of the spelling (conversation/CueMatcher), valid for `cueOwner`. */
  cue: unknown;
  cueOwner: object | null;
  /**
   * What normalisation makes of a plain token spelt so (letters of one script, no digits or
   * symbols): de-obfuscation and transliteration depend only on its text and script, so they run
   * once per spelling. The script it was read in (-1 before the first reading), the text, record
   * and other spellings it became. On the record itself rather than an object of its own: one
   * memory read fewer for every token.
   */
  readScript: Script | -1;
  readText: string;
  readInfo: WordInfo | null;
  readAlts: readonly string[] | null;
}

const LIMIT = 100_000;
const words = new Map<string, WordInfo>();

/**
 * The shared record of a spelling. Bounded: when full the table is dropped and rebuilt, so
 * hostile input with endless distinct words cannot grow memory.
 * @example wordInfo('idiot').readings
 */
export function wordInfo(text: string): WordInfo {
  let info = words.get(text);
  if (info === undefined) {
    if (words.size >= LIMIT) words.clear();
    info = {
      // Fields in the order the stages read them (normalise, the coach, language, matcher,
      // classifier), so one word's reads touch as few cache lines as possible.
      readScript: -1,
      readText: '',
      readInfo: null,
      readAlts: null,
      cue: undefined,
      cueOwner: null,
      stop: 0,
      stopOwner: null,
      hits: undefined,
      hitsOwner: null,
      hitsPrimary: 0,
      s0: 0,
      s1: 0,
      s2: 0,
      s3: 0,
      s4: 0,
      s5: 0,
      hash: 0,
      grams: 0,
      sumsOwner: null,
      readings: undefined,
      features: undefined,
    };
    words.set(text, info);
  }
  return info;
}

/**
 * @module detect/match/Matcher
 * The role: find every lexicon entry in a tokenised message.
 */
import type { Entry } from '../packs/compile.js';
import type { Token } from '../normalise/index.js';

/** One lexicon entry found in a message. */
export interface Match {
  entry: Entry;
  /** First and last token index covered (inclusive). */
  first: number;
  last: number;
  /** `[start, end)` in UTF-16 code units of the original text. */
  start: number;
  end: number;
  /** Found through another spelling (transliteration, raw digits) rather than the token itself. */
  viaAlt: boolean;
}

/**
 * Finds lexicon entries in tokens; `active` is a bit set of languages whose entries apply,
 * `primary` the message's own language (masked words are read only in it).
 */
export interface Matcher {
  match(tokens: Token[], active: number, primary?: number): Match[];
}

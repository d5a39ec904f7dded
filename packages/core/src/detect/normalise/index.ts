/**
 * @module detect/normalise
 * The normalisation pipeline: fold → tokenise → de-obfuscate → transliterate.
 */
import { tokenise, type TextStats, type Token } from './02-tokenise/index.js';
import { deobfuscate } from './03-deobfuscate/index.js';
import { transliterate } from './04-transliterate/index.js';
import { wordInfo } from '../words.js';

export type { Token, TextStats } from './02-tokenise/index.js';
export { charInfo, Script, LANG_BIT } from './01-fold/index.js';
export { squeeze } from './03-deobfuscate/index.js';

/** A message ready for matching. */
export interface Normalised {
  tokens: Token[];
  stats: TextStats;
}

/**
 * Normalises `text[0, limit)` into tokens with spans into the original text.
 * @example normalise('Ｆ.u.c.k y0u').tokens.map(t => t.text) // ['fuck', 'you']
 */
export function normalise(text: string, limit = text.length): Normalised {
  const { tokens, stats } = tokenise(text, limit);
  for (const t of tokens) {
    deobfuscate(t);
    t.info = wordInfo(t.text);
    transliterate(t);
  }
  return { tokens, stats };
}

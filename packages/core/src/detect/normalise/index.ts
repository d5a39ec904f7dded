/**
 * @module detect/normalise
 * The normalisation pipeline: fold → tokenise → de-obfuscate → transliterate.
 */
import { Script } from './01-fold/index.js';
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
    // A plain word of one script (no digits or symbols, not mixing Latin and Cyrillic) reads the
    // same wherever it occurs: its reading is kept on the record of its spelling as tokenised.
    if (t.digits === 0 && t.symbols === 0 && t.script !== Script.Cjk && (t.latin === 0 || t.cyrillic === 0)) {
      const spelling = t.text;
      const raw = wordInfo(spelling);
      if (raw.readScript === t.script) {
        t.text = raw.readText;
        t.info = raw.readInfo!;
        t.alts = raw.readAlts;
        continue;
      }
      const script = t.script;
      deobfuscate(t);
      t.info = t.text === spelling ? raw : wordInfo(t.text);
      transliterate(t);
      raw.readScript = script;
      raw.readText = t.text;
      raw.readInfo = t.info;
      raw.readAlts = t.alts;
      continue;
    }
    deobfuscate(t);
    t.info = wordInfo(t.text);
    transliterate(t);
  }
  return { tokens, stats };
}

/**
 * @module detect/normalise/04-transliterate
 * Reads a Latin-letter word as Russian or Ukrainian, two ways: by sound ("suka", "blyat",
 * "pizdec", "nahuy") and by shape ("cyka", "xyu", where Latin letters stand for the Cyrillic
 * letters they look like). The results are extra spellings for the matcher, never replacements.
 *
 * ## Application order
 * After 03-deobfuscate (so leetspeak is already undone); its outputs are squeezed like every other
 * token text.
 */
import { Script } from '../01-fold/index.js';
import type { Token } from '../02-tokenise/index.js';
import { LATIN_TO_CYRILLIC, squeeze } from '../03-deobfuscate/index.js';
import { wordInfo } from '../../words.js';

/** Digraphs by their first letter: second letter → Cyrillic (shch/sch are handled first). */
const DIGRAPHS: Record<string, Record<string, string>> = {
  z: { h: 'ж' },
  k: { h: 'х' },
  c: { h: 'ч' },
  s: { h: 'ш' },
  t: { s: 'ц', z: 'ц' },
  y: { a: 'я', o: 'е', u: 'ю', e: 'е', i: 'ї' },
  j: { a: 'я', o: 'е', u: 'ю', e: 'е' },
};
const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  y: 'и',
  j: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  w: 'в',
  q: 'к',
  x: 'х',
  "'": 'ь',
};
/**
 * Reading by shape: the look-alikes of 03-deobfuscate plus handwriting-like ones (n→п, r→г, u→и);
 * not i, which would turn half of English into Ukrainian.
 */
const SHAPE: Record<string, string> = { ...LATIN_TO_CYRILLIC, n: 'п', r: 'г', u: 'и' };
delete SHAPE.i;

/**
 * Adds Cyrillic readings of a Latin token to `token.alts`.
 * @example transliterate(tok('cyka')).alts // ['сука', …]
 */
export function transliterate(token: Token): Token {
  if (token.script !== Script.Latin || token.text.length < 3 || token.masked || token.cyrillic > 0) return token;
  const info = token.info ?? wordInfo(token.text);
  let readings = info.readings;
  if (readings === undefined) {
    const bySound = squeeze(phonetic(token.text));
    const byShape = squeeze(shape(token.text));
    readings = byShape !== bySound && byShape !== '' ? [bySound, byShape] : [bySound];
    info.readings = readings;
  }
  token.alts = token.alts ? [...token.alts, ...readings] : readings;
  return token;
}

function phonetic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // "shch" and "sch" are щ; every other digraph is two letters.
    if (c === 's' && text[i + 1] === 'c' && text[i + 2] === 'h') {
      out += 'щ';
      i += 2;
      continue;
    }
    if (c === 's' && text[i + 1] === 'h' && text[i + 2] === 'c' && text[i + 3] === 'h') {
      out += 'щ';
      i += 3;
      continue;
    }
    const di = DIGRAPHS[c]?.[text[i + 1] ?? ''];
    if (di !== undefined) {
      out += di;
      i++;
      continue;
    }
    out += SINGLE[c] ?? c;
  }
  return out;
}

function shape(text: string): string {
  let out = '';
  for (const c of text) {
    const m = SHAPE[c];
    if (m === undefined) return '';
    out += m;
  }
  return out;
}

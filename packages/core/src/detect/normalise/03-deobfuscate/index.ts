/**
 * @module detect/normalise/03-deobfuscate
 * Undoes the tricks people use to slip words past filters, one token at a time: look-alike letters
 * from another script (сукa with a Latin a, fuсk with a Cyrillic с), leetspeak (sh1t, 6лять),
 * masked letters (f*ck, k***a become wildcards), and stretched letters (fuuuuck).
 *
 * ## Application order
 * After 02-tokenise. Look-alikes are folded before leetspeak so the token's script is known;
 * repeated letters are squeezed last, after digits have become letters ("sh11t" → "shiit" → "shit").
 * The lexicon compiler squeezes patterns the same way, so both sides agree.
 */
import { Script } from '../01-fold/index.js';
import type { Token } from '../02-tokenise/index.js';

/** Latin letters that look like Cyrillic ones (also used by 04-transliterate to read "cyka"). */
export const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  i: 'і',
};
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  н: 'h',
  к: 'k',
  м: 'm',
  о: 'o',
  р: 'p',
  т: 't',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ј: 'j',
};
const LEET_LATIN: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};
const LEET_CYRILLIC: Record<string, string> = {
  '0': 'о',
  '3': 'з',
  '4': 'ч',
  '6': 'б',
  '9': 'я',
  '@': 'а',
  $: 'с',
  '1': 'і',
  '!': 'і',
};
/** Symbols that stand for a hidden letter. */
const MASKS = new Set(['*', '#', '%', '_']);

/**
 * Rewrites `token.text` in place to its de-obfuscated form and records other spellings to try.
 * @example deobfuscate(tokenise('sh1t', 9).tokens[0]).text // 'shit'
 */
export function deobfuscate(token: Token): Token {
  if (token.script === Script.Cjk) return token;
  let text = token.text;
  if (token.latin > 0 && token.cyrillic > 0) {
    const toCyrillic = cyrillicWins(text, token);
    text = mapChars(text, toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN);
    token.script = toCyrillic ? Script.Cyrillic : Script.Latin;
  }
  if ((token.digits > 0 || token.symbols > 0) && token.letters > 0) {
    const raw = squeeze(text);
    text = mapChars(text, token.script === Script.Cyrillic ? LEET_CYRILLIC : LEET_LATIN);
    for (const c of text) {
      if (MASKS.has(c)) {
        token.masked = true;
        break;
      }
    }
    if (token.masked) text = text.replace(/[#%_]/g, '*');
    // Keep the digits too: Arabizi writes ح as 7 and ع as 3, and those are not leetspeak.
    if (token.digits > 0) token.alts = [raw];
  }
  token.text = squeeze(text);
  const extra = readings(token);
  if (extra) token.alts = token.alts ? [...token.alts, extra] : [extra];
  return token;
}

const VOWELS = /[aeiouy]/g;

/**
 * Other readings of a whole word: "fvck"/"cvnt" (v for u in a word short of vowels) and words
 * typed entirely in Cyrillic look-alikes inside Latin text ("уоu" with Cyrillic у and о).
 */
function readings(token: Token): string | null {
  const text = token.text;
  if (token.script === Script.Latin && text.includes('v') && (text.match(VOWELS)?.length ?? 0) < 2) return text.replace(/v/g, 'u');
  if (token.script === Script.Cyrillic && token.latin === 0 && text.length >= 2) {
    let out = '';
    for (const c of text) {
      const l = CYRILLIC_TO_LATIN[c];
      if (l === undefined) return null;
      out += l;
    }
    return out;
  }
  return null;
}

/**
 * Which script a mixed word really is: a letter with no look-alike in the other script (Latin d,
 * u, r; Cyrillic б, и, л) decides; otherwise the majority does.
 */
function cyrillicWins(text: string, token: Token): boolean {
  let latinOnly = 0;
  let cyrillicOnly = 0;
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code >= 0x61 && code <= 0x7a && LATIN_TO_CYRILLIC[c] === undefined) latinOnly++;
    else if (code >= 0x430 && code <= 0x45f && CYRILLIC_TO_LATIN[c] === undefined) cyrillicOnly++;
  }
  if (latinOnly !== cyrillicOnly) return cyrillicOnly > latinOnly;
  return token.cyrillic >= token.latin;
}

function mapChars(text: string, table: Record<string, string>): string {
  let out = '';
  for (const c of text) out += table[c] ?? c;
  return out;
}

/**
 * Collapses stretched letters ("fuuuck" → "fuck", "asshole" → "ashole"). `*` runs are kept (each
 * star stands for a letter); doubled Chinese characters are kept (妈妈 "mum", 谢谢 "thanks");
 * in Hebrew and Arabic, written without vowels, a double letter is spelling (מפוצץ), so only runs
 * of three or more count as stretching.
 * @example squeeze('idiooot') // 'idiot'
 */
export function squeeze(text: string): string {
  let repeats = false;
  for (let i = 1; i < text.length; i++) {
    if (text.charCodeAt(i) === text.charCodeAt(i - 1)) {
      repeats = true;
      break;
    }
  }
  if (!repeats) return text;
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    let j = i + 1;
    while (j < text.length && text[j] === c) j++;
    const code = c.charCodeAt(0);
    const run = j - i;
    if (c === '*' || code >= 0x2e80) out += text.slice(i, j);
    else if (code >= 0x590 && code <= 0x6ff) out += run >= 3 ? c : text.slice(i, j);
    else out += c;
    i = j;
  }
  return out;
}

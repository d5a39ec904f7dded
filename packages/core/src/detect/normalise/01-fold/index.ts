/**
 * @module detect/normalise/01-fold
 * Folds one code point to the form the matchers see: Unicode NFKC, lower case, diacritics removed,
 * script-specific variants unified, invisible characters dropped.
 *
 * ## Application order
 * This is the first stage: it runs per code point inside the tokeniser (02), before any stage that
 * looks at whole words. Later stages rely on its output being lower case and mark-free.
 */

/** Character classes the tokeniser cares about. */
export const enum CharClass {
  /** Zero-width, bidi controls, soft hyphen, tatweel: dropped without breaking the word. */
  Removed = 0,
  Letter = 1,
  Digit = 2,
  /** Symbols that can stand inside an obfuscated word: `* # @ $ ! | + % _`. */
  WordSymbol = 3,
  /** A Chinese/Japanese/Korean character: a token of its own. */
  Cjk = 4,
  Separator = 5,
  /** A pictographic emoji (🔪 💣 🖕): a token of its own, matched like a word. */
  Emoji = 6,
}

/** Writing systems used for language identification and look-alike folding. */
export const enum Script {
  None = 0,
  Latin = 1,
  Cyrillic = 2,
  Hebrew = 3,
  Arabic = 4,
  Cjk = 5,
  Other = 6,
  Emoji = 7,
}

/** What the tokeniser needs to know about one code point. */
export interface CharInfo {
  fold: string;
  cls: CharClass;
  script: Script;
  upper: boolean;
  /** Bit per language (see LANG_BITS) for letters that hint at a language: ą → pl, ß → de. */
  hint: number;
}

/** Bit positions for language hints, in the order of LANGUAGES in types.ts. */
export const LANG_BIT = { en: 1, ru: 2, pl: 4, zh: 8, he: 16, uk: 32, de: 64, es: 128, fr: 256, ar: 512 } as const;

const HINTS: Record<string, number> = {};
for (const c of 'ąęłśźżćń') HINTS[c] = LANG_BIT.pl;
for (const c of 'äöüß') HINTS[c] = LANG_BIT.de;
for (const c of 'ñ¿¡íú') HINTS[c] = LANG_BIT.es;
for (const c of 'çèêàùœâîôûëïÿ') HINTS[c] = LANG_BIT.fr;
for (const c of 'éá') HINTS[c] = LANG_BIT.es | LANG_BIT.fr;
HINTS['ó'] = LANG_BIT.es | LANG_BIT.pl;
for (const c of 'іїєґ') HINTS[c] = LANG_BIT.uk;
for (const c of 'ыэъё') HINTS[c] = LANG_BIT.ru;

/** Letters that Unicode does not decompose but people read as the plain letter. */
const EXTRA_FOLD: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  þ: 'th',
  // Hebrew final letters fold to their ordinary forms so suffixes and prefixes line up.
  ך: 'כ',
  ם: 'מ',
  ן: 'נ',
  ף: 'פ',
  ץ: 'צ',
  // Arabic: the usual search normalisation (alef variants, alef maqsura, ta marbuta, hamza seats).
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ک: 'ك',
  ی: 'ي',
  // Greek letters that pass for Latin ones in obfuscated words.
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  μ: 'm',
};

const REMOVED = new Set([0x00ad, 0x034f, 0x061c, 0x0640, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xfeff, 0xffa0]);
const WORD_SYMBOLS = new Set(['*', '#', '@', '$', '!', '|', '+', '%', '_']);

/** Combining marks of Latin, Cyrillic, Hebrew (niqqud, cantillation) and Arabic (harakat). */
const MARK_RANGES: [number, number][] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
function isMark(cp: number): boolean {
  for (const [lo, hi] of MARK_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isRemoved(cp: number): boolean {
  return (
    REMOVED.has(cp) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/**
 * Which writing system a (folded) letter belongs to.
 * @example scriptOf('ж'.codePointAt(0)!) // Script.Cyrillic
 */
export function scriptOf(cp: number): Script {
  if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) return Script.Latin;
  if (cp >= 0x400 && cp <= 0x52f) return Script.Cyrillic;
  if (cp >= 0x590 && cp <= 0x5ff) return Script.Hebrew;
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff)) return Script.Arabic;
  if (isCjk(cp)) return Script.Cjk;
  return Script.Other;
}

/** Pictographs and symbols people use as words in chat (skin-tone modifiers excluded). */
function isEmoji(cp: number): boolean {
  return (cp >= 0x1f300 && cp <= 0x1faff && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) || (cp >= 0x2600 && cp <= 0x27bf);
}

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  );
}

function compute(cp: number): CharInfo {
  if (isRemoved(cp)) return { fold: '', cls: CharClass.Removed, script: Script.None, upper: false, hint: 0 };
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase();
  const hint = HINTS[lower] ?? 0;
  let fold = ch.normalize('NFKC').toLowerCase();
  fold = EXTRA_FOLD[fold] ?? fold;
  let out = '';
  for (const c of fold.normalize('NFD')) if (!isMark(c.codePointAt(0)!)) out += EXTRA_FOLD[c] ?? c;
  fold = out;
  if (fold === '') return { fold: '', cls: CharClass.Removed, script: Script.None, upper: false, hint: 0 };
  const first = fold.codePointAt(0)!;
  const upper = lower !== ch;
  if (isCjk(first)) return { fold, cls: CharClass.Cjk, script: Script.Cjk, upper: false, hint: 0 };
  if (isEmoji(first)) return { fold, cls: CharClass.Emoji, script: Script.Emoji, upper: false, hint: 0 };
  if (LETTER.test(fold)) return { fold, cls: CharClass.Letter, script: scriptOf(first), upper, hint };
  if (DIGIT.test(fold)) return { fold, cls: CharClass.Digit, script: Script.None, upper: false, hint: 0 };
  if (WORD_SYMBOLS.has(fold)) return { fold, cls: CharClass.WordSymbol, script: Script.None, upper: false, hint: 0 };
  return { fold, cls: CharClass.Separator, script: Script.None, upper: false, hint: 0 };
}

const ASCII: CharInfo[] = [];
for (let cp = 0; cp < 128; cp++) ASCII.push(compute(cp));
/**
 * Folded characters in 256-entry pages by the high bits of the code point: two array reads per
 * character instead of a hash lookup (every character of every message passes here). Pages are
 * filled lazily; code points beyond the BMP use a small map.
 */
const pages: (CharInfo[] | undefined)[] = [];
const astral = new Map<number, CharInfo>();

/**
 * Folds one code point; results are cached because messages reuse a small alphabet.
 * @example charInfo('É'.codePointAt(0)!).fold // 'e'
 */
export function charInfo(cp: number): CharInfo {
  if (cp < 128) return ASCII[cp]!;
  if (cp < 0x10000) {
    const page = (pages[cp >> 8] ??= []);
    return (page[cp & 255] ??= compute(cp));
  }
  let info = astral.get(cp);
  if (info === undefined) {
    info = compute(cp);
    // Bounded so hostile input full of distinct emoji cannot grow memory forever.
    if (astral.size > 50_000) astral.clear();
    astral.set(cp, info);
  }
  return info;
}

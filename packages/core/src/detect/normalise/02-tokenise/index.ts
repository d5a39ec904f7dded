/**
 * @module detect/normalise/02-tokenise
 * Splits a message into word tokens that remember where they came from in the original text.
 *
 * ## Application order
 * Runs after 01-fold (called per code point) and before 03-deobfuscate (which rewrites each
 * token's text). Joining spaced-out letters ("f u c k", "f.u.c.k") happens here, because it needs
 * the gaps between tokens, which later stages no longer see.
 */
import { CharClass, Script, charInfo } from '../01-fold/index.js';
import type { WordInfo } from '../../words.js';

/** A word as the matchers see it, with its span in the original text. */
export interface Token {
  /** Folded text: lower case, no diacritics; rewritten by 03-deobfuscate. */
  text: string;
  /** `[start, end)` in UTF-16 code units of the original text. */
  start: number;
  end: number;
  script: Script;
  latin: number;
  cyrillic: number;
  letters: number;
  digits: number;
  symbols: number;
  upper: number;
  /** A CJK character directly continuing the previous CJK character (no word break between). */
  joinPrev: boolean;
  /** Inside quotation marks in the original. */
  quoted: boolean;
  /** Index of the sentence the token is in (sentences end at . ! ? … and line breaks). */
  sentence: number;
  /** Index of the clause (sentences split further at commas, colons and dashes). */
  clause: number;
  /** Other spellings to try when matching (leetspeak kept raw, Cyrillic transliteration). */
  alts: readonly string[] | null;
  /** Contains `*` wildcards standing for masked letters. */
  masked: boolean;
  /** The shared record of this spelling (set by normalise once the text is final). */
  info: WordInfo | undefined;
}

/** Message-level counts gathered while tokenising. */
export interface TextStats {
  exclamations: number;
  questions: number;
  letters: number;
  upper: number;
  /** Count of language-hinting letters per language bit index (see LANG_BIT). */
  hints: number[];
}

/** ASCII letters and digits. */
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_ALNUM[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_ALNUM[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_ALNUM[c] = 1;

const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？', '\n', ';', '؟', '؛']);
const CLAUSE_END = new Set([',', '،', ':', '—', '–', '，', '、', '：', '；']);
/** Short pieces glued by one of these make one word: "ch.uj", "sz.mat.a". */
const GLUE = new Set(['.', '*', '_', '·', '•']);
const OPEN_QUOTES = new Set(['"', '“', '„', '«', '「', '『', '‘']);
const CLOSE_QUOTES = new Set(['"', '”', '»', '」', '』', '’']);
/** Gaps that may separate spelled-out letters (f.u.c.k) or obfuscated CJK (傻*逼). */
const JOIN_GAP = /^[\s.\-_*·•,/|+~]{1,3}$/;

class Builder {
  text = '';
  start = -1;
  end = -1;
  latin = 0;
  cyrillic = 0;
  letters = 0;
  digits = 0;
  symbols = 0;
  upper = 0;
  /**
   * Original offsets of each folded character, so trimming symbols can fix the span. Only words
   * with a symbol need them, so they are recorded from the first symbol on (and replayed for the
   * characters before it): most words never pay for them.
   */
  offs: number[] = [];
  ends: number[] = [];
  tracking = false;
  reset(): void {
    this.text = '';
    this.start = -1;
    this.end = -1;
    this.latin = this.cyrillic = this.letters = this.digits = this.symbols = this.upper = 0;
    if (this.tracking) {
      this.offs.length = 0;
      this.ends.length = 0;
      this.tracking = false;
    }
  }
  /** Starts recording offsets: replays the word so far from the original text. */
  track(text: string): void {
    this.tracking = true;
    for (let i = this.start; i < this.end;) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const fold = charInfo(cp).fold;
      for (let k = 0; k < fold.length; k++) {
        this.offs.push(i);
        this.ends.push(i + width);
      }
      i += width;
    }
  }
}

function trimmed(b: Builder, quoted: boolean): Token | null {
  let lo = 0;
  let hi = b.text.length;
  if (b.symbols === 0) {
    // The common case: letters and digits only, nothing to trim.
    if (b.letters + b.digits === 0) return null;
    return makeToken(b, b.text, b.start, b.end, 0, quoted);
  }
  // Leading @ and $ are leetspeak for a and s ("@ss", "$hit"); other leading symbols are noise.
  while (lo < hi && isSym(b.text[lo]!) && !((b.text[lo] === '@' || b.text[lo] === '$') && isAlnum(b.text[lo + 1]))) lo++;
  // Trailing `*` masks letters ("f***"), other trailing symbols are punctuation ("shit!!!").
  while (hi > lo && isSym(b.text[hi - 1]!) && !(b.text[hi - 1] === '*' && b.letters > 0)) hi--;
  if (hi <= lo || b.letters + b.digits === 0) return null;
  let symbols = 0;
  for (let i = lo; i < hi; i++) if (isSym(b.text[i]!)) symbols++;
  return makeToken(b, lo === 0 && hi === b.text.length ? b.text : b.text.slice(lo, hi), b.offs[lo]!, b.ends[hi - 1]!, symbols, quoted);
}

function makeToken(b: Builder, text: string, start: number, end: number, symbols: number, quoted: boolean): Token {
  const script = b.letters === 0 ? Script.None : b.cyrillic > b.latin ? Script.Cyrillic : b.latin > 0 ? Script.Latin : scriptOfText(text);
  return newToken(text, start, end, script, b.latin, b.cyrillic, b.letters, b.digits, symbols, b.upper, quoted, 0, 0);
}

/**
 * Every token is built here, with all fields in one order and none added later: V8 then gives
 * all tokens one hidden class, and every stage's property reads stay fast (monomorphic).
 */
export function newToken(
  text: string,
  start: number,
  end: number,
  script: Script,
  latin: number,
  cyrillic: number,
  letters: number,
  digits: number,
  symbols: number,
  upper: number,
  quoted: boolean,
  sentence: number,
  clause: number,
): Token {
  return {
    text,
    start,
    end,
    script,
    latin,
    cyrillic,
    letters,
    digits,
    symbols,
    upper,
    joinPrev: false,
    quoted,
    sentence,
    clause,
    alts: null,
    masked: false,
    info: undefined,
  };
}

function scriptOfText(text: string): Script {
  for (const ch of text) {
    const info = charInfo(ch.codePointAt(0)!);
    if (info.cls === CharClass.Letter) return info.script;
  }
  return Script.None;
}

function isSym(c: string): boolean {
  return charInfo(c.charCodeAt(0)).cls === CharClass.WordSymbol;
}

function isAlnum(c: string | undefined): boolean {
  if (c === undefined) return false;
  const cls = charInfo(c.codePointAt(0)!).cls;
  return cls === CharClass.Letter || cls === CharClass.Digit;
}

/**
 * Code units that fold to themselves as a letter (lower-case, no marks, one code unit): a run of
 * them is a word spelt as the matchers see it, so it can be sliced instead of built per character.
 * Filled lazily (0 unknown, 1 yes, 2 no); surrogates are never such letters.
 */
const SAME_LETTER = new Uint8Array(0x10000);

function sameLetter(code: number): boolean {
  let s = SAME_LETTER[code]!;
  if (s === 0) {
    const info = code >= 0xd800 && code <= 0xdfff ? null : charInfo(code);
    s = info !== null && info.cls === CharClass.Letter && !info.upper && info.fold.length === 1 && info.fold.charCodeAt(0) === code ? 1 : 2;
    SAME_LETTER[code] = s;
  }
  return s === 1;
}

/** Ends a word: anything but a letter, digit, word symbol or a removed (invisible) character. */
function endsWord(text: string, j: number, limit: number): boolean {
  const cls = charInfo(j < limit ? text.codePointAt(j)! : 32).cls;
  return cls !== CharClass.Letter && cls !== CharClass.Digit && cls !== CharClass.WordSymbol && cls !== CharClass.Removed;
}

/** One builder for every call: tokenise never re-enters itself. */
const builder = new Builder();

/** Ends the word being built, if any, and adds it as a token. */
function flush(b: Builder, tokens: Token[], stats: TextStats, quoted: boolean, sentence: number, clause: number): void {
  if (b.start >= 0) {
    const t = trimmed(b, quoted);
    if (t) {
      t.sentence = sentence;
      t.clause = clause;
      // "!" inside a word is leetspeak for i; at its end it is an exclamation.
      if (b.text.endsWith('!')) stats.exclamations++;
      tokens.push(t);
    }
  }
  b.reset();
}

/**
 * Tokenises `text[0, limit)`.
 * @example tokenise('F u c k!', 100).tokens.map(t => t.text) // ['fuck']
 */
export function tokenise(text: string, limit: number): { tokens: Token[]; stats: TextStats } {
  const tokens: Token[] = [];
  const stats: TextStats = { exclamations: 0, questions: 0, letters: 0, upper: 0, hints: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
  const b = builder;
  b.reset();
  let quoted = false;
  let sentence = 0;
  let clause = 0;
  let lastCjkEnd = -2;
  for (let i = 0; i < limit;) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      // A plain space ends a word and means nothing else (no sentence, clause or quote change).
      flush(b, tokens, stats, quoted, sentence, clause);
      i++;
      continue;
    }
    if (b.start < 0 && code < 128 && ASCII_ALNUM[code]) {
      // Fast path: a plain ASCII word (most tokens in Latin-script chat) is sliced and lower-cased
      // in one go instead of character by character.
      let j = i;
      let letters = 0;
      let upper = 0;
      while (j < limit) {
        const c = text.charCodeAt(j);
        if (c >= 128 || !ASCII_ALNUM[c]) break;
        if (c >= 65 && c <= 90) {
          letters++;
          upper++;
        } else if (c >= 97) letters++;
        j++;
      }
      if (endsWord(text, j, limit)) {
        if (letters > 0) {
          const word = upper > 0 ? text.slice(i, j).toLowerCase() : text.slice(i, j);
          tokens.push(newToken(word, i, j, Script.Latin, letters, 0, letters, j - i - letters, 0, upper, quoted, sentence, clause));
          stats.letters += letters;
          stats.upper += upper;
        } else {
          tokens.push(newToken(text.slice(i, j), i, j, Script.None, 0, 0, 0, j - i, 0, 0, quoted, sentence, clause));
        }
        i = j;
        continue;
      }
    } else if (b.start < 0 && code >= 128 && sameLetter(code)) {
      // The same for a word of letters that fold to themselves (most Cyrillic, Hebrew and Arabic
      // words): what the character-by-character path would build is the slice itself.
      let j = i + 1;
      while (j < limit && sameLetter(text.charCodeAt(j))) j++;
      if (endsWord(text, j, limit)) {
        let latin = 0;
        let cyrillic = 0;
        for (let k = i; k < j; k++) {
          const info = charInfo(text.charCodeAt(k));
          if (info.script === Script.Latin) latin++;
          else if (info.script === Script.Cyrillic) cyrillic++;
          if (info.hint) addHints(stats.hints, info.hint);
        }
        const letters = j - i;
        const script = cyrillic > latin ? Script.Cyrillic : latin > 0 ? Script.Latin : charInfo(code).script;
        tokens.push(newToken(text.slice(i, j), i, j, script, latin, cyrillic, letters, 0, 0, 0, quoted, sentence, clause));
        stats.letters += letters;
        i = j;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const info = charInfo(cp);
    switch (info.cls) {
      case CharClass.Removed:
        break;
      case CharClass.Emoji:
        // An emoji is a word of its own ("see you after work 🔪"); it has no letters, so language
        // identification, joining and leetspeak leave it alone.
        flush(b, tokens, stats, quoted, sentence, clause);
        tokens.push(newToken(info.fold, i, i + width, Script.Emoji, 0, 0, 0, 0, 0, 0, quoted, sentence, clause));
        break;
      case CharClass.Cjk: {
        flush(b, tokens, stats, quoted, sentence, clause);
        const t = newToken(info.fold, i, i + width, Script.Cjk, 0, 0, 1, 0, 0, 0, quoted, sentence, clause);
        t.joinPrev =
          lastCjkEnd === i || (lastCjkEnd >= 0 && JOIN_GAP.test(text.slice(lastCjkEnd, i)) && !/\s{2}/.test(text.slice(lastCjkEnd, i)));
        tokens.push(t);
        lastCjkEnd = i + width;
        stats.letters++;
        break;
      }
      case CharClass.Letter:
      case CharClass.Digit:
      case CharClass.WordSymbol:
        if (b.start < 0) b.start = i;
        if (info.cls === CharClass.WordSymbol && !b.tracking) b.track(text);
        if (b.tracking) {
          for (let k = 0; k < info.fold.length; k++) {
            b.offs.push(i);
            b.ends.push(i + width);
          }
        }
        b.text += info.fold;
        b.end = i + width;
        if (info.cls === CharClass.Letter) {
          b.letters++;
          stats.letters++;
          if (info.script === Script.Latin) b.latin++;
          else if (info.script === Script.Cyrillic) b.cyrillic++;
          if (info.upper) {
            b.upper++;
            stats.upper++;
          }
          if (info.hint) addHints(stats.hints, info.hint);
        } else if (info.cls === CharClass.Digit) b.digits++;
        else b.symbols++;
        break;
      default: {
        flush(b, tokens, stats, quoted, sentence, clause);
        const c = info.fold;
        if (SENTENCE_END.has(c)) sentence++;
        if (SENTENCE_END.has(c) || CLAUSE_END.has(c)) clause++;
        if (c === '!' || c === '！') stats.exclamations++;
        else if (c === '?' || c === '？') stats.questions++;
        else if (OPEN_QUOTES.has(c) || CLOSE_QUOTES.has(c)) {
          // A straight quote toggles; typographic ones open or close (German „…“ closes with “).
          if (c === '"' || c === '‘' || c === '’') quoted = !quoted;
          else if (quoted && (CLOSE_QUOTES.has(c) || c === '“')) quoted = false;
          else if (OPEN_QUOTES.has(c)) quoted = true;
        }
        break;
      }
    }
    i += width;
  }
  flush(b, tokens, stats, quoted, sentence, clause);
  return { tokens: joinGlued(joinSpelledOut(tokens, text), text), stats };
}

function addHints(hints: number[], mask: number): void {
  for (let bit = 0; bit < 10; bit++) if (mask & (1 << bit)) hints[bit]!++;
}

/** Joins runs of 3+ single letters separated by short gaps: "f u c k", "f.u.c.k", "с-у-к-а" (2 when glued by dots: "s.b."). */
function joinSpelledOut(tokens: Token[], text: string): Token[] {
  return joinRuns(tokens, text, spelledOutEnd);
}

function spelledOutEnd(tokens: Token[], text: string, i: number): number {
  if (!isSingle(tokens[i]!)) return i + 1;
  let j = i + 1;
  while (j < tokens.length && isSingle(tokens[j]!) && JOIN_GAP.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) j++;
  const dotted = j - i === 2 && /^[.*]$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start));
  return j - i >= 3 || dotted ? j : i + 1;
}

/**
 * Joins pieces of at most three letters glued by a single dot, star or underscore ("ch.uj",
 * "sz.mat.a", "p*z.da"): an obfuscated word, not a sentence break (those come with a space).
 */
function joinGlued(tokens: Token[], text: string): Token[] {
  return joinRuns(tokens, text, gluedEnd);
}

function gluedEnd(tokens: Token[], text: string, i: number): number {
  let j = i + 1;
  while (
    j < tokens.length &&
    isPiece(tokens[j - 1]!) &&
    isPiece(tokens[j]!) &&
    tokens[j]!.start - tokens[j - 1]!.end === 1 &&
    GLUE.has(text[tokens[j - 1]!.end]!)
  )
    j++;
  return j;
}

/**
 * Replaces each run [i, runEnd(i)) of two or more tokens by one token spanning them all. The run
 * ends are module functions, not closures: this runs twice per message.
 */
function joinRuns(tokens: Token[], text: string, runEnd: (tokens: Token[], text: string, i: number) => number): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const j = runEnd(tokens, text, i);
    if (j - i < 2) {
      out?.push(tokens[i]!);
      continue;
    }
    out ??= tokens.slice(0, i);
    const run = tokens.slice(i, j);
    const first = run[0]!;
    const sum = (key: 'latin' | 'cyrillic' | 'letters' | 'digits' | 'symbols' | 'upper'): number => run.reduce((n, r) => n + r[key], 0);
    const joined = newToken(
      run.map((r) => r.text).join(''),
      first.start,
      run[run.length - 1]!.end,
      first.script,
      sum('latin'),
      sum('cyrillic'),
      sum('letters'),
      sum('digits'),
      sum('symbols'),
      sum('upper'),
      first.quoted,
      first.sentence,
      first.clause,
    );
    out.push(joined);
    i = j - 1;
  }
  return out ?? tokens;
}

function isPiece(t: Token): boolean {
  return t.script !== Script.Cjk && t.letters > 0 && t.text.length <= 3;
}

function isSingle(t: Token): boolean {
  return t.script !== Script.Cjk && t.text.length === 1 && (t.letters === 1 || t.text === '*' || t.text === '@' || t.text === '$');
}

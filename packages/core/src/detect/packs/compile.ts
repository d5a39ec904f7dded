/**
 * @module detect/packs/compile
 * Turns a language pack's text files into entries the matcher can use. Validation happens here,
 * once, when packs are built or loaded, never per message: a bad line throws a PackSyntaxError
 * naming the file, line and column.
 */
import { LANGUAGES, type Language } from '../types.js';
import { charInfo, CharClass, Script } from '../normalise/01-fold/index.js';
import { squeeze } from '../normalise/03-deobfuscate/index.js';
import { parseTags, Tag } from './tags.js';

/** How one pattern item compares with one token. */
export const enum ItemKind {
  Exact = 0,
  /** `stem*` */
  Prefix = 1,
  /** `*tail` */
  Suffix = 2,
  /** `*part*` (and every Chinese pattern) */
  Infix = 3,
  /** `~`: 0–3 arbitrary tokens */
  Gap = 4,
}

export interface Item {
  kind: ItemKind;
  text: string;
}

/** One compiled lexicon line. */
export interface Entry {
  id: number;
  lang: Language;
  /** Bit of `lang` in an active-language set (see langBit). */
  bit: number;
  tags: number;
  severity: number;
  items: Item[];
  /** The pattern as written, for evidence and error messages. */
  pattern: string;
  /** Applies whatever language the message is in. */
  global: boolean;
  /** A Chinese pattern: matched inside runs of CJK characters. */
  cjk: boolean;
}

/** The raw files of one language pack. */
export interface PackSource {
  lang: Language;
  lexicon: string;
  stopwords: string;
  prefixes: string;
}

/** A compiled language pack. */
export interface Pack {
  lang: Language;
  entries: Entry[];
  stopwords: string[];
  prefixes: string[];
}

/** A lexicon line that cannot be compiled. */
export class PackSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'PackSyntaxError';
  }
}

/**
 * The part of a lexicon.tsv the runtime needs: pattern, tags and severity per line; comments,
 * blank lines and the notes column dropped (line numbers kept, so errors still point at the file).
 * @example lexiconBody('# c\nidiot*\tinsult\t2\tgloss') // '\nidiot*\tinsult\t2'
 */
export function lexiconBody(tsv: string): string {
  return tsvBody(tsv, 3);
}

/**
 * The first `keepColumns` columns of a data .tsv: comments and blank lines emptied (line numbers
 * kept, so errors still point at the file). Shared by the lexicons and the conversation packs.
 * @example tsvBody('# c\ndismissive\tcalm down\tnote', 2) // '\ndismissive\tcalm down'
 */
export function tsvBody(tsv: string, keepColumns: number): string {
  return tsv
    .split('\n')
    .map((l) => (l.startsWith('#') || l.trim() === '' ? '' : l.replace(/\r$/, '').split('\t').slice(0, keepColumns).join('\t')))
    .join('\n');
}

/**
 * Folds a pattern word the way messages are folded (01-fold + squeeze), without leetspeak, so
 * digits in patterns (Arabizi "7mar") stay digits. Splits at separators ("c'est" → c, est).
 * @example foldWord("Scheiße") // ['scheise']
 */
export function foldWord(word: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of word) {
    const info = charInfo(ch.codePointAt(0)!);
    if (info.cls === CharClass.Separator) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += info.fold;
  }
  if (cur) parts.push(cur);
  return parts.map(squeeze);
}

function isCjkText(text: string): boolean {
  const cp = text.codePointAt(0);
  return cp !== undefined && charInfo(cp).script === Script.Cjk;
}

/**
 * Parses one pattern ("kill* your*", "*idiot", "i ~ kill you", "傻逼") into items.
 * @example parsePattern('kill* your*').map(i => i.kind) // [ItemKind.Prefix, ItemKind.Prefix]
 */
export function parsePattern(pattern: string): Item[] | string {
  const items: Item[] = [];
  const push = (kind: ItemKind, text: string) => items.push(sharedItem(kind, text));
  for (const word of pattern.trim().split(/\s+/)) {
    if (word === '~') {
      if (items.length === 0) return 'a pattern cannot start with ~';
      push(ItemKind.Gap, '');
      continue;
    }
    const lead = word.startsWith('*');
    const trail = word.endsWith('*') && word.length > 1;
    const inner = word.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if (inner.includes('*')) return `"*" may only stand at the start or end of a word: ${word}`;
    const parts = foldWord(inner);
    if (parts.length === 0) return `empty word in pattern: ${word}`;
    parts.forEach((text, i) => {
      const first = i === 0 && lead;
      const last = i === parts.length - 1 && trail;
      const kind = isCjkText(text) || (first && last) ? ItemKind.Infix : first ? ItemKind.Suffix : last ? ItemKind.Prefix : ItemKind.Exact;
      push(kind, text);
    });
  }
  if (items[items.length - 1]?.kind === ItemKind.Gap) return 'a pattern cannot end with ~';
  // A copy of exactly its length: an array grown by push keeps room for 16 more, and the coach's
  // lists hold about 90,000 patterns.
  return items.slice();
}

/**
 * Items are never changed after parsing, so one object serves every pattern with the same word:
 * the coach's phrase lists repeat a few thousand words across tens of thousands of patterns, and
 * sharing them (with exact-length arrays) saved about 20 MB once every language is compiled.
 */
const SHARED_ITEMS = new Map<string, Item>();

function sharedItem(kind: ItemKind, text: string): Item {
  const key = kind + text;
  let item = SHARED_ITEMS.get(key);
  if (item === undefined) SHARED_ITEMS.set(key, (item = { kind, text }));
  return item;
}

/**
 * Compiles one pack; throws PackSyntaxError on the first bad line.
 * @example compilePack({ lang: 'en', lexicon: 'idiot*\tinsult\t2\t', stopwords: 'the', prefixes: '' }, 0)
 */
export function compilePack(src: PackSource, firstId: number): Pack {
  const file = `data/lexicons/${src.lang}/lexicon.tsv`;
  const entries: Entry[] = [];
  const seen = new Map<string, { line: number; entry: Entry }>();
  src.lexicon.split('\n').forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    if (fields.length < 3)
      throw new PackSyntaxError(file, lineNo, 1, `expected pattern<TAB>tags<TAB>severity<TAB>note, found ${fields.length} field(s)`);
    const [pattern, tagList, sev] = fields as [string, string, string];
    const items = parsePattern(pattern);
    if (typeof items === 'string') throw new PackSyntaxError(file, lineNo, 1, items);
    const tags = parseTags(tagList);
    if ('unknown' in tags) throw new PackSyntaxError(file, lineNo, pattern.length + 2, `unknown tag "${tags.unknown}"`);
    const severity = Number(sev);
    if (!Number.isInteger(severity) || severity < 0 || severity > 3)
      throw new PackSyntaxError(file, lineNo, pattern.length + tagList.length + 3, `severity must be 0–3, found "${sev}"`);
    const key = items.map((i) => `${i.kind}:${i.text}`).join(' ');
    const before = seen.get(key);
    if (before !== undefined) {
      // Two spellings that fold to one key (ة/ه, with/without accents) are one entry: merge them.
      // The same text written twice is a mistake in the list.
      if (before.entry.pattern.trim().toLowerCase() === pattern.trim().toLowerCase())
        throw new PackSyntaxError(file, lineNo, 1, `duplicate pattern "${pattern}" (first on line ${before.line})`);
      before.entry.tags |= tags.bits & ~Tag.global;
      before.entry.global ||= (tags.bits & Tag.global) !== 0;
      before.entry.severity = Math.max(before.entry.severity, severity);
      return;
    }
    const first = items[0]!;
    const cjk = isCjkText(first.text);
    const entry: Entry = {
      id: firstId + entries.length,
      lang: src.lang,
      bit: 1 << LANGUAGES.indexOf(src.lang),
      tags: tags.bits & ~Tag.global,
      severity,
      items,
      pattern,
      global: (tags.bits & Tag.global) !== 0,
      cjk,
    };
    seen.set(key, { line: lineNo, entry });
    entries.push(entry);
  });
  const words = (text: string): string[] =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .flatMap((l) => foldWord(l));
  return { lang: src.lang, entries, stopwords: words(src.stopwords), prefixes: words(src.prefixes) };
}

/**
 * A pack already compiled by scripts/pack-lexicons.ts: what the runtime loads, so start-up does
 * not parse and fold 18,000 patterns. Each entry is `[pattern, tags, severity, global, kinds,
 * texts]` (kinds and texts of its items, in order).
 */
export interface CompiledPack {
  lang: Language;
  entries: [string, number, number, 0 | 1, number[], string[]][];
  stopwords: string[];
  prefixes: string[];
}

/**
 * @example toCompiled(compilePack(source, 0)).entries[0] // ['idiot*', 2, 2, 0, [1], ['idiot']]
 */
export function toCompiled(pack: Pack): CompiledPack {
  return {
    lang: pack.lang,
    entries: pack.entries.map((e) => [
      e.pattern,
      e.tags,
      e.severity,
      e.global ? 1 : 0,
      e.items.map((i) => i.kind),
      e.items.map((i) => i.text),
    ]),
    stopwords: pack.stopwords,
    prefixes: pack.prefixes,
  };
}

/**
 * Rebuilds a pack from its compiled form (ids from `firstId`).
 * @example fromCompiled(COMPILED_PACKS[0], 0).entries.length
 */
export function fromCompiled(c: CompiledPack, firstId: number): Pack {
  const bit = 1 << LANGUAGES.indexOf(c.lang);
  const entries = c.entries.map(([pattern, tags, severity, global, kinds, texts], n): Entry => {
    const items = kinds.map((kind, i) => ({ kind, text: texts[i]! }));
    return { id: firstId + n, lang: c.lang, bit, tags, severity, items, pattern, global: global === 1, cjk: isCjkText(items[0]!.text) };
  });
  return { lang: c.lang, entries, stopwords: c.stopwords, prefixes: c.prefixes };
}

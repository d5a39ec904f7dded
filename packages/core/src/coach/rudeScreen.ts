/**
 * @module coach/rudeScreen
 * The words that could make the detector find swearing or an insult in an agent's draft. The coach
 * runs the detector's lexicon pass only for that evidence, and most drafts have none of those
 * words, so a draft the screen lets through skips the pass. The screen errs towards "maybe": it
 * asks only that every word of a lexicon entry be somewhere in the draft, and ignores everything
 * that narrows a match further (word order, language restrictions, shields), so a draft it lets
 * through has no such evidence to find.
 */
import { ItemKind, type CompiledPack, type Item } from '../detect/packs/compile.js';
import { Tag } from '../detect/packs/tags.js';
import { TrieLinks } from '../detect/match/TrieLinks.js';
import { itemMatches } from '../detect/match/TrieMatcher.js';
import { charInfo, Script } from '../detect/normalise/01-fold/index.js';
import type { Language } from '../detect/types.js';

/** Tags behind every profanity and abuse hit of the structure rules (detect/rules/structure.ts). */
const RUDE_TAGS = Tag.prof | Tag.insult | Tag.insult_adj | Tag.slur | Tag.dehuman | Tag.directed | Tag.harass | Tag.intimidate;

/** A rude lexicon entry reached through one of its words: the other words it needs (matched as the detector's tokenMatches does). */
export type RudeEntry = readonly Item[];

export class RudeScreen {
  /** Entries by their key word (the rarest of their words), as exact words, stems, endings and inner parts. */
  private readonly exact = new Map<string, RudeEntry[]>();
  private readonly stems = new CharTrie();
  private readonly endings = new CharTrie();
  private readonly inner = new CharTrie();
  /** Chinese patterns, found inside runs of CJK characters. */
  private readonly chinese = new CharTrie();
  /** Clitic prefixes of every language (he, ar), longest first: the detector strips them whatever the draft's language. */
  private readonly clitics: string[];
  private readonly cliticStarts: Set<number>;

  /**
   * @param entries the compiled lexicon entries that apply to the language (its own and the global ones)
   * @param clitics the clitic prefixes of all packs
   * @param stopwords the packs' stopwords (the commonest words: never a key when another will do)
   */
  constructor(entries: readonly CompiledPack['entries'][number][], clitics: readonly string[], stopwords: ReadonlySet<string>) {
    this.clitics = [...new Set(clitics)].sort((a, b) => b.length - a.length);
    this.cliticStarts = new Set(this.clitics.map((p) => p.charCodeAt(0)));
    // An entry is looked up by its rarest word, so common words ("you", "a") seldom bring entries
    // in: stopwords are the commonest; among the others, the word the fewest entries use.
    const uses = new Map<string, number>();
    for (const [, , , , , texts] of entries) for (const t of texts) uses.set(t, (uses.get(t) ?? 0) + (stopwords.has(t) ? 1_000_000 : 1));
    for (const [, tags, , , kinds, texts] of entries) {
      if ((tags & RUDE_TAGS) === 0) continue;
      let key = 0;
      for (let i = 1; i < kinds.length; i++) {
        if (kinds[i] === ItemKind.Gap) continue;
        const n = uses.get(texts[i]!)!;
        const best = uses.get(texts[key]!)!;
        if (n < best || (n === best && texts[i]!.length > texts[key]!.length)) key = i;
      }
      const text = texts[key]!;
      const rest: Item[] = [];
      for (let i = 0; i < kinds.length; i++) if (i !== key && kinds[i] !== ItemKind.Gap) rest.push({ kind: kinds[i]!, text: texts[i]! });
      if (isChinese(text)) this.chinese.add(text, []);
      else if (kinds[key] === ItemKind.Exact) {
        const list = this.exact.get(text);
        if (list) list.push(rest);
        else this.exact.set(text, [rest]);
      } else if (kinds[key] === ItemKind.Prefix) this.stems.add(text, rest);
      else if (kinds[key] === ItemKind.Suffix) this.endings.add(text, rest);
      else this.inner.add(text, rest);
    }
  }

  /**
   * The entries one spelling of a token is the key word of (null for none). Spellings containing
   * `*` (masked letters) may stand for anything and are the caller's to treat as "maybe".
   * @example screens('en').word('idiots')?.length // 1 or more
   */
  word(text: string): RudeEntry[] | null {
    const out: RudeEntry[] = [];
    this.head(text, out);
    if (this.cliticStarts.has(text.charCodeAt(0)))
      for (const p of this.clitics) if (text.length > p.length + 1 && text.startsWith(p)) this.head(text.slice(p.length), out);
    this.endings.collect(text, true, true, out);
    this.inner.collect(text, true, false, out);
    return out.length > 0 ? out : null;
  }

  /**
   * Whether some entry reached through its key word has all its other words among the text's
   * spellings (in any order, anywhere).
   * @param reached the entries of the text's spellings (word)
   * @param spellings every spelling of the text
   * @param has whether a word is among `spellings` (a lookup the caller may have, faster than a scan)
   */
  complete(reached: readonly (readonly RudeEntry[])[], spellings: readonly string[], has?: (text: string) => boolean): boolean {
    // The spellings and each without a clitic prefix it starts with (few words start with one).
    let stripped: string[] | null = null;
    for (const s of spellings)
      if (this.cliticStarts.has(s.charCodeAt(0)))
        for (const p of this.clitics) if (s.length > p.length + 1 && s.startsWith(p)) (stripped ??= []).push(s.slice(p.length));
    const forms = stripped === null ? spellings : [...spellings, ...stripped];
    const found = (item: Item): boolean =>
      item.kind === ItemKind.Exact && has !== undefined
        ? has(item.text) || (stripped !== null && stripped.includes(item.text))
        : forms.some((s) => itemMatches(item, s));
    for (const list of reached) for (const rest of list) if (rest.every(found)) return true;
    return false;
  }

  /**
   * Whether Chinese text (CJK tokens joined) could hold a rude pattern.
   * @example screens('zh').chineseText('你这个傻逼') // true
   */
  chineseText(text: string): boolean {
    return this.chinese.size > 0 && this.chinese.collect(text, true, false, null);
  }

  /** Whether there are Chinese patterns at all (else no text need be gathered for chineseText). */
  get hasChinese(): boolean {
    return this.chinese.size > 0;
  }

  private head(text: string, out: RudeEntry[]): void {
    const list = this.exact.get(text);
    if (list) out.push(...list);
    this.stems.collect(text, false, false, out);
  }
}

/**
 * A screen per language from the compiled packs (built on first use).
 * @example rudeScreens(COMPILED_PACKS)('de').word('arschloch') !== null // true
 */
export function rudeScreens(packs: readonly CompiledPack[]): (lang: Language) => RudeScreen {
  const screens = new Map<Language, RudeScreen>();
  const clitics = packs.flatMap((p) => p.prefixes);
  return (lang) => {
    let screen = screens.get(lang);
    if (!screen) {
      const entries = packs.flatMap((p) => (p.lang === lang ? p.entries : p.entries.filter((e) => e[3] === 1)));
      const stopwords = new Set(packs.flatMap((p) => p.stopwords));
      screens.set(lang, (screen = new RudeScreen(entries, clitics, stopwords)));
    }
    return screen;
  };
}

/** As the lexicon compiler decides it (detect/packs/compile.ts): by the script of the first character. */
function isChinese(text: string): boolean {
  const cp = text.codePointAt(0);
  return cp !== undefined && charInfo(cp).script === Script.Cjk;
}

class CharTrie {
  private readonly next = new TrieLinks<CharTrie>();
  private entries: RudeEntry[] | null = null;

  get size(): number {
    return this.next.size;
  }

  add(text: string, rest: RudeEntry, i = 0): void {
    if (i === text.length) {
      (this.entries ??= []).push(rest);
      return;
    }
    const c = text.charCodeAt(i);
    let child = this.next.get(c);
    if (!child) this.next.set(c, (child = new CharTrie()));
    child.add(text, rest, i + 1);
  }

  /**
   * The entries of keys found in `text`: keys it starts with, or (with `anywhere`) keys starting at
   * any offset; with `whole`, only keys reaching its end. Without `out`, answers whether there is one.
   */
  collect(text: string, anywhere: boolean, whole: boolean, out: RudeEntry[] | null): boolean {
    if (this.next.size === 0) return false;
    let found = false;
    for (let s = 0; s < (anywhere ? text.length : 1); s++) {
      let node = this.next.get(text.charCodeAt(s));
      for (let i = s; node; node = node.next.get(text.charCodeAt(++i))) {
        if (node.entries && (!whole || i === text.length - 1)) {
          if (!out) return true;
          out.push(...node.entries);
          found = true;
        }
      }
    }
    return found;
  }
}

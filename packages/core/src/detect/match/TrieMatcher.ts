/**
 * @module detect/match/TrieMatcher
 * A Matcher built on two character tries over the first word of every pattern: one walked from
 * the start of each token (whole words and stems, and Hebrew/Arabic words after clitic prefixes),
 * one walked from every offset (word endings, infixes, and Chinese, which has no word boundaries).
 * Later words of phrase patterns are checked against the following tokens.
 */
import { Script, type Token } from '../normalise/index.js';
import { ItemKind, type Entry, type Item, type Pack } from '../packs/compile.js';
import { CONTENT_TAGS, Tag } from '../packs/tags.js';
import { LANGUAGES, type Language } from '../types.js';
import type { Match, Matcher } from './Matcher.js';

class Node {
  next = new Map<number, Node>();
  ends: Entry[] | null = null;
}

const STAR = 42; // '*', a masked letter in a message
/** Upper bound on trie nodes visited for one masked token, so "*****…" cannot blow up. */
const WILDCARD_BUDGET = 4000;

/**
 * Bit of a language in an `active` set.
 * @example langBit('pl') // 4
 */
export function langBit(lang: Language): number {
  return 1 << LANGUAGES.indexOf(lang);
}

export class TrieMatcher implements Matcher {
  private readonly head = new Node();
  private readonly any = new Node();
  private readonly prefixes: { script: Script; lang: Language; list: string[] }[] = [];

  constructor(packs: Pack[]) {
    for (const pack of packs) {
      for (const e of pack.entries) {
        const first = e.items[0]!;
        const root = first.kind === ItemKind.Suffix || first.kind === ItemKind.Infix ? this.any : this.head;
        insert(root, first.text, e);
      }
      if (pack.prefixes.length > 0) {
        const script = pack.lang === 'he' ? Script.Hebrew : Script.Arabic;
        this.prefixes.push({ script, lang: pack.lang, list: [...pack.prefixes].sort((a, b) => b.length - a.length) });
      }
    }
  }

  /**
   * @example new TrieMatcher(packs).match(normalise('you idiot').tokens, langBit('en'))
   */
  match(tokens: Token[], active: number): Match[] {
    const out: Match[] = [];
    const ok = (e: Entry): boolean => e.global || (langBit(e.lang) & active) !== 0;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (tok.script === Script.Cjk) {
        if (!tok.joinPrev || t === 0 || tokens[t - 1]!.script !== Script.Cjk) this.matchCjkRun(tokens, t, ok, out);
        continue;
      }
      if (tok.letters === 0) continue;
      this.matchWord(tokens, t, tok.text, false, ok, out);
      if (tok.alts) for (const alt of tok.alts) if (alt !== tok.text) this.matchWord(tokens, t, alt, true, ok, out);
    }
    return suppress(out);
  }

  private matchWord(tokens: Token[], t: number, text: string, viaAlt: boolean, ok: (e: Entry) => boolean, out: Match[]): void {
    const len = text.length;
    const found = (e: Entry, from: number, to: number, lang?: Language): void => {
      const first = e.items[0]!;
      if (lang !== undefined && e.lang !== lang) return;
      if ((first.kind === ItemKind.Exact || first.kind === ItemKind.Suffix) && to !== len) return;
      if (!ok(e)) return;
      const last = e.items.length === 1 ? t : matchRest(e.items, 1, t + 1, tokens, this.prefixes);
      if (last < 0) return;
      out.push({ entry: e, first: t, last, start: tokens[t]!.start, end: tokens[last]!.end, viaAlt });
      void from;
    };
    walk(this.head, text, 0, found);
    const tok = tokens[t]!;
    if (tok.script === Script.Hebrew || tok.script === Script.Arabic) {
      for (const p of this.prefixes) {
        if (p.script !== tok.script) continue;
        for (const pre of p.list) if (len > pre.length + 1 && text.startsWith(pre)) walk(this.head, text, pre.length, found, p.lang);
      }
    }
    for (let s = 0; s < len; s++) walk(this.any, text, s, found);
  }

  private matchCjkRun(tokens: Token[], t: number, ok: (e: Entry) => boolean, out: Match[]): void {
    let text = '';
    const owner: number[] = [];
    for (let u = t; u < tokens.length && tokens[u]!.script === Script.Cjk && (u === t || tokens[u]!.joinPrev); u++) {
      const s = tokens[u]!.text;
      text += s;
      for (let k = 0; k < s.length; k++) owner.push(u);
    }
    for (let s = 0; s < text.length; s++) {
      walk(this.any, text, s, (e, from, to) => {
        if (!e.cjk || !ok(e)) return;
        const first = owner[from]!;
        const last = owner[to - 1]!;
        out.push({ entry: e, first, last, start: tokens[first]!.start, end: tokens[last]!.end, viaAlt: false });
      });
    }
  }
}

function insert(root: Node, text: string, e: Entry): void {
  let node = root;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let next = node.next.get(c);
    if (!next) node.next.set(c, (next = new Node()));
    node = next;
  }
  (node.ends ??= []).push(e);
}

type Found = (e: Entry, from: number, to: number, lang?: Language) => void;

/** Walks `root` along `text` from `from`, reporting every entry that ends on the way. */
function walk(root: Node, text: string, from: number, found: Found, lang?: Language): void {
  let node: Node | undefined = root;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === STAR) {
      walkWild(node, text, i, from, found, lang, { left: WILDCARD_BUDGET });
      return;
    }
    node = node.next.get(c);
    if (!node) return;
    if (node.ends) for (const e of node.ends) found(e, from, i + 1, lang);
  }
}

/** Continues a walk through masked letters: each `*` is one letter, a `*` after another may be none. */
function walkWild(node: Node, text: string, i: number, from: number, found: Found, lang: Language | undefined, budget: { left: number }): void {
  if (--budget.left < 0) return;
  if (i === text.length) return;
  const c = text.charCodeAt(i);
  const report = (n: Node, end: number): void => {
    if (n.ends && end === text.length) for (const e of n.ends) found(e, from, end, lang);
  };
  if (c === STAR) {
    for (const child of node.next.values()) {
      report(child, i + 1);
      walkWild(child, text, i + 1, from, found, lang, budget);
    }
    // A run of stars may hide fewer letters than it has stars ("a**hole" for the squeezed "ahole").
    if (i > from && text.charCodeAt(i - 1) === STAR) {
      report(node, i + 1);
      walkWild(node, text, i + 1, from, found, lang, budget);
    }
    return;
  }
  const next = node.next.get(c);
  if (!next) return;
  report(next, i + 1);
  walkWild(next, text, i + 1, from, found, lang, budget);
}

/** Matches the remaining words of a phrase from token `t`; returns the last token index or -1. */
function matchRest(items: Item[], k: number, t: number, tokens: Token[], prefixes: { script: Script; list: string[] }[]): number {
  if (k === items.length) return t - 1;
  const item = items[k]!;
  if (item.kind === ItemKind.Gap) {
    for (let skip = 0; skip <= 3 && t + skip <= tokens.length; skip++) {
      const r = matchRest(items, k + 1, t + skip, tokens, prefixes);
      if (r >= 0) return r;
    }
    return -1;
  }
  const tok = tokens[t];
  if (!tok || tok.script === Script.Cjk) return -1;
  if (!tokenMatches(item, tok, prefixes)) return -1;
  return matchRest(items, k + 1, t + 1, tokens, prefixes);
}

function tokenMatches(item: Item, tok: Token, prefixes: { script: Script; list: string[] }[]): boolean {
  if (itemMatches(item, tok.text)) return true;
  if (tok.alts) for (const a of tok.alts) if (itemMatches(item, a)) return true;
  if (tok.script === Script.Hebrew || tok.script === Script.Arabic) {
    for (const p of prefixes) {
      if (p.script !== tok.script) continue;
      for (const pre of p.list) if (tok.text.length > pre.length + 1 && tok.text.startsWith(pre) && itemMatches(item, tok.text.slice(pre.length))) return true;
    }
  }
  return false;
}

function itemMatches(item: Item, text: string): boolean {
  switch (item.kind) {
    case ItemKind.Exact:
      return text === item.text || (text.includes('*') && wildEquals(text, item.text));
    case ItemKind.Prefix:
      return text.startsWith(item.text);
    case ItemKind.Suffix:
      return text.endsWith(item.text);
    default:
      return text.includes(item.text);
  }
}

function wildEquals(masked: string, word: string): boolean {
  if (masked.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (masked[i] !== '*' && masked[i] !== word[i]) return false;
  return true;
}

/**
 * Drops content matches that lie inside an allow-word or an idiom ("Scunthorpe", "this bill is
 * killing me"), and duplicates of the same entry on the same tokens.
 */
function suppress(matches: Match[]): Match[] {
  const shields = matches.filter((m) => (m.entry.tags & (Tag.allow | Tag.idiom)) !== 0);
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.entry.id}:${m.first}:${m.last}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (shields.length === 0 || (m.entry.tags & CONTENT_TAGS) === 0) return true;
    return !shields.some((s) => s !== m && s.first <= m.first && s.last >= m.last && (s.entry.tags & CONTENT_TAGS) === 0);
  });
}

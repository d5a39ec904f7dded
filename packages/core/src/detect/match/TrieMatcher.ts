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
import { wordInfo } from '../words.js';
import { TrieLinks } from './TrieLinks.js';

class Node {
  next = new TrieLinks<Node>();
  /** Single-word entries ending here. */
  ends: Entry[] | null = null;
  /** Phrases whose first word ends here, by their second word when it is an exact word. */
  byNext: Map<number, Entry[]> | null = null;
  /** Phrases whose second word is a stem, an ending or a gap: checked one by one. */
  phrases: Entry[] | null = null;
}

/** A node's `phrases`, and its byNext as parallel arrays in the map's order. */
interface NodeLists {
  phraseList: PhraseList | null;
  nextIds: Int32Array | null;
  nextLists: PhraseList[];
}

/**
 * Phrases with what emit checks before reading them: per entry four numbers in `data`, its
 * language bit (ANY_LANGUAGE for a global one), its bit again if it is `own` (else 0), its anchor
 * word id (-1 for none) and the anchor's span. Most phrases tried are of packs the message is not
 * in, or lack their anchor: these are passed over without touching the entries.
 */
interface PhraseList {
  entries: Entry[];
  data: Int32Array;
}

const STAR = 42; // '*', a masked letter in a message

/**
 * What one token's own text matches: single-word entries, and trie nodes where phrases start. Kept
 * per spelling and read for every token, so it is compact: a few objects, shared when empty.
 */
interface TokenHits {
  /**
   * Per single-word entry three numbers: its language bit (ANY_LANGUAGE for a global one), its bit
   * again if it is `own` (else 0), and 1 if it was found through another spelling (transliteration,
   * raw digits). Most entries found are of packs the message is not in: these numbers let the
   * matcher pass them over without reading the entries themselves.
   */
  data: Int32Array;
  entries: Entry[];
  /** Where phrase first words ended: the rest of each phrase depends on the next tokens. */
  phraseStarts: PhraseStart[];
  /** Interned ids of this word's spellings that some phrase continues with (see TrieMatcher.wordIds). */
  ids: Int32Array;
}

/** A token's hits while its spellings are walked (hitsOf), before they are made compact. */
interface Collected {
  entries: Entry[];
  viaAlt: boolean[];
  phraseStarts: PhraseStart[];
}

interface PhraseStart {
  node: Node;
  to: number;
  len: number;
  only: Language | undefined;
  viaAlt: boolean;
  /**
   * The node's phrases that can start here at all (what `found` checks of the first word alone:
   * language, whole word, spelling), in the node's order: null for none. The node's own lists when
   * none is left out.
   */
  phrases: PhraseList | null;
  /** The same for the phrases by their second word: its word ids and, parallel, the phrases. */
  nextIds: Int32Array | null;
  nextLists: PhraseList[];
}
const NO_STARTS: PhraseStart[] = [];
/** In TokenHits.data and PhraseList.data: an entry that applies whatever the message's languages. */
const ANY_LANGUAGE = -1;
/** Upper bound on trie nodes visited for one masked token, so "*****…" cannot blow up. */
const WILDCARD_BUDGET = 2000;
/** Masked words longer than this are not words; stops deep recursion on "*****…". */
const MAX_WILD_LENGTH = 40;

/** Arabic prefixes made of the conjunctions و and ف only. */
const ARABIC_CONJUNCTIONS = /^[وف]+$/;

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
  /** Chinese entries: walked inside runs of CJK characters only. */
  private readonly cjk = new Node();
  /** `helperOk[i]`: whether `list[i]` may precede a helper word (see found). */
  private readonly prefixes: { script: Script; lang: Language; list: string[]; helperOk: boolean[] }[] = [];
  /** Whether the clitic prefix being tried may precede helper words (see found). */
  private helperPrefix = true;
  // The token being matched. Kept in fields rather than closures: matching runs for every token
  // of every message, and a closure per token was a measurable share of the time.
  private tokens: Token[] = [];
  private t = 0;
  private len = 0;
  private viaAlt = false;
  private active = 0;
  /** The message's own language: a masked word is only read as a word of this or a global entry. */
  private primary = 0;
  private wild = false;
  private wildHits: { node: Node; to: number; cost: number }[] | null = null;
  private only: Language | undefined;
  private out: Match[] = [];
  /** The message has masked words, which may stand for an anchor: no anchor filtering then. */
  private anyMasked = false;
  /** While filling the cache: collect instead of emitting matches. */
  private collect: Collected | null = null;
  /** Interned ids for every word a phrase continues with: phrase lookups compare numbers, not strings. */
  private readonly wordIds = new Map<string, number>();
  /** Per token of the current message, its hits (undefined for Chinese characters and numbers). */
  private hitsOfTokens: (TokenHits | undefined)[] = [];
  /** Negation words: a phrase gap (~) never skips one ("weiß nicht, wo du wohnst" is no threat). */
  private readonly negations = new Set<string>();
  /**
   * For each phrase, its longest exact later word and how many tokens ahead it can stand: a phrase
   * whose anchor is not among those tokens cannot match, which is cheap to see.
   */
  private readonly anchors = new Map<Entry, { id: number; span: number }>();
  /** Phrase lists of the nodes where words have ended so far (see listsOf). */
  private readonly nodeLists = new Map<Node, NodeLists>();

  constructor(packs: Pack[]) {
    for (const pack of packs) {
      for (const e of pack.entries) {
        const first = e.items[0]!;
        const root = e.cjk ? this.cjk : first.kind === ItemKind.Suffix || first.kind === ItemKind.Infix ? this.any : this.head;
        insert(root, first.text, e, this.wordIds);
        if (e.tags & Tag.neg && e.items.length === 1 && first.kind === ItemKind.Exact) this.negations.add(first.text);
        let anchor: string | null = null;
        let span = 0;
        for (const item of e.items.slice(1)) {
          span += item.kind === ItemKind.Gap ? 3 : 1;
          if (item.kind === ItemKind.Exact && item.text.length > (anchor?.length ?? 0)) anchor = item.text;
        }
        if (anchor !== null) this.anchors.set(e, { id: intern(this.wordIds, anchor), span });
      }
      if (pack.prefixes.length > 0) {
        const script = pack.lang === 'he' ? Script.Hebrew : Script.Arabic;
        const list = [...pack.prefixes].sort((a, b) => b.length - a.length);
        const helperOk = list.map((pre) => script !== Script.Arabic || ARABIC_CONJUNCTIONS.test(pre));
        this.prefixes.push({ script, lang: pack.lang, list, helperOk });
      }
    }
  }

  /**
   * @example new TrieMatcher(packs).match(normalise('you idiot').tokens, langBit('en'))
   */
  match(tokens: Token[], active: number, primary = active): Match[] {
    const out: Match[] = [];
    this.tokens = tokens;
    this.active = active;
    this.primary = primary;
    this.anyMasked = false;
    for (const tok of tokens) if (tok.masked) this.anyMasked = true;
    this.out = out;
    // First pass: each token's own hits (cached per spelling). Done before any phrase work, because
    // computing them walks the tries and reuses this matcher's per-token state.
    const all = this.hitsOfTokens;
    all.length = tokens.length;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      all[t] = tok.script === Script.Cjk || (tok.letters === 0 && tok.script !== Script.Emoji) ? undefined : this.hitsOf(tok);
    }
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (tok.script === Script.Cjk) {
        if (!tok.joinPrev || t === 0 || tokens[t - 1]!.script !== Script.Cjk) this.matchCjkRun(t);
        continue;
      }
      const hits = all[t];
      if (!hits) continue; // a number or punctuation-only token: nothing to match
      this.t = t;
      const d = hits.data;
      for (let i = 0, j = 0; j < d.length; i++, j += 3) {
        // What emit checks first, without reading the entry (most are of other packs).
        const lang = d[j]!;
        if (lang !== ANY_LANGUAGE && (lang & active) === 0) continue;
        const own = d[j + 1]!;
        if (own !== 0 && (own & primary) === 0) continue;
        this.viaAlt = d[j + 2] === 1;
        this.emit(hits.entries[i]!);
      }
      for (const p of hits.phraseStarts) {
        this.viaAlt = p.viaAlt;
        this.phrasesAt(p);
      }
    }
    this.tokens = [];
    this.out = [];
    return suppress(out);
  }

  /**
   * The single-word entries a token matches, and where phrases may start, computed once per
   * distinct spelling: in chat traffic the same few thousand words come back in every message.
   */
  private hitsOf(tok: Token): TokenHits {
    // The token text decides everything matched here (its transliterations derive from it);
    // tokens with digits also carry their raw spelling, so they are not cached.
    // Masked words (f*ck) are read in the message's own language, so their hits are valid for it only.
    const cacheable = tok.digits === 0;
    const info = cacheable ? (tok.info ?? wordInfo(tok.text)) : null;
    if (info && info.hitsOwner === this && (!tok.masked || info.hitsPrimary === this.primary)) return info.hits as TokenHits;
    const ids = this.computeIds(tok);
    const found: Collected = { entries: [], viaAlt: [], phraseStarts: [] };
    this.collect = found;
    this.matchWord(tok, tok.text, false);
    if (tok.alts) for (const alt of tok.alts) if (alt !== tok.text) this.matchWord(tok, alt, true);
    this.collect = null;
    const hits = compact(found, ids);
    if (info) {
      info.hits = hits;
      info.hitsOwner = this;
      info.hitsPrimary = this.primary;
    }
    return hits;
  }

  private matchWord(tok: Token, text: string, viaAlt: boolean): void {
    const len = text.length;
    this.len = len;
    this.viaAlt = viaAlt;
    this.only = undefined;
    this.walk(this.head, text, 0);
    if (tok.script === Script.Hebrew || tok.script === Script.Arabic) {
      for (const p of this.prefixes) {
        if (p.script !== tok.script) continue;
        this.only = p.lang;
        for (let i = 0; i < p.list.length; i++) {
          const pre = p.list[i]!;
          if (len > pre.length + 1 && text.startsWith(pre)) {
            this.helperPrefix = p.helperOk[i]!;
            this.walk(this.head, text, pre.length);
          }
        }
      }
      this.only = undefined;
      this.helperPrefix = true;
    }
    const anyNext = this.any.next;
    for (let s = 0; s < len; s++) if (anyNext.has(text.charCodeAt(s))) this.walk(this.any, text, s);
  }

  /** Called for every entry whose first word ends at `to` in the current token text. */
  private found(e: Entry, to: number): void {
    if (this.only !== undefined && e.lang !== this.only) return;
    // Arabic ب ك ل attach to nouns, not to pronouns or verbs: "كانت" (was) is not ك + انت (you),
    // "بقالي" (it has been … for me) is not ب + قالي (he told me). Helper words take و and ف only.
    if (!this.helperPrefix && (e.tags & CONTENT_TAGS) === 0) return;
    const kind = e.items[0]!.kind;
    if ((kind === ItemKind.Exact || kind === ItemKind.Suffix) && to !== this.len) return;
    // Masked letters can spell many words; only abusive words of the message's own language (or
    // global ones) are read into them, never helper words like "wrote" or another pack's slang.
    if (this.wild && ((e.tags & CONTENT_TAGS) === 0 || (!e.global && (e.bit & this.primary) === 0))) return;
    // Another spelling (a transliteration) may only reveal an abusive word of some length: short
    // stems and helper words would turn English "job" into Russian "еб…" or "ty" into "ты".
    if (this.viaAlt && ((e.tags & CONTENT_TAGS) === 0 || to < 4)) return;
    if (this.collect && e.items.length === 1) {
      this.collect.entries.push(e);
      this.collect.viaAlt.push(this.viaAlt);
      return;
    }
    this.emit(e);
  }

  /** Emits a match for the current token if the entry's language applies and its phrase completes. */
  private emit(e: Entry): void {
    if (!e.global && (e.bit & this.active) === 0) return;
    // An `own` entry is a word only in its own language (French "con" is Spanish "with").
    if (e.tags & Tag.own && (e.bit & this.primary) === 0) return;
    if (e.items.length > 1) {
      const anchor = this.anchors.get(e);
      if (anchor !== undefined && !this.anyMasked && !this.anchorAhead(anchor.id, anchor.span)) return;
    }
    const t = this.t;
    const last = e.items.length === 1 ? t : matchRest(e.items, 1, t + 1, this.tokens, this.prefixes, this.negations);
    if (last < 0) return;
    this.out.push({ entry: e, first: t, last, start: this.tokens[t]!.start, end: this.tokens[last]!.end, viaAlt: this.viaAlt });
  }

  private walk(root: Node, text: string, from: number): void {
    let node: Node | undefined = root;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === STAR) {
        this.wild = true;
        this.wildHits = [];
        this.walkWild(node, text, i, from, { left: WILDCARD_BUDGET }, 2, 0);
        // Of all the words the stars could hide, keep those needing the fewest stretched stars:
        // "f**k" is "fuck", not "freak".
        const best = Math.min(...this.wildHits.map((h) => h.cost));
        for (const h of this.wildHits) if (h.cost === best) this.reportAt(h.node, h.to);
        this.wildHits = null;
        this.wild = false;
        return;
      }
      node = node.next.get(c);
      if (!node) return;
      if (node.ends) for (const e of node.ends) this.found(e, i + 1);
      if (node.byNext || node.phrases) this.foundPhrases(node, i + 1);
    }
  }

  /** Where a phrase's first word ended in the current token: kept with the phrases that may start there. */
  private foundPhrases(node: Node, to: number): void {
    // Which phrases complete depends on the following tokens: keep where the first word ended
    // and re-enter from there for each message (phrasesAt). Only hitsOf walks the tries.
    const lists = this.listsOf(node);
    let phrases = lists.phraseList;
    if (phrases !== null) phrases = this.startable(phrases, to);
    let nextIds = lists.nextIds;
    let nextLists = lists.nextLists;
    if (nextIds !== null) {
      const ids: number[] = [];
      const lists: PhraseList[] = [];
      let all = true;
      for (let k = 0; k < nextIds.length; k++) {
        const list = nextLists[k]!;
        const kept = this.startable(list, to);
        if (kept !== list) all = false;
        if (kept === null) continue;
        ids.push(nextIds[k]!);
        lists.push(kept);
      }
      if (!all) {
        nextIds = ids.length > 0 ? Int32Array.from(ids) : null;
        nextLists = lists;
      }
    }
    this.collect!.phraseStarts.push({ node, to, len: this.len, only: this.only, viaAlt: this.viaAlt, phrases, nextIds, nextLists });
  }

  /**
   * What `found` checks of a phrase from its first word alone (language, whole word, another
   * spelling): the same wherever that word occurs. Masked letters are not among them: phrases are
   * tried when a message is matched, never while a masked word is walked.
   */
  private mayStart(e: Entry, to: number): boolean {
    if (this.only !== undefined && e.lang !== this.only) return false;
    const kind = e.items[0]!.kind;
    if ((kind === ItemKind.Exact || kind === ItemKind.Suffix) && to !== this.len) return false;
    if (this.viaAlt && ((e.tags & CONTENT_TAGS) === 0 || to < 4)) return false;
    return true;
  }

  /** The phrases of `list` that may start where a first word ended at `to`: the list itself when all may, null when none. */
  private startable(list: PhraseList, to: number): PhraseList | null {
    const kept = list.entries.filter((e) => this.mayStart(e, to));
    return kept.length === list.entries.length ? list : kept.length > 0 ? this.phraseList(kept) : null;
  }

  private phraseList(entries: Entry[]): PhraseList {
    const data = new Int32Array(entries.length * 4);
    entries.forEach((e, k) => {
      const anchor = this.anchors.get(e);
      data[4 * k] = e.global ? ANY_LANGUAGE : e.bit;
      data[4 * k + 1] = e.tags & Tag.own ? e.bit : 0;
      data[4 * k + 2] = anchor ? anchor.id : -1;
      data[4 * k + 3] = anchor ? anchor.span : 0;
    });
    return { entries, data };
  }

  /**
   * A node's phrase lists, made the first time a word ends there rather than for the whole trie
   * when it is built (which would slow the start and hold lists for nodes no message reaches).
   */
  private listsOf(node: Node): NodeLists {
    let lists = this.nodeLists.get(node);
    if (!lists) {
      lists = {
        phraseList: node.phrases ? this.phraseList(node.phrases) : null,
        nextIds: node.byNext ? Int32Array.from(node.byNext.keys()) : null,
        nextLists: node.byNext ? [...node.byNext.values()].map((list) => this.phraseList(list)) : [],
      };
      this.nodeLists.set(node, lists);
    }
    return lists;
  }

  /** The phrases starting at a phrase start of the current token: only those whose second word follows are tried. */
  private phrasesAt(p: PhraseStart): void {
    if (p.phrases) this.emitPhrases(p.phrases);
    const next = this.tokens[this.t + 1];
    const keys = p.nextIds;
    if (keys === null || !next) return;
    if (next.masked) {
      // A masked word cannot be looked up by its text: try every phrase (rare).
      for (const list of p.nextLists) this.emitPhrases(list);
      return;
    }
    const ids = this.idsAt(this.t + 1);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      for (let k = 0; k < keys.length; k++) {
        if (keys[k] !== id) continue;
        this.emitPhrases(p.nextLists[k]!);
        break;
      }
    }
  }

  /** emit for each phrase of the list, its checks before matchRest made on the list's numbers. */
  private emitPhrases(list: PhraseList): void {
    const d = list.data;
    for (let k = 0, j = 0; k < list.entries.length; k++, j += 4) {
      const lang = d[j]!;
      if (lang !== ANY_LANGUAGE && (lang & this.active) === 0) continue;
      const own = d[j + 1]!;
      if (own !== 0 && (own & this.primary) === 0) continue;
      const anchor = d[j + 2]!;
      if (anchor >= 0 && !this.anyMasked && !this.anchorAhead(anchor, d[j + 3]!)) continue;
      const e = list.entries[k]!;
      const t = this.t;
      const last = matchRest(e.items, 1, t + 1, this.tokens, this.prefixes, this.negations);
      if (last < 0) continue;
      this.out.push({ entry: e, first: t, last, start: this.tokens[t]!.start, end: this.tokens[last]!.end, viaAlt: this.viaAlt });
    }
  }

  /** Whether the word with id `word` is one of the next `span` tokens (in any of its spellings). */
  private anchorAhead(word: number, span: number): boolean {
    const end = Math.min(this.tokens.length, this.t + 1 + span);
    for (let u = this.t + 1; u < end; u++) if (this.idsAt(u).includes(word)) return true;
    return false;
  }

  /** The word ids of token `u` of the current message. */
  private idsAt(u: number): Int32Array {
    return this.hitsOfTokens[u]?.ids ?? NO_IDS;
  }

  /** Ids of a token's spellings (text, alternatives, and for he/ar without clitic prefixes) that phrases use. */
  private computeIds(tok: Token): Int32Array {
    const out: number[] = [];
    const add = (text: string): void => {
      const id = this.wordIds.get(text);
      if (id !== undefined && !out.includes(id)) out.push(id);
    };
    add(tok.text);
    if (tok.alts) for (const a of tok.alts) add(a);
    if (tok.script === Script.Hebrew || tok.script === Script.Arabic) for (const f of this.formsOf(tok)) add(f);
    return out.length === 0 ? NO_IDS : Int32Array.from(out);
  }

  /** A Hebrew or Arabic word as itself and without each clitic prefix it may carry. */
  private formsOf(tok: Token): string[] {
    const forms = [tok.text];
    for (const p of this.prefixes) {
      if (p.script !== tok.script) continue;
      for (const pre of p.list) if (tok.text.length > pre.length + 1 && tok.text.startsWith(pre)) forms.push(tok.text.slice(pre.length));
    }
    return forms;
  }

  /**
   * Continues a walk through masked letters. A star stands for one letter and may stretch over
   * two more (people write х*йня for хуйня, f*** for fuck); a star right after another may also
   * stand for nothing ("a**hole" for the squeezed "ahole").
   */
  private walkWild(node: Node, text: string, i: number, from: number, budget: { left: number }, stretch: number, cost: number): void {
    if (--budget.left < 0 || i === text.length || i - from > MAX_WILD_LENGTH) return;
    const c = text.charCodeAt(i);
    if (c === STAR) {
      for (const child of node.next.values()) {
        this.wildAt(child, i + 1, cost);
        this.walkWild(child, text, i + 1, from, budget, 2, cost);
        if (stretch > 0 && text.charCodeAt(i + 1) !== STAR) this.walkWild(child, text, i, from, budget, stretch - 1, cost + 1);
      }
      // A star may also stand for nothing: right after another star ("a**hole" for the squeezed
      // "ahole"), or as a symbol pushed into a word ("אמ*ק", "fu*ck") once three letters are in.
      if ((i > from && text.charCodeAt(i - 1) === STAR) || i - from >= 2) {
        this.wildAt(node, i + 1, cost + 1);
        this.walkWild(node, text, i + 1, from, budget, 2, cost + 1);
      }
      return;
    }
    const next = node.next.get(c);
    if (!next) return;
    this.wildAt(next, i + 1, cost);
    this.walkWild(next, text, i + 1, from, budget, 2, cost);
  }

  private wildAt(node: Node, to: number, cost: number): void {
    if (node.ends || node.byNext || node.phrases) this.wildHits!.push({ node, to, cost });
  }

  private reportAt(node: Node, to: number): void {
    if (node.ends) for (const e of node.ends) this.found(e, to);
    if (node.byNext || node.phrases) this.foundPhrases(node, to);
  }

  private matchCjkRun(t: number): void {
    const tokens = this.tokens;
    let text = '';
    const owner: number[] = [];
    for (let u = t; u < tokens.length && tokens[u]!.script === Script.Cjk && (u === t || tokens[u]!.joinPrev); u++) {
      const s = tokens[u]!.text;
      text += s;
      for (let k = 0; k < s.length; k++) owner.push(u);
    }
    const cjkNext = this.cjk.next;
    for (let s = 0; s < text.length; s++) {
      let node = cjkNext.get(text.charCodeAt(s));
      for (let i = s; node;) {
        if (node.ends) {
          for (const e of node.ends) {
            if ((!e.global && (e.bit & this.active) === 0) || (e.tags & Tag.own && (e.bit & this.primary) === 0)) continue;
            const first = owner[s]!;
            const last = owner[i]!;
            this.out.push({ entry: e, first, last, start: tokens[first]!.start, end: tokens[last]!.end, viaAlt: false });
          }
        }
        if (++i >= text.length) break;
        node = node.next.get(text.charCodeAt(i));
      }
    }
  }
}

const NO_IDS = new Int32Array(0);
/** The hits of the many words that match nothing and continue no phrase. */
const NO_HITS: TokenHits = { data: NO_IDS, entries: [], phraseStarts: [], ids: NO_IDS };

function compact(found: Collected, ids: Int32Array): TokenHits {
  const { entries, viaAlt, phraseStarts } = found;
  if (entries.length === 0 && phraseStarts.length === 0 && ids.length === 0) return NO_HITS;
  const data = new Int32Array(entries.length * 3);
  entries.forEach((e, i) => {
    data[3 * i] = e.global ? ANY_LANGUAGE : e.bit;
    data[3 * i + 1] = e.tags & Tag.own ? e.bit : 0;
    data[3 * i + 2] = viaAlt[i] ? 1 : 0;
  });
  return { data, entries, phraseStarts: phraseStarts.length > 0 ? phraseStarts : NO_STARTS, ids };
}

function intern(ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) ids.set(text, (id = ids.size));
  return id;
}

function insert(root: Node, text: string, e: Entry, wordIds: Map<string, number>): void {
  let node = root;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let next = node.next.get(c);
    if (!next) node.next.set(c, (next = new Node()));
    node = next;
  }
  const second = e.items[1];
  if (!second) (node.ends ??= []).push(e);
  else if (second.kind === ItemKind.Exact) {
    node.byNext ??= new Map();
    const id = intern(wordIds, second.text);
    const list = node.byNext.get(id);
    if (list) list.push(e);
    else node.byNext.set(id, [e]);
  } else (node.phrases ??= []).push(e);
}

/** Matches the remaining words of a phrase from token `t`; returns the last token index or -1. */
function matchRest(
  items: Item[],
  k: number,
  t: number,
  tokens: Token[],
  prefixes: { script: Script; list: string[] }[],
  negations: Set<string>,
): number {
  if (k === items.length) return t - 1;
  const item = items[k]!;
  if (item.kind === ItemKind.Gap) {
    for (let skip = 0; skip <= 3 && t + skip <= tokens.length; skip++) {
      if (skip > 0 && negations.has(tokens[t + skip - 1]!.text)) break;
      const r = matchRest(items, k + 1, t + skip, tokens, prefixes, negations);
      if (r >= 0) return r;
    }
    return -1;
  }
  const tok = tokens[t];
  if (!tok || tok.script === Script.Cjk) return -1;
  if (!tokenMatches(item, tok, prefixes)) return -1;
  return matchRest(items, k + 1, t + 1, tokens, prefixes, negations);
}

function tokenMatches(item: Item, tok: Token, prefixes: { script: Script; list: string[] }[]): boolean {
  if (itemMatches(item, tok.text)) return true;
  if (tok.alts) for (const a of tok.alts) if (itemMatches(item, a)) return true;
  if (tok.script === Script.Hebrew || tok.script === Script.Arabic) {
    for (const p of prefixes) {
      if (p.script !== tok.script) continue;
      for (const pre of p.list)
        if (tok.text.length > pre.length + 1 && tok.text.startsWith(pre) && itemMatches(item, tok.text.slice(pre.length))) return true;
    }
  }
  return false;
}

/**
 * Whether one pattern item matches one token spelling (a masked token may stand for the word).
 * @example itemMatches({ kind: ItemKind.Prefix, text: 'idiot' }, 'idiots') // true
 */
export function itemMatches(item: Item, text: string): boolean {
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

/** A masked token against a word: each `*` stands for one to three letters, or for nothing. */
function wildEquals(masked: string, word: string, i = 0, j = 0): boolean {
  if (i === masked.length) return j === word.length;
  if (masked[i] === '*') {
    for (let take = 0; take <= 3 && j + take <= word.length; take++) if (wildEquals(masked, word, i + 1, j + take)) return true;
    return false;
  }
  return j < word.length && masked[i] === word[j] && wildEquals(masked, word, i + 1, j + 1);
}

/**
 * Drops content matches that lie inside an allow-word or an idiom ("Scunthorpe", "this bill is
 * killing me"), and duplicates of the same entry on the same tokens.
 */
function suppress(matches: Match[]): Match[] {
  let shields: Match[] | null = null;
  for (const m of matches) if (m.entry.tags & (Tag.allow | Tag.idiom)) (shields ??= []).push(m);
  const out: Match[] = [];
  for (const m of matches) {
    // The same entry on the same tokens (found through the text and an alternative spelling):
    // such twins are pushed one after the other for the same first token.
    let twin = false;
    for (let j = out.length - 1; j >= 0 && out[j]!.first === m.first; j--) {
      if (out[j]!.entry === m.entry && out[j]!.last === m.last) {
        twin = true;
        break;
      }
    }
    if (twin) continue;
    if (
      shields &&
      m.entry.tags & CONTENT_TAGS &&
      shields.some((sh) => sh !== m && sh.first <= m.first && sh.last >= m.last && (sh.entry.tags & CONTENT_TAGS) === 0)
    )
      continue;
    out.push(m);
  }
  return out;
}

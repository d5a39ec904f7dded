/**
 * @module conversation/CueMatcher
 * Finds the coach's cue phrases ("calm down", "let me", "是您的错") in a tokenised text. A matcher
 * of its own rather than the detection TrieMatcher: a draft is checked in one known language, and
 * the detection matcher's tag semantics (negation, allow-words) do not apply. Lists run to
 * thousands of phrases per language, so phrases are only tried where their first word occurs and
 * only when their anchor word is somewhere in the draft.
 */
import { ItemKind, type Item } from '../detect/packs/compile.js';
import { itemMatches } from '../detect/match/TrieMatcher.js';
import { TrieLinks } from '../detect/match/TrieLinks.js';
import { Script } from '../detect/normalise/01-fold/index.js';
import type { Token } from '../detect/normalise/index.js';
import { CUES, type Cue } from './types.js';
import type { CuePattern } from './compile.js';

/** One cue found in a text. */
export interface CueHit {
  cue: Cue;
  /** The pattern as written in coach.tsv. */
  pattern: string;
  /** First and last token covered (inclusive). */
  first: number;
  last: number;
  /** `[start, end)` in UTF-16 code units of the original text. */
  start: number;
  end: number;
}

/** Longest gap `~` may stand for, in tokens. */
const MAX_GAP = 3;
/** Spellings remembered per matcher (dropped when full, so hostile input cannot grow it). */
const SPELLING_CACHE_SIZE = 10_000;

/**
 * What the matcher knows about one spelling, worked out the first time it is seen: drafts reuse
 * the same few thousand words, so a check looks each word up once (usually through the token's
 * shared record, detect/words.ts) instead of once per step in several maps.
 */
interface Spelling<W> {
  text: string;
  /** Ids of the first-word groups the spelling reaches in the trie (stems along its path, the exact word at its end). */
  groups: readonly number[];
  /** Those groups' free patterns, in group order: tried wherever the spelling occurs. */
  free: CuePattern[];
  /** Phrases anchored on this word, with the group of their first word. */
  anchored: Anchored | null;
  /** Contains `*`: may stand for any exact word (itemMatches), so anchors prove nothing. */
  wild: boolean;
  /** What the caller's `watch` said of the spelling (see `watched`). */
  watched: W | null;
  /** Indices (in CueMatcher.loose) of the patterns whose first word, an ending or inner part, this spelling matches. */
  loose: readonly number[];
  /** The match call that last met this spelling, and the first and last token it was met at. */
  seen: number;
  firstAt: number;
  lastAt: number;
  /** A token's spellings when it has no other: this one alone… */
  alone: Spelling<W>[];
  /** …and, in Hebrew or Arabic, this one and each without a clitic prefix (on first use). */
  unprefixed: Spelling<W>[] | null;
  /**
   * The token's spellings for the alternatives it last came with: transliterations are shared per
   * spelling (detect/words.ts), so the same array comes back with the same word.
   */
  altsKey: readonly string[] | null;
  altsUnprefixed: boolean;
  altsForms: Spelling<W>[];
}

/**
 * The phrases anchored on one word, in pack order. Their numbers are in CueMatcher.anchorData
 * from `at`: per phrase its first word's group id and how many tokens after the first word the
 * anchor may stand (fewest, most), then the distinct group ids (when none of them was reached,
 * the list is skipped whole). One array for all keeps tens of thousands of lists small.
 */
interface Anchored {
  patterns: CuePattern[];
  at: number;
  distinct: number;
}

export class CueMatcher<W = unknown> {
  /** Patterns by their first word, as a character trie: one walk per spelling finds exact and stem hits. */
  private readonly words = new TrieNode();
  /** Patterns whose first word is an ending (`*ли вы сами`), with their anchor ('' for none). */
  private readonly loose: { c: CuePattern; anchor: string }[] = [];
  /** Chinese patterns as a character trie, walked from every position of a run. */
  private readonly cjk = new TrieNode();
  private readonly prefixes: string[];
  /** Replaced (not cleared) when full: token records pointing into the old one are then stale (see spellingOf). */
  private spellings = new Map<string, Spelling<W>>();
  private tokens: readonly Token[] = NO_TOKENS;
  /** Per token of the current text, the spellings it may match as. */
  private readonly forms: Spelling<W>[][] = [];
  /** The current text's spellings in order of first appearance: their anchored phrases are tried. */
  private readonly present: Spelling<W>[] = [];
  /** Per loose pattern, the match call that last checked its anchor, and whether it was there. */
  private readonly looseStamp: Float64Array;
  private readonly looseOk: Uint8Array;
  private readonly looseAt: number[] = [];
  private readonly seenHits = new Set<number>();
  /**
   * Phrases by their anchor (rarest exact later word), with the trie group of their first word.
   * A draft's words select the few phrases worth trying, whatever the size of the lists.
   */
  private readonly byAnchor = new Map<string, Anchored>();
  private readonly anchorData: Int32Array;
  /** How many first-word groups there are (ids run from 0). */
  private groupCount = 0;
  /**
   * Per group id three numbers: the match call that last reached it, and the token positions it
   * reached it at, a list through `posNext` from the first to the last (valid while the stamp is
   * the current call's). Side by side, so a group reached costs one memory read, not three.
   */
  private readonly groupState: Float64Array;
  /**
   * The groups reached in the current call as bits of a small filter (by id, folded): most groups
   * an anchored list names were not reached, and the filter says so without touching `groupState`.
   */
  private readonly reachedBits = new Int32Array(REACHED_WORDS);
  private posToken = new Int32Array(256);
  private posNext = new Int32Array(256);
  private generation = 0;
  private readonly watchedNow: W[] = [];
  private maskedNow = false;

  /**
   * @param cues the compiled patterns of one language
   * @param prefixes clitic prefixes (he, ar) that may be glued to a word
   * @param watch what the caller wants to know about each spelling, or null for nothing (see
   *   `watched`): the matcher looks up every spelling of a text anyway, and remembers the answer
   */
  constructor(
    cues: readonly CuePattern[],
    prefixes: readonly string[] = [],
    private readonly watch?: (text: string) => W | null,
  ) {
    this.prefixes = [...prefixes].sort((a, b) => b.length - a.length);
    // How many phrases use each exact word after their first: the anchor is the rarest of a
    // phrase's later words, so the lists behind common words ("your", "have") stay short.
    const uses = new Map<string, number>();
    for (const c of cues)
      for (const item of c.items.slice(1)) if (item.kind === ItemKind.Exact) uses.set(item.text, (uses.get(item.text) ?? 0) + 1);
    const anchored = new Map<string, { groups: number[]; patterns: CuePattern[]; nearest: number[]; farthest: number[] }>();
    for (const c of cues) {
      if (c.cjk) {
        // A Chinese pattern is one string matched inside a run, whatever spaces it was written with.
        this.group(this.cjk, c.items.map((i) => i.text).join(''), 'exact').free.push(c);
        continue;
      }
      // The spellings of the text are the ones phrases are matched against (prefix-stripped forms
      // included), so a missing anchor is a sure miss.
      let anchor = '';
      for (const item of c.items.slice(1)) {
        if (item.kind !== ItemKind.Exact) continue;
        const better =
          anchor === '' ||
          uses.get(item.text)! < uses.get(anchor)! ||
          (uses.get(item.text) === uses.get(anchor) && item.text.length > anchor.length);
        if (better) anchor = item.text;
      }
      const first = c.items[0]!;
      if (first.kind !== ItemKind.Exact && first.kind !== ItemKind.Prefix) {
        this.loose.push({ c, anchor });
        continue;
      }
      const group = this.group(this.words, first.text, first.kind === ItemKind.Exact ? 'exact' : 'prefix');
      if (anchor === '') group.free.push(c);
      else {
        let list = anchored.get(anchor);
        if (!list) anchored.set(anchor, (list = { groups: [], patterns: [], nearest: [], farthest: [] }));
        list.groups.push(group.id);
        list.patterns.push(c);
        let nearest = 0;
        let farthest = 0;
        for (const item of c.items.slice(1)) {
          if (item.kind === ItemKind.Gap) farthest += MAX_GAP;
          else {
            nearest++;
            farthest++;
            if (item.text === anchor && item.kind === ItemKind.Exact) break;
          }
        }
        list.nearest.push(nearest);
        list.farthest.push(farthest);
      }
    }
    const data: number[] = [];
    for (const [word, list] of anchored) {
      const at = data.length;
      list.groups.forEach((g, i) => data.push(g, list.nearest[i]!, list.farthest[i]!));
      const distinct = [...new Set(list.groups)];
      data.push(distinct.length, ...distinct);
      this.byAnchor.set(word, { patterns: list.patterns, at, distinct: at + 3 * list.groups.length });
    }
    this.anchorData = Int32Array.from(data);
    this.looseStamp = new Float64Array(this.loose.length);
    this.looseOk = new Uint8Array(this.loose.length);
    this.groupState = new Float64Array(3 * this.groupCount);
  }

  /** The group of patterns whose first word is (or, for stems, starts with) `text`. */
  private group(root: TrieNode, text: string, kind: 'exact' | 'prefix'): Group {
    const node = root.at(text);
    let group = node[kind];
    if (!group) {
      group = node[kind] = { id: this.groupCount++, free: [] };
    }
    return group;
  }

  /**
   * Every cue in the tokens (overlapping hits included).
   * @example new CueMatcher(pack.cues).match(normalise('Calm down, sir.').tokens) // [{ cue: 'dismissive', … }]
   */
  match(tokens: Token[]): CueHit[] {
    if (this.spellings.size >= SPELLING_CACHE_SIZE) this.spellings = new Map();
    const gen = ++this.generation;
    this.tokens = tokens;
    const forms = this.forms;
    const present = this.present;
    forms.length = tokens.length;
    present.length = 0;
    const watched = this.watchedNow;
    watched.length = 0;
    let wild = false;
    for (let t = 0; t < tokens.length; t++) {
      const list = (forms[t] = this.formsOf(tokens[t]!));
      for (const s of list) {
        s.lastAt = t;
        if (s.seen === gen) continue;
        s.seen = gen;
        s.firstAt = t;
        present.push(s);
        if (s.wild) wild = true;
        if (s.watched !== null) watched.push(s.watched);
      }
    }
    this.maskedNow = wild;

    const out: CueHit[] = [];
    const { groupState: state, reachedBits } = this;
    reachedBits.fill(0);
    let positions = 0;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (tok.script === Script.Cjk) {
        if (this.cjk.next.size > 0 && (!tok.joinPrev || t === 0 || tokens[t - 1]!.script !== Script.Cjk)) this.matchCjkRun(t, out);
        continue;
      }
      for (const s of forms[t]!) {
        // Remember where each first-word group occurs; phrases with an anchor are tried below.
        const ids = s.groups;
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!;
          if (positions === this.posToken.length) this.growPositions();
          this.posToken[positions] = t;
          this.posNext[positions] = -1;
          if (state[3 * id] !== gen) {
            state[3 * id] = gen;
            state[3 * id + 1] = positions;
            reachedBits[(id >>> 5) & (REACHED_WORDS - 1)]! |= 1 << (id & 31);
          } else this.posNext[state[3 * id + 2]!] = positions;
          state[3 * id + 2] = positions++;
        }
        for (const c of s.free) this.tryAt(c, t, 1, out);
      }
      if (this.loose.length > 0) this.tryLoose(t, gen, wild, out);
    }
    const { posToken, posNext, anchorData: data } = this;
    for (const s of present) {
      const a = s.anchored;
      if (a === null || !reached(data, a.distinct, reachedBits, state, gen)) continue;
      for (let i = 0, k = a.at; i < a.patterns.length; i++, k += 3) {
        const id = data[k]!;
        if ((reachedBits[(id >>> 5) & (REACHED_WORDS - 1)]! & (1 << (id & 31))) === 0 || state[3 * id] !== gen) continue;
        const c = a.patterns[i]!;
        const nearest = data[k + 1]!;
        const farthest = data[k + 2]!;
        for (let p = state[3 * id + 1]!; p >= 0; p = posNext[p]!) {
          const t = posToken[p]!;
          // The anchor must stand where the phrase puts it (a masked word may stand for it anywhere).
          if (wild || (s.lastAt >= t + nearest && s.firstAt <= t + farthest)) this.tryAt(c, t, 1, out);
        }
      }
    }
    this.tokens = NO_TOKENS;
    return this.dedupe(out);
  }

  /** What `watch` said of the spellings of the text last matched (those it said something of), in text order. */
  get watched(): readonly W[] {
    return this.watchedNow;
  }

  /** Whether the text last matched has a masked word (`f*ck`), which may stand for any word. */
  get masked(): boolean {
    return this.maskedNow;
  }

  /** Every spelling of the text last matched (texts, alternatives, without clitic prefixes). */
  spellingsNow(): string[] {
    return this.present.map((s) => s.text);
  }

  /**
   * Whether `text` is among spellingsNow(), without listing them.
   * @example matcher.match(normalise('calm down').tokens); matcher.has('calm') // true
   */
  has(text: string): boolean {
    return this.spellings.get(text)?.seen === this.generation;
  }

  /**
   * The patterns starting with an ending or inner part whose first word token `t` has, in pack
   * order; each only if its anchor is in the text (or a masked word may stand for it).
   */
  private tryLoose(t: number, gen: number, wild: boolean, out: CueHit[]): void {
    const forms = this.forms[t]!;
    let at: ArrayLike<number> | null = null;
    for (const s of forms) {
      if (s.loose.length === 0) continue;
      if (at === null) at = s.loose;
      else {
        // Several spellings start loose patterns (rare): merge them in pack order, once each.
        const merged = this.looseAt;
        merged.length = 0;
        for (const f of forms) for (const i of f.loose) if (!merged.includes(i)) merged.push(i);
        at = merged.sort((x, y) => x - y);
        break;
      }
    }
    if (at === null) return;
    for (let k = 0; k < at.length; k++) {
      const i = at[k]!;
      const { c, anchor } = this.loose[i]!;
      if (!wild && anchor !== '') {
        if (this.looseStamp[i] !== gen) {
          this.looseStamp[i] = gen;
          this.looseOk[i] = this.spellings.get(anchor)?.seen === gen ? 1 : 0;
        }
        if (this.looseOk[i] === 0) continue;
      }
      this.tryAt(c, t, 1, out);
    }
  }

  private growPositions(): void {
    const token = new Int32Array(this.posToken.length * 2);
    const next = new Int32Array(this.posNext.length * 2);
    token.set(this.posToken);
    next.set(this.posNext);
    this.posToken = token;
    this.posNext = next;
  }

  /** The record of a spelling in this matcher, made on first sight. */
  private spelling(text: string): Spelling<W> {
    let s = this.spellings.get(text);
    if (s === undefined) {
      const groups = this.groupsOf(text);
      // Fields in the order match() reads them, so a spelling's reads touch few cache lines.
      s = {
        alone: NO_FORMS,
        lastAt: 0,
        seen: 0,
        firstAt: 0,
        wild: text.includes('*'),
        watched: this.watch?.(text) ?? null,
        groups: groups.length === 0 ? NO_IDS : groups.map((g) => g.id),
        free: groups.length === 0 ? NO_PATTERNS : groups.flatMap((g) => g.free),
        loose: this.looseOf(text),
        anchored: this.byAnchor.get(text) ?? null,
        text,
        unprefixed: null,
        altsKey: null,
        altsUnprefixed: false,
        altsForms: [],
      };
      // An array of one, allocated with its element (push would grow a larger store elsewhere).
      s.alone = [s];
      this.spellings.set(text, s);
    }
    return s;
  }

  /** The record of a token's own text, through the word's shared record when it points into this matcher's table. */
  private spellingOf(tok: Token): Spelling<W> {
    const info = tok.info;
    if (info !== undefined && info.cueOwner === this.spellings) return info.cue as Spelling<W>;
    const s = this.spelling(tok.text);
    if (info !== undefined) {
      info.cue = s;
      info.cueOwner = this.spellings;
    }
    return s;
  }

  /** The spellings a token may match as: its text, its alternatives, and without a clitic prefix. */
  private formsOf(tok: Token): Spelling<W>[] {
    const s = this.spellingOf(tok);
    const unprefix = this.prefixes.length > 0 && (tok.script === Script.Hebrew || tok.script === Script.Arabic);
    const alts = tok.alts;
    if (alts === null) return unprefix ? (s.unprefixed ??= this.unprefixed(s, [s])) : s.alone;
    if (s.altsKey === alts && s.altsUnprefixed === unprefix) return s.altsForms;
    const forms = [s];
    for (const a of alts) if (a !== s.text) forms.push(this.spelling(a));
    if (unprefix) this.unprefixed(s, forms);
    s.altsKey = alts;
    s.altsUnprefixed = unprefix;
    s.altsForms = forms;
    return forms;
  }

  /** Adds the spelling without each clitic prefix it starts with (leaving at least two letters). */
  private unprefixed(s: Spelling<W>, forms: Spelling<W>[]): Spelling<W>[] {
    const text = s.text;
    for (const p of this.prefixes) if (text.length - p.length >= 2 && text.startsWith(p)) forms.push(this.spelling(text.slice(p.length)));
    return forms;
  }

  /** Indices of the loose patterns whose first item the spelling matches. */
  private looseOf(text: string): readonly number[] {
    const out: number[] = [];
    for (let i = 0; i < this.loose.length; i++) if (itemMatches(this.loose[i]!.c.items[0]!, text)) out.push(i);
    return out.length === 0 ? NO_IDS : out;
  }

  /** The pattern groups a word starts: the stems along its path in the trie and the exact words at its end. */
  private groupsOf(form: string): Group[] {
    const groups: Group[] = [];
    let node: TrieNode | undefined = this.words;
    for (let k = 0; k < form.length; k++) {
      node = node.next.get(form.charCodeAt(k));
      if (!node) break;
      if (node.prefix) groups.push(node.prefix);
      if (node.exact && k === form.length - 1) groups.push(node.exact);
    }
    return groups;
  }

  /**
   * Tries pattern `c` at token `t`. `from` is 1 when the token is known to match the first word
   * (its group was reached), so only the rest is checked.
   */
  private tryAt(c: CuePattern, t: number, from: 0 | 1, out: CueHit[]): void {
    const tok = this.tokens[t]!;
    const last = this.matchFrom(c.items, from, t + from, tok.sentence);
    if (last < 0) return;
    out.push({ cue: c.cue, pattern: c.pattern, first: t, last, start: tok.start, end: this.tokens[last]!.end });
  }

  /** Index of the last token matched by `items[i…]` starting at token `t`, or -1. Phrases stay inside one sentence. */
  private matchFrom(items: readonly Item[], i: number, t: number, sentence: number): number {
    if (i === items.length) return t - 1;
    const item = items[i]!;
    if (item.kind === ItemKind.Gap) {
      for (let k = 0; k <= MAX_GAP && t + k <= this.tokens.length; k++) {
        if (k > 0 && this.tokens[t + k - 1]!.sentence !== sentence) break;
        const r = this.matchFrom(items, i + 1, t + k, sentence);
        if (r >= 0) return r;
      }
      return -1;
    }
    const tok = this.tokens[t];
    if (!tok || tok.sentence !== sentence) return -1;
    for (const s of this.forms[t]!) if (matches(item, s)) return this.matchFrom(items, i + 1, t + 1, sentence);
    return -1;
  }

  /** One hit per cue and span (several spellings of a token may find the same pattern). */
  private dedupe(hits: CueHit[]): CueHit[] {
    if (hits.length < 2) return hits;
    if (hits.length <= 16) {
      // A draft has a few hits: comparing them beats keying a set.
      const out: CueHit[] = [];
      for (const h of hits) if (!out.some((o) => o.cue === h.cue && o.start === h.start && o.end === h.end)) out.push(h);
      return out;
    }
    const seen = this.seenHits;
    seen.clear();
    return hits.filter((h) => {
      // Spans are capped well below 2^20 code units, so one number keys cue and span.
      const key = (CUE_INDEX.get(h.cue)! * 1048576 + h.start) * 1048576 + h.end;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Chinese patterns inside a run of CJK characters starting at token `t`. */
  private matchCjkRun(t: number, out: CueHit[]): void {
    let run = '';
    const owner: number[] = [];
    for (let u = t; u < this.tokens.length; u++) {
      const tok = this.tokens[u]!;
      if (tok.script !== Script.Cjk || (u > t && !tok.joinPrev)) break;
      run += tok.text;
      for (let k = 0; k < tok.text.length; k++) owner.push(u);
    }
    for (let at = 0; at < run.length; at++) {
      let node: TrieNode | undefined = this.cjk;
      for (let k = at; k < run.length; k++) {
        node = node.next.get(run.charCodeAt(k));
        if (!node) break;
        if (!node.exact) continue;
        const first = owner[at]!;
        const last = owner[k]!;
        for (const c of node.exact.free)
          out.push({ cue: c.cue, pattern: c.pattern, first, last, start: this.tokens[first]!.start, end: this.tokens[last]!.end });
      }
    }
  }
}

/** A character trie node: patterns whose first word is exactly, or starts with, the path to it. */
class TrieNode {
  readonly next = new TrieLinks<TrieNode>();
  exact: Group | null = null;
  prefix: Group | null = null;

  /** The node at the end of `text` (from `k`), created on the way. */
  at(text: string, k = 0): TrieNode {
    if (k === text.length) return this;
    const code = text.charCodeAt(k);
    let child = this.next.get(code);
    if (!child) this.next.set(code, (child = new TrieNode()));
    return child.at(text, k + 1);
  }
}

/** The patterns whose first word ends at one trie node (those with an anchor are in byAnchor). */
interface Group {
  /** Index in CueMatcher's groupState (times three). */
  id: number;
  /** Single words, and phrases with no exact later word: tried wherever the first word occurs. */
  free: CuePattern[];
}

const NO_IDS: readonly number[] = [];
const NO_TOKENS: readonly Token[] = [];
const NO_PATTERNS: CuePattern[] = [];
const NO_FORMS: Spelling<never>[] = [];

/** Words of CueMatcher.reachedBits (a power of two). */
const REACHED_WORDS = 32;

/** Whether any of the groups listed at `at` in `data` (a count, then the ids) was reached in the current call. */
function reached(data: Int32Array, at: number, bits: Int32Array, state: Float64Array, gen: number): boolean {
  for (let i = at + 1; i <= at + data[at]!; i++) {
    const id = data[i]!;
    if ((bits[(id >>> 5) & (REACHED_WORDS - 1)]! & (1 << (id & 31))) !== 0 && state[3 * id] === gen) return true;
  }
  return false;
}
const CUE_INDEX = new Map<Cue, number>(CUES.map((c, i) => [c, i]));

/** itemMatches for a spelling, which knows already whether it has a masked letter. */
function matches(item: Item, s: Spelling<unknown>): boolean {
  return item.kind === ItemKind.Exact && !s.wild ? s.text === item.text : itemMatches(item, s.text);
}

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
/** Spellings whose pattern groups are remembered (cleared when full, so hostile input cannot grow it). */
const GROUP_CACHE_SIZE = 20_000;

export class CueMatcher {
  /** Patterns by their first word, as a character trie: one walk per token finds exact and stem hits. */
  private readonly words = new TrieNode();
  private readonly loose: CuePattern[] = [];
  /** Chinese patterns as a character trie, walked from every position of a run. */
  private readonly cjk = new TrieNode();
  private readonly groupCache = new Map<string, Group[]>();
  private readonly prefixes: string[];
  private tokens: Token[] = [];
  private forms: string[][] = [];
  /** Every spelling in the current text: a phrase whose anchor word is absent cannot match. */
  private present = new Set<string>();
  /**
   * Phrases by their anchor (rarest exact later word), with the trie group of their first word.
   * A draft's words select the few phrases worth trying, whatever the size of the lists.
   */
  private readonly byAnchor = new Map<string, { group: Group; c: CuePattern }[]>();
  /** Stamps which groups the current text's tokens reached (see Group.stamp). */
  private generation = 0;

  /**
   * @param cues the compiled patterns of one language
   * @param prefixes clitic prefixes (he, ar) that may be glued to a word
   */
  constructor(cues: readonly CuePattern[], prefixes: readonly string[] = []) {
    this.prefixes = [...prefixes].sort((a, b) => b.length - a.length);
    // How many phrases use each exact word after their first: the anchor is the rarest of a
    // phrase's later words, so the lists behind common words ("your", "have") stay short.
    const uses = new Map<string, number>();
    for (const c of cues)
      for (const item of c.items.slice(1)) if (item.kind === ItemKind.Exact) uses.set(item.text, (uses.get(item.text) ?? 0) + 1);
    for (const c of cues) {
      if (c.cjk) {
        // A Chinese pattern is one string matched inside a run, whatever spaces it was written with.
        this.cjk.group(c.items.map((i) => i.text).join(''), 'exact').free.push(c);
        continue;
      }
      // The spellings in `present` are the ones phrases are matched against (prefix-stripped forms
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
        this.loose.push(c);
        continue;
      }
      const group = this.words.group(first.text, first.kind === ItemKind.Exact ? 'exact' : 'prefix');
      if (anchor === '') group.free.push(c);
      else {
        const list = this.byAnchor.get(anchor);
        if (list) list.push({ group, c });
        else this.byAnchor.set(anchor, [{ group, c }]);
      }
    }
  }

  /**
   * Every cue in the tokens (overlapping hits included).
   * @example new CueMatcher(pack.cues).match(normalise('Calm down, sir.').tokens) // [{ cue: 'dismissive', … }]
   */
  match(tokens: Token[]): CueHit[] {
    this.tokens = tokens;
    this.forms = tokens.map((t) => this.formsOf(t));
    this.present.clear();
    for (const forms of this.forms) for (const f of forms) this.present.add(f);
    const out: CueHit[] = [];
    const gen = ++this.generation;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      if (tok.script === Script.Cjk) {
        if (this.cjk.next.size > 0 && (!tok.joinPrev || t === 0 || tokens[t - 1]!.script !== Script.Cjk)) this.matchCjkRun(t, out);
        continue;
      }
      for (const form of this.forms[t]!) {
        for (const group of this.groupsOf(form)) {
          // Remember where each first-word group occurs; phrases with an anchor are tried below.
          if (group.stamp !== gen) {
            group.stamp = gen;
            group.positions.length = 0;
          }
          group.positions.push(t);
          for (const c of group.free) this.tryAt(c, t, out);
        }
      }
      for (const c of this.loose) this.tryAt(c, t, out);
    }
    for (const word of this.present) {
      const list = this.byAnchor.get(word);
      if (!list) continue;
      for (const { group, c } of list) if (group.stamp === gen) for (const t of group.positions) this.tryAt(c, t, out);
    }
    return dedupe(out);
  }

  /**
   * The pattern groups a word starts: the stems along its path in the trie and the exact words at
   * its end. Cached per spelling (bounded), because drafts reuse the same few thousand words.
   */
  private groupsOf(form: string): Group[] {
    let groups = this.groupCache.get(form);
    if (groups !== undefined) return groups;
    groups = [];
    let node: TrieNode | undefined = this.words;
    for (let k = 0; k < form.length; k++) {
      node = node.next.get(form.charCodeAt(k));
      if (!node) break;
      if (node.prefix) groups.push(node.prefix);
      if (node.exact && k === form.length - 1) groups.push(node.exact);
    }
    if (this.groupCache.size >= GROUP_CACHE_SIZE) this.groupCache.clear();
    this.groupCache.set(form, groups);
    return groups;
  }

  /** The spellings a token may match as: its text, its alternatives, and without a clitic prefix. */
  private formsOf(tok: Token): string[] {
    const forms = [tok.text];
    if (tok.alts) for (const a of tok.alts) if (a !== tok.text) forms.push(a);
    if (this.prefixes.length > 0 && (tok.script === Script.Hebrew || tok.script === Script.Arabic)) {
      for (const p of this.prefixes) if (tok.text.length - p.length >= 2 && tok.text.startsWith(p)) forms.push(tok.text.slice(p.length));
    }
    return forms;
  }

  private tryAt(c: CuePattern, t: number, out: CueHit[]): void {
    const last = this.matchFrom(c.items, 0, t, this.tokens[t]!.sentence);
    if (last < 0) return;
    out.push({ cue: c.cue, pattern: c.pattern, first: t, last, start: this.tokens[t]!.start, end: this.tokens[last]!.end });
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
    for (const form of this.forms[t]!) if (itemMatches(item, form)) return this.matchFrom(items, i + 1, t + 1, sentence);
    return -1;
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
  readonly next = new Map<number, TrieNode>();
  exact: Group | null = null;
  prefix: Group | null = null;

  /** The group of patterns whose first word is (or, for stems, starts with) `text`. */
  group(text: string, kind: 'exact' | 'prefix'): Group {
    const node = this.at(text);
    return (node[kind] ??= { free: [], stamp: 0, positions: [] });
  }

  /** The node at the end of `text`, created on the way. */
  private at(text: string): TrieNode {
    if (text === '') return this;
    const code = text.charCodeAt(0);
    let child = this.next.get(code);
    if (!child) this.next.set(code, (child = new TrieNode()));
    return child.at(text.slice(1));
  }
}

/** The patterns whose first word ends at one trie node (those with an anchor are in byAnchor). */
interface Group {
  /** Single words, and phrases with no exact later word: tried wherever the first word occurs. */
  free: CuePattern[];
  /** The match call that last reached this group, and the token positions it reached it at. */
  stamp: number;
  positions: number[];
}

/** One hit per cue and span (several spellings of a token may find the same pattern). */
function dedupe(hits: CueHit[]): CueHit[] {
  if (hits.length < 2) return hits;
  const seen = new Set<number>();
  return hits.filter((h) => {
    // Spans are capped well below 2^20 code units, so one number keys cue and span.
    const key = (CUE_INDEX.get(h.cue)! * 1048576 + h.start) * 1048576 + h.end;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const CUE_INDEX = new Map<Cue, number>(CUES.map((c, i) => [c, i]));

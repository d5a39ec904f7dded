/**
 * @module detect/classify/features
 * Turns a normalised message and its rule features into a sparse vector: hashed word unigrams and
 * bigrams, hashed character 3- and 4-grams of each word (they carry inflection and misspellings
 * across languages), lexicon tags and pairs of tags found near each other ("harm" near "p2",
 * "insult" near "staff": these mean the same in every language, so what is learned from one
 * language carries to the others), then the structure-rule features as dense inputs after the
 * hashed block.
 * No strings are built per n-gram: hashes are computed over the token text in place.
 */
import { Script, type Normalised, type Token } from '../normalise/index.js';
import { wordInfo } from '../words.js';
import type { Match } from '../match/Matcher.js';
import { TAG_NAMES, Tag } from '../packs/tags.js';

export const HASH_BITS = 17;
export const HASH_SIZE = 1 << HASH_BITS;
const MASK = HASH_SIZE - 1;
/** Longest word whose character n-grams are used (long tokens are URLs or noise). */
const MAX_WORD = 24;
/** Character n-gram lengths (3-grams alone score as well as 3+4 in cross-validation, at half the cost). */
const NGRAM_LENGTHS = [3];

/** A sparse feature vector; indices may repeat (their values add up). */
export interface Features {
  idx: Int32Array;
  val: Float32Array;
  size: number;
}

function fnv(seed: number, s: string, from: number, to: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

/**
 * A word's own hashed features: its 32-bit hash (for bigrams) and its buckets, the word unigram
 * first, then (except for Chinese characters) its character 3-grams. Cached per spelling, because
 * the same words recur in every message; bounded.
 */
export interface WordFeatures {
  hash: number;
  buckets: Int32Array;
}

/**
 * The features of a token's spelling, kept on its shared word record.
 * @example wordFeatures(token).buckets.length // 1 unigram + the char 3-grams (with ^ and $)
 */
export function wordFeatures(tok: Pick<Token, 'text' | 'script' | 'info'>): WordFeatures {
  const info = tok.info ?? wordInfo(tok.text);
  let w = info.features as WordFeatures | undefined;
  if (w === undefined) {
    w = computeWordFeatures(tok.text, tok.script === Script.Cjk);
    info.features = w;
  }
  return w;
}

function computeWordFeatures(s: string, cjk: boolean): WordFeatures {
  const hash = fnv(SEED_WORD, s, 0, s.length);
  const out: number[] = [(hash >>> 0) & MASK];
  if (!cjk) {
    const n = Math.min(s.length, MAX_WORD);
    // Word-boundary markers: ^ and $ are folded into the seed so "^idi" and "idi" differ.
    for (let i = -1; i + 3 <= n + 1; i++) {
      for (const len of NGRAM_LENGTHS) {
        const from = Math.max(0, i);
        const to = Math.min(n, i + len);
        if (to - from < 2 || i + len > n + 1) continue;
        let seed = SEED_CHAR ^ len;
        if (i < 0) seed ^= 0x01000193;
        if (i + len > n) seed ^= 0x7feb352d;
        out.push((fnv(seed, s, from, to) >>> 0) & MASK);
      }
    }
  }
  return { hash, buckets: Int32Array.from(out) };
}

/** Word bigrams share a compact region at the top of the table, so their reads stay in cache. */
const BIGRAM_BITS = 14;
const BIGRAM_BASE = HASH_SIZE - (1 << BIGRAM_BITS);

/** The bucket of the word bigram (previous word hash, this word hash); SEED_BIGRAM before the first word. */
export function bigramBucket(prev: number, hash: number): number {
  return BIGRAM_BASE + ((((Math.imul(prev ^ hash, 0x9e3779b1) >>> 0) ^ 0x5bd1e995) >>> 0) & ((1 << BIGRAM_BITS) - 1));
}

const SEED_WORD = 0x811c9dc5;
export const SEED_BIGRAM = 0x050c5d1f;
const SEED_CHAR = 0x2b5e1f03;
const SEED_TAG = 0x1b873593;
const SEED_PAIR = 0x6b43a9b5;
/** Tags worth pairing (the rest, like "global", carry no meaning of their own). */
const PAIRABLE = ((1 << TAG_NAMES.length) - 1) & ~Tag.global;
const PAIR_WINDOW = 5;
const PAIR_LIMIT = 64;
/** The value of every tag and tag-pair feature. */
export const TAG_FEATURE_VALUE = 0.5;

function bits(tags: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < TAG_NAMES.length; b++) if (tags & PAIRABLE & (1 << b)) out.push(b);
  return out;
}

/**
 * Walks the tag context of a message: `single` for each match's tags, `pair` for each pair of
 * matches within PAIR_WINDOW tokens (at most PAIR_LIMIT pairs). Shared by the feature vector
 * and the classifier's cached path, so both see the same pairs.
 */
export function forEachTagContext(matches: readonly Match[], single: (tags: number) => void, pair: (a: number, b: number) => void): void {
  let pairs = 0;
  for (let i = 0; i < matches.length; i++) {
    const a = matches[i]!;
    single(a.entry.tags);
    for (let j = i + 1; j < matches.length && pairs < PAIR_LIMIT; j++) {
      const b = matches[j]!;
      if (b.first - a.last > PAIR_WINDOW || a.first - b.last > PAIR_WINDOW) continue;
      pairs++;
      pair(a.entry.tags, b.entry.tags);
    }
  }
}

/** Buckets of one match's tags (value TAG_FEATURE_VALUE each). */
export function tagBuckets(tags: number): number[] {
  return bits(tags).map((x) => (Math.imul(SEED_TAG ^ x, 0x9e3779b1) >>> 0) & MASK);
}

/** Buckets of a pair of matches' tags: one per pair of their tag bits (value TAG_FEATURE_VALUE each). */
export function pairBuckets(a: number, b: number): number[] {
  const out: number[] = [];
  for (const x of bits(a)) {
    for (const y of bits(b)) {
      const lo = Math.min(x, y);
      const hi = Math.max(x, y);
      out.push((Math.imul(SEED_PAIR ^ (lo * 32 + hi), 0x85ebca6b) >>> 0) & MASK);
    }
  }
  return out;
}

function addTagFeatures(f: Features, matches: readonly Match[]): Features {
  let out = f;
  const push = (bucket: number): void => {
    if (out.size === out.idx.length) out = grow(out);
    out.idx[out.size] = bucket;
    out.val[out.size++] = TAG_FEATURE_VALUE;
  };
  forEachTagContext(
    matches,
    (tags) => tagBuckets(tags).forEach(push),
    (a, b) => pairBuckets(a, b).forEach(push),
  );
  return out;
}

/** A copy of `f` with twice the room. */
function grow(f: Features): Features {
  const idx = new Int32Array(f.idx.length * 2 + 16);
  const val = new Float32Array(idx.length);
  idx.set(f.idx);
  val.set(f.val);
  return { idx, val, size: f.size };
}

/**
 * Extracts the feature vector of one message.
 * @example extractFeatures(normalise('you idiot'), new Float32Array(29)).size > 0
 */
export function extractFeatures(text: Normalised, dense: Float32Array, matches: readonly Match[] = [], out?: Features): Features {
  const tokens = text.tokens;
  let cap = 8 + matches.length * 6 + Math.min(matches.length * matches.length, PAIR_LIMIT) * 4 + dense.length; // grown if needed
  for (const t of tokens) cap += 4 + Math.min(t.text.length, MAX_WORD) * 2;
  const f = out && out.idx.length >= cap ? out : { idx: new Int32Array(cap), val: new Float32Array(cap), size: 0 };
  f.size = 0;
  let prev = SEED_BIGRAM;
  for (const t of tokens) {
    const w = wordFeatures(t);
    // Order per word: unigram, bigram, char n-grams (Detector reads the unigram for evidence).
    f.idx[f.size++] = w.buckets[0]!;
    f.idx[f.size++] = bigramBucket(prev, w.hash);
    prev = w.hash;
    for (let i = 1; i < w.buckets.length; i++) f.idx[f.size++] = w.buckets[i]!;
  }
  // Scale the n-gram block to unit length so long messages do not swamp the other features.
  const norm = f.size > 0 ? 1 / Math.sqrt(f.size) : 0;
  for (let i = 0; i < f.size; i++) f.val[i] = norm;
  return appendContextFeatures(f, matches, dense);
}

/** Appends the lexicon-tag features and the rule features (not scaled with the n-grams); may grow `f`. */
function appendContextFeatures(f: Features, matches: readonly Match[], dense: Float32Array): Features {
  let out = addTagFeatures(f, matches);
  for (let d = 0; d < dense.length; d++) {
    if (dense[d] === 0) continue;
    if (out.size === out.idx.length) out = grow(out);
    out.idx[out.size] = HASH_SIZE + d;
    out.val[out.size++] = dense[d]!;
  }
  return out;
}

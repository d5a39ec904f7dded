/**
 * @module detect/classify/features
 * Turns a normalised message and its rule features into a sparse vector: hashed word unigrams and
 * bigrams, hashed character 3- and 4-grams of each word (they carry inflection and misspellings
 * across languages), then the structure-rule features as dense inputs after the hashed block.
 * No strings are built per n-gram: hashes are computed over the token text in place.
 */
import { Script, type Normalised } from '../normalise/index.js';

export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;
const MASK = HASH_SIZE - 1;
/** Longest word whose character n-grams are used (long tokens are URLs or noise). */
const MAX_WORD = 24;

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

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x050c5d1f;
const SEED_CHAR = 0x2b5e1f03;

/**
 * Extracts the feature vector of one message.
 * @example extractFeatures(normalise('you idiot'), new Float32Array(29)).size > 0
 */
export function extractFeatures(text: Normalised, dense: Float32Array, out?: Features): Features {
  const tokens = text.tokens;
  let cap = 8;
  for (const t of tokens) cap += 4 + Math.min(t.text.length, MAX_WORD) * 2;
  cap += dense.length;
  const f = out && out.idx.length >= cap ? out : { idx: new Int32Array(cap), val: new Float32Array(cap), size: 0 };
  f.size = 0;
  let prev = SEED_BIGRAM;
  for (const t of tokens) {
    const s = t.text;
    const wordHash = fnv(SEED_WORD, s, 0, s.length);
    f.idx[f.size++] = (wordHash >>> 0) & MASK;
    f.idx[f.size++] = ((Math.imul(prev ^ wordHash, 0x9e3779b1) >>> 0) ^ 0x5bd1e995) & MASK;
    prev = wordHash;
    if (t.script === Script.Cjk) continue;
    const n = Math.min(s.length, MAX_WORD);
    // Word-boundary markers: ^ and $ are folded into the seed so "^idi" and "idi" differ.
    for (let i = -1; i + 3 <= n + 1; i++) {
      for (const len of [3, 4]) {
        const from = Math.max(0, i);
        const to = Math.min(n, i + len);
        if (to - from < 2 || i + len > n + 1) continue;
        let seed = SEED_CHAR ^ len;
        if (i < 0) seed ^= 0x01000193;
        if (i + len > n) seed ^= 0x7feb352d;
        f.idx[f.size++] = (fnv(seed, s, from, to) >>> 0) & MASK;
      }
    }
  }
  // Scale the hashed block to unit length so long messages do not swamp the rule features.
  const norm = f.size > 0 ? 1 / Math.sqrt(f.size) : 0;
  for (let i = 0; i < f.size; i++) f.val[i] = norm;
  for (let d = 0; d < dense.length; d++) {
    if (dense[d] === 0) continue;
    f.idx[f.size] = HASH_SIZE + d;
    f.val[f.size++] = dense[d]!;
  }
  return f;
}

/**
 * @module detect/classify/LogRegClassifier
 * Multinomial logistic regression over hashed n-grams and rule features, with a temperature fitted
 * on held-out training data so the probabilities are calibrated. Weights come from
 * scripts/train-classifier.ts and are stored quantised to 8 bits (see decodeModel).
 */
import { LABELS } from '../types.js';
import type { Classifier } from './Classifier.js';
import type { Match } from '../match/Matcher.js';
import type { Token } from '../normalise/index.js';
import { wordInfo, type WordInfo } from '../words.js';
import {
  HASH_SIZE,
  SEED_BIGRAM,
  TAG_FEATURE_VALUE,
  bigramBucket,
  forEachTagContext,
  pairBuckets,
  tagBuckets,
  wordFeatures,
  type Features,
} from './features.js';

const K = LABELS.length;

/** A model as stored in the repository (generated file `_model.ts`). */
export interface StoredModel {
  hashBits: number;
  denseNames: string[];
  /** Base64: unsigned LEB128 gaps between the hashed buckets that have weights. */
  buckets: string;
  /** Base64: int8 weights, K per stored bucket. */
  weights: string;
  /** Per-label scale: weight = int8 * scale[k]. */
  scale: number[];
  /** Dense (rule) feature weights, [feature][label]. */
  dense: number[][];
  bias: number[];
  temperature: number;
  /** Added to each label's logit after calibration, to meet the recall targets (tuned on training data). */
  offsets: number[];
  /** Calibrated probability at which a label needs no lexicon match behind it (see decide.ts). */
  unsupportedMin: number;
  provenance: string;
}

/**
 * Inference with the stored int8 weights kept as they are: 1.5 MB instead of 6 MB of floats, so
 * the random reads of hashed buckets mostly hit the CPU cache. Per-label scales are applied once
 * per message, not per feature.
 */
export class LogRegClassifier implements Classifier {
  private readonly acc = new Int32Array(K);

  constructor(
    /** Hashed weights, `HASH_SIZE × K`, int8; real weight = q × scale[k]. */
    readonly q: Int8Array,
    readonly scale: Float64Array,
    /** Rule-feature weights, `dense × K`. */
    readonly dense: Float64Array,
    readonly bias: Float64Array,
    readonly temperature: number,
    readonly offsets: Float64Array,
    readonly unsupportedMin = 1,
  ) {}

  /** Logits before calibration. */
  logits(f: Features, out: Float64Array): void {
    const q = this.q;
    const acc = this.acc;
    acc.fill(0);
    for (let k = 0; k < K; k++) out[k] = this.bias[k]!;
    // Hashed features of one kind share a value within a message (see extractFeatures), so
    // integer sums per value run are exact and cheap; fall back to floats when values differ.
    let runValue = f.size > 0 ? f.val[0]! : 0;
    for (let i = 0; i < f.size; i++) {
      const row = f.idx[i]!;
      const v = f.val[i]!;
      if (row >= HASH_SIZE) {
        const base = (row - HASH_SIZE) * K;
        for (let k = 0; k < K; k++) out[k]! += this.dense[base + k]! * v;
        continue;
      }
      if (v !== runValue) {
        for (let k = 0; k < K; k++) {
          out[k]! += acc[k]! * this.scale[k]! * runValue;
          acc[k] = 0;
        }
        runValue = v;
      }
      const base = row * K;
      for (let k = 0; k < K; k++) acc[k]! += q[base + k]!;
    }
    for (let k = 0; k < K; k++) out[k]! += acc[k]! * this.scale[k]! * runValue;
  }

  /**
   * The same logits as `logits(extractFeatures(…))`, computed from cached per-word sums instead of
   * one lookup per n-gram: the hot path of Detector.analyze.
   */
  messageLogits(tokens: readonly Token[], matches: readonly Match[], dense: Float32Array, out: Float64Array): void {
    if (K !== 6) throw new Error('messageLogits is written for six labels');
    const q = this.q;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let count = 0;
    let prev = SEED_BIGRAM;
    for (const t of tokens) {
      const info = t.info ?? wordInfo(t.text);
      if (info.sumsOwner !== this) this.fillSums(t, info);
      const bigram = bigramBucket(prev, info.hash) * K;
      a0 += info.s0 + q[bigram]!;
      a1 += info.s1 + q[bigram + 1]!;
      a2 += info.s2 + q[bigram + 2]!;
      a3 += info.s3 + q[bigram + 3]!;
      a4 += info.s4 + q[bigram + 4]!;
      a5 += info.s5 + q[bigram + 5]!;
      prev = info.hash;
      count += info.grams + 1;
    }
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    const { bias, scale } = this;
    out[0] = bias[0]! + a0 * scale[0]! * norm;
    out[1] = bias[1]! + a1 * scale[1]! * norm;
    out[2] = bias[2]! + a2 * scale[2]! * norm;
    out[3] = bias[3]! + a3 * scale[3]! * norm;
    out[4] = bias[4]! + a4 * scale[4]! * norm;
    out[5] = bias[5]! + a5 * scale[5]! * norm;
    // Tag and tag-pair features: their contribution depends only on the tags involved, so it is
    // summed once per tag set (or pair of tag sets) and reused.
    this.cur = out;
    forEachTagContext(matches, this.addSingle, this.addPair);
    for (let d = 0; d < dense.length; d++) {
      const v = dense[d]!;
      if (v === 0) continue;
      const base = d * K;
      for (let k = 0; k < K; k++) out[k]! += this.dense[base + k]! * v;
    }
  }

  private cur: Float64Array = new Float64Array(K);
  private readonly singleSums = new Map<number, Float64Array>();
  private readonly pairSums = new Map<number, Map<number, Float64Array>>();
  private readonly addSingle = (tags: number): void => {
    let sums = this.singleSums.get(tags);
    if (!sums) this.singleSums.set(tags, (sums = this.sumBuckets(tagBuckets(tags))));
    for (let k = 0; k < K; k++) this.cur[k]! += sums[k]!;
  };
  private readonly addPair = (a: number, b: number): void => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let inner = this.pairSums.get(lo);
    if (!inner) this.pairSums.set(lo, (inner = new Map<number, Float64Array>()));
    let sums = inner.get(hi);
    if (!sums) inner.set(hi, (sums = this.sumBuckets(pairBuckets(lo, hi))));
    for (let k = 0; k < K; k++) this.cur[k]! += sums[k]!;
  };

  private sumBuckets(buckets: number[]): Float64Array {
    const sums = new Float64Array(K);
    for (const b of buckets) for (let k = 0; k < K; k++) sums[k]! += this.q[b * K + k]! * this.scale[k]! * TAG_FEATURE_VALUE;
    return sums;
  }

  /** Sums a word's unigram and char n-gram weights per label onto its shared record. */
  private fillSums(t: Token, info: WordInfo): void {
    const w = wordFeatures(t);
    const sums = [0, 0, 0, 0, 0, 0];
    for (const b of w.buckets) for (let k = 0; k < K; k++) sums[k]! += this.q[b * K + k]!;
    [info.s0, info.s1, info.s2, info.s3, info.s4, info.s5] = sums as [number, number, number, number, number, number];
    info.hash = w.hash;
    info.grams = w.buckets.length;
    info.sumsOwner = this;
  }

  /** Turns logits into calibrated probabilities in place (temperature, offsets, softmax). */
  calibrate(out: Float64Array): void {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      out[k] = out[k]! / this.temperature + this.offsets[k]!;
      if (out[k]! > max) max = out[k]!;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) {
      out[k] = Math.exp(out[k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < K; k++) out[k]! /= sum;
  }

  /**
   * @example classifier.predict(features, probs); probs[LABELS.indexOf('abuse')]
   */
  predict(f: Features, out: Float64Array): void {
    this.logits(f, out);
    this.calibrate(out);
  }

  /** Calibrated probabilities of a message without building its feature vector. */
  predictMessage(tokens: readonly Token[], matches: readonly Match[], dense: Float32Array, out: Float64Array): void {
    this.messageLogits(tokens, matches, dense, out);
    this.calibrate(out);
  }

  /** Weight of one hashed bucket for label k (for model evidence). */
  weight(bucket: number, k: number): number {
    return this.q[bucket * K + k]! * this.scale[k]!;
  }
}

/**
 * Rebuilds a classifier from its stored form.
 * @example decodeModel(MODEL).predict(features, out)
 */
export function decodeModel(m: StoredModel): LogRegClassifier {
  if (1 << m.hashBits !== HASH_SIZE)
    throw new Error(`model was trained with ${m.hashBits} hash bits, code expects ${Math.log2(HASH_SIZE)}`);
  const q = new Int8Array(HASH_SIZE * K);
  const gaps = fromBase64(m.buckets);
  const stored = fromBase64(m.weights);
  let bucket = -1;
  let pos = 0;
  let n = 0;
  while (pos < gaps.length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = gaps[pos++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += gap;
    for (let k = 0; k < K; k++) {
      const v = stored[n * K + k]!;
      q[bucket * K + k] = v > 127 ? v - 256 : v;
    }
    n++;
  }
  const dense = new Float64Array(m.dense.length * K);
  m.dense.forEach((row, d) => row.forEach((v, k) => (dense[d * K + k] = v)));
  return new LogRegClassifier(
    q,
    Float64Array.from(m.scale),
    dense,
    Float64Array.from(m.bias),
    m.temperature,
    Float64Array.from(m.offsets),
    m.unsupportedMin ?? 1,
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 without Node's Buffer or the DOM's atob, so core stays runtime-neutral. */
export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64_INDEX[clean.charCodeAt(i)]!;
    const b = B64_INDEX[clean.charCodeAt(i + 1)]!;
    const c = i + 2 < clean.length ? B64_INDEX[clean.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < clean.length ? B64_INDEX[clean.charCodeAt(i + 3)]! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The inverse of fromBase64 (used by the training script). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s +=
      B64[(n >> 18) & 63]! +
      B64[(n >> 12) & 63]! +
      (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') +
      (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return s;
}

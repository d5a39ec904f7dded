/**
 * Trains Calmline's classifier and writes packages/core/src/detect/classify/_model.ts.
 *
 *   npm run train            (reads corpus/train.jsonl and, when present, ../shared/datasets)
 *
 * Reproducible: fixed seed, fixed sampling, no test data. Steps:
 * 1. Features for every training message come from the real pipeline (normalise → language →
 *    packs → structure rules → hashed n-grams), so training and inference cannot drift apart.
 * 2. Public data (Davidson et al. tweets, en, MIT; COLD, zh, Apache-2.0) is mapped to our labels
 *    and added with a lower weight, for robustness beyond our own sentences (see
 *    docs/MODEL.md for the mapping).
 * 3. 5-fold cross-validation on the training split gives out-of-fold probabilities; on them a
 *    temperature is fitted (calibration), and per-label logit offsets and the support gate
 *    (`unsupportedMin`) are tuned together for the contact-centre targets (recall of
 *    abuse/threat/self_harm, few false alarms), with a small penalty on large offsets.
 * 4. The final model is trained on the whole training split and stored quantised to int8.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Detector,
  loadCompiledPacks,
  COMPILED_PACKS,
  LABELS,
  HASH_SIZE,
  HASH_BITS,
  RULE_FEATURES,
  extractFeatures,
  toBase64,
  evaluate,
  formatReport,
  isLanguage,
  labelFromScores,
  type Label,
  type StoredModel,
} from '../packages/core/src/index.js';

const repo = join(import.meta.dirname, '..');
const K = LABELS.length;
const ROWS = HASH_SIZE + RULE_FEATURES.length;
const SEED = 20261122;
// Hyper-parameters; the environment overrides exist for cross-validated experiments
// (e.g. TRAIN_PUBLIC_WEIGHT=0 TRAIN_DRY=1 npm run train), the committed model uses the defaults.
const env = (name: string, fallback: number): number => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const EPOCHS = env('TRAIN_EPOCHS', 20);
const LR = env('TRAIN_LR', 0.15);
const L2_HASHED = env('TRAIN_L2_HASHED', 2e-6);
const L2_DENSE = env('TRAIN_L2_DENSE', 1e-7);
// Public data lowered cross-validated macro-F1 on our own corpus (docs/MODEL.md), so the shipped
// model uses none; TRAIN_PUBLIC_WEIGHT=0.25 brings it back for experiments.
const PUBLIC_WEIGHT = env('TRAIN_PUBLIC_WEIGHT', 0);
const DRY = env('TRAIN_DRY', 0) === 1;
// The lexicons were extended from training messages they missed, so on those messages the lexicon
// features explain the label and the n-gram weights stop learning from them; on messages from other
// sources the lexicon misses more often and the n-grams must carry the reading. Dropping the lexicon
// and rule features from a share of the training presentations keeps the n-grams trained.
const RULE_DROPOUT = env('TRAIN_RULE_DROPOUT', 0.3);
const FP_CEILING = env('TRAIN_FP_CEILING', 0.03);
// Offsets move whole labels at once; the objective is nearly flat over a wide range of them, and
// large ones fit the out-of-fold mix of this corpus rather than the messages a centre will see, so
// among near-ties the smaller offsets win. At 0.01 (until the ninth session) the search bought a
// little alarm recall with a frustration offset of +1.05, which turned plain questions ("where is my
// parcel?") into frustration: out-of-fold none recall 0.750. At 0.05 the offsets stay near zero,
// out-of-fold macro-F1 is higher (0.856 against 0.854) and none recall is 0.866.
const OFFSET_L2 = env('TRAIN_OFFSET_L2', 0.05);
/**
 * The probabilities at which a label may stand without a lexicon match behind it (tried in turn).
 * Never below 0.5: an alarm with no words to show for it must at least be more likely than not.
 */
const GATES = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1];

interface Example {
  idx: Int32Array;
  val: Float32Array;
  y: number;
  weight: number;
  own: boolean;
  lang: string;
  id: string;
  support: number;
  shielded: number;
  /** How many of the leading entries are n-grams (the rest are lexicon tags and rule features). */
  ngrams: number;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const NO_RULES = new Float32Array(RULE_FEATURES.length);
const detector = new Detector({ packs: loadCompiledPacks(COMPILED_PACKS) });
function featurise(text: string, y: Label, weight: number, own: boolean, lang: string, id: string): Example {
  const t = detector.trace(text, isLanguage(lang) ? { lang } : {});
  return {
    idx: t.features.idx.slice(0, t.features.size),
    val: t.features.val.slice(0, t.features.size),
    y: LABELS.indexOf(y),
    weight,
    own,
    lang,
    id,
    support: t.support,
    shielded: t.shielded,
    ngrams: extractFeatures(t.normalised, NO_RULES, []).size,
  };
}

// --- data ---------------------------------------------------------------------------------------
const own: Example[] = readFileSync(join(repo, 'corpus', 'train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string; label: Label; lang: string })
  .map((m) => featurise(m.text, m.label, 1, true, m.lang, m.id));

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const datasets = join(repo, '..', 'shared', 'datasets');
const pub: Example[] = [];
const rnd = mulberry32(SEED);
const provenance: string[] = ['corpus/train.jsonl (Calmline corpus, own work, CC0-1.0)'];
if (PUBLIC_WEIGHT > 0 && existsSync(join(datasets, 'davidson', 'labeled_data.csv'))) {
  // Davidson et al. 2017, MIT: class 0 hate speech → abuse, 1 offensive → profanity, 2 neither → none.
  const rows = parseCsv(readFileSync(join(datasets, 'davidson', 'labeled_data.csv'), 'utf8')).slice(1);
  const map: Label[] = ['abuse', 'profanity', 'none'];
  const take = [1200, 1200, 1200];
  for (const r of shuffle(rows, rnd)) {
    const cls = Number(r[5]);
    if (!(cls in map) || take[cls]! <= 0) continue;
    // Tweets carry handles, links and retweet markers that customer messages do not.
    const text = (r[6] ?? '')
      .replace(/@\w+:?/g, '')
      .replace(/https?:\/\/\S+/g, '')
      .replace(/\bRT\b/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#\d+;/g, ' ')
      .trim();
    if (text.length < 3) continue;
    take[cls]!--;
    pub.push(featurise(text, map[cls]!, PUBLIC_WEIGHT, false, 'en', `davidson-${r[0]}`));
  }
  provenance.push(
    `Davidson et al. 2017 hate-speech-and-offensive-language (MIT): 1,200 each of hate→abuse, offensive→profanity, neither→none, weight ${PUBLIC_WEIGHT}`,
  );
}
if (PUBLIC_WEIGHT > 0 && existsSync(join(datasets, 'cold', 'train.csv'))) {
  // COLD (Deng et al. 2022, Apache-2.0): offensive (1) → abuse, non-offensive (0) → none.
  const rows = parseCsv(readFileSync(join(datasets, 'cold', 'train.csv'), 'utf8'));
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const li = header.indexOf('label');
  const ti = header.indexOf('text');
  const take = [1200, 1200];
  for (const r of shuffle(rows.slice(1), rnd)) {
    const cls = Number(r[li]);
    if ((cls !== 0 && cls !== 1) || take[cls]! <= 0) continue;
    take[cls]!--;
    pub.push(featurise(r[ti] ?? '', cls === 1 ? 'abuse' : 'none', PUBLIC_WEIGHT, false, 'zh', `cold-${take[cls]}`));
  }
  provenance.push(
    `COLD (thu-coai/COLDataset, Apache-2.0) train split: 1,200 each of offensive→abuse, non-offensive→none, weight ${PUBLIC_WEIGHT}`,
  );
}
console.log(`own training messages: ${own.length}; public: ${pub.length}`);

// --- training ------------------------------------------------------------------------------------
/** Float weights while training; the shipped model is quantised (LogRegClassifier). */
class FloatModel {
  constructor(
    readonly w: Float32Array,
    readonly bias: Float64Array,
  ) {}
  logits(x: Example, out: Float64Array, length = x.idx.length): void {
    for (let k = 0; k < K; k++) out[k] = this.bias[k]!;
    for (let j = 0; j < length; j++) {
      const base = x.idx[j]! * K;
      const v = x.val[j]!;
      for (let k = 0; k < K; k++) out[k]! += this.w[base + k]! * v;
    }
  }
}

function classWeights(xs: Example[]): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const x of xs) if (x.own) counts[x.y]!++;
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (c === 0 ? 1 : total / (K * c)));
}

function train(xs: Example[], seed: number): FloatModel {
  const w = new Float32Array(ROWS * K);
  const g2 = new Float32Array(ROWS * K);
  const bias = new Float64Array(K);
  const bg2 = new Float64Array(K);
  const cw = classWeights(xs);
  const r = mulberry32(seed);
  const order = xs.map((_, i) => i);
  const z = new Float64Array(K);
  const clf = new FloatModel(w, bias);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffle(order, r);
    for (const i of order) {
      const x = xs[i]!;
      // Lexicon dropout: now and then the message is seen by its words alone, so the n-gram weights
      // keep learning from messages the lexicons already explain (see RULE_DROPOUT).
      const length = r() < RULE_DROPOUT ? x.ngrams : x.idx.length;
      clf.logits(x, z, length);
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      const weight = x.weight * cw[x.y]!;
      for (let k = 0; k < K; k++) {
        const g = weight * (z[k]! / sum - (k === x.y ? 1 : 0));
        bg2[k]! += g * g;
        bias[k]! -= (LR * g) / Math.sqrt(bg2[k]! + 1e-8);
        for (let j = 0; j < length; j++) {
          const row = x.idx[j]!;
          const p = row * K + k;
          const l2 = row >= HASH_SIZE ? L2_DENSE : L2_HASHED;
          const gw = g * x.val[j]! + l2 * w[p]!;
          g2[p]! += gw * gw;
          w[p]! -= (LR * gw) / Math.sqrt(g2[p]! + 1e-8);
        }
      }
    }
  }
  return clf;
}

// --- cross-validation on the training split --------------------------------------------------------
const FOLDS = 5;
const foldOf = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
};
const oofLogits = own.map(() => new Float64Array(K));
for (let f = 0; f < FOLDS; f++) {
  const clf = train([...own.filter((x) => foldOf(x.id) !== f), ...pub], SEED + f);
  own.forEach((x, i) => {
    if (foldOf(x.id) === f) clf.logits(x, oofLogits[i]!);
  });
}

function probs(logits: Float64Array, t: number, off: ArrayLike<number>): Float64Array {
  const p = new Float64Array(K);
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, (p[k] = logits[k]! / t + off[k]!));
  let s = 0;
  for (let k = 0; k < K; k++) s += p[k] = Math.exp(p[k]! - max);
  for (let k = 0; k < K; k++) p[k]! /= s;
  return p;
}

// Temperature: minimise out-of-fold negative log-likelihood.
let temperature = 1;
let bestNll = Infinity;
for (let t = 0.3; t <= 4; t += 0.05) {
  let nll = 0;
  own.forEach((x, i) => (nll -= Math.log(probs(oofLogits[i]!, t, new Float64Array(K))[x.y]! + 1e-12)));
  if (nll < bestNll) {
    bestNll = nll;
    temperature = t;
  }
}

let unsupportedMin = 1;
function score(off: number[], minP = unsupportedMin): { objective: number; report: ReturnType<typeof evaluate> } {
  const rows = own.map((x, i) => ({
    gold: LABELS[x.y]!,
    predicted: labelFromScores(probs(oofLogits[i]!, temperature, off), x.support, minP, x.shielded),
    lang: x.lang,
  }));
  const report = evaluate(rows);
  const shortfall = (['abuse', 'threat', 'self_harm'] as const).reduce((s, l) => s + Math.max(0, 0.95 - report.recall[l]), 0);
  // Recall of abuse/threat/self_harm is traded against macro-F1; the false-alarm ceiling is a hard
  // limit (a console that cries wolf on angry customers is switched off).
  // The product's ceiling: at most 3% of none+frustration flagged. Out-of-fold over the training
  // split, whose extra messages are full of alarming-looking hard negatives, is the stricter test.
  const overFp = report.falsePositiveRate - FP_CEILING;
  // Below the ceiling, fewer false alarms still count a little: out-of-fold figures flatter the
  // lexicons (they were revised on this split), so near-ties go to the more cautious setting.
  // Over the ceiling, a setting loses to every setting under it (the penalty exceeds any gain).
  const spread = off.reduce((a, o) => a + o * o, 0);
  const objective =
    report.macroF1 - 2 * shortfall - (overFp > 0 ? 10 + 100 * overFp : 0) - 0.5 * report.falsePositiveRate - OFFSET_L2 * spread;
  return { objective, report };
}
// Offsets and the support gate are chosen together: for each gate, a coordinate search on the
// out-of-fold predictions (training split only) finds the offsets, and the best pair wins. Searching
// the offsets with the gate shut first (as before) let the self_harm offset grow for free, since
// unsupported labels could not stand anyway; opening the gate afterwards then turned that offset into
// model-only alarms on short, feature-poor lines ("No, that's everything. Bye.").
function searchOffsets(minP: number): { offsets: number[]; best: ReturnType<typeof score> } {
  const off = new Array<number>(K).fill(0);
  let top = score(off, minP);
  for (let round = 0; round < 3; round++) {
    for (let k = 1; k < K; k++) {
      for (const d of [-1, -0.6, -0.3, -0.15, 0.15, 0.3, 0.6, 1]) {
        const trial = [...off];
        trial[k]! += d;
        const s = score(trial, minP);
        if (s.objective > top.objective + 1e-9) {
          top = s;
          off[k] = trial[k]!;
        }
      }
    }
  }
  return { offsets: off, best: top };
}
let offsets = new Array<number>(K).fill(0);
let best = score(offsets);
for (const minP of GATES) {
  const found = searchOffsets(minP);
  const r = found.best.report;
  console.log(
    `  p ≥ ${minP}: macro-F1 ${r.macroF1.toFixed(3)}, recall abuse ${r.recall.abuse.toFixed(2)} threat ${r.recall.threat.toFixed(2)} self_harm ${r.recall.self_harm.toFixed(2)}, false alarms ${(100 * r.falsePositiveRate).toFixed(1)}%, offsets ${found.offsets.map((o) => o.toFixed(2)).join(' ')}`,
  );
  if (found.best.objective > best.objective + 1e-9) {
    best = found.best;
    offsets = found.offsets;
    unsupportedMin = minP;
  }
}
console.log(`unsupported labels need p ≥ ${unsupportedMin}`);
console.log(`temperature ${temperature.toFixed(2)}, offsets ${offsets.map((o) => o.toFixed(2)).join(' ')}`);
console.log('out-of-fold on the training split (5-fold CV):');
console.log(formatReport(best.report));

if (DRY) process.exit(0);

// --- final model ---------------------------------------------------------------------------------
const final = train([...own, ...pub], SEED);
const scale = new Array<number>(K).fill(0);
for (let r = 0; r < HASH_SIZE; r++) for (let k = 0; k < K; k++) scale[k] = Math.max(scale[k]!, Math.abs(final.w[r * K + k]!));
for (let k = 0; k < K; k++) scale[k] = scale[k]! / 127 || 1;
const gaps: number[] = [];
const q: number[] = [];
let last = -1;
for (let r = 0; r < HASH_SIZE; r++) {
  const row = Array.from({ length: K }, (_, k) => Math.round(final.w[r * K + k]! / scale[k]!));
  if (row.every((v) => v === 0)) continue;
  let gap = r - last;
  last = r;
  do {
    const b = gap & 0x7f;
    gap = Math.floor(gap / 128);
    gaps.push(gap > 0 ? b | 0x80 : b);
  } while (gap > 0);
  for (const v of row) q.push(v < 0 ? v + 256 : v);
}
const dense = RULE_FEATURES.map((_, d) => Array.from({ length: K }, (_, k) => Number(final.w[(HASH_SIZE + d) * K + k]!.toFixed(5))));
const model: StoredModel = {
  hashBits: HASH_BITS,
  denseNames: [...RULE_FEATURES],
  buckets: toBase64(Uint8Array.from(gaps)),
  weights: toBase64(Uint8Array.from(q)),
  scale: scale.map((s) => Number(s.toPrecision(6))),
  dense,
  bias: Array.from(final.bias, (b) => Number(b.toFixed(5))),
  temperature: Number(temperature.toFixed(3)),
  offsets: offsets.map((o) => Number(o.toFixed(3))),
  unsupportedMin,
  provenance: provenance.join('; '),
};
writeFileSync(
  join(repo, 'packages', 'core', 'src', 'detect', 'classify', '_model.ts'),
  `/**
 * @module detect/classify/_model
 * GENERATED by scripts/train-classifier.ts (npm run train) — do not edit by hand.
 * Trained on: ${model.provenance}.
 */
import type { StoredModel } from './LogRegClassifier.js';

export const MODEL: StoredModel | null = ${JSON.stringify(model)};
`,
);
console.log(`wrote _model.ts: ${q.length / K} hashed buckets, ${(model.weights.length / 1024).toFixed(0)} KB weights`);

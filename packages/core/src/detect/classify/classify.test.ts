/**
 * The analyze hot path scores a message from cached per-word weight sums; training and the
 * feature vector use one lookup per n-gram. Both must give the same probabilities, or the shipped
 * model would not be the model that was evaluated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../createDetector.js';
import { LABELS } from '../types.js';
import type { LogRegClassifier } from './LogRegClassifier.js';

const detector = createDetector();
const clf = detector.classifier as LogRegClassifier;
const texts = readFileSync(fileURLToPath(new URL('../../../../../corpus/train.jsonl', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 400)
  .map((l) => (JSON.parse(l) as { text: string }).text);

describe('LogRegClassifier', () => {
  it('scores a message the same from cached word sums as from its feature vector', () => {
    const slow = new Float64Array(LABELS.length);
    const fast = new Float64Array(LABELS.length);
    for (const text of [...texts, ...texts]) {
      const t = detector.trace(text);
      clf.predict(t.features, slow);
      clf.predictMessage(t.normalised.tokens, t.matches, t.dense, fast);
      for (let k = 0; k < LABELS.length; k++) expect(fast[k]).toBeCloseTo(slow[k]!, 6); // float32 vs float64 scaling
    }
  });

  it('gives calibrated probabilities that sum to one', () => {
    const p = new Float64Array(LABELS.length);
    const t = detector.trace('I will find you');
    clf.predict(t.features, p);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

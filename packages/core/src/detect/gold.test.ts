/**
 * The held-out gold corpus (corpus/test.jsonl, never used for training, tuning or rule writing)
 * against score floors. The floors sit just under the last measured figures (docs/BENCHMARKS.md),
 * so a change that makes detection worse fails here. They are NOT the targets of the detection
 * issue (macro-F1 ≥ 0.90, recall ≥ 0.95, ≤ 3% false alarms), which are not reached yet: raise
 * the floors as the figures improve.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from './createDetector.js';
import { evaluate } from './evaluate.js';
import type { Label, Language } from './types.js';

/**
 * Measured 2026-11-22, seventh session (docs/BENCHMARKS.md): macro-F1 0.886; recall abuse 0.906,
 * threat 0.849, self_harm 0.912; 2.7% false alarms; worst language flagged-F1 0.917 (de).
 */
const FLOORS = {
  macroF1: 0.87,
  recallAbuse: 0.88,
  recallThreat: 0.82,
  recallSelfHarm: 0.9,
  maxFalsePositiveRate: 0.03,
  minLanguageFlaggedF1: 0.89,
};

const file = fileURLToPath(new URL('../../../../corpus/test.jsonl', import.meta.url));
const rows = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; label: Label; lang: Language });
const detector = createDetector();
const report = evaluate(rows.map((r) => ({ gold: r.label, predicted: detector.analyze(r.text, { lang: r.lang }).label, lang: r.lang })));

describe('held-out gold corpus', () => {
  it(`has all ten languages and all six labels (${rows.length} messages)`, () => {
    expect(report.perLanguage).toHaveLength(10);
    expect(report.perLabel.every((l) => l.support > 0)).toBe(true);
  });

  it('macro-F1 stays above its floor', () => {
    expect(report.macroF1).toBeGreaterThanOrEqual(FLOORS.macroF1);
  });

  it('recall of abuse, threat and self_harm stays above its floors', () => {
    expect(report.recall.abuse).toBeGreaterThanOrEqual(FLOORS.recallAbuse);
    expect(report.recall.threat).toBeGreaterThanOrEqual(FLOORS.recallThreat);
    expect(report.recall.self_harm).toBeGreaterThanOrEqual(FLOORS.recallSelfHarm);
  });

  it('at most 3% of none+frustration messages are flagged as abuse, threat or self_harm', () => {
    expect(report.falsePositiveRate).toBeLessThanOrEqual(FLOORS.maxFalsePositiveRate);
  });

  it('no language falls below the flagged-or-not floor', () => {
    for (const l of report.perLanguage) expect(l.flaggedF1, l.lang).toBeGreaterThanOrEqual(FLOORS.minLanguageFlaggedF1);
  });
});

/**
 * The held-out gold corpus (corpus/test.jsonl) and the fresh test part (corpus/test-fresh.jsonl),
 * neither used for training, tuning or rule writing, against score floors. The floors sit just under the last measured figures (docs/BENCHMARKS.md),
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

interface Floors {
  macroF1: number;
  recallAbuse: number;
  recallThreat: number;
  recallSelfHarm: number;
  maxFalsePositiveRate: number;
  minLanguageFlaggedF1: number;
}

const SETS: { name: string; file: string; floors: Floors }[] = [
  {
    /**
     * The split made once at the start (corpus/test.jsonl). Measured 2026-11-23, ninth session, after
     * training rounds eleven to thirteen, the lexicons' ninth-session entries and smaller offsets
     * (docs/BENCHMARKS.md): macro-F1 0.891; recall abuse 0.888, threat 0.858, self_harm 0.925; 1.5%
     * false alarms; worst language flagged-F1 0.881 (fr).
     */
    name: 'held-out gold corpus',
    file: 'test.jsonl',
    floors: {
      macroF1: 0.88,
      recallAbuse: 0.87,
      recallThreat: 0.84,
      recallSelfHarm: 0.91,
      maxFalsePositiveRate: 0.03,
      minLanguageFlaggedF1: 0.87,
    },
  },
  {
    /**
     * The fresh test part (corpus/fresh/, 700 messages written 2026-11-23 by writers who saw neither
     * the corpus nor the word lists), measured eight times: before round nine, after it, after round
     * ten (eighth session); after round eleven, twice after round twelve (before and after a lexicon
     * mend), after round thirteen with the lexicons' new entries, and after the offsets' penalty was
     * raised (chosen on cross-validation) (ninth session). Last: macro-F1 0.937; recall abuse 0.950,
     * threat 0.900, self_harm 0.975; 2.7% false alarms; worst language flagged-F1 0.906 (en).
     */
    name: 'fresh test part',
    file: 'test-fresh.jsonl',
    floors: {
      macroF1: 0.92,
      recallAbuse: 0.93,
      recallThreat: 0.87,
      recallSelfHarm: 0.95,
      maxFalsePositiveRate: 0.03,
      minLanguageFlaggedF1: 0.9,
    },
  },
];

const detector = createDetector();

describe.each(SETS)('$name', ({ file, floors }) => {
  const rows = readFileSync(fileURLToPath(new URL(`../../../../corpus/${file}`, import.meta.url)), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; label: Label; lang: Language });
  const report = evaluate(rows.map((r) => ({ gold: r.label, predicted: detector.analyze(r.text, { lang: r.lang }).label, lang: r.lang })));

  it(`has all ten languages and all six labels (${rows.length} messages)`, () => {
    expect(report.perLanguage).toHaveLength(10);
    expect(report.perLabel.every((l) => l.support > 0)).toBe(true);
  });

  it('macro-F1 stays above its floor', () => {
    expect(report.macroF1).toBeGreaterThanOrEqual(floors.macroF1);
  });

  it('recall of abuse, threat and self_harm stays above its floors', () => {
    expect(report.recall.abuse).toBeGreaterThanOrEqual(floors.recallAbuse);
    expect(report.recall.threat).toBeGreaterThanOrEqual(floors.recallThreat);
    expect(report.recall.self_harm).toBeGreaterThanOrEqual(floors.recallSelfHarm);
  });

  it('at most 3% of none+frustration messages are flagged as abuse, threat or self_harm', () => {
    expect(report.falsePositiveRate).toBeLessThanOrEqual(floors.maxFalsePositiveRate);
  });

  it('no language falls below the flagged-or-not floor', () => {
    for (const l of report.perLanguage) expect(l.flaggedF1, l.lang).toBeGreaterThanOrEqual(floors.minLanguageFlaggedF1);
  });
});

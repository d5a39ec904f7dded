/**
 * The held-out agent drafts (corpus/drafts/test, written by people who never saw the cue lists)
 * against score floors: a change that makes the coach worse on drafts it was not tuned on fails here.
 * The floors sit just under the figures measured with `npm run eval:coach` (docs/BENCHMARKS.md).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../detect/createDetector.js';
import { createCoach } from './createCoach.js';
import { parseDraftLines, scoreDrafts, type DraftRecord } from './drafts.js';
import { evaluateCoach } from './evaluate.js';

const dir = fileURLToPath(new URL('../../../../corpus/drafts/test/', import.meta.url));
/**
 * The targets are precision ≥ 0.90 and recall ≥ 0.85. Measured 2026-11-22: precision 0.957,
 * recall 0.809, 2.7% of clean drafts flagged; worst language precision 0.898 (uk), recall 0.707
 * (pl) (docs/BENCHMARKS.md). Recall is not there yet, so its floor sits under the measure.
 */
const FLOORS = { precision: 0.93, recall: 0.78, perLanguagePrecision: 0.87, perLanguageRecall: 0.68, falseAlarmRate: 0.05 };

describe('draft coach on the held-out drafts', () => {
  const records: DraftRecord[] = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => {
      const read = parseDraftLines(readFileSync(join(dir, f), 'utf8'));
      if (read.errors.length > 0) throw new Error(`${f}:${read.errors[0]!.line}: ${read.errors[0]!.error}`);
      return read.records;
    });
  const detector = createDetector();
  const report = evaluateCoach(scoreDrafts(createCoach(detector), detector, records));

  it('has at least 60 drafts in every language', () => {
    expect(report.perLanguage).toHaveLength(10);
    for (const l of report.perLanguage) expect(l.drafts, l.lang).toBeGreaterThanOrEqual(60);
  });

  it('reaches the precision and recall floors over all kinds and per language', () => {
    expect(report.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(report.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(FLOORS.falseAlarmRate);
    for (const l of report.perLanguage) {
      expect(l.precision, l.lang).toBeGreaterThanOrEqual(FLOORS.perLanguagePrecision);
      expect(l.recall, l.lang).toBeGreaterThanOrEqual(FLOORS.perLanguageRecall);
    }
  });
});

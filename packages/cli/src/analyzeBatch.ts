/**
 * @module analyzeBatch
 * Turns a batch of input items into output JSON lines. Runs inside worker threads (and in the
 * main thread with --workers 0); keeps no state beyond the detector.
 */
import type { Detector } from '@calmline/core/detect';
import type { InputItem } from './input/records.js';
import { validateRecord } from './input/validate.js';

/**
 * @example analyzeBatch(detector, [{ line: 1, json: '{"text":"hi"}' }]) // '{"id":null,"label":"none",…}\n'
 */
export function analyzeBatch(detector: Detector, items: InputItem[]): string {
  let out = '';
  for (const item of items) {
    if ('error' in item) {
      out += JSON.stringify({ line: item.line, error: item.error }) + '\n';
      continue;
    }
    let value: unknown;
    if ('json' in item) {
      try {
        value = JSON.parse(item.json);
      } catch (e) {
        out += JSON.stringify({ line: item.line, error: `not valid JSON: ${(e as Error).message}` }) + '\n';
        continue;
      }
    } else value = item.record;
    const input = validateRecord(value);
    if ('error' in input) {
      out += JSON.stringify({ line: item.line, error: input.error }) + '\n';
      continue;
    }
    const a = detector.analyze(input.text, { lang: input.lang });
    out +=
      JSON.stringify({
        id: input.id,
        label: a.label,
        severity: a.severity,
        language: a.language,
        scores: a.scores,
        evidence: a.evidence,
        masked: a.masked,
        truncated: a.truncated,
      }) + '\n';
  }
  return out;
}

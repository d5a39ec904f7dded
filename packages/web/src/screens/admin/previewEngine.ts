/**
 * The detector and protocol for the policy preview, in their own chunk: the model and the language
 * data the samples need (English, and any pack the language guess brings along) load with this
 * chunk, when an admin first plays a sample.
 */
import { createDetector, createProtocol, languagesFor, loadLanguages, loadModel, type Detector, type Policy } from '@calmline/core/lazy';
import { runPreview, SAMPLE_LANG, type PreviewRow } from './runPreview';
import { SAMPLES } from './previewSamples';

await Promise.all([
  loadLanguages(
    languagesFor(
      SAMPLES.flatMap((s) => s.lines),
      { lang: SAMPLE_LANG },
    ),
  ),
  loadModel(),
]);

let detector: Detector | undefined;

export function playSample(policy: Policy, lines: readonly string[]): PreviewRow[] {
  detector ??= createDetector();
  return runPreview(detector, createProtocol, policy, lines);
}

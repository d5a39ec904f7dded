/**
 * The detector and protocol for the policy preview, in their own chunk: the detector carries the
 * language packs and model, which only load when an admin plays a sample.
 */
import { createDetector, createProtocol, type Detector, type Policy } from '@calmline/core';
import { runPreview, type PreviewRow } from './runPreview';

let detector: Detector | undefined;

export function playSample(policy: Policy, lines: readonly string[]): PreviewRow[] {
  detector ??= createDetector();
  return runPreview(detector, createProtocol, policy, lines);
}

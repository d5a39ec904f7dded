/**
 * @module detect/createDetector
 * Builds the default Detector: every shipped language pack (compiled at build time by
 * scripts/pack-lexicons.ts) and the shipped classifier.
 */
import { MODEL } from './classify/_model.js';
import { Detector } from './Detector.js';
import { detectorOptions, type CreateDetectorOptions } from './detectorOptions.js';
import { COMPILED_PACKS } from './packs/_compiled.js';
import { loadCompiledPacks } from './packs/registry.js';

export type { CreateDetectorOptions };

/**
 * Loads packs and model (about 100 ms) and returns a reusable detector.
 * @example createDetector().analyze('Where is my parcel?').label // 'none'
 */
export function createDetector(opts: CreateDetectorOptions = {}): Detector {
  return new Detector(detectorOptions(loadCompiledPacks(COMPILED_PACKS), MODEL, opts));
}

/**
 * @module detect/createDetector
 * Builds the default Detector: every shipped language pack (compiled at build time by
 * scripts/pack-lexicons.ts) and the shipped classifier.
 */
import { MODEL } from './classify/_model.js';
import { decodeModel } from './classify/LogRegClassifier.js';
import { Detector } from './Detector.js';
import { COMPILED_PACKS } from './packs/_compiled.js';
import { loadCompiledPacks } from './packs/registry.js';
import { RULE_FEATURES } from './rules/structure.js';

export interface CreateDetectorOptions {
  /** Analysis cap in UTF-16 code units (default 5000). */
  maxLength?: number;
  /** Use the structure rules alone, without the learned classifier. */
  rulesOnly?: boolean;
}

/**
 * Loads packs and model (about 100 ms) and returns a reusable detector.
 * @example createDetector().analyze('Where is my parcel?').label // 'none'
 */
export function createDetector(opts: CreateDetectorOptions = {}): Detector {
  const packs = loadCompiledPacks(COMPILED_PACKS);
  if (MODEL && MODEL.denseNames.join() !== RULE_FEATURES.join())
    throw new Error('the shipped model was trained with other rule features than this code has: run `npm run train`');
  const classifier = opts.rulesOnly || MODEL === null ? null : decodeModel(MODEL);
  return new Detector({ packs, classifier, ...(opts.maxLength !== undefined ? { maxLength: opts.maxLength } : {}) });
}

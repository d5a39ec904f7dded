/**
 * @module detect/detectorOptions
 * What a Detector is built from, given packs and a model: shared by Node's createDetector (every
 * shipped pack, imported statically) and the browser's (the languages loaded so far), so both read
 * text the same way.
 */
import { decodeModel, type StoredModel } from './classify/LogRegClassifier.js';
import type { DetectorOptions } from './Detector.js';
import type { Pack } from './packs/compile.js';
import { RULE_FEATURES } from './rules/structure.js';

export interface CreateDetectorOptions {
  /** Analysis cap in UTF-16 code units (default 5000). */
  maxLength?: number;
  /** Use the structure rules alone, without the learned classifier. */
  rulesOnly?: boolean;
}

/**
 * Checks the model against this code's rule features and decodes it (unless rules only).
 * @example new Detector(detectorOptions(loadCompiledPacks(COMPILED_PACKS), MODEL, {}))
 */
export function detectorOptions(packs: Pack[], model: StoredModel | null, opts: CreateDetectorOptions): DetectorOptions {
  if (model && model.denseNames.join() !== RULE_FEATURES.join())
    throw new Error('the shipped model was trained with other rule features than this code has: run `npm run train`');
  const classifier = opts.rulesOnly || model === null ? null : decodeModel(model);
  return { packs, classifier, ...(opts.maxLength !== undefined ? { maxLength: opts.maxLength } : {}) };
}

/**
 * @module detect
 * Detection of frustration, profanity, abuse, threats and self-harm in customer messages.
 */
export * from './types.js';
export { Detector, DEFAULT_MAX_LENGTH, type DetectorOptions, type Trace } from './Detector.js';
export { createDetector, type CreateDetectorOptions } from './createDetector.js';
export { normalise, type Normalised, type Token } from './normalise/index.js';
export { loadPacks, loadCompiledPacks } from './packs/registry.js';
export {
  compilePack,
  lexiconBody,
  tsvBody,
  toCompiled,
  fromCompiled,
  PackSyntaxError,
  type Pack,
  type PackSource,
  type Entry,
  type CompiledPack,
} from './packs/compile.js';
export { COMPILED_PACKS } from './packs/_compiled.js';
export { Tag, TAG_NAMES } from './packs/tags.js';
export { RULE_FEATURES } from './rules/structure.js';
export { extractFeatures, HASH_SIZE, HASH_BITS, type Features } from './classify/features.js';
export { LogRegClassifier, decodeModel, toBase64, type StoredModel } from './classify/LogRegClassifier.js';
export { langBit } from './match/TrieMatcher.js';
export { labelFromScores } from './decide.js';
export { evaluate, formatReport, FLAGGED, type EvalReport, type Scored, type LabelScore, type LanguageScore } from './evaluate.js';

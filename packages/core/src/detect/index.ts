/**
 * @module detect
 * Detection of frustration, profanity, abuse, threats and self-harm in customer messages.
 */
export * from './types.js';
export { Detector, DEFAULT_MAX_LENGTH, type DetectorOptions, type Trace } from './Detector.js';
export { createDetector, type CreateDetectorOptions } from './createDetector.js';
export { normalise, type Normalised, type Token } from './normalise/index.js';
export { loadPacks } from './packs/registry.js';
export { compilePack, PackSyntaxError, type Pack, type PackSource, type Entry } from './packs/compile.js';
export { PACK_SOURCES } from './packs/_data.js';
export { Tag, TAG_NAMES } from './packs/tags.js';
export { RULE_FEATURES } from './rules/structure.js';
export { extractFeatures, HASH_SIZE, HASH_BITS, type Features } from './classify/features.js';
export { LogRegClassifier, decodeModel, toBase64, type StoredModel } from './classify/LogRegClassifier.js';
export { langBit } from './match/TrieMatcher.js';
export { labelFromScores } from './decide.js';
export { evaluate, formatReport, FLAGGED, type EvalReport, type Scored, type LabelScore, type LanguageScore } from './evaluate.js';

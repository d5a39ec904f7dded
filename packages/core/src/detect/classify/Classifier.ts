/**
 * @module detect/classify/Classifier
 * The role: turn a feature vector into a probability per label.
 */
import type { Match } from '../match/Matcher.js';
import type { Token } from '../normalise/index.js';
import type { Features } from './features.js';

export interface Classifier {
  /** Calibrated probability at which a label stands without lexicon support (1 = never). */
  readonly unsupportedMin: number;
  /** Writes one calibrated probability per label (LABELS order) into `out`. */
  predict(features: Features, out: Float64Array): void;
  /** The same as predict(extractFeatures(…)) without building the vector (the hot path). */
  predictMessage(tokens: readonly Token[], matches: readonly Match[], dense: Float32Array, out: Float64Array): void;
}

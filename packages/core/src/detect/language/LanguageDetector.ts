/**
 * @module detect/language/LanguageDetector
 * The role: say which language a short message is in, and which packs should apply to it.
 */
import type { Normalised } from '../normalise/index.js';
import type { Language } from '../types.js';

export interface LanguageGuess {
  language: Language;
  /** Bit set (see langBit) of languages whose pack entries apply: the guess, plus close runners-up and other scripts present. */
  active: number;
  /** 0–1: how clearly the text pointed at `language`. */
  confidence: number;
}

export interface LanguageDetector {
  detect(text: Normalised): LanguageGuess;
}

/**
 * @module detect/types
 * The public shapes of a detection result. Everything the server, CLI and web UI show about a
 * customer message is one of these.
 */

/** The six labels of LABELS.md, least to most severe. */
export const LABELS = ['none', 'frustration', 'profanity', 'abuse', 'threat', 'self_harm'] as const;
/** One label per message: the most severe that applies. */
export type Label = (typeof LABELS)[number];

/**
 * Precedence when several labels apply: threat > self_harm > abuse > profanity > frustration > none.
 * @example PRECEDENCE.indexOf('threat') // 0, the most urgent
 */
export const PRECEDENCE: readonly Label[] = ['threat', 'self_harm', 'abuse', 'profanity', 'frustration', 'none'];

/** The languages Calmline ships packs for. */
export const LANGUAGES = ['en', 'ru', 'pl', 'zh', 'he', 'uk', 'de', 'es', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A piece of the original text that supports a label.
 *
 * Span convention (the only one in Calmline): `[start, end)` half-open, in UTF-16 code units of the
 * ORIGINAL text as given by the caller, so `text.slice(start, end)` is the evidence. Spans never
 * split a surrogate pair.
 * @example { start: 4, end: 9, category: 'abuse', rule: 'lexicon:en:insult' }
 */
export interface Evidence {
  start: number;
  end: number;
  /** The label this piece of evidence supports. */
  category: Label;
  /** What produced it: `lexicon:<lang>:<tag>`, `structure:<rule>` or `model:<name>`. */
  rule: string;
}

/** The analysis of one customer message. */
export interface Analysis {
  label: Label;
  /** 0 nothing to act on (none, frustration), 1 profanity, 2 abuse, 3 threat, self-harm or severe abuse. */
  severity: 0 | 1 | 2 | 3;
  /** Detected (or caller-given) language of the message. */
  language: Language;
  /** Calibrated probability per label; they sum to 1. */
  scores: Record<Label, number>;
  evidence: Evidence[];
  /** The original text with abusive and profane spans replaced by `*`, same length in UTF-16 units. */
  masked: string;
  /** True when the message was longer than the analysis cap and only its start was analysed. */
  truncated: boolean;
}

/** Options for one call. */
export interface AnalyzeOptions {
  /** A caller-given language always wins over detection. */
  lang?: Language | undefined;
  /**
   * The text is in `lang` only: no other pack applies except global words. For text whose language
   * is certain, such as an agent's draft in the conversation's language (German "dran" is not the
   * Polish insult "drań").
   */
  strictLanguage?: boolean | undefined;
}

/**
 * Tells whether a string is one of the supported language codes.
 * @example isLanguage('uk') // true
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Tells whether a string is one of the six labels.
 * @example isLabel('abuse') // true
 */
export function isLabel(value: unknown): value is Label {
  return typeof value === 'string' && (LABELS as readonly string[]).includes(value);
}

/**
 * @module analytics/terms
 * Recurring terms in angry customer messages: the words that set frustrated and abusive messages
 * apart from calm ones in the same language, as clues to what makes customers angry (a late
 * refund, a broken router), never a list of insults.
 *
 * Words come from Intl.Segmenter where a script is written without spaces (dictionary-based for
 * Chinese, Japanese, Thai…); elsewhere a Unicode letter-run pattern gives the same words some
 * thirty times faster (Node's segmenter costs about 2 µs a word, seconds on a year of messages;
 * a test checks both agree on every other shipped language). Words are lower-cased in the
 * message's language. Left out: words inside the detector's abuse, threat, profanity and self-harm evidence
 * (insults are not root causes; frustration evidence stays, because the detector's frustration
 * cues include the very topics, such as "refund" or 退款), anything with a digit, e-mail
 * addresses, web addresses and phone numbers, words of one character, and any word seen in fewer
 * than three conversations, so no single customer's details surface.
 *
 * Ranking: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
 * "Fightin' Words"), angry messages against calm (`none`) ones, the prior being the two together.
 * Words common to both (the, und, 的) score near zero without any stop-word list; the z-score
 * favours words that are both distinctive and frequent.
 */
import type { Label } from '@calmline/core';

export const TOP_TERMS = 20;
export const MIN_CONVERSATIONS = 3;
/** Evidence of these categories is removed before counting words. */
const EXCLUDED_EVIDENCE: readonly string[] = ['profanity', 'abuse', 'threat', 'self_harm'];

export interface TermMessage {
  conversationId: string;
  label: Label;
  language: string;
  text: string;
  /** The stored analysis JSON (its evidence spans are [start, end) in UTF-16 units of text). */
  analysis: string | null;
}

export interface RankedTerm {
  term: string;
  /** Occurrences in angry messages. */
  count: number;
  /** Distinct conversations whose angry messages use it. */
  conversations: number;
  /** Occurrences in calm messages. */
  calmCount: number;
  /** Log-odds z-score: how strongly the word marks angry messages. */
  score: number;
}

/** E-mail addresses, web addresses (with a scheme, www. or a bare domain) and phone-like digit runs, each with a cheap test first. */
const PRIVATE: [(text: string) => boolean, RegExp][] = [
  [(t) => t.includes('@'), /[^\s@]+@[^\s@]+/gu],
  [(t) => t.includes('.'), /\b(?:https?:\/\/|www\.)\S+/giu],
  [(t) => t.includes('.'), /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|info|io|de|fr|es|pl|ru|uk|ua|cn|il|eu|co)\b\S*/giu],
  [(t) => /\d/.test(t), /\+?\d[\d\s().-]{5,}\d/gu],
];

/** The text with private things blanked to spaces of the same length, so evidence offsets still hold. */
function blankPrivate(text: string): string {
  let out = text;
  for (const [maybe, re] of PRIVATE) if (maybe(out)) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

function excludedSpans(analysis: string | null): [number, number][] {
  // Most messages have no evidence at all: skip parsing their JSON.
  if (analysis === null || analysis.includes('"evidence":[]')) return [];
  try {
    const parsed = JSON.parse(analysis) as { evidence?: { start: number; end: number; category: string }[] };
    return (parsed.evidence ?? []).filter((e) => EXCLUDED_EVIDENCE.includes(e.category)).map((e) => [e.start, e.end]);
  } catch {
    return [];
  }
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, { granularity: 'word' })));
  return s;
}

/** Scripts written without spaces between words: only a dictionary finds the words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A word as Unicode's word-boundary rules see it in spaced scripts: letters, marks and digits, joined by an apostrophe or a full stop. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.][\p{L}\p{M}\p{N}_]+)*/gu;

/** Word-like segments of a text: [start, word] pairs, start in UTF-16 units. */
export function words(text: string, lang: string): [number, string][] {
  const out: [number, string][] = [];
  if (UNSPACED.test(text)) {
    for (const seg of segmenterFor(lang).segment(text)) if (seg.isWordLike) out.push([seg.index, seg.segment]);
  } else for (const m of text.matchAll(SPACED_WORD)) out.push([m.index, m[0]]);
  return out;
}

/**
 * The countable words of one message.
 * @example tokenise('My refund is late, idiot', 'en', [[20, 25]]) // ['my', 'refund', 'is', 'late']
 */
export function tokenise(text: string, lang: string, excluded: readonly [number, number][] = []): string[] {
  const out: string[] = [];
  // Only Turkish, Azeri and Lithuanian lower-case differently from the default (dotted and dotless i).
  const special = LOCALE_CASE.includes(lang);
  for (const [start, segment] of words(blankPrivate(text), lang)) {
    const end = start + segment.length;
    if (excluded.length > 0 && excluded.some(([s, e]) => start < e && s < end)) continue;
    if (segment.length < 2 || (segment.length === 2 && isHighSurrogate(segment.charCodeAt(0)))) continue;
    if (NOT_A_TERM.test(segment)) continue;
    out.push(special ? segment.toLocaleLowerCase(lang) : segment.toLowerCase());
  }
  return out;
}

const LOCALE_CASE = ['tr', 'az', 'lt'];
/** Digits (order numbers, amounts) and the marks of addresses and identifiers. */
const NOT_A_TERM = /\p{N}|[@.:/_]/u;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export const isAngry = (label: Label) => label === 'frustration' || label === 'profanity' || label === 'abuse' || label === 'threat';

/**
 * The top terms of one language's messages (angry ones against calm ones; others are ignored).
 * @example rankTerms(messagesInEnglish)[0] // { term: 'refund', count: 14, conversations: 9, calmCount: 2, score: 3.1 }
 */
export function rankTerms(messages: readonly TermMessage[], top = TOP_TERMS): RankedTerm[] {
  const angry = new Map<string, { count: number; conversations: Set<string> }>();
  const calm = new Map<string, number>();
  let nAngry = 0;
  let nCalm = 0;
  for (const m of messages) {
    const hot = isAngry(m.label);
    if (!hot && m.label !== 'none') continue;
    for (const w of tokenise(m.text, m.language, excludedSpans(m.analysis))) {
      if (hot) {
        nAngry++;
        let a = angry.get(w);
        if (!a) angry.set(w, (a = { count: 0, conversations: new Set() }));
        a.count++;
        a.conversations.add(m.conversationId);
      } else {
        nCalm++;
        calm.set(w, (calm.get(w) ?? 0) + 1);
      }
    }
  }
  // The prior: both corpora together (α_w = y_w^angry + y_w^calm, α_0 = n_angry + n_calm).
  const a0 = nAngry + nCalm;
  const ranked: RankedTerm[] = [];
  for (const [term, a] of angry) {
    if (a.conversations.size < MIN_CONVERSATIONS) continue;
    const yc = calm.get(term) ?? 0;
    const alpha = a.count + yc;
    const delta = Math.log((a.count + alpha) / (nAngry + a0 - a.count - alpha)) - Math.log((yc + alpha) / (nCalm + a0 - yc - alpha));
    const z = delta / Math.sqrt(1 / (a.count + alpha) + 1 / (yc + alpha));
    if (z > 0) ranked.push({ term, count: a.count, conversations: a.conversations.size, calmCount: yc, score: Math.round(z * 100) / 100 });
  }
  return ranked.sort((x, y) => y.score - x.score || y.count - x.count || x.term.localeCompare(y.term)).slice(0, top);
}

/**
 * @module coach/repetition
 * A draft that repeats one of the agent's earlier lines word for word (or nearly): the "robotic
 * canned line" habit. Compared on normalised words, so case, punctuation and emoji do not hide it.
 */
import { normalise, type Token } from '../detect/normalise/index.js';

/** Shortest sentence (in words) whose repetition counts: "Thank you." twice is only politeness. */
const MIN_WORDS = 5;
/** Share of the shorter text's words found in the same order that makes it "nearly" the same. */
const NEAR = 0.85;

interface Sentence {
  words: string[];
  start: number;
  end: number;
}

/** Earlier lines come back with every draft of a conversation: their sentences are kept (bounded). */
const CACHE_SIZE = 512;
const cache = new Map<string, Sentence[]>();

function cachedSentences(text: string): Sentence[] {
  let s = cache.get(text);
  if (s === undefined) {
    s = sentences(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, s);
  }
  return s;
}

function sentences(text: string, tokens: readonly Token[] = normalise(text).tokens): Sentence[] {
  const bySentence = new Map<number, Sentence>();
  for (const t of tokens) {
    if (t.letters === 0 && t.digits === 0) continue;
    const s = bySentence.get(t.sentence);
    if (s) {
      s.words.push(t.text);
      s.end = t.end;
    } else bySentence.set(t.sentence, { words: [t.text], start: t.start, end: t.end });
  }
  return [...bySentence.values()];
}

/** Length of the longest common subsequence of two word lists. */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Nearly contained: an earlier line said again with a few words around it ("As I said, …"). */
const CONTAINED = 0.9;
/** …as long as the longer text is at most this much longer. */
const MAX_STRETCH = 1.6;

function same(a: string[], b: string[]): boolean {
  // "e-mail" and "email" tokenise differently; the same letters in the same order are the same line.
  if (a.join('') === b.join('')) return a.length >= 3 || b.length >= 3;
  const short = Math.min(a.length, b.length);
  const long = Math.max(a.length, b.length);
  if (short < MIN_WORDS) return a.length === b.length && a.length >= 3 && a.every((w, i) => w === b[i]);
  const common = lcs(a, b);
  return common >= NEAR * long || (common >= CONTAINED * short && long <= MAX_STRETCH * short);
}

/**
 * Spans of the draft that repeat an earlier line: the whole draft, or its repeated sentences.
 * @param tokens the draft's tokens (normalise), when the caller has them for the whole draft already
 * @example findRepetition('Please send us the order number.', ['Please send us the order number!']) // [{ start: 0, end: 31 }]
 */
export function findRepetition(draft: string, previous: readonly string[], tokens?: readonly Token[]): { start: number; end: number }[] {
  if (previous.length === 0) return [];
  const mine = sentences(draft, tokens);
  const all = mine.flatMap((s) => s.words);
  const earlier = previous.map(cachedSentences);
  // The whole draft against each whole earlier line…
  if (
    mine.length > 0 &&
    earlier.some((p) =>
      same(
        all,
        p.flatMap((s) => s.words),
      ),
    )
  )
    return [{ start: mine[0]!.start, end: mine[mine.length - 1]!.end }];
  // …then each sentence of the draft against each earlier sentence.
  const out: { start: number; end: number }[] = [];
  for (const s of mine)
    if (s.words.length >= MIN_WORDS && earlier.some((p) => p.some((q) => same(s.words, q.words)))) out.push({ start: s.start, end: s.end });
  return out;
}

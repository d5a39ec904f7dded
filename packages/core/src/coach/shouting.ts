/**
 * @module coach/shouting
 * Capitals and exclamation marks aimed at the customer. Works on the draft as typed (case is
 * lost in normalisation). Acronyms (PIN, SMS, IBAN) and a single "!" are not shouting.
 */

/** A stretch of the draft that shouts. */
export interface ShoutSpan {
  start: number;
  end: number;
  rule: 'caps' | 'exclamations';
}

/** Two or more "!" (or an "!?!" mix), ASCII or full-width. */
const EXCLAIM = /[!！](?:[!！?？]*[!！])+/g;
/** A word of cased letters (Latin, Cyrillic, Greek…), with inner apostrophes or hyphens. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
/** Letters in a run of capital words before it counts as shouting ("JE SUIS" yes, "PIN SMS" no). */
const MIN_RUN_LETTERS = 6;
/** Share of capital letters that makes a whole draft shouting. */
const CAPS_SHARE = 0.6;
const MIN_LETTERS_FOR_SHARE = 16;

/** Two capital letters in a row, or two exclamation marks: the cheap test before the full scan. */
const MAYBE = /\p{Lu}\p{M}*\p{Lu}|[!！][!！?？]*[!！]/u;

/**
 * For a word of ASCII characters only: its letters (high 16 bits) and capitals (low 16 bits);
 * -1 for any other word. Words the word pattern finds start with a letter.
 */
function asciiCounts(w: string): number {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || w.length > 0xffff) return -1;
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters * 0x10000 + upper;
}

const isUpperWord = (w: string): boolean => w !== w.toLowerCase() && w === w.toUpperCase();
const cased = (w: string): boolean => w.toLowerCase() !== w.toUpperCase();

/**
 * The shouting spans of a draft.
 * @example findShouting('I ALREADY TOLD YOU!!!').map(s => s.rule) // ['caps', 'exclamations']
 */
export function findShouting(draft: string): ShoutSpan[] {
  // Most drafts have neither two capitals in a row nor "!!": answer those without the word scan.
  if (!MAYBE.test(draft)) return [];
  const out: ShoutSpan[] = [];
  let run: { start: number; end: number; letters: number; words: number } | null = null;
  let upper = 0;
  let letters = 0;
  const close = (): void => {
    if (run && run.words >= 2 && (run.letters >= MIN_RUN_LETTERS || run.words >= 3))
      out.push({ start: run.start, end: run.end, rule: 'caps' });
    run = null;
  };
  for (const m of draft.matchAll(WORD)) {
    const w = m[0];
    const ascii = asciiCounts(w);
    let upperWord: boolean;
    if (ascii >= 0) {
      // What the case mappings below say of a word of ASCII letters, apostrophes and hyphens,
      // without making strings: every such word is cased; it is upper if it has no small letter.
      const wordUpper = ascii & 0xffff;
      letters += ascii >>> 16;
      upper += wordUpper;
      upperWord = wordUpper === ascii >>> 16;
    } else {
      if (!cased(w)) {
        close();
        continue;
      }
      for (const ch of w) {
        if (ch.toLowerCase() === ch.toUpperCase()) continue;
        letters++;
        if (ch !== ch.toLowerCase()) upper++;
      }
      upperWord = isUpperWord(w);
    }
    if (upperWord && (w.length >= 2 || w === 'I')) {
      // Words continue a run only across spaces and light punctuation, not across sentences.
      const gap = run ? draft.slice(run.end, m.index) : '';
      if (run && /^[\s,'’-]*$/.test(gap)) {
        run.end = m.index + w.length;
        run.letters += w.length;
        run.words++;
      } else {
        close();
        run = { start: m.index, end: m.index + w.length, letters: w.length, words: 1 };
      }
    } else close();
  }
  close();
  if (out.length === 0 && letters >= MIN_LETTERS_FOR_SHARE && upper / letters >= CAPS_SHARE)
    out.push({ start: 0, end: draft.length, rule: 'caps' });
  for (const m of draft.matchAll(EXCLAIM)) out.push({ start: m.index, end: m.index + m[0].length, rule: 'exclamations' });
  return out;
}

/**
 * The draft said calmly: capital runs in sentence case, "!!!" as one full stop.
 * @param spans the draft's shouting spans, when the caller has them already
 * @example unshout('I ALREADY TOLD YOU!!!') // 'I already told you.'
 */
export function unshout(draft: string, spans: readonly ShoutSpan[] = findShouting(draft)): string {
  let text = draft;
  for (const s of spans) {
    if (s.rule !== 'caps') continue;
    const part = text.slice(s.start, s.end).toLowerCase();
    // Keep a capital where a sentence starts, and the English "I".
    const before = text.slice(0, s.start).trimEnd();
    const first = before === '' || /[.!?！？。]$/.test(before) ? part.charAt(0).toUpperCase() + part.slice(1) : part;
    text = text.slice(0, s.start) + first.replace(/\bi\b/g, 'I') + text.slice(s.end);
  }
  return text.replace(EXCLAIM, (m) => (m.includes('！') ? '。' : '.'));
}

/**
 * @module incidents/bidiLines
 * Wraps a text into lines of a given width and puts each line into visual order, for the PDF
 * export. pdfkit draws strings left to right as given, so right-to-left text (Hebrew, Arabic) and
 * mixed lines ("שלום world 123") are ordered here with the Unicode Bidirectional Algorithm
 * (bidi-js).
 *
 * Application order (UAX #9 wants it this way):
 * 1. split into paragraphs at line breaks; each gets its embedding levels (direction from its
 *    first strong character);
 * 2. split into font runs (textRuns.ts) and those into pieces of one font and one level;
 * 3. wrap in logical order, measuring each piece with its own font;
 * 4. only then reorder each line (rule L2) and mirror brackets on right-to-left levels (L4).
 *
 * Each piece is handed to pdfkit in logical order when the font engine will reverse it itself (an
 * Arabic run must stay logical so that it is shaped into joined letters), and reversed here
 * otherwise; see `fontEngineReverses`.
 */
import bidiModule, { type EmbeddingLevels } from 'bidi-js';
import { fontEngineReverses, fontRuns, type Coverage, type FontKey } from './textRuns.js';

// bidi-js is CommonJS with types that declare an ES default export: Node's default import is the
// factory itself, while the types put it one level down.
const bidiFactory = typeof bidiModule === 'function' ? bidiModule : bidiModule.default;
const bidi = bidiFactory();

/** The width of `text` in `font` at the size being laid out, in points. */
export type Measure = (text: string, font: FontKey) => number;

/** A string to draw with one font at `x` points from the line's left edge. */
export interface Piece {
  text: string;
  font: FontKey;
  x: number;
  width: number;
}

export interface Line {
  /** Left to right, as they appear. */
  pieces: Piece[];
  width: number;
  /** The paragraph runs right to left: align the line to the right. */
  rtl: boolean;
}

export interface LayoutOptions {
  width: number;
  chain: readonly FontKey[];
  covers: Coverage;
  measure: Measure;
}

// A break may come after spaces, and around each Chinese or Japanese character (those scripts
// write no spaces), but not before closing punctuation.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}';
const NO_LINE_START = '，。、．！？：；）」』】》〉”’…ー々ゃゅょっ';
const TOKEN = new RegExp(`[${CJK}][${NO_LINE_START}]*\\s*|[^\\s${CJK}]+\\s*|\\s+`, 'gu');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Lines of `text` no wider than `o.width` (a single grapheme wider than that still gets a line).
 * @example layoutText('שלום world 123', o)[0].rtl // true, pieces 'world 123' then 'שלום '
 */
export function layoutText(text: string, o: LayoutOptions): Line[] {
  return text.split(/\r\n|\r|\n/).flatMap((p) => layoutParagraph(p, o));
}

function layoutParagraph(text: string, o: LayoutOptions): Line[] {
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  const rtl = ((levels.paragraphs[0]?.level ?? 0) & 1) === 1;
  const fontAt: FontKey[] = [];
  for (const r of fontRuns(text, o.chain, o.covers)) for (let i = r.start; i < r.end; i++) fontAt[i] = r.font;

  // Width of [start, end): the sum of its pieces of one font and one level.
  const width = (start: number, end: number): number => {
    let w = 0;
    for (let a = start; a < end;) {
      let b = a + 1;
      while (b < end && fontAt[b] === fontAt[a] && levels.levels[b] === levels.levels[a]) b++;
      w += o.measure(text.slice(a, b), fontAt[a]!);
      a = b;
    }
    return w;
  };

  const ranges: [number, number][] = [];
  let start = 0;
  let end = 0;
  let used = 0;
  for (const m of text.matchAll(TOKEN)) {
    const tStart = m.index;
    const tEnd = tStart + m[0].length;
    const content = width(tStart, tStart + m[0].trimEnd().length);
    if (end > start && used + content > o.width) {
      ranges.push([start, end]);
      start = tStart;
      used = 0;
    }
    if (end === start && content > o.width) {
      // A word wider than the line (a hash, a URL, a long run of one script): cut between graphemes.
      for (const g of graphemes.segment(m[0])) {
        const gStart = tStart + g.index;
        const gWidth = width(gStart, gStart + g.segment.length);
        if (gStart > start && used + gWidth > o.width) {
          ranges.push([start, gStart]);
          start = gStart;
          used = 0;
        }
        used += gWidth;
      }
      end = tEnd;
      continue;
    }
    end = tEnd;
    used += width(tStart, tEnd);
  }
  if (end > start || ranges.length === 0) ranges.push([start, end]);
  return ranges.map(([s, e]) => visualLine(text, levels, fontAt, s, s + text.slice(s, e).trimEnd().length, rtl, o.measure));
}

/** One line, [start, end) without its trailing spaces, as pieces in visual order. */
function visualLine(
  text: string,
  levels: EmbeddingLevels,
  fontAt: readonly FontKey[],
  start: number,
  end: number,
  rtl: boolean,
  measure: Measure,
): Line {
  if (end <= start) return { pieces: [], width: 0, rtl };
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  for (const [s, e] of bidi.getReorderSegments(text, levels, start, end - 1) as [number, number][]) {
    const flipped = order.slice(s - start, e - start + 1).reverse();
    order.splice(s - start, flipped.length, ...flipped);
  }
  // Takes the levels array itself (the README's example passing the whole result finds nothing).
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);

  // Group visually adjacent characters of one font and level; on an odd (right-to-left) level the
  // logical indices run backwards.
  const groups: { from: number; to: number; font: FontKey; level: number }[] = [];
  for (const i of order) {
    const level = levels.levels[i]!;
    const g = groups[groups.length - 1];
    const step = level & 1 ? -1 : 1;
    if (g && g.font === fontAt[i] && g.level === level && i === g.to + step) g.to = i;
    else groups.push({ from: i, to: i, font: fontAt[i]!, level });
  }

  const pieces: Piece[] = [];
  let x = 0;
  for (const g of groups) {
    const lo = Math.min(g.from, g.to);
    const hi = Math.max(g.from, g.to);
    let logical = '';
    for (let i = lo; i <= hi; i++) logical += mirrored.get(i) ?? text[i]!;
    const wantRtl = (g.level & 1) === 1;
    const drawn = wantRtl === fontEngineReverses(logical) ? logical : [...logical].reverse().join('');
    const w = measure(drawn, g.font);
    pieces.push({ text: drawn, font: g.font, x, width: w });
    x += w;
  }
  return { pieces, width: x, rtl };
}

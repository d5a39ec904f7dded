/**
 * Script runs, font fallback, bidi order and Arabic shaping for the incident PDF, with the real
 * shipped fonts inside a real pdfkit document. "What is drawn" is read back from the font engine:
 * the glyphs fontkit lays out for each piece, left to right, as they land on the page.
 */
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutText, type Line } from './bidiLines.js';
import { embedFonts, REGULAR } from './pdfFonts.js';
import { fontEngineReverses, fontRuns, type Coverage, type FontKey } from './textRuns.js';

interface Glyph {
  id: number;
  name: string;
  codePoints: number[];
}
/** pdfkit's current font holds the fontkit font it parsed; the tests read glyphs from it. */
type WithFont = {
  _font: { font: { layout(text: string, features: string[]): { glyphs: Glyph[] }; glyphForCodePoint(cp: number): Glyph } };
};

let doc: PDFKit.PDFDocument;
let covers: Coverage;
const fontkitFont = (key: FontKey) => (doc.font(key) as unknown as WithFont)._font.font;

beforeAll(() => {
  doc = new PDFDocument({ size: 'A4' });
  covers = embedFonts(doc);
});

const layout = (text: string, width = 400) =>
  layoutText(text, { width, chain: REGULAR, covers, measure: (s, f) => doc.font(f).fontSize(10).widthOfString(s) });

/** The characters of a line in the order their glyphs are drawn, left to right. */
function drawn(line: Line): string {
  return line.pieces
    .map((p) => {
      const glyphs = fontkitFont(p.font).layout(p.text, []).glyphs;
      return String.fromCodePoint(...glyphs.flatMap((g) => g.codePoints));
    })
    .join('');
}

describe('font runs', () => {
  it('gives each script a font that has its glyphs, and keeps spaces and punctuation with their neighbours', () => {
    const text = 'Ты идиот שלום 你好，سلام';
    const runs = fontRuns(text, REGULAR, covers).map((r) => [text.slice(r.start, r.end), r.font]);
    expect(runs).toEqual([
      ['Ты идиот ', 'sans'],
      ['שלום ', 'hebrew'],
      ['你好，', 'cjk'],
      ['سلام', 'arabic'],
    ]);
  });

  it('knows which runs the font engine reverses on its own', () => {
    expect(fontEngineReverses('שלום 12')).toBe(true);
    expect(fontEngineReverses('12 سلام')).toBe(true);
    expect(fontEngineReverses('12 (!)')).toBe(false);
    expect(fontEngineReverses('world')).toBe(false);
  });
});

describe('bidi lines', () => {
  it.each([
    // [logical text, drawn left to right, right-aligned]
    ['שלום world 123', 'world 123 םולש', true],
    ['הזמנה 4711 בוטלה', 'הלטוב 4711 הנמזה', true],
    ['(שלום) [test]', '[test] (םולש)', true],
    ['Order שלום עולם now', 'Order םלוע םולש now', false],
    ['Ты идиот, я тебя найду', 'Ты идиот, я тебя найду', false],
  ])('draws %j as %j', (text, visual, rtl) => {
    const lines = layout(text);
    expect(lines).toHaveLength(1);
    expect(drawn(lines[0]!)).toBe(visual);
    expect(lines[0]!.rtl).toBe(rtl);
  });

  it('wraps before reordering: the first words of a right-to-left text sit on the right of the first line', () => {
    const text = 'אני יודע איפה אתה גר ואני אבוא אליך מחר בבוקר עם 3 חברים';
    const lines = layout(text, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    // Reading each line right to left and the lines top to bottom gives the text back.
    const reversedWords = (line: Line) =>
      drawn(line)
        .split(' ')
        .reverse()
        .map((w) => (/\d/.test(w) ? w : [...w].reverse().join('')));
    expect(lines.flatMap(reversedWords).join(' ')).toBe(text);
  });

  it('cuts a word longer than the line between characters, and wraps Chinese between characters', () => {
    const hash = 'ab12'.repeat(16);
    const lines = layout(hash, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(drawn).join('')).toBe(hash);
    const zh = '我知道你住在哪里，我会找到你，你等着瞧吧。';
    const zhLines = layout(zh, 60);
    expect(zhLines.length).toBeGreaterThan(1);
    expect(zhLines.map(drawn).join('')).toBe(zh);
    // Closing punctuation never starts a line.
    for (const l of zhLines) expect(drawn(l)).not.toMatch(/^[，。]/);
  });

  it('keeps line breaks and empty lines of the original text', () => {
    expect(layout('first\n\nthird').map(drawn)).toEqual(['first', '', 'third']);
  });
});

describe('Arabic shaping', () => {
  it('draws joined letter forms, not isolated letters', () => {
    const word = 'سأجدك'; // "I will find you"
    const [line] = layout(word);
    expect(line!.rtl).toBe(true);
    expect(line!.pieces).toHaveLength(1);
    const piece = line!.pieces[0]!;
    expect(piece.font).toBe('arabic');
    const font = fontkitFont('arabic');
    const shaped = font.layout(piece.text, []).glyphs;
    const isolated = [...word].map((c) => font.glyphForCodePoint(c.codePointAt(0)!));
    // Left to right on the page: kaf alone (dal does not join forward), dal final, jeem initial,
    // alef with hamza final, seen initial: the presentation forms U+FEAA, U+FE9F, U+FE84, U+FEB3.
    expect(shaped.map((g) => g.name)).toEqual(['uni0643', 'uniFEAA', 'uniFE9F', 'uniFE84', 'uniFEB3']);
    expect(shaped.map((g) => g.id)).not.toEqual(isolated.map((g) => g.id).reverse());
  });
});

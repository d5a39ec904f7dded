/**
 * @module incidents/pdfFonts
 * The fonts the incident PDF embeds, shipped in packages/server/assets/fonts/ (sources, licences
 * and checksums in its PROVENANCE.md; `scripts/fetch-pdf-fonts.sh` rebuilds them). They are read
 * from that folder only: no download and no system font lookup, so a PDF looks the same on every
 * installation. pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Coverage, FontKey } from './textRuns.js';

// src/incidents/ and dist/incidents/ are both two levels below packages/server/.
const FOLDER = new URL('../../assets/fonts/', import.meta.url);

const FILES: Record<FontKey, string> = {
  sans: 'NotoSans-Regular.ttf', // Latin, Greek, Cyrillic
  sansBold: 'NotoSans-Bold.ttf',
  hebrew: 'NotoSansHebrew-Regular.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  cjk: 'DroidSansFallbackFull.ttf', // Chinese, Japanese kana, Korean Hangul
};

/** Fallback chains: the first font with a glyph draws a character. */
export const REGULAR: readonly FontKey[] = ['sans', 'hebrew', 'arabic', 'cjk'];
export const BOLD: readonly FontKey[] = ['sansBold', 'hebrew', 'arabic', 'cjk'];

let files: Map<FontKey, Buffer> | undefined;

/** The font files, read once (about 5 MB) on the first export rather than at start-up. */
function fontFiles(): Map<FontKey, Buffer> {
  if (!files) {
    const read = new Map<FontKey, Buffer>();
    for (const [key, name] of Object.entries(FILES) as [FontKey, string][]) {
      try {
        read.set(key, readFileSync(new URL(name, FOLDER)));
      } catch (cause) {
        throw new Error(`The PDF font ${name} is missing from ${fileURLToPath(FOLDER)}; run scripts/fetch-pdf-fonts.sh.`, { cause });
      }
    }
    files = read;
  }
  return files;
}

/** What pdfkit keeps of the current font; `font` is the fontkit font it parsed (not in its types). */
interface CurrentFont {
  _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } };
}

/**
 * Registers every font with the document under its key and says which code points each covers,
 * asking the fontkit fonts pdfkit parsed (so each file is parsed once per document).
 * @example const covers = embedFonts(doc); covers('hebrew', 0x05d0) // true
 */
export function embedFonts(doc: PDFKit.PDFDocument): Coverage {
  const has = new Map<FontKey, (codePoint: number) => boolean>();
  for (const [key, data] of fontFiles()) {
    doc.registerFont(key, data);
    const font = (doc.font(key) as unknown as CurrentFont)._font?.font;
    const check = font?.hasGlyphForCodePoint;
    if (!font || typeof check !== 'function') throw new Error('pdfkit no longer exposes its fontkit font; update pdfFonts.ts.');
    has.set(key, check.bind(font));
  }
  const memo = new Map<string, boolean>();
  return (font, codePoint) => {
    const id = `${font}:${codePoint}`;
    let v = memo.get(id);
    if (v === undefined) memo.set(id, (v = has.get(font)!(codePoint)));
    return v;
  };
}

/**
 * @module incidents/pdfWriter
 * A small writer over pdfkit for the incident PDF: A4 pages filled top to bottom with text in any
 * script (fonts per run, bidi order per line: bidiLines.ts), rows of columns that break across
 * pages line by line, and "Page N of M" footers written once the page count is known.
 *
 * pdfkit's own line wrapping is never used: it neither picks fonts per script nor reorders
 * right-to-left text. Every string goes to pdfkit as one piece at an exact position.
 */
import PDFDocument from 'pdfkit';
import { layoutText, type Line } from './bidiLines.js';
import { BOLD, embedFonts, REGULAR } from './pdfFonts.js';
import { fontEngineReverses, type Coverage, type FontKey } from './textRuns.js';

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** A CSS-style colour, e.g. '#555'. */
  color?: string;
}

export interface Cell {
  text: string;
  /** Points from the left margin. */
  x: number;
  width: number;
  style: TextStyle;
}

const MARGIN = { top: 56, bottom: 60, left: 56, right: 56 };
/** Line height as a multiple of the font size: room for Arabic marks and CJK ascenders. */
const LEADING = 1.45;

/**
 * Any features array makes pdfkit shape a string as a whole (the script's default features still
 * apply); without one it shapes and caches word by word, which is faster but would put the words
 * of a right-to-left run in left-to-right order. So: whole only for runs fontkit reverses.
 */
function featuresFor(text: string): [] | undefined {
  return fontEngineReverses(text) ? [] : undefined;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly covers: Coverage;
  private readonly widths = new Map<string, number>();
  private y = MARGIN.top;

  constructor(info: { title: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      lang: 'en',
      displayTitle: true,
      info: { Title: info.title, Author: 'Calmline', Creator: 'Calmline', CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    this.covers = embedFonts(this.doc);
  }

  /** The width text may take between the margins. */
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Lines of `text` at `style`, at most `width` points wide. */
  lines(text: string, width: number, style: TextStyle): Line[] {
    const chain = style.bold ? BOLD : REGULAR;
    return layoutText(text, {
      width,
      chain,
      covers: this.covers,
      measure: (s, font) => this.measure(s, font, style.size),
    });
  }

  /** Widths repeat (dates, kinds, words): each is shaped once per document. */
  private measure(text: string, font: FontKey, size: number): number {
    const id = `${font}\u0000${size}\u0000${text}`;
    let w = this.widths.get(id);
    if (w === undefined)
      this.widths.set(
        id,
        (w = this.doc
          .font(font)
          .fontSize(size)
          .widthOfString(text, { features: featuresFor(text) })),
      );
    return w;
  }

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void {
    if (this.y + height > this.doc.page.height - MARGIN.bottom) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  space(points: number): void {
    this.y += points;
  }

  /** Columns side by side, drawn line by line so that a long cell carries on over the next page. */
  row(cells: readonly Cell[], gapAfter = 3): void {
    const laid = cells.map((c) => ({ ...c, lines: this.lines(c.text, c.width, c.style) }));
    const size = Math.max(...cells.map((c) => c.style.size));
    const height = size * LEADING;
    // One baseline across the row, so a small time sits on the same line as the text beside it.
    const ascent = size * 1.1;
    const count = Math.max(1, ...laid.map((c) => c.lines.length));
    // Short rows stay whole; a long one fills the page and goes on.
    this.ensure(Math.min(count, 3) * height);
    for (let i = 0; i < count; i++) {
      this.ensure(height);
      for (const c of laid) {
        const line = c.lines[i];
        if (line) this.drawLine(line, MARGIN.left + c.x, c.width, this.y + ascent, c.style);
      }
      this.y += height;
    }
    this.y += gapAfter;
  }

  /** One cell across the whole width. */
  paragraph(text: string, style: TextStyle, indent = 0, gapAfter = 3): void {
    this.row([{ text, x: indent, width: this.width - indent, style }], gapAfter);
  }

  /** A heading kept on the page with at least two lines after it. */
  heading(text: string, size: number): void {
    this.ensure(size * LEADING + 2 * 10 * LEADING);
    this.paragraph(text, { size, bold: true }, 0, size * 0.4);
  }

  /** A thin line across the page. */
  rule(gapAfter = 8): void {
    this.doc
      .moveTo(MARGIN.left, this.y)
      .lineTo(MARGIN.left + this.width, this.y)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    this.y += gapAfter;
  }

  /**
   * A laid-out line on `baseline`; right-aligned when its paragraph runs right to left. Every font
   * on the line shares the baseline, whatever its own ascender.
   */
  private drawLine(line: Line, left: number, width: number, baseline: number, style: TextStyle): void {
    const start = line.rtl ? left + width - line.width : left;
    this.doc.fillColor(style.color ?? '#000');
    for (const p of line.pieces)
      this.doc
        .font(p.font)
        .fontSize(style.size)
        .text(p.text, start + p.x, baseline, { lineBreak: false, baseline: 'alphabetic', features: featuresFor(p.text) });
  }

  /** Writes `footer(page, pages)` at the foot of every page, ends the document and returns its bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const { start, count } = this.doc.bufferedPageRange();
    const style: TextStyle = { size: 8, color: '#555' };
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      const baseline = this.doc.page.height - MARGIN.bottom + 30;
      for (const line of this.lines(footer(i + 1, count), this.width, style)) this.drawLine(line, MARGIN.left, this.width, baseline, style);
    }
    this.doc.end();
    return done;
  }
}

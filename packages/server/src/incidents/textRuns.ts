/**
 * @module incidents/textRuns
 * Splits a text into runs that one font can draw, for the PDF export: each character takes the
 * first font of a fallback chain that has a glyph for it (Latin/Cyrillic, then Hebrew, Arabic,
 * CJK), so a Russian insult, a Hebrew threat and a Chinese one in the same message all render.
 *
 * Spaces, punctuation, digits and combining marks stay in the font of the character before them
 * when that font has them: an Arabic sentence is then one run, which the layout engine shapes and
 * orders as a whole, and a mark never lands in another font than its base letter.
 *
 * Indices are UTF-16 code units, half-open (`[start, end)`), so runs slice the original string
 * directly; a surrogate pair is never split.
 */

/** A font the PDF export embeds (see pdfFonts.ts for the files). */
export type FontKey = 'sans' | 'sansBold' | 'hebrew' | 'arabic' | 'cjk';

/** Whether a font has a glyph for a code point. */
export type Coverage = (font: FontKey, codePoint: number) => boolean;

export interface FontRun {
  start: number;
  end: number;
  font: FontKey;
}

/** Characters that belong to no script of their own: they follow their neighbour's font. */
const STICKY = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The runs of `text`, each drawable in one font of `chain` (the first that covers a character;
 * the chain's first font when none does, which then draws its "missing glyph" box).
 * @example fontRuns('Hi שלום', ['sans', 'hebrew'], covers) // [{0,3,'sans'}, {3,7,'hebrew'}]
 */
export function fontRuns(text: string, chain: readonly FontKey[], covers: Coverage): FontRun[] {
  const runs: FontRun[] = [];
  let previous: FontKey | undefined;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + size);
    const font =
      previous !== undefined && STICKY.test(ch) && covers(previous, cp) ? previous : (chain.find((f) => covers(f, cp)) ?? chain[0]!);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.end = i + size;
    else runs.push({ start: i, end: i + size, font });
    previous = font;
    i += size;
  }
  return runs;
}

/** Scripts the font engine (fontkit) lays out right to left, reversing the glyphs itself. */
const RTL_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * Whether fontkit will reverse this run's glyphs: it takes the direction of the first character
 * that has a script of its own, so "שלום 12" is reversed and "12 !" is not. The layout must know
 * this to hand each run over in the order that comes out right.
 * @example fontEngineReverses('שלום') // true
 */
export function fontEngineReverses(text: string): boolean {
  const first = SCRIPTED.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

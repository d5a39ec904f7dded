import { describe, expect, it } from 'vitest';
import { normalise } from './index.js';

const words = (s: string): string[] => normalise(s).tokens.map((t) => t.text);

describe('normalise: obfuscation is undone', () => {
  it.each([
    ['masked letters keep a wildcard per letter', 'f*ck this', ['f*ck', 'this']],
    ['separators inside a word', 'f.u.c.k you', ['fuck', 'you']],
    ['spaced letters', 'f u c k off', ['fuck', 'of']],
    ['leetspeak', 'sh1t h4ppens', ['shit', 'hapens']],
    ['full-width letters (NFKC)', 'ｆｕｃｋ', ['fuck']],
    ['stretched letters', 'fuuuuuck', ['fuck']],
    ['zero-width characters inside a word', 'f\u200bu\u200dck', ['fuck']],
    ['Cyrillic look-alikes in a Latin word', 'fu\u0441k', ['fuck']],
    ['Latin look-alikes in a Cyrillic word', 'сук\u0061', ['сука']],
    ['Cyrillic leetspeak', '6лять', ['блять']],
    ['diacritics and case', 'ŻÓŁW Straße', ['zolw', 'strase']],
    ['Hebrew final letters fold', 'שלום', ['שלומ']],
    ['Arabic alef variants and harakat', 'أَنْتَ', ['انت']],
    ['Chinese characters are single tokens', '你好', ['你', '好']],
  ])('%s', (_name, input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('offers Cyrillic readings of Latin words (cyka, blyat)', () => {
    const [cyka, blyat] = normalise('cyka blyat').tokens;
    expect(cyka!.alts).toContain('сука');
    expect(blyat!.alts).toContain('блят');
  });

  it('keeps Arabizi digits as an alternative spelling', () => {
    expect(normalise('ya 7mar').tokens[1]!.alts).toContain('7mar');
  });

  it('every token span slices the original text', () => {
    const text = 'Ｆ.U.C.K   y0u, “idiot”! 傻*逼 אתה מטומטם';
    for (const t of normalise(text).tokens) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(t.end).toBeGreaterThan(t.start);
    }
    const spans = normalise(text).tokens.map((t) => text.slice(t.start, t.end));
    expect(spans).toContain('Ｆ.U.C.K');
    expect(spans).toContain('y0u');
  });

  it('marks words inside quotation marks', () => {
    const toks = normalise('he said "you idiot" to me').tokens;
    expect(toks.filter((t) => t.quoted).map((t) => t.text)).toEqual(['you', 'idiot']);
  });

  it('counts shouting and exclamations', () => {
    const { stats } = normalise('WHERE IS MY REFUND!!!');
    expect(stats.upper).toBe(stats.letters);
    expect(stats.exclamations).toBeGreaterThanOrEqual(1);
  });
});

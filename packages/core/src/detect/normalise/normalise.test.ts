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

  it('reads a word the same the second time, in any message and script (one reading per spelling)', () => {
    // The first reading of a spelling is kept and reused: every later token must still get its own
    // span and the reading of its own script.
    const read = (s: string): unknown[] => normalise(s).tokens.map((t) => [t.text, t.start, t.end, t.script, t.alts]);
    const texts = ['cyka blyat fuuuck', 'привет cyka', 'сука СУКА сукa', 'שלום שלום', 'fvck cyka', 'Blyat! cyka?'];
    const first = texts.map(read);
    expect(texts.map(read)).toEqual(first);
    const [again] = normalise('cyka').tokens;
    expect(normalise('hello cyka').tokens[1]).toMatchObject({ text: 'cyka', start: 6, end: 10, alts: again!.alts });
    expect(again!.alts).toContain('сука');
    // "сукa" ends in a Latin look-alike: not a plain word, read as Cyrillic all the same.
    expect(normalise('сука сукa').tokens.map((t) => t.text)).toEqual(['сука', 'сука']);
    expect(normalise('fuuuck fuuuck').tokens.map((t) => t.text)).toEqual(['fuck', 'fuck']);
  });

  it('slices a word of letters that fold to themselves as the character-by-character path builds it', () => {
    // A zero-width space inside a word sends it down the character-by-character path.
    const text = 'мы пійшли שלום מטומטם كلب اطلب idiot';
    const slow = text.replace(/(\S)(\S+)/gu, '$1\u200b$2');
    const fast = normalise(text);
    const built = normalise(slow);
    expect(fast.tokens.map((t) => [t.text, t.script, t.letters, t.latin, t.cyrillic, t.alts])).toEqual(
      built.tokens.map((t) => [t.text, t.script, t.letters, t.latin, t.cyrillic, t.alts]),
    );
    expect(fast.stats).toEqual(built.stats);
    expect(fast.tokens.map((t) => text.slice(t.start, t.end))).toEqual(text.split(' '));
  });
});

import { describe, expect, it } from 'vitest';
import { normalise } from '../detect/normalise/index.js';
import { parsePattern } from '../detect/packs/compile.js';
import { CueMatcher } from './CueMatcher.js';
import type { CuePattern } from './compile.js';
import type { Cue } from './types.js';

function cue(c: Cue, pattern: string): CuePattern {
  const items = parsePattern(pattern);
  if (typeof items === 'string') throw new Error(items);
  return { cue: c, items, pattern, cjk: false };
}

const patterns = [
  cue('dismissive', 'calm down'),
  cue('negative_phrasing', 'we ~ refund*'),
  cue('negative_phrasing', 'we do not refund'),
  cue('blaming', '*ли вы сами'),
  cue('ownership', 'i will'),
  cue('ownership', 'let me check'),
];
/** Hits in text order (the order they are found in is the matcher's own). */
const found = (m: CueMatcher, text: string): string[] =>
  m
    .match(normalise(text).tokens)
    .sort((a, b) => a.start - b.start)
    .map((h) => `${h.cue}:${h.pattern}@${h.start}`);

describe('CueMatcher', () => {
  const matcher = new CueMatcher(patterns);

  it('finds phrases, with gaps, anchors and endings, wherever their words stand in order', () => {
    // Two patterns of one cue on the same words are one hit.
    expect(found(matcher, 'Please calm down. We do not refund opened items.')).toEqual([
      'dismissive:calm down@7',
      'negative_phrasing:we ~ refund*@18',
    ]);
    expect(found(matcher, 'We do not refund, we do not.')).toHaveLength(1);
    expect(found(matcher, 'Вы удалили вы сами, посмотрите историю.')).toEqual(['blaming:*ли вы сами@3']);
  });

  it('does not find a phrase whose later word stands before its first word or too far after it', () => {
    expect(found(matcher, 'Refunds? We handle that.')).toEqual([]);
    expect(found(matcher, 'We will look at it and then maybe talk about a refund.')).toEqual([]);
    expect(found(matcher, 'Сами вы удалили.')).toEqual([]);
  });

  it('answers the same on a text seen before (spellings are remembered per matcher)', () => {
    const text = 'Let me check. I will call you, calm down, we can refund it.';
    const first = found(matcher, text);
    expect(first).toEqual([
      'ownership:let me check@0',
      'ownership:i will@14',
      'dismissive:calm down@31',
      'negative_phrasing:we ~ refund*@42',
    ]);
    expect(found(matcher, text)).toEqual(first);
    // Another matcher on the same words keeps its own records.
    expect(found(new CueMatcher(patterns.slice(0, 1)), text)).toEqual(['dismissive:calm down@31']);
    expect(found(matcher, text)).toEqual(first);
  });

  it('lets a masked word stand for a later word of a phrase that starts with an ending', () => {
    expect(found(matcher, 'Вы удалили вы с*ми.')).toEqual(['blaming:*ли вы сами@3']);
    expect(found(matcher, 'Вы удалили вы.')).toEqual([]);
  });

  it('reports what the caller watches for in the text last matched', () => {
    const watching = new CueMatcher(patterns, [], (w) => (w.startsWith('idiot') ? w : null));
    watching.match(normalise('Calm down, you idiots, idiots.').tokens);
    expect(watching.watched).toEqual(['idiots']);
    expect(watching.masked).toBe(false);
    watching.match(normalise('Calm down.').tokens);
    expect(watching.watched).toEqual([]);
    watching.match(normalise('Calm d*wn.').tokens);
    expect(watching.masked).toBe(true);
  });

  it('says which words are spellings of the text last matched, as spellingsNow lists them', () => {
    const m = new CueMatcher(patterns, ['ו', 'ה']);
    m.match(normalise('Calm down, we do not refund cyka.').tokens);
    for (const w of m.spellingsNow()) expect(m.has(w)).toBe(true);
    expect(m.spellingsNow()).toContain('сука');
    expect(m.has('сука')).toBe(true);
    expect(m.has('refunds')).toBe(false);
    // Only the text last matched counts, and prefix-stripped Hebrew forms are spellings too.
    m.match(normalise('והלקוח').tokens);
    expect(m.has('calm')).toBe(false);
    expect(m.has('הלקוח')).toBe(true);
    expect(m.spellingsNow()).toContain('הלקוח');
  });
});

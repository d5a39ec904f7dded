/**
 * Property tests: arbitrary Unicode (lone surrogates, RTL marks, zero-width characters, huge
 * strings) never throws, every evidence span slices the original text, and time stays bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector, Detector } from './index.js';
import { loadPacks } from './packs/registry.js';
import { PACK_SOURCES } from './packs/_data.js';
import type { Analysis } from './types.js';

const detector = createDetector();

function checkInvariants(text: string, a: Analysis): void {
  expect(a.masked.length).toBe(text.length);
  const total = Object.values(a.scores).reduce((s, v) => s + v, 0);
  expect(total).toBeGreaterThan(0.99);
  expect(total).toBeLessThan(1.01);
  for (const e of a.evidence) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(e.end).toBeGreaterThan(e.start);
    // A span never starts on the second half of a surrogate pair or ends on the first half.
    expect((text.charCodeAt(e.start) & 0xfc00) === 0xdc00 && (text.charCodeAt(e.start - 1) & 0xfc00) === 0xd800).toBe(false);
    expect((text.charCodeAt(e.end - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(e.end) & 0xfc00) === 0xdc00).toBe(false);
  }
}

const nasty = fc.constantFrom(
  '\u200b',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  '*',
  '.',
  ' ',
  'f',
  'u',
  'c',
  'k',
  'с',
  'у',
  'к',
  'а',
  '傻',
  '逼',
  'א',
  'ك',
  '7',
  '!',
  '"',
  '“',
  '\n',
  '🤬',
  'ß',
  'İ',
);

describe('robustness', () => {
  it('arbitrary UTF-16 strings (lone surrogates included) never throw and spans slice the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkInvariants(text, detector.analyze(text));
      }),
      { numRuns: 400 },
    );
  });

  it('strings built from obfuscation characters, bidi and zero-width marks never throw', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 400 }), (chars) => {
        const text = chars.join('');
        checkInvariants(text, detector.analyze(text));
      }),
      { numRuns: 400 },
    );
  });

  it('a 100 KB message is analysed up to the cap, flagged truncated, in bounded time', () => {
    const text = 'you idiot '.repeat(5_000) + 'x'.repeat(50_000);
    const started = performance.now();
    const a = detector.analyze(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(a.truncated).toBe(true);
    expect(a.label).toBe('abuse');
    checkInvariants(text, a);
  });

  it('the cap is configurable and never splits a surrogate pair', () => {
    const small = new Detector({ packs: loadPacks(PACK_SOURCES), maxLength: 5 });
    const text = 'abcd🤬 you idiot';
    const a = small.analyze(text);
    expect(a.truncated).toBe(true);
    expect(a.label).toBe('none'); // the insult lies beyond the cap
    checkInvariants(text, a);
  });

  it('a masked run of stars cannot blow up matching time', () => {
    const text = `f${'*'.repeat(5000)} ${'*'.repeat(3000)}a`;
    const started = performance.now();
    checkInvariants(text, detector.analyze(text));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/**
 * The pure parts of the analytics: local days and hours across changes of offset, windows, words
 * in several scripts (Chinese included), the log-odds ranking that needs no stop-word list, and
 * project progress.
 */
import { describe, expect, it } from 'vitest';
import { cell } from '../routes/analytics/csv.js';
import { LocalClock, mondayOf } from './clock.js';
import { progress, projectWindow } from './projects.js';
import { rankTerms, tokenise, words, type TermMessage } from './terms.js';
import { parseWindow } from './window.js';

describe('LocalClock', () => {
  it('gives the local day and hour, to the quarter hour', () => {
    expect(new LocalClock('Europe/Berlin').local('2026-11-22T23:30:00.000Z')).toEqual({ date: '2026-11-23', hour: 0 });
    // UTC+5:45: 10:14 UTC is 15:59, 10:15 UTC is 16:00.
    const k = new LocalClock('Asia/Kathmandu');
    expect(k.local('2026-11-22T10:14:59.000Z').hour).toBe(15);
    expect(k.local('2026-11-22T10:15:00.000Z').hour).toBe(16);
  });

  it('starts a local day at the right instant on both sides of a change of offset', () => {
    const berlin = new LocalClock('Europe/Berlin');
    expect(berlin.startOfDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(berlin.startOfDay('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(new LocalClock('America/Sao_Paulo').startOfDay('2026-06-01')).toBe('2026-06-01T03:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => new LocalClock('Mars/Olympus_Mons')).toThrow(/not a known IANA time zone/);
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});

describe('parseWindow', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');

  it('reads a date as the whole local day, `to` included', () => {
    const w = parseWindow({ from: '2026-11-01', to: '2026-11-30', tz: 'Europe/Berlin' }, now);
    expect([w.from, w.to]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
  });

  it('defaults to the last 30 local days up to now', () => {
    const w = parseWindow({}, now);
    expect([w.from, w.to]).toEqual(['2026-10-24T00:00:00.000Z', now.toISOString()]);
  });

  it.each([
    [{ from: '2025-01-01', to: '2026-06-01' }, /at most 366 days/],
    [{ from: '2026-11-10', to: '2026-11-01' }, /before/],
    [{ from: '22.11.2026' }, /ISO date/],
  ])('refuses %o', (q, message) => {
    expect(() => parseWindow(q, now)).toThrow(message);
  });

  it('takes a full leap year of days in a zone that changes offset', () => {
    expect(() => parseWindow({ from: '2027-11-01', to: '2028-10-31', tz: 'Europe/Berlin' }, now)).not.toThrow();
  });
});

describe('tokenise', () => {
  it('keeps words, drops numbers, addresses, phone numbers and one-letter words', () => {
    expect(tokenise('Order A123 to jane@example.com, call +44 20 7946 0958 or see www.example.com/x. I waited a week!', 'en')).toEqual([
      'order',
      'to',
      'call',
      'or',
      'see',
      'waited',
      'week',
    ]);
  });

  it('leaves out the words inside excluded spans', () => {
    const text = 'My refund is late, idiot';
    expect(tokenise(text, 'en', [[text.indexOf('idiot'), text.length]])).toEqual(['my', 'refund', 'is', 'late']);
  });

  it('splits Chinese into dictionary words and keeps only those of two characters or more', () => {
    const words = tokenise('我的退款还没到，快递也丢了包裹', 'zh');
    expect(words).toEqual(expect.arrayContaining(['退款', '快递', '包裹']));
    for (const w of words) expect([...w].length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['en', "I've waited two weeks for the refund, and the e-mail said it's done."],
    ['de', 'Die Rückerstattung dauert schon zwei Wochen – unglaublich, oder?'],
    ['es', '¿Por qué nadie me llamó? ¡Llevo días esperando la factura!'],
    ['fr', "J'attends l'échange depuis lundi, c'est long."],
    ['pl', 'Zamówienie nie dotarło, a kurier nie odbiera telefonu.'],
    ['ru', 'Почему счёт снова неправильный? Я жду уже неделю.'],
    ['uk', "Замовлення досі не прийшло, а я чекаю з понеділка, п'ятий день."],
    ['he', 'ההזמנה שלי עדיין לא הגיעה, ואף אחד לא עונה.'],
    ['ar', 'لم يصل الطلب بعد، ولا أحد يرد على الهاتف.'],
  ])('finds the same words as Intl.Segmenter in %s', (lang, text) => {
    const segmented = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)]
      .filter((s) => s.isWordLike)
      .map((s): [number, string] => [s.index, s.segment]);
    expect(words(text, lang)).toEqual(segmented);
  });

  it('lower-cases in the language of the message', () => {
    expect(tokenise('İADE GECİKTİ', 'tr')).toEqual(['iade', 'gecikti']);
  });
});

describe('rankTerms', () => {
  const msg = (i: number, label: TermMessage['label'], text: string): TermMessage => ({
    conversationId: `c${i}`,
    label,
    language: 'en',
    text,
    analysis: null,
  });

  it('ranks words that mark angry messages and sinks words common to both, without a stop-word list', () => {
    const messages = [
      ...[0, 1, 2, 3].map((i) => msg(i, 'frustration', 'the refund is late and the app crashed')),
      ...[4, 5, 6, 7].map((i) => msg(i, 'none', 'the order is here and the app works')),
    ];
    const terms = rankTerms(messages).map((t) => t.term);
    expect(terms.slice(0, 3).sort()).toEqual(['crashed', 'late', 'refund']);
    for (const common of ['the', 'is', 'and', 'app']) expect(terms).not.toContain(common);
  });

  it('needs a word in three conversations', () => {
    const messages = [msg(1, 'abuse', 'refund refund refund'), msg(2, 'abuse', 'refund'), msg(3, 'none', 'hello there')];
    expect(rankTerms(messages)).toEqual([]);
  });
});

describe('project progress', () => {
  it('runs from baseline to target in either direction, clamped', () => {
    expect(progress('abuse_rate', 40, 20, 30)).toBe(0.5);
    expect(progress('abuse_rate', 40, 20, 50)).toBe(0);
    expect(progress('deescalation_success', 0.5, 0.7, 0.8)).toBe(1);
    expect(progress('ended_well', 0.5, 0.7, null)).toBeNull();
  });

  it('has a 90-day window by default and reads dates as whole UTC days', () => {
    const now = new Date('2026-11-22T12:00:00.000Z');
    expect(projectWindow(undefined, undefined, now)).toEqual({ startsAt: now.toISOString(), endsAt: '2027-02-20T12:00:00.000Z' });
    expect(projectWindow('2027-01-01', '2027-03-31', now)).toEqual({
      startsAt: '2027-01-01T00:00:00.000Z',
      endsAt: '2027-04-01T00:00:00.000Z',
    });
  });
});

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@here', "'@here"],
    ['a, "b"', '"a, ""b"""'],
    ['refund', 'refund'],
  ])('writes %s as %s', (input, output) => {
    expect(cell(input)).toBe(output);
  });

  it('writes numbers as they are, negative ones too', () => {
    expect(cell(-1.5)).toBe('-1.5');
    expect(cell(null)).toBe('');
  });
});

/**
 * The figures the server bench reports: percentiles that never understate the slow tail, and the
 * rule that says whether a rate was sustained.
 */
import { describe, expect, it } from 'vitest';
import { ladderAbove, percentile, summarise, whyNotHeld, type PhaseOutcome } from './stats.js';

describe('percentile', () => {
  it('is the nearest rank: p99 of 100 samples is the 99th, p50 of an even count the lower middle', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples, and one unanswered message (∞) shows in the p99 of fewer than 100', () => {
    const s = summarise([5, 1, 3, Infinity, 2]);
    expect(s).toMatchObject({ count: 5, p50: 3, p99: Infinity, max: Infinity });
  });
});

describe('whether a rate held', () => {
  const ok: PhaseOutcome = {
    targetRate: 1000,
    achievedRate: 990,
    ingest: { count: 8000, p50: 3, p99: 40, max: 90 },
    sent: 8000,
    errors: 0,
  };

  it('holds when ≥ 95% of the rate is answered, p99 ≤ 100 ms and errors ≤ 1%', () => {
    expect(whyNotHeld(ok)).toBeNull();
  });

  it('names the reason when it does not', () => {
    expect(whyNotHeld({ ...ok, achievedRate: 900 })).toMatch(/achieved 900\/s < 95% of 1000\/s/);
    expect(whyNotHeld({ ...ok, ingest: { ...ok.ingest, p99: 140 } })).toMatch(/p99 ingest 140 ms > 100 ms/);
    expect(whyNotHeld({ ...ok, ingest: { ...ok.ingest, p99: NaN } })).not.toBeNull();
    expect(whyNotHeld({ ...ok, errors: 200 })).toMatch(/200 errors of 8000/);
    expect(whyNotHeld({ ...ok, abortedReason: 'stopped: backlog' })).toBe('stopped: backlog');
  });
});

describe('the rates tried above the fixed ones', () => {
  it('steps by 500 up to 3,000, then by about a third', () => {
    expect(ladderAbove(1000, 10_000)).toEqual([1500, 2000, 2500, 3000, 4000, 5500, 7500, 10000]);
  });
});

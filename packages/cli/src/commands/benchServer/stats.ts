/**
 * @module commands/benchServer/stats
 * Percentiles of latency samples, and the rule that says whether a load phase held its rate.
 */

export interface Latency {
  /** Samples behind the percentiles. */
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile of ascending `sorted` values (NaN when there are none): p99 of 100
 * samples is the 99th, never an interpolation below the slowest samples actually seen.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** @example summarise([3, 1, 2]).p50 // 2 */
export function summarise(values: readonly number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  const arr = Array.from(sorted);
  return { count: arr.length, p50: percentile(arr, 50), p99: percentile(arr, 99), max: arr.length ? arr[arr.length - 1]! : NaN };
}

/** A phase held its rate when the server answered ≥ 95% of it in time and p99 stayed ≤ 100 ms with (almost) no errors. */
export const HOLD = { minShare: 0.95, maxP99Ms: 100, maxErrorShare: 0.01 } as const;

export interface PhaseOutcome {
  targetRate: number;
  achievedRate: number;
  ingest: Latency;
  sent: number;
  errors: number;
  /** Set when the phase was stopped early because the backlog grew beyond what the rule allows. */
  abortedReason?: string | undefined;
}

/** Why a phase did not hold its rate, or null when it did. */
export function whyNotHeld(p: PhaseOutcome): string | null {
  if (p.abortedReason) return p.abortedReason;
  if (p.achievedRate < HOLD.minShare * p.targetRate)
    return `achieved ${Math.round(p.achievedRate)}/s < ${HOLD.minShare * 100}% of ${p.targetRate}/s`;
  if (!(p.ingest.p99 <= HOLD.maxP99Ms)) return `p99 ingest ${p.ingest.p99.toFixed(0)} ms > ${HOLD.maxP99Ms} ms`;
  if (p.sent > 0 && p.errors / p.sent > HOLD.maxErrorShare) return `${p.errors} errors of ${p.sent} requests`;
  return null;
}

/**
 * The rates tried after the fixed ones when looking for the highest sustained rate: steps of 500
 * up to 3,000, then steps of a third, rounded to 500.
 * @example ladderAbove(1000).slice(0, 4) // [1500, 2000, 2500, 3000]
 */
export function ladderAbove(rate: number, limit = 40_000): number[] {
  const out: number[] = [];
  let r = rate;
  while (true) {
    r = r < 3000 ? r + 500 : Math.round((r * 4) / 3 / 500) * 500;
    if (r > limit) return out;
    out.push(r);
  }
}

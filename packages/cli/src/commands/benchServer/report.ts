/**
 * @module commands/benchServer/report
 * The figures of `calmline bench-server`, the targets of the issue checked against them, and the
 * table printed at the end (SQLite and PostgreSQL side by side, the peer below).
 */
import type { Memory } from './children.js';
import type { Latency } from './stats.js';

export interface RateFigures {
  targetRate: number;
  achievedRate: number;
  ingest: Latency;
  /** From the message's due time to the `alert.raised` frame on the lead's socket. */
  alert: Latency & { expected: number; missing: number };
  sent: number;
  errors: number;
  statuses: Record<string, number>;
  /** The generator's own lateness in sending (p99 high = the generator, not the server, is the limit). */
  sendLagP99: number;
  held: boolean;
  /** Why the rate did not hold (null when it did). */
  why: string | null;
  /** The server's memory right after this phase. */
  memory: Memory;
}

export interface StoreFigures {
  store: 'SQLite' | 'PostgreSQL';
  /** Why this store was not measured (e.g. PostgreSQL not reachable); the other fields are then empty. */
  skipped?: string;
  /** Set when the server stopped answering altogether: the phases after it were not run. */
  hung?: string;
  rates: RateFigures[];
  /** The steps tried above the fixed rates to find the highest sustained one. */
  ladder: RateFigures[];
  highestSustained: number;
  /** The server's memory over the whole run (VmHWM is the peak of every phase, overloaded ones too). */
  memory: Memory;
  /** Its memory right after the phase at the highest sustained rate. */
  memoryAtSustained?: Memory | undefined;
}

export interface PeerFigures {
  name: string;
  skipped?: string;
  ladder: RateFigures[];
  highestSustained: number;
  memory: Memory;
}

export interface BenchServerReport {
  machine: { cores: number; cpu: string; node: string };
  settings: { conversations: number; warmupS: number; measureS: number; rates: number[] };
  sqlite: StoreFigures;
  postgres: StoreFigures;
  peer: PeerFigures;
  /** Calmline on SQLite's highest sustained rate over the peer's. */
  ratioToPeer: number;
  targets: Target[];
  wallS: number;
  /** Where the server's CPU profiles were written (--cpu-prof). */
  cpuProfiles?: string;
}

export interface Target {
  name: string;
  limit: number;
  unit: string;
  /** At most `limit` (latency, memory) or at least (throughput). */
  atMost: boolean;
  sqlite: number;
  postgres: number;
  /** Whether SQLite (what the issue's targets are for) meets it. */
  met: boolean;
}

const meets = (value: number, limit: number, atMost: boolean) => (atMost ? value <= limit : value >= limit);

/** The issue's targets for the SQLite run, with the PostgreSQL figure beside each. */
export function targetsOf(sqlite: StoreFigures, postgres: StoreFigures): Target[] {
  const at500 = (s: StoreFigures) => s.rates.find((r) => r.targetRate === 500);
  const rows: Omit<Target, 'met'>[] = [
    { name: 'p99 ingest at 500 msg/s', limit: 25, unit: 'ms', atMost: true, sqlite: NaN, postgres: NaN },
    { name: 'p99 ingest → supervisor socket at 500 msg/s', limit: 50, unit: 'ms', atMost: true, sqlite: NaN, postgres: NaN },
    { name: 'highest sustained rate', limit: 2000, unit: 'msg/s', atMost: false, sqlite: NaN, postgres: NaN },
    { name: 'server RSS (peak)', limit: 250, unit: 'MB', atMost: true, sqlite: NaN, postgres: NaN },
  ];
  const values = (s: StoreFigures) => [at500(s)?.ingest.p99 ?? NaN, at500(s)?.alert.p99 ?? NaN, s.highestSustained, s.memory.peakMB];
  const sq = values(sqlite);
  const pg = values(postgres);
  return rows.map((r, i) => ({ ...r, sqlite: sq[i]!, postgres: pg[i]!, met: meets(sq[i]!, r.limit, r.atMost) }));
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const ms = (n: number) => (n === Infinity ? '∞' : !Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function cells(rate: number, s: StoreFigures, ladder: boolean): string[] | null {
  const r = (ladder ? s.ladder : s.rates).find((x) => x.targetRate === rate);
  if (!r) return null;
  const alert = r.alert.count > 0 ? `${ms(r.alert.p50)} / ${ms(r.alert.p99)} ms (n=${r.alert.count})` : 'no alerts';
  const missing = r.alert.missing > 0 ? `, ${r.alert.missing} never arrived` : '';
  return [
    `${int(r.achievedRate)}/s ${mark(r.held)}`,
    `${ms(r.ingest.p50)} / ${ms(r.ingest.p99)} ms`,
    `${alert}${missing}`,
    `${int(r.errors)}${r.errors > 0 ? ` (${errorKinds(r.statuses)})` : ''}`,
  ];
}

/** The non-2xx answers and socket errors of a phase, most frequent first. */
export function errorKinds(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .filter(([k]) => !k.startsWith('2'))
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}×${n}`)
    .join(', ');
}

/** The table printed by `calmline bench-server`. */
export function formatReport(r: BenchServerReport): string {
  const L = 30;
  const C = 36;
  const lines: string[] = [];
  const row = (label: string, a: string, b: string) => lines.push(`${label.padEnd(L)}${a.padEnd(C)}${b}`.trimEnd());
  const stores = [r.sqlite, r.postgres];
  lines.push(
    `Server under load: ${r.settings.conversations} concurrent conversations on loopback, open loop; ${r.settings.measureS} s measured per rate after ${r.settings.warmupS} s warm-up`,
    `${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}. Latency counts from each message's due time, so queueing anywhere counts.`,
    '',
  );
  row('', ...(stores.map((s) => s.store) as [string, string]));
  for (const s of stores) if (s.skipped) row('', s === r.sqlite ? `${s.store}: ${s.skipped}` : '', s === r.postgres ? s.skipped : '');
  const labels = ['achieved', 'ingest p50 / p99', 'alert p50 / p99', 'errors'];
  for (const rate of r.settings.rates) {
    const [a, b] = stores.map((s) => cells(rate, s, false));
    if (!a && !b) continue;
    labels.forEach((label, i) => row(`${i === 0 ? `${int(rate)} msg/s` : ''}`.padEnd(12) + label, a?.[i] ?? '', b?.[i] ?? ''));
  }
  const ladderRates = [...new Set(stores.flatMap((s) => s.ladder.map((x) => x.targetRate)))].sort((x, y) => x - y);
  if (ladderRates.length > 0) {
    lines.push('', 'looking for the highest sustained rate (achieved, p99 ingest):');
    for (const rate of ladderRates) {
      const [a, b] = stores.map((s) => {
        const x = s.ladder.find((y) => y.targetRate === rate);
        if (!x) return '';
        return `${int(x.achievedRate)}/s, ${ms(x.ingest.p99)} ms ${mark(x.held)}`;
      });
      row(`${int(rate)} msg/s`, a!, b!);
    }
  }
  const notes = stores.flatMap((s) => {
    const failed = [...s.rates, ...s.ladder].filter((x) => !x.held).sort((a, b) => a.targetRate - b.targetRate)[0];
    return [
      ...(failed ? [`  ${s.store} did not hold ${int(failed.targetRate)} msg/s: ${failed.why}`] : []),
      ...(s.hung ? [`  ${s.store} ${s.hung}`] : []),
    ];
  });
  if (notes.length > 0) lines.push('', ...notes);
  lines.push('');
  const sustained = (s: StoreFigures) =>
    s.skipped ? '–' : s.highestSustained > 0 ? `${int(s.highestSustained)} msg/s` : `below ${int(r.settings.rates[0] ?? 0)} msg/s`;
  row('highest sustained', sustained(r.sqlite), sustained(r.postgres));
  row(
    'server RSS peak / at end',
    ...(stores.map((s) => (s.skipped ? '–' : `${int(s.memory.peakMB)} / ${int(s.memory.rssMB)} MB`)) as [string, string]),
  );
  lines.push('');
  const peerAt = r.peer.ladder.find((x) => x.targetRate === r.peer.highestSustained);
  if (r.peer.skipped) lines.push(`peer (${r.peer.name}): ${r.peer.skipped}`);
  else
    lines.push(
      `peer: ${r.peer.name}: ${int(r.peer.highestSustained)} msg/s sustained` +
        (peerAt ? ` (p50 / p99 ingest ${ms(peerAt.ingest.p50)} / ${ms(peerAt.ingest.p99)} ms there)` : '') +
        `, RSS peak ${int(r.peer.memory.peakMB)} MB`,
      `Calmline on SQLite sustains ${Number.isFinite(r.ratioToPeer) ? r.ratioToPeer.toPrecision(2) : '–'}× the peer's rate`,
    );
  lines.push('', 'targets (the issue sets them for SQLite; PostgreSQL beside it):');
  for (const t of r.targets) {
    const limit = `${t.atMost ? '≤' : '≥'} ${int(t.limit)} ${t.unit}`;
    const value = (v: number) => `${t.unit === 'ms' ? ms(v) : int(v)} ${t.unit}`;
    const pg = r.postgres.skipped ? '' : `   PostgreSQL ${value(t.postgres)} ${mark(meets(t.postgres, t.limit, t.atMost))}`;
    // The peak includes overloaded phases (a backlog of queued requests): say what it was when the server kept up.
    const sustainedPeak = r.sqlite.memoryAtSustained?.peakMB;
    const note = t.unit === 'MB' && sustainedPeak !== undefined ? ` (${int(sustainedPeak)} MB up to the highest sustained rate)` : '';
    lines.push(`  ${mark(t.met)} ${`${t.name} ${limit}`.padEnd(52)} SQLite ${value(t.sqlite)}${note}${pg}`);
  }
  lines.push('', `whole bench: ${int(r.wallS)} s`);
  if (r.cpuProfiles) lines.push(`server CPU profiles: ${r.cpuProfiles}`);
  return lines.join('\n') + '\n';
}

/**
 * @module commands/benchServer
 * `calmline bench-server [--quick] [--json] [--cpu-prof]`: the server's load figures, as the issue
 * asks for them. The built `calmline serve` runs as a child process, first on a fresh SQLite data
 * folder, then on a fresh PostgreSQL database; a load generator in this process plays 500
 * concurrent conversations at 200, 500 and 1,000 messages/s (open loop, over loopback) and reports
 * p50/p99 ingest latency, p50/p99 from ingest to the lead's live socket, errors, the highest
 * sustained rate and the server's RSS. A named peer, a bare node:http + better-sqlite3 server, is
 * driven by the same generator, so the figures can be read against the floor of HTTP plus one write.
 *
 * The generator shares the machine with the server (2 cores on the reference machine): it is kept
 * light (it parses only answers that carry alerts) and reports its own sending lag.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { memoryOf, startChild, waitForQuiet, type Child } from './benchServer/children.js';
import { SERVE_NODE_FLAGS } from './serveFlags.js';
import { runPhase, type PhaseResult } from './benchServer/loadGen.js';
import {
  formatReport,
  targetsOf,
  type BenchServerReport,
  type PeerFigures,
  type RateFigures,
  type StoreFigures,
} from './benchServer/report.js';
import { ConversationPool } from './benchServer/scripts.js';
import { pgClient, type PgClient } from './benchServer/serverDeps.js';
import { listenForAlerts, setUpAccounts, type LiveListener } from './benchServer/setup.js';
import { ladderAbove, summarise, whyNotHeld } from './benchServer/stats.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '..', 'bin.js');
const PEER = join(here, 'benchServer', 'peerServer.js');
const PG_ADMIN_URL = process.env.CALMLINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const RATES = [200, 500, 1000];
const CONVERSATIONS = 500;
const PEER_NAME = 'bare HTTP+SQLite floor (node:http, JSON.parse, one better-sqlite3 WAL INSERT per request)';

export interface BenchServerOptions {
  quick: boolean;
  json: boolean;
  /** Write CPU profiles of the server children (node --cpu-prof) to a temporary folder. */
  cpuProf?: boolean;
}

export interface Settings {
  warmupS: number;
  measureS: number;
  /** Pause between phases, so one phase's backlog (WAL checkpoint, GC) does not land in the next. */
  pauseMs: number;
  cpuProfDir: string | undefined;
}

const sleep = (msec: number) => new Promise<void>((r) => setTimeout(r, msec));

/** One rate against a target: the generator's figures, joined with the alerts heard on the live socket. */
export async function measureRate(
  base: string,
  token: string,
  rate: number,
  pool: ConversationPool,
  settings: Settings,
  live: LiveListener | null,
  pid: number,
): Promise<RateFigures> {
  const expected = new Map<string, { dueAt: number; inWindow: boolean }>();
  const phase: PhaseResult = await runPhase({
    url: new URL('/api/messages', base),
    headers: { authorization: `Bearer ${token}` },
    rate,
    warmupS: settings.warmupS,
    measureS: settings.measureS,
    next: () => pool.next().body,
    maxSockets: 128,
    onAlerts: (ids, dueAt, inWindow) => {
      // An answer lists alerts it raised and alerts it made more severe; the first answer that
      // names an alert is the one that raised it.
      for (const id of ids) if (!expected.has(id)) expected.set(id, { dueAt, inWindow });
    },
  });
  // The socket frame is sent before the HTTP answer, but give stragglers a moment.
  if (live) await sleep(300);
  const alertLatencies: number[] = [];
  let missing = 0;
  let expectedInWindow = 0;
  for (const [id, e] of expected) {
    if (!e.inWindow) continue;
    expectedInWindow++;
    const arrival = live?.raised.get(id);
    if (arrival) alertLatencies.push(arrival.at - e.dueAt);
    else missing++;
  }
  const why = whyNotHeld(phase);
  return {
    targetRate: rate,
    achievedRate: phase.achievedRate,
    ingest: phase.ingest,
    alert: { ...summarise(alertLatencies), expected: expectedInWindow, missing: live ? missing : 0 },
    sent: phase.sent,
    errors: phase.errors,
    statuses: phase.statuses,
    sendLagP99: phase.sendLag.p99,
    held: why === null,
    why,
    memory: memoryOf(pid),
  };
}

const progress = (err: Writable, who: string, f: RateFigures) =>
  err.write(
    `  ${who} ${f.targetRate} msg/s: achieved ${Math.round(f.achievedRate)}/s, ingest p50/p99 ${f.ingest.p50.toFixed(1)}/${f.ingest.p99.toFixed(1)} ms, ` +
      (f.alert.expected > 0 ? `alert p50/p99 ${f.alert.p50.toFixed(1)}/${f.alert.p99.toFixed(1)} ms (n=${f.alert.count}), ` : '') +
      `errors ${f.errors}, ` +
      `generator lag p99 ${f.sendLagP99.toFixed(1)} ms, RSS ${Math.round(f.memory.rssMB)} MB${f.held ? '' : ` — not held: ${f.why}`}\n`,
  );

/** Steps the rate up from `after` until one does not hold; returns the steps tried. */
async function climb(after: number, measure: (rate: number) => Promise<RateFigures>): Promise<RateFigures[]> {
  const steps: RateFigures[] = [];
  for (const rate of ladderAbove(after)) {
    const f = await measure(rate);
    steps.push(f);
    if (!f.held) break;
  }
  return steps;
}

function highestHeld(figures: RateFigures[]): number {
  // Sustained means every rate up to it held: the first failure ends the climb.
  let best = 0;
  for (const f of [...figures].sort((a, b) => a.targetRate - b.targetRate)) {
    if (!f.held) break;
    best = f.targetRate;
  }
  return best;
}

interface BenchDatabase {
  url: string;
  /** What the server's connections are doing (when it stopped answering). */
  diagnose(): Promise<string>;
  drop(): Promise<void>;
}

async function createPgDatabase(): Promise<BenchDatabase> {
  const Client = pgClient();
  /** Runs `fn` on a fresh connection to the maintenance database. */
  const onAdmin = async <T>(fn: (c: PgClient) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  const name = `calmline_bench_${randomBytes(6).toString('hex')}`;
  await onAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    diagnose: () =>
      onAdmin(async (c) => {
        const r = (await c.query(
          `SELECT count(*)::int AS n, state, max(extract(epoch FROM now() - state_change))::int AS secs,
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
           FROM pg_stat_activity WHERE datname = '${name}' GROUP BY state, 4 ORDER BY n DESC`,
        )) as { rows: { n: number; state: string; secs: number; query: string }[] };
        return r.rows.map((x) => `${x.n} ${x.state} for up to ${x.secs} s after «${x.query}»`).join('; ');
      }),
    drop: () => onAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

const noMemory = { peakMB: NaN, rssMB: NaN };

/** Null when the server answers one more message within 5 s, else what went wrong. */
async function probe(base: string, token: string, teamId: string): Promise<string | null> {
  try {
    const res = await fetch(new URL('/api/messages', base), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: { channel: 'chat', externalId: `probe-${randomBytes(4).toString('hex')}`, teamId },
        text: 'Hello?',
      }),
      signal: AbortSignal.timeout(5000),
    });
    await res.text();
    return res.ok ? null : `a single message was answered ${res.status}`;
  } catch (e) {
    return `a single message got no answer within 5 s: ${(e as Error).name}`;
  }
}

async function benchStore(store: 'SQLite' | 'PostgreSQL', settings: Settings, err: Writable): Promise<StoreFigures> {
  const figures: StoreFigures = { store, rates: [], ladder: [], highestSustained: 0, memory: noMemory };
  const dataDir = mkdtempSync(join(tmpdir(), 'calmline-bench-server-'));
  let database: BenchDatabase | undefined;
  let server: Child | undefined;
  let live: LiveListener | null = null;
  try {
    if (store === 'PostgreSQL') {
      try {
        database = await createPgDatabase();
      } catch (e) {
        figures.skipped = `not measured: PostgreSQL at ${PG_ADMIN_URL} is not reachable (${(e as Error).message})`;
        return figures;
      }
    }
    const { DATABASE_URL: _url, CALMLINE_CONFIG: _config, ...env } = process.env;
    server = startChild(
      [
        ...(settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`, `--cpu-prof-name=${store}.cpuprofile`] : []),
        ...SERVE_NODE_FLAGS,
        BIN,
        'serve',
      ],
      {
        ...env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        CALMLINE_DATA_DIR: dataDir,
        CALMLINE_RATE_LIMIT_PER_TOKEN: '1000000000',
        CALMLINE_RATE_LIMIT_PER_IP: '1000000000',
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
    );
    // Both lines are awaited together: they may arrive in one chunk.
    const [running, link] = await Promise.all([
      server.waitFor(/Calmline is running at (http:\/\/\S+)/),
      server.waitFor(/(http:\/\/\S+\/api\/auth\/first-sign-in\?token=\S+)/),
    ]);
    const base = running[1]!;
    const accounts = await setUpAccounts(base, link[1]!);
    live = await listenForAlerts(base, accounts.leadToken);
    let phaseNo = 0;
    const pid = server.pid;
    const measure = async (rate: number) => {
      const pool = new ConversationPool({
        size: CONVERSATIONS,
        prefix: `bench-${phaseNo++}-${rate}`,
        seed: rate,
        teamId: accounts.teamId,
      });
      const f = await measureRate(base, accounts.ingestToken, rate, pool, settings, live, pid);
      progress(err, store, f);
      if (!f.held) {
        // An overloaded phase leaves work behind: let the server finish it before the next phase,
        // and check that it still answers at all.
        await waitForQuiet(pid);
        const problem = await probe(base, accounts.ingestToken, accounts.teamId);
        if (problem) {
          const connections = database ? await database.diagnose().catch((e: unknown) => (e as Error).message) : '';
          figures.hung = `stopped answering after the ${rate.toLocaleString('en')} msg/s phase (${problem})${connections ? `; its database connections: ${connections}` : ''}`;
          err.write(`  ${store} ${figures.hung}\n`);
        }
      }
      await sleep(settings.pauseMs);
      return f;
    };
    for (const rate of RATES) {
      if (figures.hung) break;
      figures.rates.push(await measure(rate));
    }
    const fixedHeld = highestHeld(figures.rates);
    const firstFailed = figures.rates.find((f) => !f.held)?.targetRate;
    if (figures.hung) {
      // Nothing more can be measured on a server that does not answer.
    } else if (firstFailed === undefined) {
      figures.ladder = await climb(fixedHeld, measure);
    } else if (fixedHeld > 0) {
      // Between the last rate that held and the first that did not, one more step narrows it down.
      const middle = Math.round((fixedHeld + firstFailed) / 2 / 50) * 50;
      if (middle > fixedHeld && middle < firstFailed) figures.ladder = [await measure(middle)];
    }
    figures.highestSustained = Math.max(fixedHeld, highestHeld(figures.ladder));
    figures.memoryAtSustained = [...figures.rates, ...figures.ladder].find((f) => f.targetRate === figures.highestSustained)?.memory;
    if (live.lostReason) err.write(`  ${store}: the live socket was lost (${live.lostReason}); later alerts count as never arrived\n`);
    figures.memory = memoryOf(server.pid);
    return figures;
  } catch (e) {
    figures.skipped = `failed: ${(e as Error).message.split('\n')[0]}`;
    err.write(`${store}: ${(e as Error).message}\n${server ? server.output().split('\n').slice(-20).join('\n') : ''}\n`);
    if (server) figures.memory = memoryOf(server.pid);
    return figures;
  } finally {
    live?.close();
    await server?.stop();
    await database?.drop().catch((e: unknown) => err.write(`could not drop the bench database: ${(e as Error).message}\n`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPeer(settings: Settings, err: Writable): Promise<PeerFigures> {
  const figures: PeerFigures = { name: PEER_NAME, ladder: [], highestSustained: 0, memory: noMemory };
  const dir = mkdtempSync(join(tmpdir(), 'calmline-bench-peer-'));
  const peer = startChild([PEER, join(dir, 'peer.db')], process.env);
  try {
    const port = (await peer.waitFor(/^listening (\d+)/))[1]!;
    const base = `http://127.0.0.1:${port}`;
    let phaseNo = 0;
    const measure = async (rate: number) => {
      const pool = new ConversationPool({ size: CONVERSATIONS, prefix: `peer-${phaseNo++}-${rate}`, seed: rate });
      const f = await measureRate(base, 'none', rate, pool, settings, null, peer.pid);
      progress(err, 'peer', f);
      await sleep(settings.pauseMs);
      return f;
    };
    const first = await measure(1000);
    figures.ladder = [first, ...(first.held ? await climb(1000, measure) : [])];
    figures.highestSustained = highestHeld(figures.ladder);
    figures.memory = memoryOf(peer.pid);
  } catch (e) {
    figures.skipped = `failed: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * Three significant digits (whole numbers from 1,000 up) for the JSON output; NaN (no samples) and
 * ∞ (never answered) become null, as JSON has neither.
 */
function rounded(value: unknown): unknown {
  const round = (v: number) => (!Number.isFinite(v) ? null : Math.abs(v) >= 1000 ? Math.round(v) : Number(v.toPrecision(3)));
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v)));
}

export async function benchServerCommand(options: BenchServerOptions, out: Writable, err: Writable): Promise<number> {
  const started = performance.now();
  const settings: Settings = {
    warmupS: options.quick ? 1 : 2,
    measureS: options.quick ? 3 : 8,
    pauseMs: options.quick ? 500 : 1000,
    cpuProfDir: options.cpuProf ? mkdtempSync(join(tmpdir(), 'calmline-bench-prof-')) : undefined,
  };
  err.write(
    `bench-server: ${CONVERSATIONS} conversations, ${settings.warmupS} s warm-up + ${settings.measureS} s per rate; SQLite, then PostgreSQL, then the peer\n`,
  );
  const sqlite = await benchStore('SQLite', settings, err);
  const postgres = await benchStore('PostgreSQL', settings, err);
  const peer = await benchPeer(settings, err);
  const report: BenchServerReport = {
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model.trim() ?? 'unknown CPU', node: process.version },
    settings: { conversations: CONVERSATIONS, warmupS: settings.warmupS, measureS: settings.measureS, rates: RATES },
    sqlite,
    postgres,
    peer,
    ratioToPeer: peer.highestSustained > 0 ? sqlite.highestSustained / peer.highestSustained : NaN,
    targets: targetsOf(sqlite, postgres),
    wallS: (performance.now() - started) / 1000,
    ...(settings.cpuProfDir ? { cpuProfiles: settings.cpuProfDir } : {}),
  };
  out.write(options.json ? JSON.stringify(rounded(report), null, 2) + '\n' : formatReport(report));
  return sqlite.skipped ? 1 : 0;
}

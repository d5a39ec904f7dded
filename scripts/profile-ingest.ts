/**
 * Ingest cost in process, without HTTP load generation: builds the real server (store, engine,
 * ingester, Fastify app) on a temporary SQLite file, or a fresh PostgreSQL database with `--pg`, and
 * plays the bench's mixed conversations (four languages, about one in ten turning abusive, then
 * threatening) through the function POST /api/messages calls, then through the whole route over
 * loopback HTTP (auth, validation, serialisation), sent from a worker thread so that the server
 * thread's busy time is the server's alone. Prints µs per message for each round.
 *
 *   npx tsx scripts/profile-ingest.ts [--n 4000] [--rounds 3] [--concurrency 32] [--pg] [--no-http] [--no-direct]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-ingest.ts --n 8000
 *
 * Messages are kept in flight `concurrency` at a time, as under HTTP load, so group commit works as
 * it does in the server. A refused message (409) would be counted, not retried; threats at the same
 * moment no longer collide on the incident chain (an advisory lock serialises its appends). Compare
 * runs made in the same session: the figures depend on the machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ConversationPool } from '../packages/cli/src/commands/benchServer/scripts.js';
import { newSecret, sha256 } from '../packages/server/src/auth/secrets.js';
import type { IngestInput } from '../packages/server/src/commands/messageIngester.js';
import { isUniqueViolation } from '../packages/server/src/store/errors.js';
import { loadConfig } from '../packages/server/src/config.js';
import { startServer } from '../packages/server/src/server.js';
import type { Actor } from '../packages/server/src/store/types.js';
import { createTestDatabase } from '../packages/server/src/test/freshDatabase.js';

const { values: opts } = parseArgs({
  options: {
    n: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
    pg: { type: 'boolean', default: false },
    'no-http': { type: 'boolean', default: false },
    'no-direct': { type: 'boolean', default: false },
  },
});
const N = Number(opts.n);
const ROUNDS = Number(opts.rounds);
const CONCURRENCY = Number(opts.concurrency);

/**
 * The HTTP client, in plain JavaScript for a worker thread: keep-alive sockets, `concurrency`
 * requests in flight; counts 409s, fails on anything else but 201.
 */
const CLIENT = `
const http = require('node:http');
const { workerData, parentPort } = require('node:worker_threads');
const { url, token, payloads, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const post = (body) => new Promise((resolve, reject) => {
  const req = http.request(url, { method: 'POST', agent, headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' } }, (res) => {
    let text = '';
    res.on('data', (c) => (text += c));
    res.on('end', () => {
      if (res.statusCode === 409) conflicts++;
      if (res.statusCode === 201 || res.statusCode === 409) resolve();
      else reject(new Error('POST /api/messages answered ' + res.statusCode + ': ' + text.slice(0, 300)));
    });
  });
  req.on('error', reject);
  req.end(body);
});
let next = 0;
let conflicts = 0;
const worker = async () => { while (next < payloads.length) await post(payloads[next++]); };
Promise.all(Array.from({ length: concurrency }, worker)).then(() => { agent.destroy(); parentPort.postMessage({ conflicts }); }, (err) => { agent.destroy(); parentPort.postMessage({ error: String(err) }); });
`;

/** Posts every payload from a worker thread; resolves with the number of 409s when all were answered. */
function postAll(url: string, token: string, payloads: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, token, payloads, concurrency: CONCURRENCY } });
    w.once('message', (m: { conflicts?: number; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m.conflicts!)));
    w.once('error', reject);
  });
}

/**
 * CPU µs this (the server's) thread has used, from /proc on Linux: process.cpuUsage would count the
 * client thread too. Elsewhere the event loop's busy time stands in.
 */
function serverThreadCpuUs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime (fields 14 and 15 of stat) in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return performance.eventLoopUtilization().active * 1000;
  }
}

/**
 * Runs `n` jobs with `concurrency` in flight; returns µs per job of CPU on this thread, of CPU on
 * all threads (user + system) and of wall time.
 */
async function measure(n: number, job: (i: number) => Promise<void>): Promise<{ thread: number; cpu: number; wall: number }> {
  const thread0 = serverThreadCpuUs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) await job(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpu0);
  return { thread: (serverThreadCpuUs() - thread0) / n, cpu: (cpu.user + cpu.system) / n, wall: ((performance.now() - t0) * 1000) / n };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'calmline-prof-'));
  const database = opts.pg ? await createTestDatabase('postgres') : undefined;
  const config = loadConfig({}, { port: 0, dataDir, logLevel: 'silent', ...(database ? { databaseUrl: database.location } : {}) });
  const server = await startServer(config, { listen: !opts['no-http'], logger: false });
  try {
    const { store, ingester } = server.ctx;
    const orgId = server.firstStart!.orgId;
    const team = await store.teams.create(orgId, 'Profile team');
    const admin = await store.users.create({ orgId, email: 'profile-admin@calmline.local', name: 'Profile Admin', role: 'admin' });
    const token = newSecret('cl_tok');
    await store.credentials.createToken({ orgId, userId: admin.id, name: 'profile', role: 'admin', tokenHash: sha256(token) });
    const actor: Actor = { orgId, userId: admin.id, role: 'admin', teamIds: [], tokenId: null };

    const kind = opts.pg ? 'PostgreSQL' : 'SQLite';
    console.log(`${kind}, ${N} messages a round, ${CONCURRENCY} in flight, 500 concurrent conversations`);
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh conversation ids per round and path: each round opens conversations and plays them on.
      let line = `round ${round + 1}:`;
      if (!opts['no-direct']) {
        const direct = new ConversationPool({ size: 500, prefix: `d${round}`, seed: round + 1, teamId: team.id });
        const bodies = Array.from({ length: N }, () => JSON.parse(direct.next().body) as IngestInput);
        let conflicts = 0;
        const d = await measure(N, async (i) => {
          try {
            await ingester.ingest(actor, bodies[i]!);
          } catch (err) {
            if (!isUniqueViolation(err)) throw err;
            conflicts++;
          }
        });
        if (conflicts > 0) line += ` (${conflicts} incident-chain conflicts)`;
        line += ` ingester ${d.thread.toFixed(0)} µs server-thread CPU/message (${d.cpu.toFixed(0)} µs all threads, ${d.wall.toFixed(0)} µs wall);`;
      }
      if (!opts['no-http']) {
        const viaRoute = new ConversationPool({ size: 500, prefix: `r${round}`, seed: round + 101, teamId: team.id });
        const payloads = Array.from({ length: N }, () => viaRoute.next().body);
        const cpu0 = serverThreadCpuUs();
        const t0 = performance.now();
        const conflicts = await postAll(new URL('/api/messages', server.url).toString(), token, payloads);
        const cpu = (serverThreadCpuUs() - cpu0) / N;
        const wall = ((performance.now() - t0) * 1000) / N;
        line += ` HTTP route ${cpu.toFixed(0)} µs server-thread CPU/message (${wall.toFixed(0)} µs wall)`;
        if (conflicts > 0) line += ` (${conflicts} answered 409)`;
      }
      console.log(line);
    }
  } finally {
    await server.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * @module commands/benchServer/loadGen
 * An open-loop load generator over node:http with a keep-alive agent: message n is due at
 * start + n/rate and is sent then whether or not earlier answers have come back, and its latency
 * is measured from that due time. A closed loop (send the next when the last returns) would wait
 * out every stall of the server and report it once instead of for every message that queued
 * behind it ("coordinated omission"). Errors are counted, never thrown.
 */
import http from 'node:http';
import { summarise, type Latency, type PhaseOutcome } from './stats.js';

export interface PhaseSpec {
  /** The endpoint messages are POSTed to. */
  url: URL;
  headers?: Record<string, string>;
  /** Messages per second. */
  rate: number;
  /** Seconds sent before measuring (connections open, the JIT warms up); not counted. */
  warmupS: number;
  /** Seconds measured. */
  measureS: number;
  /** The JSON body of the next message. */
  next: () => string;
  maxSockets?: number;
  /** How long to wait for answers still outstanding once the last message is sent. */
  drainTimeoutMs?: number;
  /**
   * The phase stops early once more messages are outstanding than this many seconds of load (the
   * server has fallen so far behind that p99 cannot stay under the limit anyway). Default 1 s.
   */
  maxBacklogS?: number;
  /** Receives the ids of alerts in every 2xx answer that has any, with the message's due time. */
  onAlerts?: (alertIds: string[], dueAt: number, inWindow: boolean) => void;
}

export interface PhaseResult extends PhaseOutcome {
  /** Seconds actually measured (shorter when the phase was stopped early). */
  measuredS: number;
  /** Answers per status code or error code, for every message of the phase (warm-up too). */
  statuses: Record<string, number>;
  /** How late the generator itself sent messages (its own event loop lag): large values mean the load generator, not the server, is the limit. */
  sendLag: Latency;
}

interface Pending {
  req: http.ClientRequest;
  dueAt: number;
  inWindow: boolean;
  settled: boolean;
}

/**
 * Plays one phase and reports what the server achieved.
 * @example await runPhase({ url: new URL('http://127.0.0.1:4600/api/messages'), rate: 500, warmupS: 2, measureS: 8, next: () => body })
 */
export async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.maxSockets ?? 96, maxFreeSockets: spec.maxSockets ?? 96 });
  const interval = 1000 / spec.rate;
  const total = Math.round(spec.rate * (spec.warmupS + spec.measureS));
  const maxBacklog = Math.max(50, Math.round(spec.rate * (spec.maxBacklogS ?? 1)));
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const warmupLatencies: number[] = [];
  const lags: number[] = [];
  const pending = new Set<Pending>();
  let sent = 0;
  let errors = 0;
  let completedInWindow = 0;
  let completedBeforeEnd = 0;
  let abortedReason: string | undefined;
  let stoppedAt = Infinity;
  const t0 = performance.now() + 5;
  const windowStart = t0 + spec.warmupS * 1000;
  let windowEnd = windowStart + spec.measureS * 1000;
  let drained: (() => void) | undefined;

  const settle = (p: Pending, status: string, body: string | null) => {
    if (p.settled) return;
    p.settled = true;
    pending.delete(p);
    const now = performance.now();
    statuses[status] = (statuses[status] ?? 0) + 1;
    const ok = status.startsWith('2');
    if (ok && now >= windowStart && now < windowEnd) completedInWindow++;
    if (ok && now < stoppedAt) completedBeforeEnd++;
    // A message that never got an answer counts as infinitely late: leaving it out would make an
    // overloaded server look faster the more requests it drops.
    const latency = ok ? now - p.dueAt : status === 'timeout' ? Infinity : null;
    if (p.inWindow) {
      if (!ok) errors++;
      if (latency !== null) latencies.push(latency);
    } else if (latency !== null) warmupLatencies.push(latency);
    // Only answers that list alerts are parsed: JSON.parse of every answer would cost the
    // generator (on the same cores as the server) more than the server's own serialisation.
    if (ok && body !== null && spec.onAlerts && body.includes('"alerts":[{')) {
      try {
        const ids = (JSON.parse(body) as { alerts?: { id: string }[] }).alerts?.map((a) => a.id) ?? [];
        spec.onAlerts(ids, p.dueAt, p.inWindow);
      } catch {
        statuses['unparsable answer'] = (statuses['unparsable answer'] ?? 0) + 1;
      }
    }
    if (pending.size === 0) drained?.();
  };

  const send = (dueAt: number) => {
    const body = spec.next();
    const p: Pending = {
      dueAt,
      inWindow: dueAt >= windowStart && dueAt < windowEnd,
      settled: false,
      req: http.request(
        {
          agent,
          host: spec.url.hostname,
          port: spec.url.port,
          path: spec.url.pathname + spec.url.search,
          method: 'POST',
          headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => settle(p, String(res.statusCode ?? 0), text));
          res.on('error', (err: NodeJS.ErrnoException) => settle(p, err.code ?? 'response error', null));
        },
      ),
    };
    p.req.on('error', (err: NodeJS.ErrnoException) => settle(p, err.code ?? err.message, null));
    p.req.end(body);
    pending.add(p);
    if (p.inWindow) sent++;
  };

  await new Promise<void>((resolve) => {
    let n = 0;
    const tick = () => {
      const now = performance.now();
      if (pending.size > maxBacklog) {
        abortedReason = `stopped: ${pending.size} messages outstanding (over ${spec.maxBacklogS ?? 1} s of load), the server fell behind`;
        if (now < windowEnd) windowEnd = Math.max(windowStart, now);
        stoppedAt = now;
        resolve();
        return;
      }
      const due = Math.min(total, Math.floor((now - t0) / interval) + 1);
      for (; n < due; n++) {
        const dueAt = t0 + n * interval;
        if (dueAt >= windowStart) lags.push(now - dueAt);
        send(dueAt);
      }
      if (n >= total) resolve();
      else setTimeout(tick, Math.max(0, t0 + n * interval - performance.now()));
    };
    setTimeout(tick, 5);
  });

  // Wait for the answers still outstanding; what does not come back in time is a timeout.
  if (pending.size > 0) {
    await new Promise<void>((resolve) => {
      drained = resolve;
      setTimeout(resolve, spec.drainTimeoutMs ?? 15_000).unref();
    });
  }
  for (const p of [...pending]) {
    settle(p, 'timeout', null);
    p.req.destroy();
  }
  agent.destroy();
  const measuredS = Math.max(0, windowEnd - windowStart) / 1000;
  // A phase stopped during (or just after) the warm-up has no window worth the name: its figures
  // then come from everything it sent, which is what the server managed while falling behind.
  const short = abortedReason !== undefined && measuredS < 1;
  const elapsedS = (Math.min(stoppedAt, windowEnd) - t0) / 1000;
  return {
    targetRate: spec.rate,
    achievedRate: short ? completedBeforeEnd / Math.max(elapsedS, 0.001) : completedInWindow / measuredS,
    ingest: summarise(short ? [...warmupLatencies, ...latencies] : latencies),
    sent,
    errors,
    abortedReason,
    measuredS,
    statuses,
    sendLag: summarise(lags),
  };
}

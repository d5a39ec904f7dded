/**
 * The load generator against small servers that misbehave on purpose: it must keep to its
 * schedule whatever the server does (open loop), charge a stall to every message that queued
 * behind it, and count errors instead of failing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runPhase } from './loadGen.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: http.RequestListener): Promise<URL> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
}

const body = () => JSON.stringify({ text: 'hello' });

describe('runPhase', () => {
  it('sends at the rate even when every answer takes 200 ms, and measures the 200 ms', async () => {
    let received = 0;
    const url = await serve((req, res) => {
      req.resume();
      received++;
      setTimeout(() => res.writeHead(201).end('{"alerts":[]}'), 200);
    });
    const r = await runPhase({ url, rate: 200, warmupS: 0.3, measureS: 1.5, next: body, maxSockets: 128 });
    expect(received).toBe(Math.round(200 * 1.8));
    expect(r.errors).toBe(0);
    expect(r.achievedRate).toBeGreaterThan(190);
    expect(r.ingest.p50).toBeGreaterThanOrEqual(200);
    expect(r.ingest.p50).toBeLessThan(260);
  });

  it('charges a stall to every message due during it, not just the one in flight (no coordinated omission)', async () => {
    let n = 0;
    const url = await serve((req, res) => {
      req.resume();
      // One answer in the middle of the measured second takes 300 ms; the rest are instant.
      const wait = ++n === 150 ? 300 : 0;
      setTimeout(() => res.writeHead(201).end('{}'), wait);
    });
    // One socket: what is due during the stall waits behind it, as it would on a saturated server.
    const r = await runPhase({ url, rate: 100, warmupS: 1, measureS: 1, next: body, maxSockets: 1 });
    // About 30 messages are due during the 300 ms: all of them are late, so p50 of the second
    // still looks fine but well over 1% are slow and p99 shows the stall.
    expect(r.ingest.count).toBe(100);
    expect(r.ingest.p99).toBeGreaterThan(200);
    expect(r.ingest.p50).toBeLessThan(100);
  });

  it('counts error answers and dropped connections, and keeps going', async () => {
    let n = 0;
    const url = await serve((req, res) => {
      req.resume();
      n++;
      if (n % 10 === 0) res.writeHead(500).end('{}');
      else if (n % 10 === 5) req.socket.destroy();
      else res.writeHead(201).end('{}');
    });
    const r = await runPhase({ url, rate: 200, warmupS: 0, measureS: 1, next: body });
    expect(r.statuses['201']).toBeGreaterThan(150);
    expect(r.statuses['500']).toBeGreaterThan(15);
    expect(r.statuses.ECONNRESET ?? 0).toBeGreaterThan(15);
    expect(r.errors).toBe((r.statuses['500'] ?? 0) + (r.statuses.ECONNRESET ?? 0));
  });

  it('stops early on a server that stopped answering, and reports the messages as never answered', async () => {
    const url = await serve((req) => req.resume());
    const started = performance.now();
    const r = await runPhase({ url, rate: 200, warmupS: 0.2, measureS: 5, next: body, drainTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.abortedReason).toMatch(/outstanding/);
    expect(r.achievedRate).toBe(0);
    expect(r.ingest.p99).toBe(Infinity);
    expect(r.statuses.timeout).toBeGreaterThan(150);
  });

  it('hands the ids of alerts in answers to onAlerts, with the due time of their message', async () => {
    let n = 0;
    const url = await serve((req, res) => {
      req.resume();
      n++;
      res.writeHead(201).end(JSON.stringify({ message: { id: `m${n}` }, alerts: n % 4 === 0 ? [{ id: `a${n}` }] : [] }));
    });
    const seen: { ids: string[]; dueAt: number }[] = [];
    await runPhase({ url, rate: 100, warmupS: 0, measureS: 0.4, next: body, onAlerts: (ids, dueAt) => seen.push({ ids, dueAt }) });
    expect(seen.length).toBe(10);
    expect(seen.every((s) => s.ids.length === 1 && /^a\d+$/.test(s.ids[0]!) && s.dueAt < performance.now())).toBe(true);
  });
});

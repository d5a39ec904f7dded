/**
 * @module crash.test
 * Durability when the server process dies without warning (SIGKILL, an OOM kill, a pulled plug of
 * the container): on each store, a server process (the built CLI) takes sustained concurrent
 * ingest, is killed with requests in flight, and is started again on the same store. Every message
 * it acknowledged must still be there, conversations must stay consistent (no duplicate or missing
 * seq), senders retrying what was in flight must not create duplicates, and ingest must go on.
 */
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './test/databases.js';
import { requestJson, spawnServer, type SpawnedServer, type SpawnOptions } from './test/spawnServer.js';

/** Concurrent senders; a few per core keeps the server saturated with requests in flight. */
const SENDERS = 12;
/** Conversations the senders spread over; each is written by several senders at once. */
const CONVERSATIONS = 48;
/** How long the load runs before the kill. */
const LOAD_MS = 1500;

const TEXTS = [
  'Hello, could you tell me when my parcel will arrive?',
  'I have been waiting for three weeks and this is really annoying!',
  'Thanks, that helps.',
  'This is the third time I am asking. Nobody reads my emails.',
  'You are a useless idiot.',
];

interface Acked {
  conversationId: string;
  externalId: string;
  messageId: string;
  seq: number;
}

describe.each(DIALECTS)('a server killed with SIGKILL during sustained ingest on %s', (kind) => {
  let db: TestDatabase | undefined;
  let store: SpawnOptions = {};
  const servers: SpawnedServer[] = [];

  const start = async () => {
    // Rate limits are not what is tested here: the load must not be turned away.
    const s = await spawnServer({ ...store, env: { CALMLINE_RATE_LIMIT_PER_TOKEN: '10000000' } });
    servers.push(s);
    return s;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    store = kind === 'sqlite' ? { dataDir: dirname(db.location) } : { databaseUrl: db.location };
  });

  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.kill('SIGKILL')));
    await db?.drop();
  });

  it('keeps every acknowledged message, with unique seqs, and ingests again after a restart', async () => {
    const first = await start();
    const cookie = await first.adminCookie();
    const created = await first.post('/api/tokens', { name: 'load', role: 'admin' }, { cookie });
    expect(created.status).toBe(201);
    const token: string = created.body.secret;
    const conversationRef = (n: number) => ({ channel: 'chat', externalId: `conv-${n}`, language: 'en' });

    // Conversations exist before the load, so that several senders append to each at the same time.
    const conversationIds = await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, n) => {
        const r = await first.post(
          '/api/messages',
          { conversation: conversationRef(n), text: 'Hello.', externalId: `open-${n}` },
          { token },
        );
        expect(r.status).toBe(201);
        return r.body.conversation.id as string;
      }),
    );

    const acked: Acked[] = [];
    /** Requests sent and not answered (yet), by message externalId: what a sender would retry. */
    const inFlight = new Map<string, Record<string, unknown>>();
    const unexpected: string[] = [];
    let killing = false;
    const sender = async (w: number) => {
      for (let i = 0; ; i++) {
        const externalId = `m-${w}-${i}`;
        const body = { conversation: conversationRef((i * SENDERS + w) % CONVERSATIONS), text: TEXTS[(w + i) % TEXTS.length], externalId };
        inFlight.set(externalId, body);
        try {
          const r = await requestJson(first.url, 'POST', '/api/messages', { token, body });
          if (r.status !== 201) unexpected.push(`${externalId}: ${r.status} ${JSON.stringify(r.body)}`);
          else acked.push({ conversationId: r.body.conversation.id, externalId, messageId: r.body.message.id, seq: r.body.message.seq });
          inFlight.delete(externalId);
        } catch (err) {
          // The connection died with the process: the answer is lost, the sender would retry.
          if (!killing) unexpected.push(`${externalId}: ${String(err)}`);
          return;
        }
      }
    };
    const senders = Array.from({ length: SENDERS }, (_, w) => sender(w));
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    killing = true;
    const ackedAtKill = acked.length;
    const inFlightAtKill = inFlight.size;
    const exit = await first.kill('SIGKILL');
    await Promise.all(senders);
    console.info(
      `[${kind}] ${ackedAtKill} messages acknowledged in ${LOAD_MS} ms by ${SENDERS} senders (${Math.round((ackedAtKill * 1000) / LOAD_MS)}/s); ` +
        `${inFlightAtKill} requests in flight at the SIGKILL, ${acked.length - ackedAtKill} acknowledged while it landed`,
    );
    expect(exit.signal).toBe('SIGKILL');
    expect(unexpected).toEqual([]);
    // Enough load that the kill lands among many writes, even on a busy 2-core machine.
    expect(ackedAtKill).toBeGreaterThan(50);
    expect(inFlightAtKill).toBeGreaterThan(0);

    const again = await start();
    expect(again.signInUrl).toBeUndefined();
    const timeline = async (id: string) => {
      const r = await again.get(`/api/conversations/${id}`, { token });
      expect(r.status).toBe(200);
      return r.body as { conversation: { messageCount: number }; messages: { id: string; seq: number; externalId: string | null }[] };
    };

    const before = new Map<string, Awaited<ReturnType<typeof timeline>>>();
    for (const id of conversationIds) before.set(id, await timeline(id));
    const stored = new Map<string, { id: string; seq: number }>();
    for (const [id, t] of before) {
      const seqs = t.messages.map((m) => m.seq).sort((x, y) => x - y);
      // No duplicate and no gap: every committed message advanced the conversation by exactly one.
      expect(seqs, `seqs of ${id}`).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
      expect(t.conversation.messageCount).toBe(t.messages.length);
      for (const m of t.messages) stored.set(`${id} ${m.externalId}`, m);
    }
    const lost = acked.filter((a) => {
      const m = stored.get(`${a.conversationId} ${a.externalId}`);
      return !m || m.id !== a.messageId || m.seq !== a.seq;
    });
    expect(lost).toEqual([]);

    // A sender retrying what was in flight gets each message stored exactly once, whether or not it
    // had been committed before the kill.
    let alreadyStored = 0;
    for (const [externalId, body] of inFlight) {
      const r = await again.post('/api/messages', body, { token });
      expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
      expect(r.body.duplicate).toBe(r.status === 200);
      if (r.body.duplicate) alreadyStored++;
      const t = await timeline(r.body.conversation.id);
      expect(t.messages.filter((m) => m.externalId === externalId)).toHaveLength(1);
    }
    console.info(`[${kind}] ${inFlight.size} unanswered requests retried; ${alreadyStored} had been committed before the kill`);

    // The restarted server goes on: a new message in an existing conversation takes the next seq.
    const id = conversationIds[0]!;
    const latest = await timeline(id);
    const next = await again.post(
      '/api/messages',
      { conversationId: id, text: 'Are you still there?', externalId: 'after-restart' },
      { token },
    );
    expect(next.status).toBe(201);
    expect(next.body.message.seq).toBe(Math.max(...latest.messages.map((m) => m.seq)) + 1);
    const fresh = await again.post(
      '/api/messages',
      { conversation: conversationRef(CONVERSATIONS), text: 'You are a useless idiot.' },
      { token },
    );
    expect(fresh.status).toBe(201);
    expect(fresh.body.alerts).toMatchObject([{ kind: 'abuse' }]);
    await again.stop();
  });
});

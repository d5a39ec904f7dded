/**
 * The live socket: who hears what, catching up after a reconnect, and refusing those without the
 * right. Real WebSocket clients (ws) against a real server, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

interface Frame {
  type: string;
  lastId?: number;
  event?: { id: number; kind: string; conversationId: string; data: any };
}

/** A connected socket that collects frames, resolved once the server says it is caught up. */
async function listen(t: TestServer, token: string, since?: number) {
  const frames: Frame[] = [];
  const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/live${since !== undefined ? `?since=${since}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString()) as Frame));
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    const check = setInterval(() => {
      if (frames.some((f) => f.type === 'ready')) {
        clearInterval(check);
        resolve();
      }
    }, 5);
  });
  const events = () => frames.filter((f) => f.type === 'event').map((f) => f.event!);
  const waitFor = async (pred: (e: NonNullable<Frame['event']>) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = events().find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events().map((e) => e.kind))}`);
  };
  return { ws, frames, events, waitFor, close: () => ws.close() };
}

function refusal(t: TestServer, token?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/live`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
  });
}

describe.each(DIALECTS)('live socket on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const ingest = (token: string, externalId: string, text: string) =>
    t.request('POST', '/api/messages', { token, body: { conversation: { channel: 'chat', externalId, language: 'en' }, text } });

  it("tells each role what is theirs: agents their conversations, leads their teams' alerts, security threats", async () => {
    const agent = await listen(t, t.accounts.agent.token);
    const other = await listen(t, t.otherAgent.token);
    const lead = await listen(t, t.accounts.lead.token);
    const otherLead = await listen(t, t.otherLead.token);
    const security = await listen(t, t.accounts.security.token);

    const abuse = await ingest(t.accounts.agent.token, 'live-abuse', 'You are a useless idiot.');
    const conv = abuse.body.conversation.id as string;
    const message = await agent.waitFor((e) => e.kind === 'message.analysed' && e.conversationId === conv);
    expect(message.data.message.analysis.label).toBe('abuse');
    const alert = await lead.waitFor((e) => e.kind === 'alert.raised' && e.conversationId === conv);
    expect(alert.data).toMatchObject({ kind: 'abuse', severity: 'medium', teamId: t.teamA });

    const threat = await ingest(t.otherAgent.token, 'live-threat', 'I know where your office is and I will come and hurt you.');
    const threatConv = threat.body.conversation.id as string;
    await security.waitFor((e) => e.kind === 'alert.raised' && e.conversationId === threatConv);
    await otherLead.waitFor((e) => e.kind === 'alert.raised' && e.conversationId === threatConv);

    // Nobody heard what is not theirs.
    await new Promise((r) => setTimeout(r, 100));
    expect(other.events().some((e) => e.conversationId === conv)).toBe(false);
    expect(lead.events().some((e) => e.conversationId === threatConv)).toBe(false);
    expect(otherLead.events().some((e) => e.conversationId === conv)).toBe(false);
    expect(security.events().some((e) => e.conversationId === conv)).toBe(false);
    // Leads get alerts, not every message.
    expect(lead.events().every((e) => e.kind.startsWith('alert.'))).toBe(true);
    for (const s of [agent, other, lead, otherLead, security]) s.close();
  });

  it('catches a reconnecting client up on what it missed, then goes live', async () => {
    const first = await listen(t, t.accounts.lead.token);
    const lastSeen = first.frames.find((f) => f.type === 'ready')!.lastId!;
    first.close();
    const missed = await ingest(t.accounts.agent.token, 'live-missed', 'Shut up, you moron.');
    const conv = missed.body.conversation.id as string;
    const again = await listen(t, t.accounts.lead.token, lastSeen);
    const replayed = again.events().find((e) => e.kind === 'alert.raised' && e.conversationId === conv);
    expect(replayed).toBeDefined();
    // The replay comes before "ready"; live events follow.
    expect(again.frames.findIndex((f) => f.event?.conversationId === conv)).toBeLessThan(again.frames.findIndex((f) => f.type === 'ready'));
    await t.request('POST', `/api/alerts/${replayed!.data.id}/acknowledge`, { token: t.accounts.lead.token });
    const update = await again.waitFor((e) => e.kind === 'alert.updated' && e.conversationId === conv);
    expect(update.data.status).toBe('acknowledged');
    again.close();
  });

  it('refuses sockets without credentials or without the right', async () => {
    expect(await refusal(t)).toBe(401);
    expect(await refusal(t, t.accounts.trainer.token)).toBe(403);
    expect(await refusal(t, 'cl_tok_not-a-real-token')).toBe(401);
  });
});

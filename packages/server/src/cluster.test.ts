/**
 * @module cluster.test
 * Two Calmline processes (the built CLI) on two ports sharing one PostgreSQL database, as when a
 * deployment runs several nodes behind a load balancer: an alert raised by a message ingested on
 * node A must reach the live sockets connected to node B (via LISTEN/NOTIFY), only for those who
 * should hear it, and a socket reconnecting to node B with `?since=` must get what it missed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from './test/databases.js';
import { spawnServer, type SpawnedServer } from './test/spawnServer.js';

interface LiveEventFrame {
  id: number;
  kind: string;
  conversationId: string;
  createdAt: string;
  data: any;
}

/** A live socket that records every event and can wait for the first one matching a condition. */
class LiveClient {
  readonly events: LiveEventFrame[] = [];
  /** The events that arrived before `ready` (the catch-up). */
  caughtUp: LiveEventFrame[] = [];
  readyLastId = -1;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {}

  static open(wsUrl: string, token: string, since?: number): Promise<LiveClient> {
    const path = since === undefined ? '/api/live' : `/api/live?since=${since}`;
    const socket = new WebSocket(wsUrl + path, { headers: { authorization: `Bearer ${token}` } });
    const client = new LiveClient(socket);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "ready" from ${wsUrl}${path} within 10 s`)), 10_000);
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString());
        if (frame.type === 'event') {
          client.events.push(frame.event);
          for (const l of client.listeners) l();
        } else if (frame.type === 'ready') {
          client.readyLastId = frame.lastId;
          client.caughtUp = [...client.events];
          clearTimeout(timer);
          resolve(client);
        }
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      socket.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`live socket closed before ready (${code})`));
      });
    });
  }

  /** The first event (already received or still to come) matching `match`, or an error after `timeoutMs`. */
  waitFor(match: (e: LiveEventFrame) => boolean, timeoutMs: number, what: string): Promise<LiveEventFrame> {
    const found = this.events.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const listener = () => {
        const e = this.events.find(match);
        if (!e) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(e);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${what} did not arrive within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.kind))}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

const ABUSE = 'You are a useless idiot.';
const THREAT = 'I know where your office is and I will come and hurt you.';
/** How long a node may take to pass an alert on to another node's sockets. */
const DELIVERY_MS = 5000;

describe('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase | undefined;
  let nodeA: SpawnedServer | undefined;
  let nodeB: SpawnedServer | undefined;
  const sockets: LiveClient[] = [];
  let team = '';
  let otherTeam = '';
  let agent = { userId: '', token: '' };
  const tokens = { lead: '', security: '', admin: '' };

  const a = () => nodeA!;
  const b = () => nodeB!;
  const live = async (token: string, since?: number) => {
    const client = await LiveClient.open(b().wsUrl, token, since);
    sockets.push(client);
    return client;
  };
  const ingest = async (token: string, body: Record<string, unknown>) => {
    const r = await a().post('/api/messages', body, { token });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // One after the other: the first creates the schema and the organisation, the second finds them.
    nodeA = await spawnServer({ databaseUrl: db.location });
    nodeB = await spawnServer({ databaseUrl: db.location });
    const cookie = await a().adminCookie();
    const admin = async (path: string, body: unknown) => {
      const r = await a().post(path, body, { cookie });
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
      return r.body;
    };
    team = (await admin('/api/teams', { name: 'Night shift' })).id;
    otherTeam = (await admin('/api/teams', { name: 'Day shift' })).id;
    const account = async (role: 'agent' | 'lead' | 'security', teamIds: string[]) => {
      const { user } = await admin('/api/users', { email: `${role}@cluster.test`, name: `A ${role}`, role, teamIds });
      const { secret } = await admin('/api/tokens', { name: `${role} token`, role, userId: user.id });
      return { userId: user.id as string, token: secret as string };
    };
    agent = await account('agent', [team]);
    tokens.lead = (await account('lead', [team])).token;
    tokens.security = (await account('security', [])).token;
    tokens.admin = (await admin('/api/tokens', { name: 'integration', role: 'admin' })).secret;
  });

  afterAll(async () => {
    await Promise.allSettled(sockets.map((s) => s.close()));
    await Promise.allSettled([nodeA?.stop(), nodeB?.stop()]);
    await db?.drop();
  });

  it('starts the second node without a new sign-in link, since the organisation exists', () => {
    expect(a().signInUrl).toMatch(/\/api\/auth\/first-sign-in\?token=/);
    expect(b().signInUrl).toBeUndefined();
    expect(b().url).not.toBe(a().url);
  });

  it("delivers an abuse alert ingested on node A to the team lead's socket on node B, and not another team's", async () => {
    const lead = await live(tokens.lead);
    const adminSocket = await live(tokens.admin);
    // First an alert in the other team: the admin hears it on node B, the lead must not.
    const other = await ingest(tokens.admin, {
      conversation: { channel: 'chat', externalId: 'other-team', language: 'en', teamId: otherTeam },
      text: ABUSE,
    });
    await adminSocket.waitFor(
      (e) => e.kind === 'alert.raised' && e.conversationId === other.conversation.id,
      DELIVERY_MS,
      "the other team's alert",
    );

    const started = Date.now();
    const mine = await ingest(agent.token, { conversation: { channel: 'chat', externalId: 'abuse-1', language: 'en' }, text: ABUSE });
    expect(mine.conversation.teamId).toBe(team);
    expect(mine.alerts).toMatchObject([{ kind: 'abuse' }]);
    const event = await lead.waitFor(
      (e) => e.kind === 'alert.raised' && e.conversationId === mine.conversation.id,
      DELIVERY_MS,
      'the abuse alert',
    );
    expect(Date.now() - started).toBeLessThan(DELIVERY_MS);
    expect(event.data).toMatchObject({ id: mine.alerts[0].id, kind: 'abuse', teamId: team });
    // Node B delivered the other team's alert before this one, so on this ordered socket it would have come first.
    expect(lead.events.filter((e) => e.conversationId === other.conversation.id)).toEqual([]);
    // A lead hears alerts, not every analysed message of the team.
    expect(lead.events.map((e) => e.kind)).not.toContain('message.analysed');
  });

  it("delivers a threat alert ingested on node A to security's socket on node B", async () => {
    const security = await live(tokens.security);
    const r = await ingest(agent.token, { conversation: { channel: 'phone', externalId: 'threat-1', language: 'en' }, text: THREAT });
    expect(r.alerts[0]).toMatchObject({ kind: 'threat', severity: 'critical' });
    const event = await security.waitFor(
      (e) => e.kind === 'alert.raised' && e.conversationId === r.conversation.id,
      DELIVERY_MS,
      'the threat alert',
    );
    expect(event.data).toMatchObject({ id: r.alerts[0].id, kind: 'threat' });
    // Security hears threats, not the team's abuse.
    expect(security.events.every((e) => e.data.kind !== 'abuse')).toBe(true);
  });

  it('replays an alert raised while the lead was disconnected when it reconnects to node B with ?since=', async () => {
    const first = await live(tokens.lead);
    const before = first.readyLastId;
    expect(before).toBeGreaterThan(0);
    await first.close();

    const missed = await ingest(agent.token, { conversation: { channel: 'chat', externalId: 'abuse-2', language: 'en' }, text: ABUSE });
    const again = await live(tokens.lead, before);
    const replayed = again.caughtUp.filter((e) => e.kind === 'alert.raised' && e.conversationId === missed.conversation.id);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.data).toMatchObject({ id: missed.alerts[0].id, kind: 'abuse' });
    expect(again.caughtUp.every((e) => e.id > before)).toBe(true);
    expect(again.readyLastId).toBeGreaterThanOrEqual(replayed[0]!.id);

    // Without `since`, nothing from the past is replayed.
    const fresh = await live(tokens.lead);
    expect(fresh.caughtUp).toEqual([]);
  });
});

/**
 * Secrets at rest (issue 5), end to end on SQLite and PostgreSQL: webhook and integration secrets
 * created through the API are stored sealed, never in clear, yet deliveries are still signed and
 * inbound signatures still verified with them; a sealed value copied into another row does not
 * open there; and rows an older version stored in clear are sealed at the next start and keep working.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server.js';
import { newId, now } from '../store/ids.js';
import { DIALECTS } from '../test/databases.js';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { isSealed } from './sealed.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const signature = (secret: string, ts: string, body: string) => `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

describe.each(DIALECTS)('secrets at rest on %s (issue 5)', (kind) => {
  let t: TestServer;
  let restarted: RunningServer | undefined;
  let receiver: Server;
  let base = '';
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await getTestServer(kind, { webhooks: { intervalMs: 50, backoffMs: 50, maxAttempts: 2, timeoutMs: 2000 } });
  });
  afterAll(async () => {
    await restarted?.close();
    await t?.close();
    await new Promise((r) => receiver.close(r));
  });

  const db = () => t.server.database.db;
  const admin = () => t.accounts.admin.token;
  const storedSecret = async (table: 'webhooks' | 'integrations', id: string) =>
    (await db().selectFrom(table).select('secret').where('id', '=', id).executeTakeFirstOrThrow()).secret;
  const waitFor = async (pred: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (Date.now() < end && !pred()) await new Promise((r) => setTimeout(r, 25));
    expect(pred()).toBe(true);
  };
  const subscribe = async (path: string) => {
    const r = await t.request('POST', '/api/webhooks', { token: admin(), body: { url: `${base}${path}`, events: ['webhook.test'] } });
    expect(r.status).toBe(201);
    return { id: r.body.webhook.id as string, secret: r.body.secret as string };
  };
  const testDelivery = (id: string, url = t.url) =>
    fetch(`${url}/api/webhooks/${id}/test`, { method: 'POST', headers: { authorization: `Bearer ${admin()}` } });
  const createGeneric = async (name: string) => {
    const r = await t.request('POST', '/api/integrations', {
      token: admin(),
      body: { kind: 'generic', name, actingUserId: t.accounts.agent.userId },
    });
    expect(r.status).toBe(201);
    return { id: r.body.integration.id as string, secret: r.body.secret as string };
  };
  const postInbound = (id: string, secret: string, externalId: string, url = t.url) => {
    const body = JSON.stringify({ conversation: { channel: 'chat', externalId, language: 'en' }, text: 'Hello, my order is late.' });
    const ts = String(Math.floor(Date.now() / 1000));
    return fetch(`${url}/api/inbound/${id}/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-calmline-timestamp': ts, 'x-calmline-signature': signature(secret, ts, body) },
      body,
    });
  };

  it('stores a webhook secret sealed, and still signs deliveries with it', async () => {
    const hook = await subscribe('/sealed');
    const stored = await storedSecret('webhooks', hook.id);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(hook.secret);
    expect(stored).not.toContain(hook.secret.slice('whsec_'.length));
    expect((await testDelivery(hook.id)).status).toBe(202);
    await waitFor(() => received.some((r) => r.path === '/sealed'));
    const got = received.find((r) => r.path === '/sealed')!;
    expect(got.headers['x-calmline-signature']).toBe(signature(hook.secret, String(got.headers['x-calmline-timestamp']), got.body));
  });

  it('stores an integration secret sealed, and still verifies inbound signatures with it', async () => {
    const integration = await createGeneric('Sealed helpdesk');
    const stored = await storedSecret('integrations', integration.id);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(integration.secret);
    expect((await postInbound(integration.id, integration.secret, 'sealed-1')).status).toBe(201);
    expect((await postInbound(integration.id, 'cl_in_not_the_secret', 'sealed-2')).status).toBe(401);
  });

  it('stores a secret the admin pasted (Zendesk) sealed too', async () => {
    const given = 'zendesk-signing-secret-0123456789';
    const r = await t.request('POST', '/api/integrations', {
      token: admin(),
      body: { kind: 'zendesk', name: 'Zendesk', actingUserId: t.accounts.agent.userId, secret: given },
    });
    expect(r.status).toBe(201);
    const stored = await storedSecret('integrations', r.body.integration.id);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(given);
  });

  it('does not open a sealed secret copied into another row', async () => {
    const a = await createGeneric('A');
    const b = await createGeneric('B');
    await db()
      .updateTable('integrations')
      .set({ secret: await storedSecret('integrations', a.id) })
      .where('id', '=', b.id)
      .execute();
    // Neither A's secret (now in B's row) nor B's own is accepted for B: the copied value does not open.
    const withA = await postInbound(b.id, a.secret, 'moved-1');
    expect(withA.status).toBe(500);
    expect(((await withA.json()) as { error: { id: string } }).error.id).toBe('internal');
    expect((await postInbound(b.id, b.secret, 'moved-2')).status).toBe(500);
    expect(await t.server.ctx.store.conversations.byExternalId(t.orgId, 'chat', 'moved-1')).toBeUndefined();
    // A still works: its own row is untouched.
    expect((await postInbound(a.id, a.secret, 'moved-3')).status).toBe(201);

    const hookA = await subscribe('/moved-a');
    const hookB = await subscribe('/moved-b');
    await db()
      .updateTable('webhooks')
      .set({ secret: await storedSecret('webhooks', hookA.id) })
      .where('id', '=', hookB.id)
      .execute();
    await testDelivery(hookB.id);
    const logOf = async () =>
      (await t.request('GET', `/api/webhooks/${hookB.id}/deliveries`, { token: admin() })).body.deliveries as { error: string }[];
    let log = await logOf();
    for (let i = 0; i < 200 && log.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      log = await logOf();
    }
    expect(log[0]!.error).toMatch(/SealedSecretError: The stored secret of webhook:.* cannot be opened/);
    expect(received.some((r) => r.path === '/moved-b')).toBe(false);
  });

  it('seals secrets stored in clear by an older version at the next start, and they keep working', async () => {
    const hookId = newId();
    const hookSecret = 'whsec_stored_in_clear_before_sealing';
    const integrationId = newId();
    const integrationSecret = 'cl_in_stored_in_clear_before_sealing';
    await db()
      .insertInto('webhooks')
      .values({
        id: hookId,
        org_id: t.orgId,
        url: `${base}/legacy`,
        format: 'generic',
        events: JSON.stringify(['webhook.test']),
        secret: hookSecret,
        disabled: 0,
        created_at: now(),
      })
      .execute();
    await db()
      .insertInto('integrations')
      .values({
        id: integrationId,
        org_id: t.orgId,
        kind: 'generic',
        name: 'Legacy',
        secret: integrationSecret,
        acting_user_id: t.accounts.agent.userId,
        team_id: null,
        created_at: now(),
        disabled: 0,
      })
      .execute();
    // Another start over the same store and the same server secret (secret.key, or the database's on PostgreSQL).
    restarted = await startServer({ ...t.server.ctx.config, port: 0 }, { logger: false });
    for (const [table, id, secret] of [
      ['webhooks', hookId, hookSecret],
      ['integrations', integrationId, integrationSecret],
    ] as const) {
      const stored = await storedSecret(table, id);
      expect(isSealed(stored)).toBe(true);
      expect(stored).not.toContain(secret);
    }
    expect((await postInbound(integrationId, integrationSecret, 'legacy-1', restarted.url)).status).toBe(201);
    expect((await testDelivery(hookId, restarted.url)).status).toBe(202);
    await waitFor(() => received.some((r) => r.path === '/legacy'));
    const got = received.find((r) => r.path === '/legacy')!;
    expect(got.headers['x-calmline-signature']).toBe(signature(hookSecret, String(got.headers['x-calmline-timestamp']), got.body));
  });
});

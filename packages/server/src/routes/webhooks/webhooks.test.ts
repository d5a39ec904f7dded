/**
 * Outbound webhooks against a real HTTP receiver on loopback (the receiver stands in for Slack,
 * Teams or a customer's system, which cannot run here): signed deliveries, retries with backoff
 * until a 2xx, the delivery log, giving up, the three formats, and the outbox following the
 * transaction (nothing is announced that was rolled back).
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe.each(DIALECTS)('outbound webhooks on %s', (kind) => {
  let t: TestServer;
  let receiver: Server;
  let base = '';
  const received: Received[] = [];
  /** Status to answer per path, in order; the last one repeats. */
  const answers = new Map<string, number[]>();

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        const queue = answers.get(req.url ?? '') ?? [200];
        res.writeHead(queue.length > 1 ? queue.shift()! : queue[0]!).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await getTestServer(kind, { webhooks: { intervalMs: 50, backoffMs: 50, maxAttempts: 3, timeoutMs: 2000 } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => receiver.close(r));
  });

  const waitFor = async (pred: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (Date.now() < end && !pred()) await new Promise((r) => setTimeout(r, 25));
    expect(pred()).toBe(true);
  };
  const subscribe = (path: string, body: Record<string, unknown>) =>
    t.request('POST', '/api/webhooks', { token: t.accounts.admin.token, body: { url: `${base}${path}`, ...body } });

  it('delivers a signed alert, retrying with backoff until the receiver answers 2xx, and logs each attempt', async () => {
    answers.set('/generic', [500, 503, 200]);
    const made = await subscribe('/generic', { events: ['alert.raised'] });
    expect(made.status).toBe(201);
    const { secret } = made.body;
    const abuse = await t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'chat', externalId: 'wh-1', language: 'en' }, text: 'You are a useless idiot.' },
    });
    const alert = abuse.body.alerts[0];
    await waitFor(() => received.filter((r) => r.path === '/generic').length >= 3);
    const got = received.filter((r) => r.path === '/generic');
    for (const r of got) {
      const ts = String(r.headers['x-calmline-timestamp']);
      expect(r.headers['x-calmline-signature']).toBe(`v1=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`);
      expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(60);
    }
    // The same event each time: receivers drop repeats by its id.
    expect(new Set(got.map((r) => r.headers['x-calmline-event-id'])).size).toBe(1);
    expect(JSON.parse(got[2]!.body)).toMatchObject({ event: 'alert.raised', data: { id: alert.id, kind: 'abuse', severity: 'medium' } });
    // The receiver has answered; the log follows as soon as the deliverer has written the outcome.
    const logOf = () => t.request('GET', `/api/webhooks/${made.body.webhook.id}/deliveries`, { token: t.accounts.admin.token });
    let log = await logOf();
    for (let i = 0; i < 100 && log.body.deliveries.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      log = await logOf();
    }
    expect(log.body.deliveries.map((d: { statusCode: number }) => d.statusCode)).toEqual([200, 503, 500]);
    expect(log.body.deliveries[0]).toMatchObject({ attempt: 3, delivered: true, gaveUp: false });
    // Delivered once: no further attempts.
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((r) => r.path === '/generic')).toHaveLength(3);
  });

  it('gives up after the last attempt and says so in the log', async () => {
    answers.set('/down', [500]);
    const made = await subscribe('/down', { events: ['webhook.test'] });
    await t.request('POST', `/api/webhooks/${made.body.webhook.id}/test`, { token: t.accounts.admin.token });
    await waitFor(() => received.filter((r) => r.path === '/down').length >= 3);
    await new Promise((r) => setTimeout(r, 400));
    expect(received.filter((r) => r.path === '/down')).toHaveLength(3);
    const log = await t.request('GET', `/api/webhooks/${made.body.webhook.id}/deliveries`, { token: t.accounts.admin.token });
    expect(log.body.deliveries).toHaveLength(3);
    expect(log.body.deliveries[0]).toMatchObject({ attempt: 3, delivered: false, gaveUp: true, error: 'answered 500' });
  });

  it('speaks Slack and Microsoft Teams', async () => {
    const slack = await subscribe('/slack', { format: 'slack', events: ['webhook.test'] });
    const teams = await subscribe('/teams', { format: 'teams', events: ['webhook.test'] });
    await t.request('POST', `/api/webhooks/${slack.body.webhook.id}/test`, { token: t.accounts.admin.token });
    await t.request('POST', `/api/webhooks/${teams.body.webhook.id}/test`, { token: t.accounts.admin.token });
    await waitFor(() => received.some((r) => r.path === '/slack') && received.some((r) => r.path === '/teams'));
    const s = JSON.parse(received.find((r) => r.path === '/slack')!.body);
    expect(s.text).toBe('Calmline test delivery: this webhook works.');
    expect(s.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    const m = JSON.parse(received.find((r) => r.path === '/teams')!.body);
    expect(m).toMatchObject({ '@type': 'MessageCard', title: 'Calmline test delivery: this webhook works.' });
  });

  it('announces nothing from a transaction that rolled back', async () => {
    const made = await subscribe('/rollback', { events: ['webhook.test'] });
    await expect(
      t.server.ctx.store.transaction(async (tx) => {
        await tx.webhooks.enqueue(t.orgId, 'webhook.test', { message: 'never' }, made.body.webhook.id);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await new Promise((r) => setTimeout(r, 300));
    expect(received.some((r) => r.path === '/rollback')).toBe(false);
  });

  it('refuses URLs that are not http(s)', async () => {
    const bad = await t.request('POST', '/api/webhooks', { token: t.accounts.admin.token, body: { url: 'file:///etc/passwd' } });
    expect(bad).toMatchObject({ status: 400, body: { error: { id: 'webhook_url_refused' } } });
  });
});

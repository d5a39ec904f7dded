/**
 * Webhook URL safety (issue 5, SSRF), on SQLite and PostgreSQL, with the defaults a real server
 * has (webhookAllowPrivate off) and an allow-list: URLs that are not http(s), carry credentials or
 * name a host off the list are refused when subscribed; a delivery to an address on this machine
 * is refused and logged, and the receiver listening there gets nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { hostAllowed } from '../../webhooks/urlPolicy.js';

describe('the allow-list (issue 5)', () => {
  it.each([
    ['hooks.slack.com', ['hooks.slack.com'], true],
    ['hooks.slack.com', ['HOOKS.Slack.com'], true],
    ['evil.com', ['hooks.slack.com'], false],
    ['a.example.com', ['*.example.com'], true],
    ['b.a.example.com', ['*.example.com'], true],
    ['example.com', ['*.example.com'], false],
    ['badexample.com', ['*.example.com'], false],
    ['anything.org', [], true],
  ] as const)('%s against %j: %s', (host, list, allowed) => {
    expect(hostAllowed(host, list)).toBe(allowed);
  });
});

describe.each(DIALECTS)('webhook URL safety on %s (issue 5)', (kind) => {
  let t: TestServer;
  let receiver: Server;
  let port = 0;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(req.url ?? '');
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
    t = await getTestServer(kind, {
      webhookAllowPrivate: false,
      webhookAllowHosts: ['127.0.0.1', 'localhost', '*.allowed.test'],
      webhooks: { intervalMs: 50, backoffMs: 50, maxAttempts: 2, timeoutMs: 2000 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => receiver.close(r));
  });

  const subscribe = (url: string) =>
    t.request('POST', '/api/webhooks', { token: t.accounts.admin.token, body: { url, events: ['webhook.test'] } });

  it.each([
    ['http://user:pw@hooks.allowed.test/x', /user name or password/],
    ['https://token@hooks.allowed.test/x', /user name or password/],
    ['ftp://hooks.allowed.test/x', /http:\/\/ or https:\/\/.*ftp:/],
    ['file:///etc/passwd', /http:\/\/ or https:\/\//],
    ['https://example.com/hook', /host example\.com is not one this server may send webhooks to/],
    ['https://allowed.test/hook', /host allowed\.test is not one/],
  ])('refuses %s with webhook_url_refused and says why', async (url, reason) => {
    const r = await subscribe(url);
    expect(r.status).toBe(400);
    expect(r.body.error.id).toBe('webhook_url_refused');
    expect(r.body.error.message).toMatch(reason);
    const list = await t.request('GET', '/api/webhooks', { token: t.accounts.admin.token });
    expect(list.body.webhooks.map((w: { url: string }) => w.url)).not.toContain(url);
  });

  it('accepts a host on the allow-list', async () => {
    const r = await subscribe('https://hooks.allowed.test/calmline');
    expect(r.status).toBe(201);
  });

  it.each([
    ['127.0.0.1', /Refused: 127\.0\.0\.1 is a loopback address/],
    ['localhost', /Refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/],
  ])('refuses to deliver to %s (an address on this machine), logs it, and sends nothing', async (host, logged) => {
    const path = `/internal-${host}`;
    const made = await subscribe(`http://${host}:${port}${path}`);
    expect(made.status).toBe(201);
    const id = made.body.webhook.id;
    expect((await t.request('POST', `/api/webhooks/${id}/test`, { token: t.accounts.admin.token })).status).toBe(202);
    const logOf = async () =>
      (await t.request('GET', `/api/webhooks/${id}/deliveries`, { token: t.accounts.admin.token })).body.deliveries as {
        attempt: number;
        statusCode: number | null;
        error: string;
        delivered: boolean;
        gaveUp: boolean;
      }[];
    let log = await logOf();
    for (let i = 0; i < 200 && !(log.length === 2 && log[0]!.gaveUp); i++) {
      await new Promise((r) => setTimeout(r, 25));
      log = await logOf();
    }
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ attempt: 2, statusCode: null, delivered: false, gaveUp: true });
    for (const d of log) expect(d.error).toMatch(logged);
    expect(log[0]!.error).toMatch(/webhookAllowPrivate/);
    expect(received).not.toContain(path);
  });
});

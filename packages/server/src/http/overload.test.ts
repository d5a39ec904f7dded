/**
 * Load shedding on a real server on a loopback port: with two requests in flight (two uploads whose
 * bodies never finish), the next API request is answered 503 `overloaded` with Retry-After, health
 * checks and metrics still answer, and once the slow clients go away requests are served again.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';

/** Starts a POST whose body never arrives: the server holds it in flight until the client leaves. */
function stalledUpload(url: string, token: string): Promise<ClientRequest> {
  const u = new URL('/api/messages', url);
  const req = httpRequest({
    host: u.hostname,
    port: u.port,
    path: u.pathname,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '1000' },
  });
  req.on('error', () => {}); // destroyed below on purpose
  req.write('{"text": "');
  req.flushHeaders();
  // The server has counted it once it answers other requests after it; give it a moment to arrive.
  return new Promise((resolve) => setTimeout(() => resolve(req), 150));
}

describe('load shedding', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer('sqlite', { maxInFlight: 2 });
  });
  afterAll(async () => t?.close());

  const send = () =>
    t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'chat', externalId: 'shed' }, text: 'Where is my parcel?' },
    });

  it('turns requests away with 503 overloaded while the limit is reached, and serves again after', async () => {
    expect((await send()).status).toBe(201);
    const stalled = [await stalledUpload(t.url, t.accounts.agent.token), await stalledUpload(t.url, t.accounts.agent.token)];

    const refused = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.accounts.agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: { channel: 'chat', externalId: 'shed' }, text: 'Hello?' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const error = ((await refused.json()) as { error: { id: string; message: string } }).error;
    expect(error.id).toBe('overloaded');
    expect(error.message).toMatch(/try again/);
    // Monitoring still reaches a busy server, and sees the shedding.
    expect((await t.request('GET', '/healthz')).status).toBe(200);
    const metrics = await t.request('GET', '/metrics');
    expect(metrics.body).toMatch(/^calmline_http_requests_in_flight 2$/m);
    expect(metrics.body).toMatch(/^calmline_http_requests_shed_total 1$/m);

    for (const s of stalled) s.destroy();
    await new Promise((r) => setTimeout(r, 150));
    expect((await send()).status).toBe(201);
    const after = await t.request('GET', '/metrics');
    expect(after.body).toMatch(/^calmline_http_requests_in_flight 0$/m);
  });
});

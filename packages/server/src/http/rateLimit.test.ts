/**
 * Rate limits: per API token and per address, answered with 429 and the catalogue's error id; a
 * limited client does not slow down another; sign-in attempts have their own, tighter limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';

describe('rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer('sqlite', { rateLimit: { perToken: 5, perIp: 4, signIn: 3 } });
  });
  afterAll(async () => t?.close());

  it('limits each token on its own', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.request('GET', '/api/me', { token: t.accounts.agent.token })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await t.request('GET', '/api/me', { token: t.accounts.agent.token });
    expect(limited).toMatchObject({ status: 429, body: { error: { id: 'rate_limited' } } });
    expect(limited.body.error.message).toMatch(/try again in/);
    // Another token is not held back by the first one's burst.
    expect((await t.request('GET', '/api/me', { token: t.accounts.lead.token })).status).toBe(200);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: `guess-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

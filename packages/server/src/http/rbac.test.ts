/**
 * Every route against every role, generated from the route table the server builds as it registers
 * routes: a role without the route's permission gets 403, a role with it never does, and nobody
 * gets in without credentials. A route added later is checked without anyone remembering to.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can } from '../auth/roles.js';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { installRouteTable, type RouteEntry } from './guard.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('route permissions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer('sqlite');
  });
  afterAll(async () => t?.close());

  const guarded = () => t.server.routes.filter((r) => r.permission !== 'public');
  const pathOf = (r: RouteEntry) => r.url.replace(/:[A-Za-z]+/g, SOME_ID);
  const call = (r: RouteEntry, token?: string) =>
    t.request(r.method, pathOf(r), { ...(token ? { token } : {}), ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} }) });

  it('has guarded routes for every resource', () => {
    const urls = new Set(guarded().map((r) => r.url));
    for (const u of ['/api/messages', '/api/alerts/:id/acknowledge', '/api/users', '/api/tokens', '/api/live', '/api/audit'])
      expect(urls).toContain(u);
  });

  it('refuses every guarded route without credentials (401)', async () => {
    for (const r of guarded()) {
      const res = await call(r);
      expect({ route: `${r.method} ${r.url}`, status: res.status, id: res.body?.error?.id }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
        id: 'unauthenticated',
      });
    }
  });

  it.each(ROLES)('checks every route for the %s role', async (role) => {
    for (const r of guarded()) {
      if (r.permission === 'public') continue;
      const res = await call(r, t.accounts[role].token);
      const route = `${r.method} ${r.url}`;
      if (can(role, r.permission)) {
        expect({ route, status: res.status }, JSON.stringify(res.body)).not.toMatchObject({ status: 403 });
        expect(res.status, route).not.toBe(401);
        expect(res.status, route).toBeLessThan(500);
      } else {
        expect({ route, status: res.status, id: res.body?.error?.id }).toEqual({ route, status: 403, id: 'forbidden' });
      }
    }
  });

  it('refuses a route that declares no permission', () => {
    const app = Fastify();
    installRouteTable(app, []);
    expect(() => app.get('/api/forgotten', () => 'oops')).toThrow(/GET \/api\/forgotten declares no permission/);
  });
});

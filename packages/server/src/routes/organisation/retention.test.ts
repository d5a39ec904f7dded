/**
 * The organisation's incident retention period, on SQLite and PostgreSQL: the server default until
 * an admin sets one, only admins may set it, values outside one to ten years are refused naming the
 * field, the change is audited with the old and new period, an admin can return to the server
 * default, and the purge follows each organisation's period (closed incidents only, the chain
 * still verifies). Time passing is simulated by moving the incidents' last change back in the
 * database.
 */
import { createProtocol } from '@calmline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredIncidents } from '../../commands/incidentRetention.js';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('incident retention on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const setDays = (days: unknown, token = t.accounts.admin.token) =>
    t.request('PUT', '/api/organisation/retention', { token, body: { days } });

  /** A threat opens an incident; `status` moves it on; its last change is then `daysAgo` in the past. */
  async function incident(externalId: string, daysAgo: number, status: 'open' | 'closed') {
    const msg = await t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'chat', externalId, language: 'en' }, text: 'I will find you after work and hurt you.' },
    });
    const id = msg.body.incidentId as string;
    expect(id).toBeTruthy();
    if (status === 'closed')
      expect((await t.request('POST', `/api/incidents/${id}/status`, { token: t.accounts.lead.token, body: { status } })).status).toBe(200);
    await t.server.database.db
      .updateTable('incidents')
      .set({ updated_at: new Date(Date.now() - daysAgo * DAY).toISOString() })
      .where('id', '=', id)
      .execute();
    return id;
  }

  const record = async (id: string) =>
    (await t.request('GET', `/api/incidents/${id}`, { token: t.accounts.security.token })).body.incident.record as {
      evidence: unknown[];
      purged?: boolean;
    };
  const purge = () => purgeExpiredIncidents(t.server.ctx.store, t.server.ctx.config.incidentRetentionDays);

  it('uses the server default until an admin sets a period, which everyone may read', async () => {
    const got = await t.request('GET', '/api/organisation/retention', { token: t.accounts.agent.token });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ days: 1826, source: 'server_default', defaultDays: 1826, minDays: 365, maxDays: 3650 });
  });

  it('refuses an agent (403) and values outside one to ten years (400, naming the field)', async () => {
    const agent = await setDays(400, t.accounts.agent.token);
    expect(agent.status).toBe(403);
    expect(agent.body.error.id).toBe('forbidden');
    for (const bad of [364, 3651, 400.5, null, '400', -1]) {
      const r = await setDays(bad);
      expect({ bad, status: r.status, id: r.body.error?.id }).toEqual({ bad, status: 400, id: 'validation_failed' });
      expect(r.body.error.message).toMatch(/^body\.days: /);
      expect(r.body.error.message).toMatch(/365/);
    }
    const missing = await t.request('PUT', '/api/organisation/retention', { token: t.accounts.admin.token, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^body\.days: .*cannot be kept forever/);
    // Nothing was stored by the refused calls.
    expect((await t.request('GET', '/api/organisation/retention', { token: t.accounts.admin.token })).body.source).toBe('server_default');
  });

  it('purges a closed incident past the organisation’s 400 days that the default would keep, and keeps younger and open ones', async () => {
    const old = await incident('ret-old', 500, 'closed');
    const young = await incident('ret-young', 300, 'closed');
    const oldButOpen = await incident('ret-open', 500, 'open');

    // Under the server default (1826 days) nothing here is due.
    await purge();
    expect((await record(old)).purged).toBeUndefined();
    expect((await record(old)).evidence).toHaveLength(1);

    const set = await setDays(400);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ days: 400, source: 'organisation', defaultDays: 1826 });
    expect(await purge()).toBe(1);

    expect(await record(old)).toMatchObject({ purged: true, evidence: [] });
    expect((await record(young)).purged).toBeUndefined();
    expect((await record(young)).evidence).toHaveLength(1);
    expect((await record(oldButOpen)).evidence).toHaveLength(1);
    expect((await t.request('GET', '/api/incidents/verify', { token: t.accounts.admin.token })).body).toMatchObject({ ok: true });

    // Read back by anyone, and audited with the old and the new period.
    expect((await t.request('GET', '/api/organisation/retention', { token: t.accounts.lead.token })).body).toMatchObject({
      days: 400,
      source: 'organisation',
    });
    const audit = await t.request('GET', '/api/audit', { token: t.accounts.admin.token });
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'organisation.retention_changed');
    expect(entry).toMatchObject({
      actorUserId: t.accounts.admin.userId,
      targetType: 'organisation',
      details: { from: 1826, fromSource: 'server_default', to: 400 },
    });
  });

  it('leaves another organisation, which set no period, on the server default', async () => {
    const { store, incidents } = t.server.ctx;
    const other = await store.organisations.create('Another organisation');
    // Its record: an agent's report, closed, last changed 500 days ago (past 400 days, within 1826).
    const id = await store.transaction(async (tx) => {
      const c = await tx.conversations.create({
        orgId: other.id,
        teamId: null,
        channel: 'chat',
        externalId: 'other-org-1',
        language: 'en',
        agentId: null,
        customerRef: null,
        contactReason: null,
        protocol: createProtocol().start({ seed: 1 }),
      });
      const opened = await incidents.report(tx, c, t.accounts.agent.userId, 'Shouted at me for ten minutes.');
      await tx.incidents.append(incidents.keysForAppend(), other.id, opened.id, 'status', { from: 'open', to: 'closed' }, null);
      return opened.id;
    });
    await t.server.database.db
      .updateTable('incidents')
      .set({ updated_at: new Date(Date.now() - 500 * DAY).toISOString() })
      .where('id', '=', id)
      .execute();
    await purge();
    const kept = (await store.incidents.get(other.id, id))!;
    expect(kept.status).toBe('closed');
    expect(kept.record).toMatchObject({ reports: [{ note: 'Shouted at me for ten minutes.' }] });
    expect((kept.record as { purged?: boolean }).purged).toBeUndefined();

    // Once it sets its own 400 days, the same record is due.
    await store.settings.setIncidentRetentionDays(other.id, 400);
    expect(await purge()).toBe(1);
    expect((await store.incidents.get(other.id, id))!.record).toMatchObject({ purged: true, reports: [] });
    expect(await incidents.verify(store, other.id)).toMatchObject({ ok: true, problems: [] });
  });

  it('returns to the server default on DELETE (admins only, audited once), and the purge follows the default again', async () => {
    const reset = (token = t.accounts.admin.token) => t.request('DELETE', '/api/organisation/retention', { token });
    const changes = async () =>
      (await t.request('GET', '/api/audit?action=organisation.retention_changed', { token: t.accounts.admin.token })).body.entries as {
        details: unknown;
      }[];
    expect((await setDays(400)).status).toBe(200);
    const before = (await changes()).length;

    const lead = await reset(t.accounts.lead.token);
    expect({ status: lead.status, id: lead.body.error?.id }).toEqual({ status: 403, id: 'forbidden' });
    expect((await t.request('GET', '/api/organisation/retention', { token: t.accounts.agent.token })).body.source).toBe('organisation');

    const done = await reset();
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ days: 1826, source: 'server_default', defaultDays: 1826, minDays: 365, maxDays: 3650 });
    expect((await t.request('GET', '/api/organisation/retention', { token: t.accounts.agent.token })).body).toMatchObject({
      days: 1826,
      source: 'server_default',
    });
    const after = await changes();
    expect(after).toHaveLength(before + 1);
    expect(after.find((e) => (e.details as { toSource?: string }).toSource === 'server_default')).toMatchObject({
      details: { from: 400, fromSource: 'organisation', to: 1826, toSource: 'server_default' },
    });

    // Under the default again: 500 days is within 1826 and kept (400 would have purged it); 2000 days is not.
    const within = await incident('ret-back-500', 500, 'closed');
    const beyond = await incident('ret-back-2000', 2000, 'closed');
    await purge();
    expect((await record(within)).purged).toBeUndefined();
    expect((await record(within)).evidence).toHaveLength(1);
    expect(await record(beyond)).toMatchObject({ purged: true, evidence: [] });

    // Already on the default: answered the same, and nothing new in the audit log.
    expect((await reset()).body).toMatchObject({ days: 1826, source: 'server_default' });
    expect(await changes()).toHaveLength(before + 1);
  });
});

/**
 * Blocking a customer: only the roles allowed, always with a reason and an end, visible to the
 * agent who meets the customer on any channel, undone with one call, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

describe.each(DIALECTS)('customer blocks on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const ingest = (channel: string, externalId: string) =>
    t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel, externalId, customerRef: 'crm-99' }, text: 'Hello again.' },
    });

  it('blocks a customer across channels with a visible reason, and lifts the block', async () => {
    expect((await ingest('chat', 'b-1')).body.block).toBeNull();
    const refused = await t.request('POST', '/api/blocks', {
      token: t.accounts.agent.token,
      body: { customerRef: 'crm-99', reason: 'Repeated threats.', hours: 24 },
    });
    expect(refused.status).toBe(403);
    const vague = await t.request('POST', '/api/blocks', {
      token: t.accounts.lead.token,
      body: { customerRef: 'crm-99', reason: 'x', hours: 24 },
    });
    expect(vague.body.error.message).toMatch(/^body\.reason: say why/);
    const made = await t.request('POST', '/api/blocks', {
      token: t.accounts.lead.token,
      body: { customerRef: 'crm-99', reason: 'Threatened an agent on two calls.', hours: 72 },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ active: true, createdBy: t.accounts.lead.userId });
    // The agent meets the block on another channel too.
    const met = await ingest('email', 'b-2');
    expect(met.body.block).toMatchObject({ reason: 'Threatened an agent on two calls.', active: true });
    const list = await t.request('GET', '/api/blocks?active=true', { token: t.accounts.agent.token });
    expect(list.body.blocks.map((b: { id: string }) => b.id)).toEqual([made.body.id]);
    const lifted = await t.request('DELETE', `/api/blocks/${made.body.id}`, { token: t.accounts.security.token });
    expect(lifted.body).toMatchObject({ active: false, liftedBy: t.accounts.security.userId });
    expect((await t.request('DELETE', `/api/blocks/${made.body.id}`, { token: t.accounts.security.token })).body.error.id).toBe(
      'invalid_transition',
    );
    expect((await ingest('chat', 'b-3')).body.block).toBeNull();
    const all = await t.request('GET', '/api/blocks', { token: t.accounts.lead.token });
    expect(all.body.blocks[0]).toMatchObject({ id: made.body.id, active: false });
    const audit = await t.request('GET', '/api/audit', { token: t.accounts.admin.token });
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.blocked', 'customer.unblocked']));
  });
});

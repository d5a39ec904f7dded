/**
 * Inbound integrations end to end, on SQLite and PostgreSQL: an admin creates them, a platform posts
 * signed deliveries (signatures computed here with node:crypto, independently of the code under test),
 * and the messages are stored, analysed and de-duplicated; unsigned, mis-signed, stale and replayed
 * deliveries are refused with nothing stored.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

const ABUSE = 'You are a useless idiot.';
const THREAT = 'I know where your office is and I will come and hurt you.';

describe.each(DIALECTS)('inbound integrations on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const admin = () => t.accounts.admin.token;
  const create = (body: Record<string, unknown>, token = admin()) => t.request('POST', '/api/integrations', { token, body });
  const stored = async (channel: string, externalId: string) => {
    const c = await t.server.ctx.store.conversations.byExternalId(t.orgId, channel, externalId);
    return c ? t.server.ctx.store.conversations.messages(c.id) : [];
  };
  const timeline = async (id: string) => (await t.request('GET', `/api/conversations/${id}`, { token: admin() })).body;

  describe('generic webhook', () => {
    let id: string;
    let secret: string;
    const post = (body: string, headers: Record<string, string>, integrationId = id) =>
      t.request('POST', `/api/inbound/${integrationId}/generic`, {
        raw: body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const signed = (body: string, key = secret, ts = Math.floor(Date.now() / 1000)) => ({
      'x-calmline-timestamp': String(ts),
      'x-calmline-signature': `v1=${createHmac('sha256', key).update(`${ts}.${body}`).digest('hex')}`,
    });

    beforeAll(async () => {
      const r = await create({ kind: 'generic', name: 'Helpdesk', actingUserId: t.accounts.agent.userId });
      expect(r.status).toBe(201);
      id = r.body.integration.id;
      secret = r.body.secret;
    });

    it('shows the generated secret once, and never again', async () => {
      expect(secret).toMatch(/^cl_in_[A-Za-z0-9_-]{40,}$/);
      const list = await t.request('GET', '/api/integrations', { token: admin() });
      expect(list.status).toBe(200);
      expect(list.body.integrations).toContainEqual(
        expect.objectContaining({ id, kind: 'generic', name: 'Helpdesk', disabled: false, inboundPath: `/api/inbound/${id}/generic` }),
      );
      expect(JSON.stringify(list.body)).not.toContain(secret);
      expect(list.body.integrations[0]).not.toHaveProperty('secret');
    });

    it('ingests a signed message as the acting agent, analysed, and answers a retry without storing it twice', async () => {
      const body = JSON.stringify({
        conversation: { channel: 'chat', externalId: 'gen-1', language: 'en' },
        text: ABUSE,
        externalId: 'm-1',
      });
      const first = await post(body, signed(body));
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ conversationId: expect.any(String), messageId: expect.any(String), label: 'abuse' });
      const tl = await timeline(first.body.conversationId);
      expect(tl.conversation).toMatchObject({ channel: 'chat', externalId: 'gen-1', agentId: t.accounts.agent.userId, teamId: t.teamA });
      expect(tl.messages).toMatchObject([{ id: first.body.messageId, author: 'customer', text: ABUSE, analysis: { label: 'abuse' } }]);
      expect(tl.alerts.map((a: { kind: string }) => a.kind)).toContain('abuse');
      // The platform retries (a new timestamp, so a new signature): same message, nothing new stored.
      const again = await post(body, signed(body));
      expect(again.status).toBe(200);
      expect(again.body.messageId).toBe(first.body.messageId);
      expect(await stored('chat', 'gen-1')).toHaveLength(1);
    });

    it('refuses a wrong secret, a changed body, a stale timestamp and a missing signature with 401, storing nothing', async () => {
      const body = JSON.stringify({ conversation: { channel: 'chat', externalId: 'gen-refused' }, text: ABUSE, externalId: 'x' });
      const wrongSecret = await post(body, signed(body, 'cl_in_not-the-secret'));
      expect(wrongSecret).toMatchObject({ status: 401, body: { error: { id: 'bad_signature' } } });
      const tampered = body.replace('useless', 'helpful');
      expect((await post(tampered, signed(body))).status).toBe(401);
      const stale = await post(body, signed(body, secret, Math.floor(Date.now() / 1000) - 10 * 60));
      expect(stale).toMatchObject({ status: 401, body: { error: { id: 'bad_signature' } } });
      expect(stale.body.error.message).toMatch(/outside the 5-minute window/);
      const future = await post(body, signed(body, secret, Math.floor(Date.now() / 1000) + 10 * 60));
      expect(future.status).toBe(401);
      const unsigned = await post(body, {});
      expect(unsigned).toMatchObject({ status: 401, body: { error: { id: 'bad_signature' } } });
      expect(await stored('chat', 'gen-refused')).toEqual([]);
    });

    it('checks the body only after the signature, and answers 404 for unknown, other-kind or disabled integrations', async () => {
      const bad = JSON.stringify({ conversation: { channel: 'chat' }, text: '' });
      expect((await post(bad, signed(bad))).body.error.id).toBe('validation_failed');
      expect((await post(bad, {})).body.error.id).toBe('bad_signature');
      const body = JSON.stringify({ conversation: { channel: 'chat', externalId: 'gen-404' }, text: 'hello' });
      expect((await post(body, signed(body), '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const wrongKind = await t.request('POST', `/api/inbound/${id}/zendesk`, {
        raw: body,
        headers: { 'content-type': 'application/json', ...signed(body) },
      });
      expect(wrongKind.status).toBe(404);
      const other = await create({ kind: 'generic', name: 'Old', actingUserId: t.accounts.agent.userId });
      const del = await t.request('DELETE', `/api/integrations/${other.body.integration.id}`, { token: admin() });
      expect(del.body).toMatchObject({ disabled: true });
      expect((await t.request('DELETE', `/api/integrations/${other.body.integration.id}`, { token: admin() })).status).toBe(409);
      expect((await post(body, signed(body, other.body.secret), other.body.integration.id)).status).toBe(404);
      expect(await stored('chat', 'gen-404')).toEqual([]);
    });

    it('stops ingesting when the acting account is disabled', async () => {
      const agent = await t.addAccount('agent', [t.teamA]);
      const r = await create({ kind: 'generic', name: 'Soon orphaned', actingUserId: agent.userId });
      await t.request('PATCH', `/api/users/${agent.userId}`, { token: admin(), body: { disabled: true } });
      const body = JSON.stringify({ conversation: { channel: 'chat', externalId: 'gen-orphan' }, text: 'hello' });
      const res = await post(body, signed(body, r.body.secret), r.body.integration.id);
      expect(res).toMatchObject({ status: 403, body: { error: { id: 'forbidden' } } });
      expect(await stored('chat', 'gen-orphan')).toEqual([]);
    });
  });

  describe('admin API', () => {
    it('is for admins only, and checks the acting account, the team and who supplies the secret', async () => {
      const base = { kind: 'generic', name: 'x', actingUserId: t.accounts.agent.userId };
      expect((await create(base, t.accounts.lead.token)).status).toBe(403);
      expect((await create({ ...base, actingUserId: t.accounts.security.userId })).status).toBe(400);
      expect((await create({ ...base, secret: 'my-own-secret' })).status).toBe(400);
      expect((await create({ ...base, kind: 'twilio' })).body.error.message).toMatch(/auth token/);
      expect((await create({ ...base, kind: 'zendesk' })).body.error.message).toMatch(/signing secret/);
      expect((await create({ ...base, actingUserId: t.accounts.lead.userId, teamId: t.teamB })).status).toBe(400);
      const audit = await t.request('GET', '/api/audit?action=integration.created', { token: admin() });
      expect(audit.body.entries.length).toBeGreaterThan(0);
      expect(JSON.stringify(audit.body)).not.toMatch(/cl_in_/);
    });
  });

  describe('Zendesk', () => {
    let id: string;
    const secret = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';
    const post = (body: string, headers: Record<string, string>) =>
      t.request('POST', `/api/inbound/${id}/zendesk`, { raw: body, headers: { 'content-type': 'application/json', ...headers } });
    const signed = (body: string, key = secret, at = new Date()) => {
      const timestamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-signature': createHmac('sha256', key)
          .update(timestamp + body)
          .digest('base64'),
      };
    };
    const comment = (ticket: number, commentId: number, body: string, role: string) =>
      JSON.stringify({ ticket: { id: ticket, requester_id: 20978392 }, comment: { id: commentId, body, author: { id: 7, role } } });

    beforeAll(async () => {
      const r = await create({ kind: 'zendesk', name: 'Zendesk', actingUserId: t.accounts.lead.userId, secret });
      expect(r.status).toBe(201);
      expect(r.body.secret).toBeNull();
      id = r.body.integration.id;
    });

    it("ingests an end-user's comment as the customer on the ticket's conversation, and an agent's as the agent", async () => {
      const body = comment(35436, 1001, THREAT, 'end-user');
      const r = await post(body, signed(body));
      expect(r.status).toBe(201);
      expect(r.body.label).toBe('threat');
      const tl = await timeline(r.body.conversationId);
      expect(tl.conversation).toMatchObject({ channel: 'zendesk', externalId: '35436', customerRef: '20978392', teamId: t.teamA });
      expect(tl.messages).toMatchObject([{ externalId: '1001', author: 'customer', text: THREAT, analysis: { label: 'threat' } }]);
      expect(tl.alerts.map((a: { kind: string }) => a.kind)).toContain('threat');
      const reply = comment(35436, 1002, 'I am sorry to hear that. I will pass this on.', 'agent');
      const r2 = await post(reply, signed(reply));
      expect(r2.status).toBe(201);
      expect(r2.body).toMatchObject({ conversationId: r.body.conversationId, label: null });
      expect((await stored('zendesk', '35436')).map((m) => [m.externalId, m.author])).toEqual([
        ['1001', 'customer'],
        ['1002', 'agent'],
      ]);
      expect((await post(body, signed(body))).status).toBe(200);
      expect(await stored('zendesk', '35436')).toHaveLength(2);
    });

    it('refuses a wrong secret and a stale timestamp with 401, storing nothing', async () => {
      const body = comment(99, 1, ABUSE, 'end-user');
      expect((await post(body, signed(body, 'not the signing secret'))).body.error.id).toBe('bad_signature');
      const stale = await post(body, signed(body, secret, new Date(Date.now() - 6 * 60_000)));
      expect(stale).toMatchObject({ status: 401, body: { error: { id: 'bad_signature' } } });
      expect(stale.body.error.message).toMatch(/outside the 5-minute window/);
      expect(await stored('zendesk', '99')).toEqual([]);
    });
  });

  describe('Twilio Conversations', () => {
    let id: string;
    const authToken = 'f3b2c1d0e9a8b7c6d5e4f3a2b1c0d9e8';
    const path = () => `/api/inbound/${id}/twilio`;
    const sign = (url: string, params: Record<string, string>, token = authToken) =>
      createHmac('sha1', token)
        .update(
          url +
            Object.keys(params)
              .sort()
              .map((k) => k + params[k])
              .join(''),
        )
        .digest('base64');
    const post = (params: Record<string, string>, signature = sign(t.url + path(), params)) =>
      t.request('POST', path(), {
        raw: new URLSearchParams(params).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-twilio-signature': signature },
      });
    const added = (messageSid: string, author: string, body: string) => ({
      EventType: 'onMessageAdded',
      AccountSid: 'AC00000000000000000000000000000001',
      ConversationSid: 'CH00000000000000000000000000000001',
      MessageSid: messageSid,
      ParticipantSid: 'MB00000000000000000000000000000001',
      Index: '0',
      Author: author,
      Body: body,
      Source: 'SMS',
      DateCreated: new Date().toISOString(),
    });

    beforeAll(async () => {
      const r = await create({ kind: 'twilio', name: 'Twilio', actingUserId: t.accounts.admin.userId, teamId: t.teamB, secret: authToken });
      expect(r.status).toBe(201);
      id = r.body.integration.id;
    });

    it('ingests onMessageAdded from a phone number as the customer, from a chat identity as the agent, once', async () => {
      const first = await post(added('IM00000000000000000000000000000001', '+15555550100', ABUSE));
      expect(first.status).toBe(201);
      expect(first.body.label).toBe('abuse');
      const tl = await timeline(first.body.conversationId);
      expect(tl.conversation).toMatchObject({ channel: 'twilio', externalId: 'CH00000000000000000000000000000001', teamId: t.teamB });
      expect(tl.messages).toMatchObject([{ externalId: 'IM00000000000000000000000000000001', author: 'customer', text: ABUSE }]);
      // The phone number is not stored; a keyed pseudonym of it is, so a block can follow the customer.
      expect(tl.conversation.customerRef).toMatch(/^p:[\w-]{22}$/);
      expect(JSON.stringify(tl)).not.toContain('5555550100');
      expect(tl.conversation.customerRef).toBe(t.server.ctx.pseudonymise('+15555550100'));
      const reply = await post(
        added('IM00000000000000000000000000000002', 'alice.agent', 'Please keep it civil, or I will end this chat.'),
      );
      expect(reply.body).toMatchObject({ conversationId: first.body.conversationId, label: null });
      expect((await post(added('IM00000000000000000000000000000001', '+15555550100', ABUSE))).status).toBe(200);
      expect((await stored('twilio', 'CH00000000000000000000000000000001')).map((m) => m.author)).toEqual(['customer', 'agent']);
    });

    it('acknowledges other events with 204 and stores nothing', async () => {
      const r = await post({ EventType: 'onConversationUpdated', ConversationSid: 'CH00000000000000000000000000000009', State: 'closed' });
      expect(r.status).toBe(204);
      expect(await stored('twilio', 'CH00000000000000000000000000000009')).toEqual([]);
    });

    it('refuses a wrong token, a signature for another URL, a changed parameter and no signature, storing nothing', async () => {
      const params = {
        ...added('IM00000000000000000000000000000003', '+15555550101', ABUSE),
        ConversationSid: 'CH0000000000000000000000000000000X',
      };
      const refused = [
        await post(params, sign(t.url + path(), params, 'another-accounts-token')),
        await post(params, sign(`${t.url}/api/inbound/${id}/generic`, params)),
        await post({ ...params, Body: 'hello' }, sign(t.url + path(), params)),
        await t.request('POST', path(), {
          raw: new URLSearchParams(params).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      ];
      for (const r of refused) expect(r).toMatchObject({ status: 401, body: { error: { id: 'bad_signature' } } });
      expect(await stored('twilio', 'CH0000000000000000000000000000000X')).toEqual([]);
    });
  });
});

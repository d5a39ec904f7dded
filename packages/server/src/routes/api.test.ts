/**
 * The HTTP API end to end, on a real server over a loopback port, against SQLite and PostgreSQL:
 * ingest and its analysis, protocol and alerts; retries; drafts; actions; alerts moving on;
 * accounts and tokens; sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { getTestServer, type TestServer } from '../test/testServer.js';

describe.each(DIALECTS)('API on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const ingest = (token: string, body: Record<string, unknown>) => t.request('POST', '/api/messages', { token, body });

  it('analyses a customer message, steps the protocol and suggests replies in its language', async () => {
    const r = await ingest(t.accounts.agent.token, {
      conversation: { channel: 'chat', externalId: 'c-1', contactReason: 'refund' },
      text: 'Ich warte seit drei Wochen auf mein Geld, das ist wirklich ärgerlich!',
    });
    expect(r.status).toBe(201);
    expect(r.body.analysis.language).toBe('de');
    expect(r.body.analysis.label).toBe('frustration');
    expect(r.body.step).toBe('de_escalating');
    expect(r.body.suggestions.length).toBeGreaterThan(0);
    expect(r.body.conversation.agentId).toBe(t.accounts.agent.userId);
    expect(r.body.conversation.teamId).toBe(t.teamA);
    expect(r.body.alerts).toEqual([]);
  });

  it('raises an abuse alert, escalates it after the warnings, and records the timeline', async () => {
    const ref = { channel: 'chat', externalId: 'c-abuse', language: 'en' };
    const first = await ingest(t.accounts.agent.token, { conversation: ref, text: 'You are a useless idiot.' });
    expect(first.body.analysis.label).toBe('abuse');
    expect(first.body.actions.map((a: { action: string }) => a.action)).toContain('issue_warning');
    expect(first.body.alerts).toMatchObject([{ kind: 'abuse', severity: 'medium', status: 'open' }]);
    const id = first.body.conversation.id;
    await t.request('POST', `/api/conversations/${id}/actions`, { token: t.accounts.agent.token, body: { action: 'warning_issued' } });
    await ingest(t.accounts.agent.token, { conversationId: id, text: 'Shut up, you moron.' });
    await t.request('POST', `/api/conversations/${id}/actions`, { token: t.accounts.agent.token, body: { action: 'warning_issued' } });
    const last = await ingest(t.accounts.agent.token, { conversationId: id, text: 'You pathetic idiot.' });
    expect(last.body.step).toBe('ending_recommended');
    expect(last.body.alerts).toMatchObject([{ kind: 'abuse', severity: 'high', reason: 'abuse_after_final_warning' }]);
    const timeline = await t.request('GET', `/api/conversations/${id}`, { token: t.accounts.lead.token });
    expect(timeline.status).toBe(200);
    expect(timeline.body.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 3, 5]);
    expect(timeline.body.actions.map((a: { seq: number }) => a.seq)).toEqual([2, 4]);
    // One alert per conversation and kind, raised in severity rather than repeated.
    expect(timeline.body.alerts).toHaveLength(1);
    expect(timeline.body.conversation.worstLabel).toBe('abuse');
  });

  it('raises a critical threat alert that security can see and acknowledge', async () => {
    const r = await ingest(t.accounts.agent.token, {
      conversation: { channel: 'phone', externalId: 'c-threat', language: 'en' },
      text: 'I know where your office is and I will come and hurt you.',
    });
    expect(r.body.analysis.label).toBe('threat');
    // A threat is also a hard contact past the default exposure threshold (one threat): the lead hears both.
    expect(r.body.alerts.map((a: { kind: string; severity: string }) => [a.kind, a.severity])).toEqual([
      ['threat', 'critical'],
      ['exposure', 'high'],
    ]);
    const alertId = r.body.alerts[0].id;
    const seen = await t.request('GET', '/api/alerts?status=open', { token: t.accounts.security.token });
    expect(seen.body.alerts.map((a: { id: string }) => a.id)).toContain(alertId);
    const ack = await t.request('POST', `/api/alerts/${alertId}/acknowledge`, { token: t.accounts.security.token });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: t.accounts.security.userId });
    const again = await t.request('POST', `/api/alerts/${alertId}/acknowledge`, { token: t.accounts.security.token });
    expect(again).toMatchObject({ status: 409, body: { error: { id: 'invalid_transition' } } });
    const resolved = await t.request('POST', `/api/alerts/${alertId}/resolve`, {
      token: t.accounts.lead.token,
      body: { note: 'Police informed.' },
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: t.accounts.lead.userId, note: 'Police informed.' });
    const audit = await t.request('GET', '/api/audit?action=alert.resolve', { token: t.accounts.admin.token });
    expect(audit.body.entries[0]).toMatchObject({ actorUserId: t.accounts.lead.userId, targetId: alertId });
  });

  it('answers a retried message from the store instead of storing it twice', async () => {
    const body = { conversation: { channel: 'email', externalId: 'c-retry' }, text: 'Where is my order?', externalId: 'msg-1' };
    const a = await ingest(t.accounts.agent.token, body);
    const b = await ingest(t.accounts.agent.token, body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.duplicate).toBe(true);
    expect(b.body.message.id).toBe(a.body.message.id);
    const timeline = await t.request('GET', `/api/conversations/${a.body.conversation.id}`, { token: t.accounts.agent.token });
    expect(timeline.body.messages).toHaveLength(1);
  });

  it("coaches agent messages and drafts in the conversation's language", async () => {
    const c = await ingest(t.accounts.agent.token, {
      conversation: { channel: 'chat', externalId: 'c-draft' },
      text: "C'est inadmissible, je veux être remboursé !",
    });
    const draft = await t.request('POST', '/api/drafts/check', {
      token: t.accounts.agent.token,
      body: { conversationId: c.body.conversation.id, text: 'Calmez-vous, ce n’est pas de notre faute.' },
    });
    expect(draft.status).toBe(200);
    expect(draft.body.lang).toBe('fr');
    expect(draft.body.findings.length).toBeGreaterThan(0);
    const sent = await ingest(t.accounts.agent.token, {
      conversationId: c.body.conversation.id,
      author: 'agent',
      text: 'Calmez-vous, ce n’est pas de notre faute.',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.analysis).toBeNull();
    expect(sent.body.findings.map((f: { kind: string }) => f.kind)).toContain('dismissive');
  });

  it("keeps agents to their own conversations and leads to their teams'", async () => {
    const mine = await ingest(t.accounts.agent.token, { conversation: { channel: 'chat', externalId: 'c-scope' }, text: 'Hello?' });
    const id = mine.body.conversation.id;
    expect((await t.request('GET', `/api/conversations/${id}`, { token: t.otherAgent.token })).status).toBe(404);
    expect((await t.request('GET', `/api/conversations/${id}`, { token: t.otherLead.token })).status).toBe(404);
    expect((await t.request('GET', `/api/conversations/${id}`, { token: t.accounts.lead.token })).status).toBe(200);
    expect((await ingest(t.otherAgent.token, { conversationId: id, text: 'hijack' })).status).toBe(404);
    const list = await t.request('GET', '/api/conversations', { token: t.otherAgent.token });
    expect(list.body.conversations.map((c: { id: string }) => c.id)).not.toContain(id);
    // The same external reference from another agent is not theirs to write into either.
    expect((await ingest(t.otherAgent.token, { conversation: { channel: 'chat', externalId: 'c-scope' }, text: 'x' })).status).toBe(404);
  });

  it('creates users with a one-time password that signs them in with a session cookie', async () => {
    const created = await t.request('POST', '/api/users', {
      token: t.accounts.admin.token,
      body: { email: 'new.agent@example.org', name: 'New Agent', role: 'agent', teamIds: [t.teamA] },
    });
    expect(created.status).toBe(201);
    const { oneTimePassword } = created.body;
    expect(oneTimePassword).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    const wrong = await t.request('POST', '/api/auth/login', { body: { email: 'new.agent@example.org', password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { id: 'bad_credentials' } } });
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'NEW.agent@example.org', password: oneTimePassword }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/calmline_session=cl_ses_[\w-]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await t.request('GET', '/api/me', { headers: { cookie } });
    expect(me.body).toMatchObject({ email: 'new.agent@example.org', role: 'agent', teamIds: [t.teamA] });
    const duplicate = await t.request('POST', '/api/users', {
      token: t.accounts.admin.token,
      body: { email: 'new.agent@example.org', name: 'X', role: 'agent' },
    });
    expect(duplicate.body.error.id).toBe('conflict');
  });

  it('signs the first admin in once with the printed link, then the link is spent', async () => {
    const path = t.server.firstStart!.signInPath;
    const first = await fetch(t.url + path, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('set-cookie')).toMatch(/calmline_session=/);
    const second = await t.request('GET', path);
    expect(second).toMatchObject({ status: 401, body: { error: { id: 'bad_credentials' } } });
  });

  it('gives tokens no more rights than their creator and stops revoked tokens', async () => {
    const made = await t.request('POST', '/api/tokens', {
      token: t.accounts.admin.token,
      body: { name: 'zendesk', role: 'agent', userId: t.accounts.agent.userId },
    });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^cl_tok_/);
    const listed = await t.request('GET', '/api/tokens', { token: t.accounts.admin.token });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect((await t.request('GET', '/api/me', { token: made.body.secret })).status).toBe(200);
    await t.request('DELETE', `/api/tokens/${made.body.token.id}`, { token: t.accounts.admin.token });
    expect((await t.request('GET', '/api/me', { token: made.body.secret })).status).toBe(401);
  });

  it('lets admins change the policy, names a wrong field, and applies it to the next conversation', async () => {
    const bad = await t.request('PUT', '/api/organisation/policy', { token: t.accounts.admin.token, body: { warningsBeforeEnd: 'two' } });
    expect(bad).toMatchObject({ status: 400, body: { error: { id: 'validation_failed' } } });
    expect(bad.body.error.message).toMatch(/^body\.warningsBeforeEnd: /);
    const ok = await t.request('PUT', '/api/organisation/policy', { token: t.accounts.admin.token, body: { warningsBeforeEnd: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body.policy.warningsBeforeEnd).toBe(1);
    expect((await t.request('GET', '/api/organisation', { token: t.accounts.agent.token })).body.policy.warningsBeforeEnd).toBe(1);
    // With one warning before ending, the first abuse already brings the final boundary and a callback offer.
    const r = await ingest(t.accounts.agent.token, {
      conversation: { channel: 'chat', externalId: 'c-policy', language: 'en' },
      text: 'You are a useless idiot.',
    });
    expect(r.body.actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['issue_warning', 'offer_callback']));
    await t.request('PUT', '/api/organisation/policy', { token: t.accounts.admin.token, body: {} });
  });

  it('serves the OpenAPI document and the browsable page', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/messages'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/alerts', '/api/conversations/{id}', '/api/tokens']));
    const page = await fetch(`${t.url}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('exposes health, readiness and Prometheus metrics', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.request('GET', '/readyz')).body).toEqual({ status: 'ready', database: kind });
    const metrics = await fetch(`${t.url}/metrics`);
    const text = await metrics.text();
    expect(text).toMatch(/calmline_messages_ingested_total\{author="customer",label="abuse"\} \d+/);
    expect(text).toContain('calmline_http_request_duration_seconds_bucket');
  });

  it('is not ready while it compiles its languages, and is once that is done', async () => {
    const stop = t.server.ctx.engine.warmUp();
    try {
      const starting = await t.request('GET', '/readyz');
      expect(starting.status).toBe(503);
      expect(starting.body.error.id).toBe('starting');
      // Still alive, and still answering the API meanwhile.
      expect((await t.request('GET', '/healthz')).status).toBe(200);
      for (let i = 0; i < 200 && t.server.ctx.engine.warming; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await t.request('GET', '/readyz')).status).toBe(200);
    } finally {
      stop();
    }
  }, 30_000);
});

/**
 * Incidents through the API, on SQLite and PostgreSQL: opened by the policy for a threat with the
 * evidence linked to messages, the agent's report button, filling in the record, review status
 * moving forward only, exports (JSON with the chain, CSV), redaction by role, and the chain check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

describe.each(DIALECTS)('incidents on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const ingest = (text: string, externalId: string) =>
    t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'phone', externalId, language: 'en', customerRef: 'crm-4711' }, text },
    });

  it('opens an incident for a threat, with the earlier abuse as evidence, and records what the agent did', async () => {
    const first = await ingest('You are a useless idiot.', 'inc-threat');
    expect(first.body.incidentId).toBeNull();
    const threat = await ingest('I know where your office is and I will come and hurt you.', 'inc-threat');
    const incidentId = threat.body.incidentId as string;
    expect(incidentId).toBeTruthy();
    const conversationId = threat.body.conversation.id as string;
    await t.request('POST', `/api/conversations/${conversationId}/actions`, {
      token: t.accounts.agent.token,
      body: { action: 'security_called' },
    });
    const got = await t.request('GET', `/api/incidents/${incidentId}`, { token: t.accounts.security.token });
    expect(got.status).toBe(200);
    const record = got.body.incident.record;
    expect(record).toMatchObject({ conduct: 'threat', openedBy: 'policy', channel: 'phone', customerRef: 'crm-4711', status: 'open' });
    expect(record.evidence.map((e: { label: string; text: string }) => [e.label, e.text])).toEqual([
      ['abuse', 'You are a useless idiot.'],
      ['threat', 'I know where your office is and I will come and hurt you.'],
    ]);
    expect(record.evidence[1].messageId).toBe(threat.body.message.id);
    expect(record.actionsTaken).toMatchObject([{ action: 'security_called', by: t.accounts.agent.userId }]);
    expect(record.notified.map((n: { who: string }) => n.who)).toEqual(expect.arrayContaining(['security and supervisor', 'security']));
    expect(got.body.chain).toMatchObject({ ok: true, problems: [] });
    expect(got.body.events.every((e: { hash: string }) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });

  it("takes the agent's report without any classification, and lets a lead fill in and close the record", async () => {
    const calm = await ingest('Fine, whatever you say.', 'inc-report');
    const conversationId = calm.body.conversation.id as string;
    const report = await t.request('POST', `/api/conversations/${conversationId}/report`, {
      token: t.accounts.agent.token,
      body: { note: 'The way he spoke to me was not OK.' },
    });
    expect(report.status).toBe(201);
    expect(report.body.record).toMatchObject({ conduct: 'agent_report', openedBy: 'agent_report', customerRef: '[redacted]' });
    const id = report.body.id as string;
    const filled = await t.request('PATCH', `/api/incidents/${id}`, {
      token: t.accounts.lead.token,
      body: { circumstances: 'Billing call, third contact this week.', supportOffered: 'EAP session booked', completedBy: 'Team lead' },
    });
    expect(filled.body.record).toMatchObject({
      circumstances: 'Billing call, third contact this week.',
      supportOffered: 'EAP session booked',
    });
    expect(
      (await t.request('POST', `/api/incidents/${id}/status`, { token: t.accounts.lead.token, body: { status: 'under_review' } })).body
        .status,
    ).toBe('under_review');
    expect(
      (await t.request('POST', `/api/incidents/${id}/status`, { token: t.accounts.lead.token, body: { status: 'open' } })).body.error.id,
    ).toBe('invalid_transition');
    expect(
      (await t.request('POST', `/api/incidents/${id}/status`, { token: t.accounts.lead.token, body: { status: 'closed' } })).body.status,
    ).toBe('closed');
    expect(
      (await t.request('PATCH', `/api/incidents/${id}`, { token: t.accounts.lead.token, body: { injury: 'none' } })).body.error.id,
    ).toBe('invalid_transition');
    // Another team's lead and another agent do not see it.
    expect((await t.request('GET', `/api/incidents/${id}`, { token: t.otherLead.token })).status).toBe(404);
    expect((await t.request('GET', `/api/incidents/${id}`, { token: t.otherAgent.token })).status).toBe(404);
  });

  it('exports CSV with the evidence and the chain proof, redacted for roles without personal data', async () => {
    const list = await t.request('GET', '/api/incidents', { token: t.accounts.lead.token });
    const threat = list.body.incidents.find((i: { conduct: string }) => i.conduct === 'threat');
    expect(threat.record.customerRef).toBe('[redacted]');
    const res = await fetch(`${t.url}/api/incidents/${threat.id}?format=csv`, {
      headers: { authorization: `Bearer ${t.accounts.lead.token}` },
    });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('section,at,name,value');
    expect(csv).toContain('evidence,');
    expect(csv).toContain('I know where your office is and I will come and hurt you.');
    expect(csv).toContain('record,,customerRef,[redacted]');
    expect(csv).not.toContain('crm-4711');
    expect(csv).toMatch(/chain,[^,]+,verified,yes/);
  });

  it('checks the whole chain and hands out its signed head', async () => {
    const verify = await t.request('GET', '/api/incidents/verify', { token: t.accounts.admin.token });
    expect(verify.body).toMatchObject({ ok: true, problems: [] });
    expect(verify.body.events).toBeGreaterThan(5);
    const head = await t.request('GET', '/api/incidents/checkpoint', { token: t.accounts.security.token });
    expect(head.body).toMatchObject({ position: verify.body.events });
    expect(head.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.request('GET', '/api/incidents/verify', { token: t.accounts.lead.token })).status).toBe(403);
  });
});

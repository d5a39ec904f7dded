/**
 * Aftercare, on SQLite and PostgreSQL: exposure past the policy's threshold tells the lead and
 * suggests a break; breaks; the lead's team view; debriefs assigned to the team's lead; follow-ups
 * with a reminder on the agent's live socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

describe.each(DIALECTS)('wellbeing on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind, { reminderIntervalMs: 200 });
    await t.request('PUT', '/api/organisation/policy', {
      token: t.accounts.admin.token,
      body: { wellbeing: { abuseContacts: 2, windowHours: 8 } },
    });
  });
  afterAll(async () => t?.close());

  const abusive = (externalId: string) =>
    t.request('POST', '/api/messages', {
      token: t.accounts.agent.token,
      body: { conversation: { channel: 'chat', externalId, language: 'en' }, text: 'You are a useless idiot.' },
    });

  it('tells the lead and suggests a break once an agent has had too many hard contacts', async () => {
    const first = await abusive('w-1');
    expect(first.body.actions.map((a: { action: string }) => a.action)).not.toContain('suggest_break');
    const second = await abusive('w-2');
    expect(second.body.actions).toContainEqual({ action: 'suggest_break', reason: 'exposure', urgent: false });
    expect(second.body.alerts.map((a: { kind: string }) => a.kind)).toContain('exposure');
    // Once per window, not on every further hard contact.
    const third = await abusive('w-3');
    expect(third.body.alerts.map((a: { kind: string }) => a.kind)).not.toContain('exposure');
    const alerts = await t.request('GET', '/api/alerts', { token: t.accounts.lead.token });
    expect(alerts.body.alerts.filter((a: { kind: string }) => a.kind === 'exposure')).toHaveLength(1);
    const me = await t.request('GET', '/api/wellbeing/me', { token: t.accounts.agent.token });
    expect(me.body).toMatchObject({ exposure: { abuse: 3, threat: 0, selfHarm: 0 }, overThreshold: true, suggestedBreakMinutes: 10 });
  });

  it("shows the lead the team's day, with breaks", async () => {
    const started = await t.request('POST', '/api/wellbeing/breaks', { token: t.accounts.agent.token, body: { reason: 'exposure' } });
    expect(started).toMatchObject({ status: 201, body: { plannedMinutes: 10, reason: 'exposure', endedAt: null } });
    expect((await t.request('POST', '/api/wellbeing/breaks', { token: t.accounts.agent.token })).body.error.id).toBe('invalid_transition');
    const team = await t.request('GET', '/api/wellbeing/team', { token: t.accounts.lead.token });
    expect(team.body.members[0]).toMatchObject({ userId: t.accounts.agent.userId, overThreshold: true, onBreak: { id: started.body.id } });
    // Another team's lead does not see this agent.
    const other = await t.request('GET', '/api/wellbeing/team', { token: t.otherLead.token });
    expect(other.body.members.map((m: { userId: string }) => m.userId)).not.toContain(t.accounts.agent.userId);
    const ended = await t.request('POST', `/api/wellbeing/breaks/${started.body.id}/end`, { token: t.accounts.agent.token });
    expect(ended.body.endedAt).not.toBeNull();
  });

  it("assigns an agent's debrief request to their team's lead, who schedules it", async () => {
    const asked = await t.request('POST', '/api/wellbeing/debriefs', {
      token: t.accounts.agent.token,
      body: { note: 'That call stayed with me.' },
    });
    expect(asked).toMatchObject({
      status: 201,
      body: { agentId: t.accounts.agent.userId, leadId: t.accounts.lead.userId, status: 'requested' },
    });
    expect(
      (await t.request('PATCH', `/api/wellbeing/debriefs/${asked.body.id}`, { token: t.otherLead.token, body: { status: 'done' } })).status,
    ).toBe(404);
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await t.request('PATCH', `/api/wellbeing/debriefs/${asked.body.id}`, {
      token: t.accounts.lead.token,
      body: { scheduledFor: at },
    });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledFor: at });
    const team = await t.request('GET', '/api/wellbeing/team', { token: t.accounts.lead.token });
    expect(team.body.members[0].openDebriefs).toBe(1);
  });

  it('reminds the agent of a follow-up when it falls due, once', async () => {
    const frames: { type: string; event?: { kind: string; data: { text: string } } }[] = [];
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/live`, { headers: { authorization: `Bearer ${t.accounts.agent.token}` } });
    ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.once('open', r));
    const made = await t.request('POST', '/api/follow-ups', {
      token: t.accounts.agent.token,
      body: { text: 'Call Mrs K. back about the refund', dueAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(made.status).toBe(201);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !frames.some((f) => f.event?.kind === 'followup.due')) await new Promise((r) => setTimeout(r, 50));
    const reminders = frames.filter((f) => f.event?.kind === 'followup.due');
    expect(reminders.map((f) => f.event!.data.text)).toEqual(['Call Mrs K. back about the refund']);
    await new Promise((r) => setTimeout(r, 500));
    expect(frames.filter((f) => f.event?.kind === 'followup.due')).toHaveLength(1);
    ws.close();
    const done = await t.request('POST', `/api/follow-ups/${made.body.id}/done`, { token: t.accounts.agent.token });
    expect(done.body.doneAt).not.toBeNull();
    expect((await t.request('GET', '/api/follow-ups', { token: t.accounts.agent.token })).body.followUps).toEqual([]);
  });
});

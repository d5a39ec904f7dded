/**
 * Analytics on SQLite and PostgreSQL, from conversations ingested through the API and labelled by
 * the real detector: exact abuse rates, de-escalation success and hard contacts ended well; a
 * lead's team scope; root causes that leave out insults, one-off words and e-mail addresses; CSV
 * that reads back to the same numbers and defuses formulas; window and time-zone errors; and
 * improvement projects whose baseline is computed and whose progress follows new contacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

interface Said {
  conversationId: string;
  createdAt: string;
}

/** RFC 4180: quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** CSV rows as objects keyed by the header, empty cells as null and numbers as numbers. */
function csvObjects(text: string): Record<string, string | number | null>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) =>
    Object.fromEntries(header!.map((h, i) => [h, r[i] === '' ? null : /^-?\d+(\.\d+)?$/.test(r[i]!) ? Number(r[i]) : r[i]!])),
  );
}

describe.each(DIALECTS)('analytics on %s', (kind) => {
  let t: TestServer;
  const created: string[] = [];
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  async function say(
    token: string,
    externalId: string,
    text: string,
    c: { channel?: string; language?: string; contactReason?: string } = {},
  ): Promise<Said> {
    const r = await t.request('POST', '/api/messages', {
      token,
      body: {
        conversation: { channel: c.channel ?? 'chat', externalId, language: c.language ?? 'en', contactReason: c.contactReason },
        text,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    if (r.status === 201 && r.body.conversation.messageCount === 1) created.push(r.body.conversation.createdAt);
    return { conversationId: r.body.conversation.id, createdAt: r.body.conversation.createdAt };
  }
  const sayMore = async (token: string, conversationId: string, text: string) => {
    const r = await t.request('POST', '/api/messages', { token, body: { conversationId, text } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.analysis.label as string;
  };
  const act = async (token: string, conversationId: string, action: string) => {
    const r = await t.request('POST', `/api/conversations/${conversationId}/actions`, { token, body: { action } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  const get = (path: string, token = t.accounts.analyst.token) => t.request('GET', path, { token });

  it('counts abuse per 1,000 contacts, de-escalation success and hard contacts ended well, overall and by channel, team, hour and reason', async () => {
    const agent = t.accounts.agent.token;
    // 1: frustrated about a refund: angry, not abusive.
    await say(agent, 'a-1', 'This is ridiculous, I have been waiting three weeks for my refund!', { contactReason: 'refund' });
    // 2: abuse, a boundary, and the customer carries on calmly: de-escalated and ended well.
    const c2 = await say(agent, 'a-2', 'You are a useless idiot.', { contactReason: 'refund' });
    await act(agent, c2.conversationId, 'warning_issued');
    expect(await sayMore(agent, c2.conversationId, 'Fine. Where is my refund then?')).toBe('frustration');
    // 3: abuse, a boundary, more abuse, the agent ends it: neither.
    const c3 = await say(agent, 'a-3', 'Du bist ein nutzloser Idiot.', { channel: 'email', language: 'de', contactReason: 'delivery' });
    await act(agent, c3.conversationId, 'warning_issued');
    expect(await sayMore(agent, c3.conversationId, 'Du bist immer noch ein Idiot.')).toBe('abuse');
    await act(agent, c3.conversationId, 'contact_ended');
    // 4: a calm question without a contact reason.
    await say(agent, 'a-4', 'Hola, quiero cambiar mi dirección de entrega.', { language: 'es' });
    // 5: team B, abusive, by phone.
    await say(t.otherAgent.token, 'b-5', 'Tu es un idiot inutile.', { channel: 'phone', language: 'fr', contactReason: 'delivery' });
    // 6: a threat: abusive and hard, last message a threat.
    await say(agent, 'a-6', 'I will find you and hurt you.', { contactReason: 'refund' });

    const r = await get('/api/analytics/summary');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.scope).toBe('organisation');
    expect(r.body.totals).toEqual({
      contacts: 6,
      abusiveContacts: 4,
      angryContacts: 5,
      hardContacts: 4,
      hardContactsEndedWell: 1,
      warnedContacts: 2,
      deescalatedContacts: 1,
      abuseRate: 666.67,
      frustrationRate: 833.33,
      hardContactRate: 666.67,
      deescalationSuccess: 0.5,
      endedWellShare: 0.25,
    });
    const pick = (rows: { key: string; contacts: number; abuseRate: number | null }[]) =>
      Object.fromEntries(rows.map((g) => [g.key, [g.contacts, g.abuseRate]]));
    expect(pick(r.body.byChannel)).toEqual({ chat: [4, 500], email: [1, 1000], phone: [1, 1000] });
    expect(pick(r.body.byReason)).toEqual({ refund: [3, 666.67], delivery: [2, 1000], unspecified: [1, 0] });
    expect(pick(r.body.byTeam)).toEqual({ [t.teamA]: [5, 600], [t.teamB]: [1, 1000] });
    expect(r.body.byTeam.find((g: { key: string }) => g.key === t.teamA).name).toBe('Team A');
    expect(r.body.byTeam.find((g: { key: string }) => g.key === t.teamA)).toMatchObject({ deescalationSuccess: 0.5, warnedContacts: 2 });

    // Hours in the zone asked for: Kathmandu is UTC+5:45, so even the minute matters.
    const k = await get('/api/analytics/summary?tz=Asia/Kathmandu');
    const hourIn = (iso: string) =>
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Kathmandu', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    const expected: Record<string, number> = {};
    for (const at of created) expected[hourIn(at)] = (expected[hourIn(at)] ?? 0) + 1;
    expect(k.body.byHour).toHaveLength(24);
    expect(
      Object.fromEntries(
        k.body.byHour
          .filter((h: { contacts: number }) => h.contacts > 0)
          .map((h: { key: string; contacts: number }) => [h.key, h.contacts]),
      ),
    ).toEqual(expected);

    // The series covers the window day by day, today's contacts on today's point.
    expect(r.body.series).toHaveLength(30);
    expect(r.body.series.at(-1)).toMatchObject({ start: new Date().toISOString().slice(0, 10), contacts: 6, abuseRate: 666.67 });
    const weeks = await get('/api/analytics/summary?interval=week&from=2026-01-01&to=2026-03-31');
    expect(weeks.body.series.map((s: { start: string }) => s.start).slice(0, 2)).toEqual(['2025-12-29', '2026-01-05']);
    expect(weeks.body.series.every((s: { start: string }) => new Date(s.start).getUTCDay() === 1)).toBe(true);

    // Filters.
    expect((await get('/api/analytics/summary?lang=de')).body.totals).toMatchObject({
      contacts: 1,
      abuseRate: 1000,
      deescalationSuccess: 0,
    });
    expect((await get('/api/analytics/summary?reason=unspecified')).body.totals).toMatchObject({ contacts: 1, abuseRate: 0 });
  });

  it("shows a lead only their teams' contacts, and says so", async () => {
    const lead = await get('/api/analytics/summary', t.accounts.lead.token);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ scope: 'teams', totals: { contacts: 5, abusiveContacts: 3, abuseRate: 600 } });
    expect(lead.body.byTeam.map((g: { key: string }) => g.key)).toEqual([t.teamA]);
    const other = await get('/api/analytics/summary', t.otherLead.token);
    expect(other.body).toMatchObject({ scope: 'teams', totals: { contacts: 1, abusiveContacts: 1 } });
    // Asking for the other team's contacts gives nothing rather than them.
    expect((await get(`/api/analytics/summary?teamId=${t.teamB}`, t.accounts.lead.token)).body.totals.contacts).toBe(0);
    const causes = await get('/api/analytics/root-causes', t.otherLead.token);
    expect(causes.body.languages.map((l: { language: string }) => l.language)).toEqual(['fr']);
  });

  it('ranks contact reasons per language and the words of angry messages, without insults, one-off words or e-mail addresses', async () => {
    const agent = t.accounts.agent.token;
    const web = { channel: 'web' };
    await say(agent, 't-1', 'My router keeps dropping the connection again, this is ridiculous! Write to jane@example.com', web);
    await say(agent, 't-2', 'The router you sent is broken again and nobody answers. My grandmother needs it. Mail jane@example.com', web);
    await say(agent, 't-3', 'Third router this month and it still drops, unacceptable. jane@example.com', web);
    // "idiot" is in three conversations, but as the detector's evidence of abuse.
    await say(agent, 't-4', 'You useless idiot, the router is broken again.', web);
    await say(agent, 't-5', 'You are an idiot, the router still does not work.', web);
    await say(agent, 't-6', 'Stupid idiot, my router is dead.', web);
    for (const [i, text] of [
      'Hello, I would like to know the opening hours of the shop.',
      'Hello, could you tell me when the shop opens?',
      'Hi, I would like to update my billing address.',
      'Hello, I need a copy of my last invoice.',
    ].entries())
      await say(agent, `t-calm-${i}`, text, web);

    const r = await get('/api/analytics/root-causes?channel=web');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const en = r.body.languages.find((l: { language: string }) => l.language === 'en');
    expect(en.reasons).toEqual([{ reason: 'unspecified', contacts: 10, angryContacts: 6, share: 0.6, rankByCount: 1, rankByShare: 1 }]);
    const terms = en.terms.map((x: { term: string }) => x.term);
    expect(en.terms[0]).toMatchObject({ term: 'router', count: 6, conversations: 6, calmCount: 0 });
    expect(terms).toContain('again');
    // "broken" is in two conversations only.
    expect(terms).not.toContain('broken');
    for (const left of ['idiot', 'useless', 'stupid', 'grandmother', 'jane', 'example', 'com', 'the', 'hello'])
      expect(terms, left).not.toContain(left);
    for (const x of en.terms) expect(x.conversations).toBeGreaterThanOrEqual(3);

    // Reasons per language across all channels: every refund contact was angry.
    const all = await get('/api/analytics/root-causes');
    const byLang = Object.fromEntries(all.body.languages.map((l: { language: string; reasons: unknown[] }) => [l.language, l.reasons]));
    expect(byLang.en).toContainEqual({ reason: 'refund', contacts: 3, angryContacts: 3, share: 1, rankByCount: 2, rankByShare: 1 });
    expect(byLang.es).toEqual([{ reason: 'unspecified', contacts: 1, angryContacts: 0, share: 0, rankByCount: 1, rankByShare: 1 }]);
    expect(byLang.de).toEqual([{ reason: 'delivery', contacts: 1, angryContacts: 1, share: 1, rankByCount: 1, rankByShare: 1 }]);
  });

  it('exports the same numbers as CSV, with formulas defused', async () => {
    await say(t.accounts.agent.token, 'x-1', 'You are a useless idiot.', { contactReason: '=HYPERLINK("http://evil.example")' });
    const json = (await get('/api/analytics/summary')).body;
    const csv = await get('/api/analytics/export.csv?report=summary');
    expect(csv.status).toBe(200);
    const rows = csvObjects(csv.body);
    expect(rows[0]).toMatchObject({
      dimension: 'total',
      contacts: json.totals.contacts,
      abusive_contacts: json.totals.abusiveContacts,
      abuse_rate_per_1000: json.totals.abuseRate,
      deescalation_success: json.totals.deescalationSuccess,
      hard_contacts_ended_well: json.totals.hardContactsEndedWell,
      ended_well_share: json.totals.endedWellShare,
    });
    for (const g of json.byChannel)
      expect(rows.find((x) => x.dimension === 'channel' && x.key === g.key)).toMatchObject({
        contacts: g.contacts,
        abuse_rate_per_1000: g.abuseRate,
      });
    expect(rows.filter((x) => x.dimension === 'hour')).toHaveLength(24);
    // The reason named like a formula starts with a quote, so a spreadsheet shows it as text.
    expect(rows.find((x) => x.dimension === 'reason' && String(x.key).includes('HYPERLINK'))?.key).toBe(
      '\'=HYPERLINK("http://evil.example")',
    );

    const series = csvObjects((await get('/api/analytics/export.csv?report=series')).body);
    expect(series.map((s) => [s.start, s.contacts, s.abuse_rate_per_1000])).toEqual(
      json.series.map((s: { start: string; contacts: number; abuseRate: number | null }) => [s.start, s.contacts, s.abuseRate]),
    );
    const causes = (await get('/api/analytics/root-causes')).body;
    const reasons = csvObjects((await get('/api/analytics/export.csv?report=reasons')).body);
    expect(reasons).toHaveLength(causes.languages.reduce((n: number, l: { reasons: unknown[] }) => n + l.reasons.length, 0));
    const terms = csvObjects((await get('/api/analytics/export.csv?report=terms&channel=web')).body);
    expect(terms[0]).toMatchObject({ language: 'en', term: 'router', count: 6, conversations: 6, calm_count: 0 });
  });

  it('refuses a bad window or time zone with a stable error id', async () => {
    const cases: [string, string][] = [
      ['tz=Mars/Olympus_Mons', 'invalid_timezone'],
      ['from=2025-01-01&to=2026-06-01', 'invalid_window'],
      ['from=2026-13-01', 'invalid_window'],
      ['from=2026-02-30', 'invalid_window'],
      ['from=2026-11-20&to=2026-11-10', 'invalid_window'],
      ['from=yesterday', 'invalid_window'],
    ];
    for (const [q, id] of cases) {
      for (const path of ['summary', 'root-causes', 'export.csv']) {
        const r = await get(`/api/analytics/${path}?${q}`);
        expect({ q, path, status: r.status, id: r.body?.error?.id }).toEqual({ q, path, status: 400, id });
        expect(r.body.error.message.length).toBeGreaterThan(10);
      }
    }
    expect((await get('/api/analytics/summary?from=2025-11-22&to=2026-11-22')).status).toBe(200);
  });

  it('tracks an improvement project: computed baseline, progress that follows new contacts, audit, and closing', async () => {
    const analyst = t.accounts.analyst.token;
    const day = 86_400_000;
    // Starting tomorrow, a week long: the baseline is the week before, which holds today's chat contacts.
    const startsAt = new Date(Date.now() + day).toISOString();
    const endsAt = new Date(Date.now() + 8 * day).toISOString();
    const chat = (await get('/api/analytics/summary?channel=chat')).body.totals;
    const planned = await t.request('POST', '/api/analytics/projects', {
      token: analyst,
      body: {
        name: 'Refund delays',
        problem: 'Refunds take three weeks.',
        metric: 'abuse_rate',
        filter: { channel: 'chat' },
        target: 100,
        startsAt,
        endsAt,
      },
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toMatchObject({
      baseline: chat.abuseRate,
      baselineSource: 'computed',
      current: null,
      progress: null,
      onTrack: null,
      lowerIsBetter: true,
      status: 'active',
      filter: { channel: 'chat', teamId: null, reason: null, lang: null },
    });

    // Running since an hour ago on SMS contacts, baseline given.
    const live = await t.request('POST', '/api/analytics/projects', {
      token: analyst,
      body: {
        name: 'Billing by SMS',
        problem: 'Invoices sent by SMS confuse customers.',
        metric: 'abuse_rate',
        filter: { channel: 'sms', teamId: t.teamA },
        baseline: 500,
        target: 100,
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
      },
    });
    expect(live.status).toBe(201);
    expect(live.body).toMatchObject({ baseline: 500, baselineSource: 'given', current: null, contacts: 0 });
    expect(Date.parse(live.body.endsAt) - Date.parse(live.body.startsAt)).toBe(90 * day);
    const id = live.body.id as string;
    const sms = { channel: 'sms' };
    const agent = t.accounts.agent.token;
    await say(agent, 's-1', 'Hello, I need a copy of my last invoice.', sms);
    expect((await get(`/api/analytics/projects/${id}`)).body).toMatchObject({ current: 0, contacts: 1, progress: 1, onTrack: true });
    await say(agent, 's-2', 'You are a useless idiot.', sms);
    expect((await get(`/api/analytics/projects/${id}`)).body).toMatchObject({ current: 500, contacts: 2, progress: 0, onTrack: false });
    for (const i of [3, 4, 5]) await say(agent, `s-${i}`, 'Hi, I would like to update my billing address.', sms);
    const moved = (await get(`/api/analytics/projects/${id}`)).body;
    expect(moved).toMatchObject({ current: 200, contacts: 5, progress: 0.75, onTrack: true });
    expect(moved.series).toEqual([{ weekStart: moved.startsAt, contacts: 5, value: 200 }]);

    // Who may do what.
    const agentTry = await t.request('POST', '/api/analytics/projects', {
      token: agent,
      body: { name: 'x', problem: 'y', metric: 'abuse_rate', target: 1 },
    });
    expect(agentTry).toMatchObject({ status: 403, body: { error: { id: 'forbidden' } } });
    expect((await get('/api/analytics/projects', agent)).status).toBe(403);
    const leadList = (await get('/api/analytics/projects', t.accounts.lead.token)).body;
    expect(leadList.projects.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await get(`/api/analytics/projects/${planned.body.id}`, t.accounts.lead.token)).status).toBe(404);
    expect((await get('/api/analytics/projects', t.otherLead.token)).body.projects).toEqual([]);
    const share = await t.request('POST', '/api/analytics/projects', {
      token: analyst,
      body: { name: 'x', problem: 'y', metric: 'deescalation_success', target: 40 },
    });
    expect(share).toMatchObject({ status: 400, body: { error: { id: 'validation_failed' } } });
    const long = await t.request('POST', '/api/analytics/projects', {
      token: analyst,
      body: { name: 'x', problem: 'y', metric: 'abuse_rate', target: 1, startsAt: '2026-01-01', endsAt: '2027-06-01' },
    });
    expect(long).toMatchObject({ status: 400, body: { error: { id: 'invalid_window' } } });

    // Changing the target moves the progress; closing keeps the numbers readable.
    const patched = await t.request('PATCH', `/api/analytics/projects/${id}`, { token: analyst, body: { target: 300 } });
    expect(patched.body).toMatchObject({ target: 300, progress: 1, onTrack: true });
    const closed = await t.request('POST', `/api/analytics/projects/${id}/close`, { token: t.accounts.admin.token });
    expect(closed.body).toMatchObject({ status: 'closed', current: 200, elapsed: 1 });
    expect((await t.request('POST', `/api/analytics/projects/${id}/close`, { token: analyst })).body.error.id).toBe('invalid_transition');
    expect((await t.request('PATCH', `/api/analytics/projects/${id}`, { token: analyst, body: { target: 50 } })).status).toBe(409);
    const listed = (await get('/api/analytics/projects')).body.projects.map((p: { id: string; status: string }) => [p.id, p.status]);
    expect(listed).toEqual([
      [planned.body.id, 'active'],
      [id, 'closed'],
    ]);

    const audit = await get('/api/audit?limit=50', t.accounts.admin.token);
    const actions = audit.body.entries
      .filter((e: { targetId: string }) => e.targetId === id)
      .map((e: { action: string }) => e.action)
      .reverse();
    expect(actions).toEqual(['analytics.project_created', 'analytics.project_updated', 'analytics.project_closed']);
  });
});

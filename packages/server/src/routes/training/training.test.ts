/**
 * The training simulator over the API, on SQLite and PostgreSQL: a well-handled session ends
 * resolved with a passing report card; a dismissive one makes the customer hostile and abusive, and
 * ending it without a boundary fails; pause, resume and exit; the content note; only the trainee
 * plays their session; the same seed and replies give the same transcript; cohorts of at most six,
 * assignments, readiness and sign-off; and the gate that keeps recruits off live contacts until then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type Account, type TestServer } from '../../test/testServer.js';

const SCENARIO = 'en-bank-blocked-card';

/** Replies written for this test: each acknowledges, then restates, offers the fix, seeks agreement, recaps. */
const GOOD = [
  'I am really sorry your card stopped working while you are away from home, that sounds stressful.',
  'Just to be sure I understand: your debit card was declined at the hotel in Lisbon after a payment abroad, is that correct?',
  'I understand, and I am sorry it happened again. Here is what I can do: I will lift the block right now, after two short security questions.',
  'I know this has taken a while. Would that work for you?',
  'I understand you want this over quickly. So to sum up: the block is lifted and the card will work at reception tonight. Is there anything else I can do for you?',
];
const DISMISSIVE = [
  'Calm down, please.',
  'There is nothing I can do about that, it is our policy.',
  'You should have told us before you went abroad.',
];

type Turn = { role: string; text?: string; band?: string; label?: string; action?: string };

describe.each(DIALECTS)('training on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer(kind);
  });
  afterAll(async () => t?.close());

  const start = (who: Account, body: Record<string, unknown> = {}) =>
    t.request('POST', '/api/training/sessions', {
      token: who.token,
      body: { scenarioId: SCENARIO, acknowledgedContent: true, seed: 11, ...body },
    });
  const reply = (who: Account, id: string, text: string) =>
    t.request('POST', `/api/training/sessions/${id}/reply`, { token: who.token, body: { text } });
  const act = (who: Account, id: string, action: string) =>
    t.request('POST', `/api/training/sessions/${id}/action`, { token: who.token, body: { action } });
  /** Plays the replies in order and answers the last response. */
  const playAll = async (who: Account, id: string, texts: readonly string[]) => {
    let last: Awaited<ReturnType<typeof reply>> | undefined;
    for (const text of texts) {
      last = await reply(who, id, text);
      expect(last.status, JSON.stringify(last.body)).toBe(200);
    }
    return last!;
  };

  it('lists the scenarios with their content notes, filtered by language', async () => {
    const all = await t.request('GET', '/api/training/scenarios', { token: t.accounts.agent.token });
    expect(all.status).toBe(200);
    expect(all.body.freeTextAvailable).toBe(false);
    const card = all.body.scenarios.find((s: { id: string }) => s.id === SCENARIO);
    expect(card).toMatchObject({ lang: 'en', difficulty: 2, needsAcknowledgement: true, persona: { name: 'Mark' } });
    expect(card.contentNotes).toContain('abuse');
    const german = await t.request('GET', '/api/training/scenarios?lang=de', { token: t.accounts.agent.token });
    expect(german.body.scenarios.every((s: { lang: string }) => s.lang === 'de')).toBe(true);
    // Security staff do not practise here.
    expect((await t.request('GET', '/api/training/scenarios', { token: t.accounts.security.token })).status).toBe(403);
  });

  it('does not start a scenario with abuse until its content note is acknowledged', async () => {
    const refused = await start(t.accounts.agent, { acknowledgedContent: undefined });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ id: 'content_note_required', details: { contentNotes: expect.arrayContaining(['abuse']) } });
    expect(refused.body.error.message).toMatch(/content note/);
    expect((await start(t.accounts.agent, { scenarioId: 'en-no-such-scenario' })).body.error.id).toBe('validation_failed');
    // Free text needs a local model, and this server has none.
    expect((await start(t.accounts.agent, { freeText: true })).body.error.id).toBe('validation_failed');
  });

  it('calms a customer handled well: resolved, with a passing report card naming the turns', async () => {
    const started = await start(t.accounts.agent);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'active', outcome: null, band: 'angry', report: null, userId: t.accounts.agent.userId });
    expect(started.body.turns).toEqual([{ role: 'customer', text: expect.any(String), band: 'angry', label: expect.any(String) }]);
    // The mood is shown as a band, never as the number.
    expect(JSON.stringify(started.body)).not.toMatch(/"mood"/);

    const first = await reply(t.accounts.agent, started.body.id, GOOD[0]!);
    expect(first.body.step).toMatchObject({
      bandBefore: 'angry',
      calmers: ['acknowledgement'],
      escalators: [],
      findings: [],
      voice: 'script',
    });
    const last = await playAll(t.accounts.agent, started.body.id, GOOD.slice(1));
    expect(last.body.session).toMatchObject({ status: 'finished', outcome: 'resolved', band: 'calm', passed: true });
    expect(last.body.step.customer).toBe(last.body.session.turns.at(-1).text);

    const read = await t.request('GET', `/api/training/sessions/${started.body.id}`, { token: t.accounts.agent.token });
    const report = read.body.report;
    expect(report).toMatchObject({ outcome: 'resolved', passed: true, score: 1 });
    const criterion = (name: string) => report.criteria.find((c: { criterion: string }) => c.criterion === name);
    expect(criterion('acknowledged')).toMatchObject({ met: true, turns: expect.arrayContaining([1]) });
    expect(criterion('restated_and_confirmed')).toMatchObject({ met: true, turns: [3] });
    expect(criterion('asked_anything_else')).toMatchObject({ met: true, turns: [9] });
    expect(report.moods.at(-1)).toBe('calm');
    expect(report.advice).toEqual([]);
  });

  it('turns a dismissed customer hostile and abusive; ending without a boundary fails', async () => {
    const started = await start(t.accounts.agent, { seed: 5 });
    const steps = [];
    for (const text of DISMISSIVE) steps.push((await reply(t.accounts.agent, started.body.id, text)).body);
    expect(steps[0].step.escalators).toContain('dismissal');
    expect(steps[0].step.findings.map((f: { kind: string }) => f.kind)).toContain('dismissive');
    expect(steps[2].step.bandAfter).toBe('hostile');
    const customerLines = steps[2].session.turns.filter((x: Turn) => x.role === 'customer').slice(1);
    expect(customerLines.every((x: Turn) => x.band === 'hostile' && x.label === 'abuse')).toBe(true);

    const ended = await act(t.accounts.agent, started.body.id, 'contact_ended');
    expect(ended.body.session).toMatchObject({ status: 'finished', outcome: 'ended', passed: false });
    const report = (await t.request('GET', `/api/training/sessions/${started.body.id}`, { token: t.accounts.agent.token })).body.report;
    expect(report.passed).toBe(false);
    expect(report.criteria.find((c: { criterion: string }) => c.criterion === 'boundary_before_ending')).toMatchObject({ met: false });
    // What would have done better: a boundary line to say before ending.
    expect(report.advice.find((a: { criterion: string }) => a.criterion === 'boundary_before_ending').example).toMatch(/\w{3}/);
  });

  it('pauses, resumes and exits; a paused or finished session refuses replies', async () => {
    const s = (await start(t.accounts.agent)).body;
    const path = (verb: string) => `/api/training/sessions/${s.id}/${verb}`;
    expect((await reply(t.accounts.agent, s.id, '   ')).body.error.id).toBe('invalid_reply');
    expect((await t.request('POST', path('pause'), { token: t.accounts.agent.token })).body.status).toBe('paused');
    const whilePaused = await reply(t.accounts.agent, s.id, GOOD[0]!);
    expect(whilePaused).toMatchObject({ status: 409, body: { error: { id: 'session_paused' } } });
    expect((await t.request('POST', path('pause'), { token: t.accounts.agent.token })).body.error.id).toBe('invalid_transition');
    expect((await t.request('POST', path('resume'), { token: t.accounts.agent.token })).body.status).toBe('active');
    expect((await reply(t.accounts.agent, s.id, GOOD[0]!)).status).toBe(200);
    const exited = await t.request('POST', path('exit'), { token: t.accounts.agent.token });
    expect(exited.body).toMatchObject({
      status: 'finished',
      outcome: 'exited',
      passed: false,
      report: { outcome: 'exited', passed: false },
    });
    expect(await reply(t.accounts.agent, s.id, GOOD[1]!)).toMatchObject({ status: 409, body: { error: { id: 'session_finished' } } });
    expect((await t.request('POST', path('resume'), { token: t.accounts.agent.token })).body.error.id).toBe('session_finished');
  });

  it('never loses or doubles a turn when two replies arrive at once (a second tab, a double click)', async () => {
    const s = (await start(t.accounts.agent)).body;
    const answers = await Promise.all([reply(t.accounts.agent, s.id, GOOD[0]!), reply(t.accounts.agent, s.id, GOOD[1]!)]);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const played = answers.filter((a) => a.status === 200).length;
    expect(played).toBeGreaterThan(0);
    const stored = (await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.accounts.agent.token })).body.turns;
    expect(stored.filter((x: Turn) => x.role === 'agent')).toHaveLength(played);
    expect(stored).toHaveLength(1 + 2 * played);
  });

  it('lets only the trainee play their session; their lead may read it, others may not see it', async () => {
    const s = (await start(t.accounts.agent)).body;
    const stranger = await reply(t.otherAgent, s.id, GOOD[0]!);
    expect(stranger).toMatchObject({ status: 403, body: { error: { id: 'not_yours' } } });
    expect((await t.request('POST', `/api/training/sessions/${s.id}/exit`, { token: t.accounts.lead.token })).body.error.id).toBe(
      'not_yours',
    );
    expect((await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.otherAgent.token })).status).toBe(404);
    expect((await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.otherLead.token })).status).toBe(404);
    // The trainer coaches no cohort with this agent in it.
    expect((await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.accounts.trainer.token })).status).toBe(404);
    expect((await t.request('GET', `/api/training/sessions/${s.id}`, { token: t.accounts.lead.token })).status).toBe(200);
    const listed = await t.request('GET', `/api/training/sessions?userId=${t.accounts.agent.userId}`, { token: t.accounts.admin.token });
    expect(listed.body.sessions.map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await t.request('GET', `/api/training/sessions?userId=${t.accounts.agent.userId}`, { token: t.otherAgent.token })).status).toBe(
      404,
    );
  });

  it('replays exactly: the same seed and replies give the same transcript to two trainees', async () => {
    const inputs = [DISMISSIVE[0]!, GOOD[0]!, GOOD[1]!, DISMISSIVE[2]!, GOOD[2]!];
    const transcripts = [];
    for (const who of [t.accounts.agent, t.accounts.lead]) {
      const s = (await start(who, { seed: 424242 })).body;
      await playAll(who, s.id, inputs);
      transcripts.push((await t.request('GET', `/api/training/sessions/${s.id}`, { token: who.token })).body.turns);
    }
    expect(transcripts[0]).toHaveLength(1 + 2 * inputs.length);
    expect(transcripts[1]).toEqual(transcripts[0]);
    // Another seed meets another customer (the opening line or what follows differs).
    const other = (await start(t.accounts.agent, { seed: 7 })).body;
    await playAll(t.accounts.agent, other.id, inputs);
    const otherTurns = (await t.request('GET', `/api/training/sessions/${other.id}`, { token: t.accounts.agent.token })).body.turns;
    expect(otherTurns).not.toEqual(transcripts[0]);
  });

  describe('cohorts, readiness and the gate to live contacts', () => {
    const recruits: Account[] = [];
    let cohortId = '';
    let assignmentId = '';
    const trainer = () => t.accounts.trainer;
    const ingest = (who: Account, externalId: string, agentId?: string) =>
      t.request('POST', '/api/messages', {
        token: who.token,
        body: {
          conversation: { channel: 'chat', externalId, language: 'en', ...(agentId ? { agentId } : {}) },
          text: 'Hello, my parcel is late.',
        },
      });

    beforeAll(async () => {
      for (let i = 0; i < 7; i++) recruits.push(await t.addAccount('agent', [t.teamA]));
    });

    it('takes at most six recruits, agents only, and audits the changes', async () => {
      const made = await t.request('POST', '/api/training/cohorts', {
        token: trainer().token,
        body: { name: 'November starters', readiness: { passes: 1, minScore: 0.8, requiredScenarios: [SCENARIO] } },
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        coachId: trainer().userId,
        readiness: { passes: 1, minScore: 0.8, minDifficulty: 2 },
        members: [],
      });
      cohortId = made.body.id;
      const add = (userId: string, who = trainer()) =>
        t.request('POST', `/api/training/cohorts/${cohortId}/members`, { token: who.token, body: { userId } });
      for (const r of recruits.slice(0, 6)) expect((await add(r.userId)).status).toBe(201);
      expect(await add(recruits[6]!.userId)).toMatchObject({ status: 409, body: { error: { id: 'cohort_full' } } });
      expect((await add(t.accounts.lead.userId)).body.error.id).toBe('validation_failed');
      // Another coach's cohort is not theirs to change.
      expect((await add(recruits[6]!.userId, t.otherLead)).status).toBe(404);
      const removed = await t.request('DELETE', `/api/training/cohorts/${cohortId}/members/${recruits[5]!.userId}`, {
        token: trainer().token,
      });
      expect(removed.status).toBe(204);
      expect((await add(recruits[6]!.userId)).status).toBe(201);
      const audit = await t.request('GET', '/api/audit?limit=50', { token: t.accounts.admin.token });
      const actions = audit.body.entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['cohort.created', 'cohort.member_added', 'cohort.member_removed']));
    });

    it('keeps a recruit off live contacts, and off conversations assigned to them', async () => {
      const refused = await ingest(recruits[0]!, 'recruit-1');
      expect(refused).toMatchObject({ status: 403, body: { error: { id: 'recruit_not_ready' } } });
      expect(refused.body.error.message).toMatch(/still in training/);
      const assigned = await ingest(t.accounts.lead, 'recruit-2', recruits[0]!.userId);
      expect(assigned).toMatchObject({ status: 403, body: { error: { id: 'recruit_not_ready' } } });
      // A removed member is no longer a recruit; an agent outside any cohort is not one.
      expect((await ingest(recruits[5]!, 'former-recruit')).status).toBe(201);
      expect((await ingest(t.accounts.agent, 'not-a-recruit')).status).toBe(201);
    });

    it('assigns a scenario; a recruit becomes ready after a pass and is signed off, then takes live contacts', async () => {
      const assigned = await t.request('POST', `/api/training/cohorts/${cohortId}/assignments`, {
        token: trainer().token,
        body: { scenarioId: SCENARIO, dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      });
      expect(assigned).toMatchObject({ status: 201, body: { scenarioId: SCENARIO, title: 'Card blocked abroad' } });
      assignmentId = assigned.body.id;
      expect(
        (
          await t.request('POST', `/api/training/cohorts/${cohortId}/assignments`, {
            token: trainer().token,
            body: { scenarioId: 'xx-nothing' },
          })
        ).body.error.id,
      ).toBe('validation_failed');

      const recruit = recruits[0]!;
      const me = await t.request('GET', '/api/training/me', { token: recruit.token });
      expect(me.body).toMatchObject({ recruit: true, cohorts: [{ id: cohortId, coachId: trainer().userId, signedOffAt: null }] });
      expect(me.body.cohorts[0].assignments).toEqual([expect.objectContaining({ id: assignmentId, bestScore: null, passed: false })]);
      expect(me.body.cohorts[0].myReadiness).toMatchObject({ ready: false, passes: 0, passesNeeded: 1, missingScenarios: [SCENARIO] });
      // /api/me says so too, so the web opens on training rather than the console.
      expect((await t.request('GET', '/api/me', { token: recruit.token })).body.recruit).toBe(true);
      expect((await t.request('GET', '/api/me', { token: t.accounts.agent.token })).body.recruit).toBe(false);

      const notYet = await t.request('POST', `/api/training/cohorts/${cohortId}/members/${recruit.userId}/sign-off`, {
        token: trainer().token,
      });
      expect(notYet).toMatchObject({ status: 409, body: { error: { id: 'not_ready' } } });
      expect(notYet.body.error.message).toMatch(/0 of the 1 passes/);

      const s = (await start(recruit, { assignmentId, seed: 3 })).body;
      expect(s).toMatchObject({ cohortId, assignmentId });
      await playAll(recruit, s.id, GOOD);
      // Their coach now sees the session, the progress and the readiness.
      expect((await t.request('GET', `/api/training/sessions/${s.id}`, { token: trainer().token })).status).toBe(200);
      const cohort = await t.request('GET', `/api/training/cohorts/${cohortId}`, { token: trainer().token });
      const member = cohort.body.members.find((m: { userId: string }) => m.userId === recruit.userId);
      expect(member).toMatchObject({
        recruit: true,
        readiness: { ready: true, passes: 1, missingScenarios: [] },
        sessions: { finished: 1, passed: 1 },
      });
      const results = cohort.body.assignments[0].results;
      expect(results.find((r: { userId: string }) => r.userId === recruit.userId)).toEqual({
        userId: recruit.userId,
        bestScore: 1,
        passed: true,
      });
      expect(results.find((r: { userId: string }) => r.userId === recruits[1]!.userId)).toMatchObject({ bestScore: null, passed: false });

      // Only a recruit who meets the rule is signed off.
      const other = await t.request('POST', `/api/training/cohorts/${cohortId}/members/${recruits[1]!.userId}/sign-off`, {
        token: trainer().token,
      });
      expect(other.body.error.id).toBe('not_ready');
      const signed = await t.request('POST', `/api/training/cohorts/${cohortId}/members/${recruit.userId}/sign-off`, {
        token: trainer().token,
      });
      expect(signed).toMatchObject({ status: 200, body: { userId: recruit.userId, recruit: false, signedOffBy: trainer().userId } });
      expect((await ingest(recruit, 'now-live')).status).toBe(201);
      expect((await ingest(recruits[1]!, 'still-training')).body.error.id).toBe('recruit_not_ready');
      expect((await t.request('GET', '/api/training/me', { token: recruit.token })).body.recruit).toBe(false);
      expect((await t.request('GET', '/api/me', { token: recruit.token })).body.recruit).toBe(false);
      expect((await t.request('GET', '/api/me', { token: recruits[1]!.token })).body.recruit).toBe(true);
      const audit = await t.request('GET', '/api/audit?action=cohort.signed_off', { token: t.accounts.admin.token });
      expect(audit.body.entries).toEqual([expect.objectContaining({ targetId: recruit.userId })]);
    });

    it('opens a simulated session to peer review for its trainee, their coach and their lead only', async () => {
      const s = (await start(recruits[1]!, { seed: 9 })).body;
      await playAll(recruits[1]!, s.id, DISMISSIVE);
      const subject = `/api/reviews/subjects/simulation/${s.id}`;
      const seen = await t.request('GET', subject, { token: trainer().token });
      expect(seen.status).toBe(200);
      expect(seen.body.transcript).toMatchObject({
        kind: 'simulation',
        id: s.id,
        lang: 'en',
        agentId: recruits[1]!.userId,
        teamIds: [t.teamA],
      });
      const turns = seen.body.transcript.turns;
      expect(turns.map((x: Turn) => x.role)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer', 'agent', 'customer']);
      expect(turns[1].text).toBe(DISMISSIVE[0]);
      // The abusive lines travel with their masked form, for shielding on screen.
      expect(turns.filter((x: Turn & { masked?: string }) => x.label === 'abuse' && x.masked !== undefined).length).toBeGreaterThan(0);
      expect((await t.request('GET', subject, { token: recruits[1]!.token })).status).toBe(200);
      expect((await t.request('GET', subject, { token: t.accounts.lead.token })).status).toBe(200);
      // Another recruit, another team's lead: no such session for them.
      expect((await t.request('GET', subject, { token: recruits[2]!.token })).status).toBe(404);
      expect((await t.request('GET', subject, { token: t.otherLead.token })).status).toBe(404);
    });
  });
});

/**
 * Peer review and the library of exemplary replies, on SQLite and PostgreSQL: an agent annotates
 * their own conversation turn by turn; their lead sees the review, the other team's lead does not;
 * notes fit their turns and belong to their authors; Calmline's own review points at the right
 * turns; the library takes only replies the draft coach finds nothing wrong with, and finds them
 * by words and language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { getTestServer, type TestServer } from '../../test/testServer.js';

/** The conversation, turn by turn (every turn is a message here; the action comes last). */
const SCRIPT: { author: 'customer' | 'agent'; text: string }[] = [
  { author: 'customer', text: 'My parcel is two weeks late and nobody answers my emails. This is ridiculous!' },
  { author: 'agent', text: "I'm sorry about the wait, I understand how frustrating that is." },
  { author: 'customer', text: 'I just want to know where it is.' },
  { author: 'agent', text: 'If I understand correctly, your parcel has not arrived yet. Is that right?' },
  { author: 'customer', text: 'Yes.' },
  { author: 'agent', text: 'Let me check with the courier and send you a tracking update by 5pm today. Does that work for you?' },
  { author: 'agent', text: 'Calm down, it is just a parcel.' },
  {
    author: 'agent',
    text: 'To recap: I will contact the courier and email you the update by 5pm. Is there anything else I can help with?',
  },
];
const ACK = 1;
const RESTATE = 3;
const SOLUTION = 5;
const DISMISSIVE = 6;
const RECAP = 7;
const ENDED = SCRIPT.length;

interface Turn {
  index: number;
  role: string;
  text: string | null;
  action?: string;
  label?: string;
}
interface Criterion {
  criterion: string;
  met: boolean | null;
  turns: number[];
}
interface ListItem {
  id: string;
  subject: { id: string; agentName: string | null; turnCount: number | null };
  author: { id: string; name: string };
  noteCount: number;
}

describe.each(DIALECTS)('peer reviews on %s', (kind) => {
  let t: TestServer;
  let conversationId: string;
  let subject: string;
  const ids = (r: { body: { reviews: ListItem[] } }) => r.body.reviews.map((x) => x.id);

  beforeAll(async () => {
    t = await getTestServer(kind);
    for (const line of SCRIPT) {
      const r = await t.request('POST', '/api/messages', {
        token: t.accounts.agent.token,
        body: {
          ...(conversationId ? { conversationId } : { conversation: { channel: 'chat', externalId: `rv-${kind}`, language: 'en' } }),
          author: line.author,
          text: line.text,
        },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      conversationId = r.body.conversation.id;
    }
    const ended = await t.request('POST', `/api/conversations/${conversationId}/actions`, {
      token: t.accounts.agent.token,
      body: { action: 'contact_ended' },
    });
    expect(ended.status).toBe(201);
    subject = `/api/reviews/subjects/conversation/${conversationId}`;
  });
  afterAll(async () => t?.close());

  it("gives the transcript turn by turn with Calmline's criteria pointing at the right agent turns", async () => {
    const r = await t.request('GET', subject, { token: t.accounts.agent.token });
    expect(r.status).toBe(200);
    const turns: Turn[] = r.body.transcript.turns;
    expect(turns.map((x) => x.role)).toEqual([...SCRIPT.map((s) => s.author), 'action']);
    expect(turns.map((x) => x.index)).toEqual(turns.map((_, i) => i));
    expect(turns[ENDED]).toMatchObject({ role: 'action', text: null, action: 'contact_ended' });
    expect(turns[0]!.label).toBe('frustration');
    expect(r.body.transcript).toMatchObject({ lang: 'en', agentId: t.accounts.agent.userId, teamIds: [t.teamA] });

    const criteria: Record<string, Criterion> = Object.fromEntries(r.body.automatic.criteria.map((c: Criterion) => [c.criterion, c]));
    expect(criteria.acknowledged).toMatchObject({ met: true });
    expect(criteria.acknowledged!.turns).toContain(ACK);
    expect(criteria.restated_and_confirmed).toEqual({ criterion: 'restated_and_confirmed', met: true, turns: [RESTATE] });
    expect(criteria.proposed_solution!.turns).toContain(SOLUTION);
    expect(criteria.sought_agreement!.turns).toEqual([SOLUTION]);
    expect(criteria.recapped!.turns).toEqual([RECAP]);
    expect(criteria.asked_anything_else!.turns).toEqual([RECAP]);
    expect(criteria.avoided_habits).toEqual({ criterion: 'avoided_habits', met: false, turns: [DISMISSIVE] });
    // Every turn a criterion names is one of the agent's.
    for (const c of Object.values(criteria)) for (const i of c.turns) expect(turns[i]!.role).toBe('agent');
    const flagged = r.body.automatic.findings.find((f: { turn: number }) => f.turn === DISMISSIVE);
    expect(flagged.findings.map((f: { kind: string }) => f.kind)).toContain('dismissive');
    expect(r.body.reviews).toEqual([]);
  });

  it('lets the agent annotate their own conversation turn by turn', async () => {
    const agent = t.accounts.agent.token;
    const started = await t.request('PUT', subject, { token: agent, body: { summary: 'I lost my patience near the end.' } });
    expect(started).toMatchObject({ status: 201, body: { summary: 'I lost my patience near the end.', notes: [] } });
    const better = 'I can see how much this parcel matters to you. Let me check with the courier right now.';
    for (const note of [
      { turn: DISMISSIVE, kind: 'would_have_said', text: better },
      { turn: 0, kind: 'comment', text: 'The customer had already written twice.' },
      { turn: RESTATE, kind: 'well_done', text: 'Checking I had understood calmed things down.' },
    ]) {
      const r = await t.request('POST', `${subject}/notes`, { token: agent, body: note });
      expect(r, JSON.stringify(r.body)).toMatchObject({ status: 201, body: { ...note, authorId: t.accounts.agent.userId } });
    }
    // Saving the summary again changes the same review.
    const again = await t.request('PUT', subject, { token: agent, body: { summary: 'Patience ran out at turn 6.' } });
    expect(again).toMatchObject({ status: 200, body: { id: started.body.id, summary: 'Patience ran out at turn 6.' } });

    const view = await t.request('GET', subject, { token: agent });
    expect(view.body.reviews).toHaveLength(1);
    const review = view.body.reviews[0];
    expect(review.author).toEqual({ id: t.accounts.agent.userId, name: expect.any(String) });
    expect(review.notes.map((n: { turn: number; kind: string }) => [n.turn, n.kind])).toEqual([
      [0, 'comment'],
      [RESTATE, 'well_done'],
      [DISMISSIVE, 'would_have_said'],
    ]);
    const audit = await t.request('GET', '/api/audit?action=review.created', { token: t.accounts.admin.token });
    expect(audit.body.entries.map((e: { targetId: string }) => e.targetId)).toContain(started.body.id);
  });

  it('refuses a note on a turn that does not fit it', async () => {
    const agent = t.accounts.agent.token;
    const onCustomer = await t.request('POST', `${subject}/notes`, { token: agent, body: { turn: 0, kind: 'would_have_said', text: 'x' } });
    expect(onCustomer).toMatchObject({ status: 400, body: { error: { id: 'invalid_turn' } } });
    expect(onCustomer.body.error.message).toContain("the customer's message");
    const onAction = await t.request('POST', `${subject}/notes`, { token: agent, body: { turn: ENDED, kind: 'well_done', text: 'x' } });
    expect(onAction.body.error.id).toBe('invalid_turn');
    const beyond = await t.request('POST', `${subject}/notes`, { token: agent, body: { turn: 99, kind: 'comment', text: 'x' } });
    expect(beyond).toMatchObject({ status: 400, body: { error: { id: 'invalid_turn' } } });
  });

  it("shows the review to the team's lead and not to the other team's", async () => {
    const mine = await t.request('GET', '/api/reviews', { token: t.accounts.agent.token });
    const reviewId = mine.body.reviews[0].id as string;
    const lead = await t.request('GET', '/api/reviews', { token: t.accounts.lead.token });
    const listed = (lead.body.reviews as ListItem[]).find((x) => x.id === reviewId);
    expect(listed).toMatchObject({
      subject: { id: conversationId, turnCount: SCRIPT.length + 1 },
      author: { id: t.accounts.agent.userId },
      noteCount: 3,
    });
    expect(listed!.subject.agentName).toBe(listed!.author.name);
    expect(ids(await t.request('GET', `/api/reviews?teamId=${t.teamA}`, { token: t.accounts.lead.token }))).toContain(reviewId);
    expect(ids(await t.request('GET', `/api/reviews?teamId=${t.teamB}`, { token: t.accounts.lead.token }))).not.toContain(reviewId);
    expect(ids(await t.request('GET', `/api/reviews?authorId=${t.accounts.lead.userId}`, { token: t.accounts.lead.token }))).toEqual([]);
    const view = await t.request('GET', subject, { token: t.accounts.lead.token });
    expect(view.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewId]);

    expect(ids(await t.request('GET', '/api/reviews', { token: t.otherLead.token }))).not.toContain(reviewId);
    const hidden = await t.request('GET', subject, { token: t.otherLead.token });
    expect(hidden).toMatchObject({ status: 404, body: { error: { id: 'not_found' } } });
    expect((await t.request('GET', subject, { token: t.otherAgent.token })).status).toBe(404);
    // A trainer reads reviews of simulated sessions, not of the team's real contacts.
    expect(ids(await t.request('GET', '/api/reviews', { token: t.accounts.trainer.token }))).not.toContain(reviewId);
    expect(ids(await t.request('GET', '/api/reviews', { token: t.accounts.admin.token }))).toContain(reviewId);
  });

  it("shows the agent their lead's notes on their conversation, each with its author", async () => {
    const note = await t.request('POST', `${subject}/notes`, {
      token: t.accounts.lead.token,
      body: { turn: SOLUTION, kind: 'well_done', text: 'A clear time for the update.' },
    });
    expect(note.status).toBe(201);
    const view = await t.request('GET', subject, { token: t.accounts.agent.token });
    const authors = view.body.reviews.map((r: { author: { id: string } }) => r.author.id);
    expect(authors).toEqual([t.accounts.agent.userId, t.accounts.lead.userId]);
    expect(view.body.reviews[1].notes).toEqual([expect.objectContaining({ turn: SOLUTION, text: 'A clear time for the update.' })]);
  });

  it("lets only its author change or delete a note (someone else's: 403)", async () => {
    const view = await t.request('GET', subject, { token: t.accounts.agent.token });
    const agentNote = view.body.reviews[0].notes[0].id as string;
    const leadNote = view.body.reviews[1].notes[0].id as string;
    const byLead = await t.request('PATCH', `/api/reviews/notes/${agentNote}`, { token: t.accounts.lead.token, body: { text: 'Edited' } });
    expect(byLead).toMatchObject({ status: 403, body: { error: { id: 'not_yours' } } });
    expect((await t.request('DELETE', `/api/reviews/notes/${leadNote}`, { token: t.accounts.agent.token })).body.error.id).toBe(
      'not_yours',
    );
    // The other team's lead may not even see it.
    expect((await t.request('PATCH', `/api/reviews/notes/${agentNote}`, { token: t.otherLead.token, body: { text: 'x' } })).status).toBe(
      404,
    );

    const edited = await t.request('PATCH', `/api/reviews/notes/${agentNote}`, {
      token: t.accounts.agent.token,
      body: { text: 'They had already written twice, and nobody had answered.' },
    });
    expect(edited).toMatchObject({ status: 200, body: { text: 'They had already written twice, and nobody had answered.' } });
    // Turning a comment on the customer's turn into "what I would have said" does not fit it.
    const moved = await t.request('PATCH', `/api/reviews/notes/${agentNote}`, {
      token: t.accounts.agent.token,
      body: { kind: 'well_done' },
    });
    expect(moved.body.error.id).toBe('invalid_turn');
    expect((await t.request('DELETE', `/api/reviews/notes/${agentNote}`, { token: t.accounts.agent.token })).status).toBe(204);
    const after = await t.request('GET', subject, { token: t.accounts.agent.token });
    expect(after.body.reviews[0].notes.map((n: { id: string }) => n.id)).not.toContain(agentNote);
    const audit = await t.request('GET', '/api/audit?action=review.note_deleted', { token: t.accounts.admin.token });
    expect(audit.body.entries[0].details).toMatchObject({ noteId: agentNote });
  });

  it('answers 404 for a simulated session that does not exist', async () => {
    const r = await t.request('GET', '/api/reviews/subjects/simulation/00000000-0000-4000-8000-000000000001', {
      token: t.accounts.trainer.token,
    });
    expect(r).toMatchObject({ status: 404, body: { error: { id: 'not_found' } } });
  });

  it('takes into the library only replies the draft coach finds nothing wrong with', async () => {
    const agent = t.accounts.agent.token;
    const refused = await t.request('POST', '/api/library', {
      token: agent,
      body: { lang: 'en', situation: 'acknowledge', text: "Calm down, we don't do refunds." },
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { id: 'not_exemplary' } } });
    expect(refused.body.error.message).toContain('dismissive');
    expect(refused.body.error.details.findings.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(['dismissive', 'negative_phrasing']),
    );

    const text = 'I can see how much this parcel matters to you. Let me check with the courier right now.';
    const shared = await t.request('POST', '/api/library', {
      token: agent,
      body: {
        lang: 'en',
        situation: 'acknowledge',
        text,
        context: 'When a late parcel has been chased twice',
        source: { kind: 'conversation', id: conversationId, turn: DISMISSIVE },
      },
    });
    expect(shared).toMatchObject({
      status: 201,
      body: {
        text,
        situation: 'acknowledge',
        source: { kind: 'conversation', id: conversationId, turn: DISMISSIVE },
        teamId: t.teamA,
        sharedBy: { id: t.accounts.agent.userId },
      },
    });
    const again = await t.request('POST', '/api/library', { token: agent, body: { lang: 'en', situation: 'acknowledge', text } });
    expect(again.status).toBe(409);
    const fromCustomer = await t.request('POST', '/api/library', {
      token: agent,
      body: {
        lang: 'en',
        situation: 'other',
        text: 'I just want to know where it is.',
        source: { kind: 'conversation', id: conversationId, turn: 2 },
      },
    });
    expect(fromCustomer.body.error.id).toBe('invalid_turn');
    // A source the sharer may not see is not found, whatever the text.
    const foreign = await t.request('POST', '/api/library', {
      token: t.otherAgent.token,
      body: {
        lang: 'en',
        situation: 'other',
        text: 'Let me look into this for you.',
        source: { kind: 'conversation', id: conversationId, turn: 1 },
      },
    });
    expect(foreign.status).toBe(404);
    const russian = await t.request('POST', '/api/library', {
      token: t.accounts.lead.token,
      body: { lang: 'ru', situation: 'acknowledge', text: 'Понимаю, как это неприятно. Давайте я проверю, что можно сделать.' },
    });
    expect(russian.status).toBe(201);

    const texts = async (q: string) =>
      (await t.request('GET', `/api/library${q}`, { token: t.accounts.analyst.token })).body.replies.map((r: { text: string }) => r.text);
    expect(await texts('?q=COURIER')).toEqual([text]);
    expect(await texts('?q=проверю')).toEqual([russian.body.text]);
    expect(await texts('?lang=ru')).toEqual([russian.body.text]);
    expect(await texts('?lang=en&situation=acknowledge')).toEqual([text]);
    expect(await texts('?situation=closing_recap')).toEqual([]);
    expect(await texts('?q=chased')).toEqual([text]);
  });

  it('lets a lead take a reply out of the library, on the record', async () => {
    const [reply] = (await t.request('GET', '/api/library?lang=ru', { token: t.accounts.agent.token })).body.replies;
    expect((await t.request('DELETE', `/api/library/${reply.id}`, { token: t.accounts.agent.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/library/${reply.id}`, { token: t.accounts.lead.token })).status).toBe(204);
    expect((await t.request('GET', '/api/library?lang=ru', { token: t.accounts.agent.token })).body.replies).toEqual([]);
    expect((await t.request('DELETE', `/api/library/${reply.id}`, { token: t.accounts.lead.token })).status).toBe(404);
    const audit = await t.request('GET', '/api/audit?action=library.removed', { token: t.accounts.admin.token });
    expect(audit.body.entries).toEqual([expect.objectContaining({ targetId: reply.id, actorUserId: t.accounts.lead.userId })]);
  });
});

/**
 * @module store/store.conformance.test
 * One behaviour suite for the store, run unchanged against SQLite and PostgreSQL: what every
 * repository promises the rest of the server (uniqueness, ordering, expiry, scoping per role, one
 * organisation never seeing another's rows, forward-only alerts, transactions that roll back).
 * If the two dialects ever disagree, one of these tests fails on one of them.
 *
 * Skipped on a dialect: nothing. Row locking (getForUpdate) is only taken on PostgreSQL, but SQLite
 * gives the same guarantee through its single writer, so the locking test runs on both.
 */
import { createProtocol, LABELS, type Analysis, type Label, type Language } from '@calmline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import { openDatabase, type Database } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/databases.js';
import { Store } from './Store.js';
import type { Actor, AlertKind, Conversation, User } from './types.js';

const protocol = createProtocol();
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
/** Times are millisecond ISO text: waiting a few ms makes "newer" unambiguous. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const SEVERITY: Record<Label, Analysis['severity']> = { none: 0, frustration: 0, profanity: 1, abuse: 2, threat: 3, self_harm: 3 };

function analysis(label: Label, language: Language = 'en'): Analysis {
  const scores = Object.fromEntries(LABELS.map((l) => [l, l === label ? 0.9 : 0.02])) as Record<Label, number>;
  return {
    label,
    severity: SEVERITY[label],
    language,
    scores,
    evidence: [{ start: 0, end: 3, category: label, rule: 'lexicon:en:test' }],
    masked: '*** text',
    truncated: false,
  };
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe.each(DIALECTS)('store conformance on %s', (kind) => {
  let database: TestDatabase;
  let handle: Database;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    handle = openDatabase(database.location);
    await migrateToLatest(handle);
    store = new Store(handle.db, handle.dialect);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  // Names are unique per call so tests sharing the one database never collide.
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;
  const newOrg = (policy: unknown = {}) => store.organisations.create(unique('Org'), policy);
  async function newUser(orgId: string, role: Role, teamIds: string[] = []): Promise<User> {
    const user = await store.users.create({ orgId, email: `${unique(role)}@example.test`, name: `A ${role}`, role });
    for (const t of teamIds) await store.teams.addMember(t, user.id);
    return user;
  }
  const actorOf = (user: User, teamIds: string[] = []): Actor => ({
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    teamIds,
    tokenId: null,
  });
  const newConversation = (
    orgId: string,
    o: { teamId?: string | null; agentId?: string | null; channel?: string; externalId?: string; id?: string } = {},
  ): Promise<Conversation> =>
    store.conversations.create({
      ...(o.id ? { id: o.id } : {}),
      orgId,
      teamId: o.teamId ?? null,
      channel: o.channel ?? 'chat',
      externalId: o.externalId ?? unique('ext'),
      language: 'en',
      agentId: o.agentId ?? null,
      customerRef: 'cust-ref-1',
      contactReason: 'refund',
      protocol: protocol.start({ lang: 'en', seed: 7 }),
    });
  const customerMessage = (c: Conversation, seq: number, externalId: string | null = null, label: Label = 'frustration') =>
    store.conversations.addMessage({
      orgId: c.orgId,
      conversationId: c.id,
      seq,
      author: 'customer',
      externalId,
      text: `message ${seq}`,
      analysis: analysis(label),
      findings: null,
      replyId: null,
    });
  const newAlert = (c: Conversation, kind: AlertKind, severity: 'medium' | 'high' | 'critical' = 'medium') =>
    store.alerts.create({
      orgId: c.orgId,
      teamId: c.teamId,
      conversationId: c.id,
      messageId: null,
      kind,
      severity,
      reason: `${kind}_seen`,
    });

  it('opens the dialect it was asked for', () => {
    expect(handle.dialect).toBe(kind);
  });

  describe('organisations', () => {
    it('creates, reads back and counts organisations, with their policy as stored', async () => {
      const before = await store.organisations.count();
      const policy = { languages: { de: { register: 'formal' } }, warningsBeforeEnding: 2, flags: [true, null, 'x'] };
      const org = await store.organisations.create('Acme Support', policy);
      expect(await store.organisations.count()).toBe(before + 1);
      const read = await store.organisations.get(org.id);
      expect(read).toEqual({ id: org.id, name: 'Acme Support', policy, createdAt: org.createdAt });
      expect(await store.organisations.get('no-such-org')).toBeUndefined();
    });

    it('replaces the policy', async () => {
      const org = await newOrg({ a: 1 });
      await store.organisations.setPolicy(org.id, { b: [1, 2] });
      expect((await store.organisations.get(org.id))?.policy).toEqual({ b: [1, 2] });
    });
  });

  describe('teams', () => {
    it('refuses a second team with the same name in one organisation, but allows it in another', async () => {
      const a = await newOrg();
      const b = await newOrg();
      const first = await store.teams.create(a.id, 'Billing');
      await expect(store.teams.create(a.id, 'Billing')).rejects.toThrow();
      const other = await store.teams.create(b.id, 'Billing');
      expect((await store.teams.byName(a.id, 'Billing'))?.id).toBe(first.id);
      expect((await store.teams.byName(b.id, 'Billing'))?.id).toBe(other.id);
      expect(await store.teams.list(a.id)).toHaveLength(1);
    });

    it('reads a team only within its organisation, and lists by name or by ids', async () => {
      const a = await newOrg();
      const b = await newOrg();
      const z = await store.teams.create(a.id, 'Zulu');
      const m = await store.teams.create(a.id, 'Mike');
      const foreign = await store.teams.create(b.id, 'Foreign');
      expect(await store.teams.get(a.id, z.id)).toEqual(z);
      expect(await store.teams.get(a.id, foreign.id)).toBeUndefined();
      expect((await store.teams.list(a.id)).map((t) => t.name)).toEqual(['Mike', 'Zulu']);
      expect(await store.teams.list(a.id, [z.id, foreign.id])).toEqual([z]);
      expect(await store.teams.list(a.id, [])).toEqual([]);
      expect((await store.teams.list(a.id, [m.id]))[0]?.name).toBe('Mike');
    });

    it('adds members idempotently, removes them, and says which teams a user is in', async () => {
      const org = await newOrg();
      const t1 = await store.teams.create(org.id, 'One');
      const t2 = await store.teams.create(org.id, 'Two');
      const user = await newUser(org.id, 'agent');
      await store.teams.addMember(t1.id, user.id);
      await store.teams.addMember(t1.id, user.id);
      await store.teams.addMember(t2.id, user.id);
      expect(await store.teams.memberIds(t1.id)).toEqual([user.id]);
      expect((await store.teams.teamIdsOf(user.id)).sort()).toEqual([t1.id, t2.id].sort());
      await store.teams.removeMember(t1.id, user.id);
      await store.teams.removeMember(t1.id, user.id);
      expect(await store.teams.memberIds(t1.id)).toEqual([]);
      expect(await store.teams.teamIdsOf(user.id)).toEqual([t2.id]);
    });

    // Two adds of one member at once (a double-click, two nodes) must not fail on the primary key.
    it('adds the same member twice at once without failing', async () => {
      const org = await newOrg();
      const team = await store.teams.create(org.id, 'Race');
      const user = await newUser(org.id, 'agent');
      const results = await Promise.allSettled([store.teams.addMember(team.id, user.id), store.teams.addMember(team.id, user.id)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await store.teams.memberIds(team.id)).toEqual([user.id]);
    });
  });

  describe('users', () => {
    it('stores the email lower-case, finds it in any case, and refuses the same address twice', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const email = `${unique('Mixed.Case')}@Example.TEST`;
      const user = await store.users.create({ orgId: org.id, email, name: 'Mixed', role: 'agent' });
      expect(user.email).toBe(email.toLowerCase());
      expect((await store.users.get(org.id, user.id))?.email).toBe(email.toLowerCase());
      expect((await store.users.byEmail(email.toUpperCase()))?.id).toBe(user.id);
      expect((await store.users.byEmail(email.toLowerCase()))?.id).toBe(user.id);
      await expect(store.users.create({ orgId: org.id, email: email.toLowerCase(), name: 'Dup', role: 'agent' })).rejects.toThrow();
      // Sign-in looks users up by email alone, so an address is unique across organisations too.
      await expect(store.users.create({ orgId: other.id, email: email.toUpperCase(), name: 'Dup', role: 'agent' })).rejects.toThrow();
      expect(await store.users.byEmail('nobody@example.test')).toBeUndefined();
    });

    it('lists the organisation, or only members of the given teams, never another organisation', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const t1 = await store.teams.create(org.id, 'One');
      const t2 = await store.teams.create(org.id, 'Two');
      const a = await newUser(org.id, 'agent', [t1.id]);
      const b = await newUser(org.id, 'agent', [t2.id]);
      const both = await newUser(org.id, 'lead', [t1.id, t2.id]);
      const none = await newUser(org.id, 'admin');
      await newUser(other.id, 'agent');
      const all = await store.users.list(org.id);
      expect(ids(all)).toEqual(ids([a, b, both, none]));
      expect(all.map((u) => u.email)).toEqual([...all.map((u) => u.email)].sort());
      expect(ids(await store.users.list(org.id, [t1.id]))).toEqual(ids([a, both]));
      expect(ids(await store.users.list(org.id, [t1.id, t2.id]))).toEqual(ids([a, b, both]));
      expect(await store.users.list(org.id, [])).toEqual([]);
    });

    it('updates name, role and disabled, only within the organisation', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const user = await newUser(org.id, 'agent');
      expect(user.disabled).toBe(false);
      const updated = await store.users.update(org.id, user.id, { role: 'lead', disabled: true, name: 'Renamed' });
      expect(updated).toMatchObject({ id: user.id, role: 'lead', disabled: true, name: 'Renamed' });
      expect(await store.users.get(org.id, user.id)).toMatchObject({ role: 'lead', disabled: true });
      expect((await store.users.update(org.id, user.id, { disabled: false }))?.disabled).toBe(false);
      expect(await store.users.update(other.id, user.id, { role: 'admin' })).toBeUndefined();
      expect((await store.users.byId(user.id))?.role).toBe('lead');
      expect(await store.users.get(other.id, user.id)).toBeUndefined();
    });

    it('keeps the password hash out of user objects and hands it out only through passwordHash', async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'agent');
      expect(user.hasPassword).toBe(false);
      expect(await store.users.passwordHash(user.id)).toBeNull();
      await store.users.setPasswordHash(user.id, 'scrypt$secret-hash');
      expect(await store.users.passwordHash(user.id)).toBe('scrypt$secret-hash');
      const read = await store.users.get(org.id, user.id);
      expect(read?.hasPassword).toBe(true);
      expect(JSON.stringify(read)).not.toContain('secret-hash');
      const created = await store.users.create({
        orgId: org.id,
        email: `${unique('pw')}@example.test`,
        name: 'P',
        role: 'admin',
        passwordHash: 'h1',
      });
      expect(created.hasPassword).toBe(true);
      expect(await store.users.passwordHash(created.id)).toBe('h1');
    });
  });

  describe('credentials', () => {
    it('returns a session until it expires, then no more', async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'lead');
      const live = unique('session-live');
      const expired = unique('session-expired');
      await store.credentials.createSession(live, user.id, inHours(1));
      await store.credentials.createSession(expired, user.id, inHours(-1));
      expect(await store.credentials.session(live)).toEqual({ userId: user.id, orgId: org.id, role: 'lead', tokenId: null });
      expect(await store.credentials.session(expired)).toBeUndefined();
      expect(await store.credentials.session('no-such-session')).toBeUndefined();
      await store.credentials.deleteExpiredSessions();
      const left = await store.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      expect(left.map((r) => r.id_hash)).toEqual([live]);
      await store.credentials.deleteSession(live);
      expect(await store.credentials.session(live)).toBeUndefined();
    });

    it("gives a session the user's current role", async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'admin');
      const hash = unique('session');
      await store.credentials.createSession(hash, user.id, inHours(1));
      await store.users.update(org.id, user.id, { role: 'agent' });
      expect((await store.credentials.session(hash))?.role).toBe('agent');
    });

    it("returns neither a disabled user's session nor their token", async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'admin');
      const session = unique('session');
      const tokenHash = unique('token');
      await store.credentials.createSession(session, user.id, inHours(1));
      await store.credentials.createToken({ orgId: org.id, userId: user.id, name: 'ci', role: 'admin', tokenHash });
      await store.users.update(org.id, user.id, { disabled: true });
      expect(await store.credentials.session(session)).toBeUndefined();
      expect(await store.credentials.token(tokenHash)).toBeUndefined();
    });

    it("deletes every session of one user and no one else's", async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'agent');
      const bystander = await newUser(org.id, 'agent');
      const [s1, s2, s3] = [unique('s'), unique('s'), unique('s')];
      await store.credentials.createSession(s1, user.id, inHours(1));
      await store.credentials.createSession(s2, user.id, inHours(1));
      await store.credentials.createSession(s3, bystander.id, inHours(1));
      await store.credentials.deleteSessionsOf(user.id);
      expect(await store.credentials.session(s1)).toBeUndefined();
      expect(await store.credentials.session(s2)).toBeUndefined();
      expect((await store.credentials.session(s3))?.userId).toBe(bystander.id);
    });

    it('finds a token by its hash until it is revoked, and revokes only within the organisation', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const user = await newUser(org.id, 'agent');
      const tokenHash = unique('token');
      const token = await store.credentials.createToken({ orgId: org.id, userId: user.id, name: 'crm', role: 'agent', tokenHash });
      expect(token).toMatchObject({ orgId: org.id, userId: user.id, name: 'crm', role: 'agent', lastUsedAt: null, revokedAt: null });
      expect(await store.credentials.token(tokenHash)).toEqual({ userId: user.id, orgId: org.id, role: 'agent', tokenId: token.id });
      await expect(
        store.credentials.createToken({ orgId: org.id, userId: user.id, name: 'dup', role: 'agent', tokenHash }),
      ).rejects.toThrow();

      await store.credentials.touchToken(token.id);
      expect((await store.credentials.listTokens(org.id))[0]?.lastUsedAt).not.toBeNull();
      expect(await store.credentials.listTokens(other.id)).toEqual([]);

      expect(await store.credentials.revokeToken(other.id, token.id)).toBeUndefined();
      expect((await store.credentials.token(tokenHash))?.tokenId).toBe(token.id);
      const revoked = await store.credentials.revokeToken(org.id, token.id);
      expect(revoked?.revokedAt).not.toBeNull();
      expect(await store.credentials.token(tokenHash)).toBeUndefined();
      await tick();
      // Revoking twice keeps the first time: the audit trail says when it really stopped working.
      expect((await store.credentials.revokeToken(org.id, token.id))?.revokedAt).toBe(revoked?.revokedAt);
    });

    // A demoted admin's API token must not go on acting as admin. Sessions follow the user's current role.
    it("never lets a token act with more than its user's current role", async () => {
      const org = await newOrg();
      const user = await newUser(org.id, 'admin');
      const tokenHash = unique('token');
      await store.credentials.createToken({ orgId: org.id, userId: user.id, name: 'ops', role: 'admin', tokenHash });
      await store.users.update(org.id, user.id, { role: 'agent' });
      expect((await store.credentials.token(tokenHash))?.role).not.toBe('admin');
    });
  });

  describe('conversations', () => {
    it('creates a conversation and finds it by its external reference', async () => {
      const org = await newOrg();
      const agent = await newUser(org.id, 'agent');
      const team = await store.teams.create(org.id, 'Support');
      const c = await newConversation(org.id, { agentId: agent.id, teamId: team.id, externalId: 'ticket-1' });
      expect(c).toMatchObject({
        orgId: org.id,
        teamId: team.id,
        channel: 'chat',
        externalId: 'ticket-1',
        language: 'en',
        agentId: agent.id,
        customerRef: 'cust-ref-1',
        contactReason: 'refund',
        status: 'open',
        worstLabel: 'none',
        messageCount: 0,
      });
      expect(c.protocol).toEqual(protocol.start({ lang: 'en', seed: 7 }));
      expect(await store.conversations.byExternalId(org.id, 'chat', 'ticket-1')).toEqual(c);
      expect(await store.conversations.byExternalId(org.id, 'email', 'ticket-1')).toBeUndefined();
      expect(await store.conversations.getForUpdate(org.id, c.id)).toEqual(c);
      const given = await newConversation(org.id, { id: 'given-id-' + unique('c') });
      expect(given.id).toMatch(/^given-id-/);
    });

    it('refuses a second conversation with the same organisation, channel and external id', async () => {
      const org = await newOrg();
      const other = await newOrg();
      await newConversation(org.id, { channel: 'chat', externalId: 'same' });
      await expect(newConversation(org.id, { channel: 'chat', externalId: 'same' })).rejects.toThrow();
      await expect(newConversation(org.id, { channel: 'phone', externalId: 'same' })).resolves.toMatchObject({ channel: 'phone' });
      const theirs = await newConversation(other.id, { channel: 'chat', externalId: 'same' });
      expect((await store.conversations.byExternalId(other.id, 'chat', 'same'))?.id).toBe(theirs.id);
      expect((await store.conversations.byExternalId(org.id, 'chat', 'same'))?.id).not.toBe(theirs.id);
    });

    it('refuses a message with a seq or external id the conversation already has', async () => {
      const org = await newOrg();
      const c = await newConversation(org.id);
      const d = await newConversation(org.id);
      await customerMessage(c, 1, 'm-1');
      await expect(customerMessage(c, 1, 'm-2')).rejects.toThrow();
      await expect(customerMessage(c, 2, 'm-1')).rejects.toThrow();
      // Messages without an external id are not duplicates of each other.
      await customerMessage(c, 2, null);
      await customerMessage(c, 3, null);
      // Uniqueness is per conversation.
      await customerMessage(d, 1, 'm-1');
      expect((await store.conversations.messages(c.id)).map((m) => m.seq)).toEqual([1, 2, 3]);
      expect((await store.conversations.messageByExternalId(c.id, 'm-1'))?.seq).toBe(1);
      expect(await store.conversations.messageByExternalId(c.id, 'm-9')).toBeUndefined();
    });

    it('returns messages and actions in seq order, with analysis and coach findings as written', async () => {
      const org = await newOrg();
      const agent = await newUser(org.id, 'agent');
      const c = await newConversation(org.id, { agentId: agent.id });
      await customerMessage(c, 5, null, 'abuse');
      const agentReply = await store.conversations.addMessage({
        orgId: org.id,
        conversationId: c.id,
        seq: 3,
        author: 'agent',
        externalId: null,
        text: 'I understand.',
        analysis: null,
        findings: [{ rule: 'blame', start: 0, end: 1 }],
        replyId: 'r-42',
      });
      await customerMessage(c, 1, 'first', 'frustration');
      await store.conversations.addAction({ orgId: org.id, conversationId: c.id, seq: 4, action: 'warning_issued', userId: agent.id });
      await store.conversations.addAction({ orgId: org.id, conversationId: c.id, seq: 2, action: 'callback_offered', userId: null });
      const messages = await store.conversations.messages(c.id);
      expect(messages.map((m) => m.seq)).toEqual([1, 3, 5]);
      expect(messages[2]?.analysis).toEqual(analysis('abuse'));
      expect(messages[2]?.findings).toBeNull();
      expect(messages[1]).toEqual(agentReply);
      expect(messages[1]).toMatchObject({
        author: 'agent',
        analysis: null,
        findings: [{ rule: 'blame', start: 0, end: 1 }],
        replyId: 'r-42',
      });
      const actions = await store.conversations.actions(c.id);
      expect(actions.map((a) => [a.seq, a.action, a.userId])).toEqual([
        [2, 'callback_offered', null],
        [4, 'warning_issued', agent.id],
      ]);
    });

    it('updates state, worst label, count, language and status, and moves updatedAt on', async () => {
      const org = await newOrg();
      const c = await newConversation(org.id);
      const stepped = protocol.step(c.protocol!, { type: 'customer_message', label: 'abuse', language: 'de' }).state;
      await tick();
      await store.conversations.update(c.id, { protocol: stepped, worstLabel: 'abuse', messageCount: 1, language: 'de', status: 'closed' });
      const after = await store.conversations.byExternalId(org.id, c.channel, c.externalId);
      expect(after).toMatchObject({ worstLabel: 'abuse', messageCount: 1, language: 'de', status: 'closed', createdAt: c.createdAt });
      expect(after?.protocol).toEqual(stepped);
      expect(after!.updatedAt > c.updatedAt).toBe(true);
      // Only the protocol is required: the rest stays as it was.
      await store.conversations.update(c.id, { protocol: c.protocol! });
      expect(await store.conversations.byExternalId(org.id, c.channel, c.externalId)).toMatchObject({
        worstLabel: 'abuse',
        messageCount: 1,
        status: 'closed',
        protocol: c.protocol,
      });
    });

    it('lists newest first, filtered by status, worst label and time, up to the limit', async () => {
      const org = await newOrg();
      const admin = actorOf(await newUser(org.id, 'admin'));
      const made: Conversation[] = [];
      for (let i = 0; i < 4; i++) {
        made.push(await newConversation(org.id));
        await tick();
      }
      const [c0, c1, c2, c3] = made as [Conversation, Conversation, Conversation, Conversation];
      await store.conversations.update(c1.id, { protocol: c1.protocol!, worstLabel: 'threat', status: 'closed' });
      await tick();
      await store.conversations.update(c2.id, { protocol: c2.protocol!, worstLabel: 'threat' });
      // Updated order, oldest first: c0, c3, c1, c2.
      const list = (f: Partial<Parameters<typeof store.conversations.list>[1]>) =>
        store.conversations.list(admin, { limit: 50, ...f }).then((cs) => cs.map((c) => c.id));
      expect(await list({})).toEqual([c2.id, c1.id, c3.id, c0.id]);
      expect(await list({ limit: 2 })).toEqual([c2.id, c1.id]);
      expect(await list({ status: 'closed' })).toEqual([c1.id]);
      expect(await list({ status: 'open' })).toEqual([c2.id, c3.id, c0.id]);
      expect(await list({ label: 'threat' })).toEqual([c2.id, c1.id]);
      expect(await list({ label: 'threat', status: 'open' })).toEqual([c2.id]);
      const c3Now = (await store.conversations.visible(admin, c3.id))!;
      expect(await list({ before: c3Now.updatedAt })).toEqual([c0.id]);
      expect(await list({ label: 'abuse' })).toEqual([]);
    });

    it('reads a damaged protocol state back as null instead of failing', async () => {
      const org = await newOrg();
      const admin = actorOf(await newUser(org.id, 'admin'));
      const broken = await newConversation(org.id);
      const wrongShape = await newConversation(org.id);
      await store.db.updateTable('conversations').set({ protocol_state: '{"version":1,"step":' }).where('id', '=', broken.id).execute();
      await store.db
        .updateTable('conversations')
        .set({ protocol_state: JSON.stringify({ version: 99, step: 'nowhere' }) })
        .where('id', '=', wrongShape.id)
        .execute();
      expect((await store.conversations.visible(admin, broken.id))?.protocol).toBeNull();
      expect((await store.conversations.getForUpdate(org.id, broken.id))?.protocol).toBeNull();
      expect((await store.conversations.byExternalId(org.id, 'chat', wrongShape.externalId))?.protocol).toBeNull();
      const listed = await store.conversations.list(admin, { limit: 10 });
      expect(listed.map((c) => c.protocol)).toEqual([null, null]);
      expect(listed.every((c) => c.status === 'open')).toBe(true);
    });

    it('holds a conversation read for update until the transaction ends', async () => {
      const org = await newOrg();
      const c = await newConversation(org.id);
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const hasLock = new Promise<void>((resolve) => (locked = resolve));
      const first = store.transaction(async (tx) => {
        await tx.conversations.getForUpdate(org.id, c.id);
        order.push('first locked');
        locked();
        await gate;
        await tx.conversations.update(c.id, { protocol: c.protocol!, messageCount: 1 });
        order.push('first done');
      });
      await hasLock;
      const second = store.transaction(async (tx) => {
        const seen = await tx.conversations.getForUpdate(org.id, c.id);
        order.push(`second saw ${seen?.messageCount}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push('released');
      release();
      await Promise.all([first, second]);
      // The second reader waited for the first writer, so it stepped from the new state.
      expect(order).toEqual(['first locked', 'released', 'first done', 'second saw 1']);
    });
  });

  /**
   * One organisation with two teams and every role, and a second organisation with a threat of
   * its own, to check what each role sees of conversations and alerts.
   */
  describe('scoping by role', () => {
    let w: {
      actors: Record<'agent1' | 'agent2' | 'lead1' | 'security' | 'analyst' | 'admin' | 'adminB' | 'securityB', Actor>;
      c: Record<'own1' | 'own2' | 'team1' | 'leadOwn' | 'threat' | 'secReq' | 'abuse' | 'otherOrg', Conversation>;
      a: Record<'abuse' | 'supervisor' | 'threat' | 'secReq' | 'leadOwn' | 'otherOrg', string>;
    };

    beforeAll(async () => {
      const org = await newOrg();
      const orgB = await newOrg();
      const t1 = (await store.teams.create(org.id, 'T1')).id;
      const t2 = (await store.teams.create(org.id, 'T2')).id;
      const tB = (await store.teams.create(orgB.id, 'T1')).id;
      const agent1 = await newUser(org.id, 'agent', [t1]);
      const agent2 = await newUser(org.id, 'agent', [t2]);
      const lead1 = await newUser(org.id, 'lead', [t1]);
      const security = await newUser(org.id, 'security');
      const analyst = await newUser(org.id, 'analyst');
      const admin = await newUser(org.id, 'admin');
      const agentB = await newUser(orgB.id, 'agent', [tB]);
      const adminB = await newUser(orgB.id, 'admin');
      const securityB = await newUser(orgB.id, 'security');
      const c = {
        own1: await newConversation(org.id, { agentId: agent1.id, teamId: t1 }),
        own2: await newConversation(org.id, { agentId: agent2.id, teamId: t2 }),
        team1: await newConversation(org.id, { teamId: t1 }),
        // The lead's own conversation in a team it does not lead.
        leadOwn: await newConversation(org.id, { agentId: lead1.id, teamId: t2 }),
        threat: await newConversation(org.id, { agentId: agent2.id, teamId: t2 }),
        secReq: await newConversation(org.id, {}),
        abuse: await newConversation(org.id, { agentId: agent1.id, teamId: t1 }),
        otherOrg: await newConversation(orgB.id, { agentId: agentB.id, teamId: tB }),
      };
      const a = {
        abuse: (await newAlert(c.abuse, 'abuse')).id,
        supervisor: (await newAlert(c.team1, 'supervisor_requested')).id,
        threat: (await newAlert(c.threat, 'threat', 'critical')).id,
        secReq: (await newAlert(c.secReq, 'security_requested', 'high')).id,
        leadOwn: (await newAlert(c.leadOwn, 'self_harm', 'critical')).id,
        otherOrg: (await newAlert(c.otherOrg, 'threat', 'critical')).id,
      };
      w = {
        actors: {
          agent1: actorOf(agent1, [t1]),
          agent2: actorOf(agent2, [t2]),
          lead1: actorOf(lead1, [t1]),
          security: actorOf(security),
          analyst: actorOf(analyst),
          admin: actorOf(admin),
          adminB: actorOf(adminB),
          securityB: actorOf(securityB),
        },
        c,
        a,
      };
    });

    const ALL_A = ['own1', 'own2', 'team1', 'leadOwn', 'threat', 'secReq', 'abuse'] as const;
    const conversationCases: [string, keyof typeof w.actors, (keyof typeof w.c)[]][] = [
      ['an agent sees only its own', 'agent1', ['own1', 'abuse']],
      ['another agent sees only its own', 'agent2', ['own2', 'threat']],
      ["a lead sees its teams' and its own", 'lead1', ['own1', 'team1', 'abuse', 'leadOwn']],
      ['security sees those with a threat or a call for security', 'security', ['threat', 'secReq']],
      ['an analyst sees the whole organisation', 'analyst', [...ALL_A]],
      ['an admin sees the whole organisation', 'admin', [...ALL_A]],
      ["another organisation's admin sees only its own organisation", 'adminB', ['otherOrg']],
      ["another organisation's security sees only its own threats", 'securityB', ['otherOrg']],
    ];

    it.each(conversationCases)('conversations: %s', async (_name, who, expected) => {
      const actor = w.actors[who];
      const listed = await store.conversations.list(actor, { limit: 100 });
      expect(ids(listed)).toEqual(ids(expected.map((k) => w.c[k])));
      for (const [key, c] of Object.entries(w.c)) {
        const seen = await store.conversations.visible(actor, c.id);
        expect(seen?.id, `${who} visible(${key})`).toBe(expected.includes(key as keyof typeof w.c) ? c.id : undefined);
      }
    });

    const alertCases: [string, keyof typeof w.actors, (keyof typeof w.a)[]][] = [
      ["an agent sees its own conversations' alerts", 'agent1', ['abuse']],
      ["another agent sees its own conversations' alerts", 'agent2', ['threat']],
      ["a lead sees its teams' alerts and its own conversations'", 'lead1', ['abuse', 'supervisor', 'leadOwn']],
      ['security sees threats and calls for security', 'security', ['threat', 'secReq']],
      ['an analyst sees the whole organisation', 'analyst', ['abuse', 'supervisor', 'threat', 'secReq', 'leadOwn']],
      ['an admin sees the whole organisation', 'admin', ['abuse', 'supervisor', 'threat', 'secReq', 'leadOwn']],
      ["another organisation's admin sees only its own organisation", 'adminB', ['otherOrg']],
      ["another organisation's security sees only its own threats", 'securityB', ['otherOrg']],
    ];

    it.each(alertCases)('alerts: %s', async (_name, who, expected) => {
      const actor = w.actors[who];
      const listed = await store.alerts.list(actor, { limit: 100 });
      expect(listed.map((a) => a.id).sort()).toEqual(expected.map((k) => w.a[k]).sort());
      for (const [key, id] of Object.entries(w.a)) {
        const seen = await store.alerts.visible(actor, id);
        expect(seen?.id, `${who} visible(${key})`).toBe(expected.includes(key as keyof typeof w.a) ? id : undefined);
      }
    });
  });

  describe('alerts', () => {
    async function setup() {
      const org = await newOrg();
      const lead = await newUser(org.id, 'lead');
      const security = await newUser(org.id, 'security');
      const c = await newConversation(org.id);
      return { org, lead, security, c };
    }

    it('finds the unresolved alert of a kind, and raises its severity in place', async () => {
      const { c } = await setup();
      const alert = await newAlert(c, 'abuse');
      expect(alert).toMatchObject({ status: 'open', severity: 'medium', kind: 'abuse', acknowledgedBy: null, resolvedBy: null });
      expect((await store.alerts.unresolved(c.id, 'abuse'))?.id).toBe(alert.id);
      expect(await store.alerts.unresolved(c.id, 'threat')).toBeUndefined();
      const message = await customerMessage(c, 1);
      await tick();
      const raised = await store.alerts.raiseSeverity(alert.id, 'high', 'abuse_after_final_warning', message.id);
      expect(raised).toMatchObject({ id: alert.id, severity: 'high', reason: 'abuse_after_final_warning', messageId: message.id });
      expect(raised!.updatedAt > alert.updatedAt).toBe(true);
      expect(await store.alerts.ofConversation(c.id)).toHaveLength(1);
      expect(await store.alerts.raiseSeverity('no-such-alert', 'high', 'x', null)).toBeUndefined();
    });

    it('moves only forwards: open → acknowledged → resolved', async () => {
      const { lead, security, c } = await setup();
      const alert = await newAlert(c, 'threat', 'critical');
      const acked = await store.alerts.transition(alert.id, 'acknowledged', lead.id, 'ignored note');
      expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: lead.id, note: null });
      expect(acked?.acknowledgedAt).not.toBeNull();
      // Acknowledging again changes nothing: the first responder stays on record.
      const again = await store.alerts.transition(alert.id, 'acknowledged', security.id, null);
      expect(again).toMatchObject({ status: 'acknowledged', acknowledgedBy: lead.id, acknowledgedAt: acked?.acknowledgedAt });
      // Acknowledged is still unresolved.
      expect((await store.alerts.unresolved(c.id, 'threat'))?.id).toBe(alert.id);
      const resolved = await store.alerts.transition(alert.id, 'resolved', security.id, 'police called');
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: security.id, note: 'police called', acknowledgedBy: lead.id });
      expect(resolved?.resolvedAt).not.toBeNull();
      // A resolved alert cannot be acknowledged (or resolved) again.
      expect(await store.alerts.transition(alert.id, 'acknowledged', security.id, null)).toEqual(resolved);
      expect(await store.alerts.transition(alert.id, 'resolved', lead.id, 'other note')).toEqual(resolved);
      expect(await store.alerts.unresolved(c.id, 'threat')).toBeUndefined();
      expect(await store.alerts.transition('no-such-alert', 'resolved', lead.id, null)).toBeUndefined();
    });

    it('resolves straight from open', async () => {
      const { lead, c } = await setup();
      const alert = await newAlert(c, 'abuse');
      const resolved = await store.alerts.transition(alert.id, 'resolved', lead.id, null);
      expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: lead.id, acknowledgedBy: null, note: null });
      const second = await newAlert(c, 'abuse');
      expect((await store.alerts.unresolved(c.id, 'abuse'))?.id).toBe(second.id);
    });

    it("lists a conversation's alerts oldest first, and filters lists by status and conversation", async () => {
      const { org, lead, c } = await setup();
      const admin = actorOf(await newUser(org.id, 'admin'));
      const d = await newConversation(org.id);
      const first = await newAlert(c, 'abuse');
      await tick();
      const second = await newAlert(c, 'threat', 'critical');
      await tick();
      const third = await newAlert(d, 'self_harm', 'critical');
      await store.alerts.transition(first.id, 'acknowledged', lead.id, null);
      expect((await store.alerts.ofConversation(c.id)).map((a) => a.id)).toEqual([first.id, second.id]);
      expect((await store.alerts.list(admin, { limit: 10 })).map((a) => a.id)).toEqual([third.id, second.id, first.id]);
      expect((await store.alerts.list(admin, { limit: 2 })).map((a) => a.id)).toEqual([third.id, second.id]);
      expect((await store.alerts.list(admin, { status: 'open', limit: 10 })).map((a) => a.id)).toEqual([third.id, second.id]);
      expect((await store.alerts.list(admin, { status: 'acknowledged', limit: 10 })).map((a) => a.id)).toEqual([first.id]);
      expect((await store.alerts.list(admin, { conversationId: d.id, limit: 10 })).map((a) => a.id)).toEqual([third.id]);
    });
  });

  describe('audit log', () => {
    it('lists newest first, pages with beforeId, filters by action, and keeps organisations apart', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const admin = await newUser(org.id, 'admin');
      const actor = { orgId: org.id, userId: admin.id, tokenId: null };
      await store.audit.record(actor, 'user.created', { type: 'user', id: 'u1' }, { role: 'agent' }, '10.0.0.1');
      await store.audit.record({ orgId: org.id, userId: null, tokenId: null }, 'auth.first_sign_in', { type: 'user', id: null });
      await store.audit.record({ ...actor, tokenId: 'tok-1' }, 'user.created', { type: 'user', id: 'u2' });
      await store.audit.record({ orgId: other.id, userId: null, tokenId: null }, 'user.created', { type: 'user', id: 'x' });

      const all = await store.audit.list(org.id, { limit: 10 });
      expect(all.map((e) => e.targetId)).toEqual(['u2', null, 'u1']);
      expect(all[0]!.id).toBeGreaterThan(all[1]!.id);
      expect(all[1]!.id).toBeGreaterThan(all[2]!.id);
      expect(all[2]).toMatchObject({
        actorUserId: admin.id,
        actorTokenId: null,
        action: 'user.created',
        targetType: 'user',
        details: { role: 'agent' },
        ip: '10.0.0.1',
      });
      expect(all[0]).toMatchObject({ actorTokenId: 'tok-1', details: null, ip: null });
      expect(all[1]).toMatchObject({ actorUserId: null, action: 'auth.first_sign_in' });

      expect((await store.audit.list(org.id, { limit: 1 })).map((e) => e.targetId)).toEqual(['u2']);
      expect((await store.audit.list(org.id, { limit: 10, beforeId: all[0]!.id })).map((e) => e.targetId)).toEqual([null, 'u1']);
      expect((await store.audit.list(org.id, { limit: 10, action: 'user.created' })).map((e) => e.targetId)).toEqual(['u2', 'u1']);
      expect((await store.audit.list(org.id, { limit: 10, action: 'user.created', beforeId: all[0]!.id })).map((e) => e.targetId)).toEqual([
        'u1',
      ]);
      expect((await store.audit.list(other.id, { limit: 10 })).map((e) => e.targetId)).toEqual(['x']);
    });
  });

  describe('live events', () => {
    const event = (orgId: string, n: number, security = false) =>
      store.events.append({
        orgId,
        kind: 'alert.raised',
        teamId: 'team-x',
        conversationId: `c-${n}`,
        agentId: null,
        security,
        payload: { n, nested: { ok: true } },
      });

    it('gives increasing ids, and catches an organisation up after an id', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const e1 = await event(org.id, 1, true);
      const x = await event(other.id, 2);
      const e2 = await event(org.id, 3);
      const e3 = await event(org.id, 4);
      expect(x.id).toBeGreaterThan(e1.id);
      expect(e2.id).toBeGreaterThan(x.id);
      expect(e3.id).toBeGreaterThan(e2.id);
      expect(await store.events.latestId()).toBeGreaterThanOrEqual(e3.id);

      const after = await store.events.after(org.id, e1.id - 1, 100);
      expect(after.map((e) => e.id)).toEqual([e1.id, e2.id, e3.id]);
      expect(after[0]).toEqual(e1);
      expect(after[0]).toMatchObject({ orgId: org.id, security: true, payload: { n: 1, nested: { ok: true } }, kind: 'alert.raised' });
      expect((await store.events.after(org.id, e1.id, 100)).map((e) => e.id)).toEqual([e2.id, e3.id]);
      expect((await store.events.after(org.id, e1.id - 1, 2)).map((e) => e.id)).toEqual([e1.id, e2.id]);
      expect((await store.events.after(other.id, 0, 100)).map((e) => e.id)).toEqual([x.id]);

      expect((await store.events.byIds([e3.id, x.id, e1.id])).map((e) => e.id)).toEqual([e1.id, x.id, e3.id]);
      expect(await store.events.byIds([])).toEqual([]);
    });

    it('prunes events older than a time, and keeps ids increasing afterwards', async () => {
      const org = await newOrg();
      const old = await event(org.id, 1);
      const recent = await event(org.id, 2);
      await store.db.updateTable('live_events').set({ created_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', old.id).execute();
      await store.events.prune('2001-01-01T00:00:00.000Z');
      expect((await store.events.byIds([old.id, recent.id])).map((e) => e.id)).toEqual([recent.id]);
      // Pruning everything must not let ids start again: clients resume "after id N".
      await store.events.prune(inHours(1));
      expect(await store.events.byIds([recent.id])).toEqual([]);
      const next = await event(org.id, 3);
      expect(next.id).toBeGreaterThan(recent.id);
    });
  });

  describe('settings', () => {
    it('sets, reads and overwrites a value', async () => {
      const key = unique('setting');
      expect(await store.settings.get(key)).toBeUndefined();
      await store.settings.set(key, 'one');
      expect(await store.settings.get(key)).toBe('one');
      await store.settings.set(key, 'two');
      expect(await store.settings.get(key)).toBe('two');
    });

    // Two nodes setting a new key at once must not fail on the primary key: the last writer wins.
    it('sets a new key from two writers at once without failing', async () => {
      const key = unique('setting-race');
      const results = await Promise.allSettled([store.settings.set(key, 'a'), store.settings.set(key, 'b')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(['a', 'b']).toContain(await store.settings.get(key));
    });

    it('hands out a taken value once only', async () => {
      const key = unique('one-time');
      await store.settings.set(key, 'link-token');
      expect(await store.settings.take(key)).toBe('link-token');
      expect(await store.settings.take(key)).toBeUndefined();
      expect(await store.settings.get(key)).toBeUndefined();
      expect(await store.settings.take(unique('never-set'))).toBeUndefined();
    });

    it('hands a value to only one of several takers at once', async () => {
      const key = unique('one-time-race');
      await store.settings.set(key, 'link-token');
      const taken = await Promise.all([store.settings.take(key), store.settings.take(key), store.settings.take(key)]);
      expect(taken.filter((v) => v !== undefined)).toEqual(['link-token']);
    });
  });

  describe('transactions', () => {
    it('commits everything written inside and returns the result', async () => {
      const key = unique('tx');
      const orgId = await store.transaction(async (tx) => {
        const org = await tx.organisations.create('Committed');
        await tx.settings.set(key, 'yes');
        return org.id;
      });
      expect((await store.organisations.get(orgId))?.name).toBe('Committed');
      expect(await store.settings.get(key)).toBe('yes');
    });

    it('rolls back every write when the function throws', async () => {
      const key = unique('tx');
      const existing = unique('tx-existing');
      await store.settings.set(existing, 'before');
      const orgsBefore = await store.organisations.count();
      let written: { orgId: string; userEmail: string; conversationId: string; eventId: number } | undefined;
      await expect(
        store.transaction(async (tx) => {
          const org = await tx.organisations.create('Rolled back');
          const team = await tx.teams.create(org.id, 'Gone');
          const user = await tx.users.create({ orgId: org.id, email: `${unique('gone')}@example.test`, name: 'Gone', role: 'agent' });
          await tx.teams.addMember(team.id, user.id);
          const c = await tx.conversations.create({
            orgId: org.id,
            teamId: team.id,
            channel: 'chat',
            externalId: 'gone',
            language: null,
            agentId: user.id,
            customerRef: null,
            contactReason: null,
            protocol: protocol.start(),
          });
          await tx.alerts.create({
            orgId: org.id,
            teamId: team.id,
            conversationId: c.id,
            messageId: null,
            kind: 'abuse',
            severity: 'medium',
            reason: 'r',
          });
          const e = await tx.events.append({
            orgId: org.id,
            kind: 'alert.raised',
            teamId: null,
            conversationId: c.id,
            agentId: null,
            security: false,
            payload: {},
          });
          await tx.audit.record({ orgId: org.id, userId: null, tokenId: null }, 'gone', { type: 'x', id: null });
          await tx.settings.set(key, 'written');
          await tx.settings.set(existing, 'changed');
          written = { orgId: org.id, userEmail: user.email, conversationId: c.id, eventId: e.id };
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(written).toBeDefined();
      const { orgId, userEmail, conversationId, eventId } = written!;
      expect(await store.organisations.get(orgId)).toBeUndefined();
      expect(await store.organisations.count()).toBe(orgsBefore);
      expect(await store.teams.list(orgId)).toEqual([]);
      expect(await store.users.byEmail(userEmail)).toBeUndefined();
      expect(await store.conversations.byExternalId(orgId, 'chat', 'gone')).toBeUndefined();
      expect(await store.alerts.ofConversation(conversationId)).toEqual([]);
      expect(await store.events.byIds([eventId])).toEqual([]);
      expect(await store.audit.list(orgId, { limit: 10 })).toEqual([]);
      expect(await store.settings.get(key)).toBeUndefined();
      expect(await store.settings.get(existing)).toBe('before');
    });
  });
});

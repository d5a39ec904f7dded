/**
 * @module store/recordMessage.test
 * The ingest path's own statements, on SQLite and PostgreSQL: a message, its conversation's new
 * state and its live event are stored together (or not at all); a retried message is recognised by
 * the same query that finds its conversation; on PostgreSQL the write can NOTIFY the event itself,
 * and another connection LISTENing hears exactly that event's id.
 */
import { createProtocol } from '@calmline/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useMigratedStore } from '../test/databases.js';
import type { NewLiveEvent } from './LiveEventRepository.js';
import type { Conversation, Message } from './types.js';

const protocol = createProtocol();

describe.each(DIALECTS)('recording a message on %s', (kind) => {
  const t = useMigratedStore(kind);
  let n = 0;

  async function openConversation(): Promise<Conversation> {
    const org = await t.store.organisations.create(`Org ${kind} ${n++}`);
    return t.store.conversations.create({
      orgId: org.id,
      teamId: null,
      channel: 'chat',
      externalId: `c-${n}`,
      language: 'en',
      agentId: null,
      customerRef: null,
      contactReason: null,
      protocol: protocol.start({ lang: 'en', seed: 1 }),
    });
  }

  /** What a conversation's first message changes on it. */
  function firstChange(c: Conversation, state = c.protocol!) {
    return { protocol: state, worstLabel: 'none' as const, messageCount: 1, language: 'en' as const, status: 'open' as const };
  }

  /** The live event of a message in `c`, with `payload` made from the stored message. */
  function analysedEvent(c: Conversation, payload: (m: Message) => Record<string, unknown>) {
    return (m: Message): NewLiveEvent => ({
      orgId: c.orgId,
      kind: 'message.analysed',
      teamId: null,
      conversationId: c.id,
      agentId: null,
      security: false,
      payload: payload(m),
    });
  }

  function messageFor(c: Conversation, seq: number, externalId: string | null) {
    return {
      orgId: c.orgId,
      conversationId: c.id,
      seq,
      author: 'agent' as const,
      externalId,
      text: `Reply ${seq}`,
      analysis: null,
      findings: [],
      replyId: null,
    };
  }

  it('stores the message, the conversation state and the live event together', async () => {
    const c = await openConversation();
    const state = protocol.step(c.protocol!, { type: 'agent_message', text: 'Reply 1' }, {}).state;
    const { message, event } = await t.store.conversations.recordMessage(
      messageFor(c, 1, 'm-1'),
      firstChange(c, state),
      analysedEvent(c, (m) => ({ conversationId: c.id, message: m })),
    );
    expect(await t.store.conversations.messages(c.id)).toEqual([message]);
    const stored = await t.store.conversations.get(c.orgId, c.id);
    expect(stored).toMatchObject({ messageCount: 1, protocol: state, status: 'open' });
    expect(event).toBeDefined();
    const [caughtUp] = await t.store.events.after(c.orgId, event!.id - 1, 10);
    expect(caughtUp).toMatchObject({ id: event!.id, kind: 'message.analysed', payload: { message: { id: message.id, text: 'Reply 1' } } });
  });

  it('writes nothing when the message clashes with one already stored (same seq)', async () => {
    const c = await openConversation();
    const change = firstChange(c);
    await t.store.conversations.recordMessage(messageFor(c, 1, 'a'), change);
    const latest = await t.store.events.latestId();
    await expect(
      t.store.transaction((tx) =>
        tx.conversations.recordMessage(
          messageFor(c, 1, 'b'),
          { ...change, messageCount: 2, status: 'closed' },
          analysedEvent(c, (m) => ({ message: m })),
        ),
      ),
    ).rejects.toThrow();
    expect((await t.store.conversations.messages(c.id)).map((m) => m.externalId)).toEqual(['a']);
    expect(await t.store.conversations.get(c.orgId, c.id)).toMatchObject({ messageCount: 1, status: 'open' });
    expect(await t.store.events.latestId()).toBe(latest);
  });

  it('finds the conversation and a retried message in one look-up, by id or by external id', async () => {
    const c = await openConversation();
    const change = firstChange(c);
    const { message } = await t.store.conversations.recordMessage(messageFor(c, 1, 'sent-once'), change);
    const byRef = { channel: 'chat', externalId: c.externalId };
    expect(await t.store.conversations.forMessage(c.orgId, byRef, 'sent-once')).toMatchObject({
      conversation: { id: c.id },
      storedMessageId: message.id,
    });
    expect(await t.store.conversations.forMessage(c.orgId, { id: c.id }, 'sent-once')).toMatchObject({ storedMessageId: message.id });
    expect(await t.store.conversations.forMessage(c.orgId, { id: c.id }, 'new')).toMatchObject({ storedMessageId: null });
    expect(await t.store.conversations.forMessage(c.orgId, { id: c.id }, null)).toMatchObject({ storedMessageId: null });
    // Another organisation's reference finds nothing.
    const other = await t.store.organisations.create(`Other ${kind} ${n++}`);
    expect(await t.store.conversations.forMessage(other.id, byRef, 'sent-once')).toBeUndefined();
  });

  it.runIf(kind === 'postgres')('NOTIFYs the event from the statement that writes it, once it commits', async () => {
    const c = await openConversation();
    const listener = new pg.Client({ connectionString: t.location });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on('notification', (msg) => heard.push(msg.payload ?? ''));
      await listener.query('LISTEN test_inline_channel');
      const result = await t.store.transaction(async (tx) => {
        const r = await tx.conversations.recordMessage(
          messageFor(c, 1, null),
          firstChange(c),
          analysedEvent(c, (m) => ({ ...m })),
          { channel: 'test_inline_channel', prefix: 'node-a:' },
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        // Not before the commit.
        expect(heard).toEqual([]);
        return r;
      });
      expect(result.notified).toBe(true);
      await expect.poll(() => heard, { timeout: 5000 }).toEqual([`node-a:${result.event!.id}`]);
    } finally {
      await listener.end();
    }
  });
});

/**
 * @module store/ConversationRepository
 * Conversations with their messages and agent actions (one aggregate: they change together).
 */
import type { Analysis, Label, Language, ProtocolState } from '@calmline/core';
import { readProtocolState } from '@calmline/core';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ConversationTable, MessageTable, AgentActionTable } from '../db/schema.js';
import type { DialectName } from '../db/migrations/index.js';
import { COLUMNS, runHot, valuesOf } from './hotSql.js';
import { newId, newTimeOrderedId, now, parseJson } from './ids.js';
import { liveEventValues, type NewLiveEvent } from './LiveEventRepository.js';
import { visibleConversations } from './scope.js';
import type { Actor, AgentActionRecord, Author, Conversation, ConversationStatus, LiveEvent, Message } from './types.js';

function presentConversation(row: Selectable<ConversationTable>): Conversation {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    channel: row.channel,
    externalId: row.external_id,
    language: row.language as Language | null,
    agentId: row.agent_id,
    customerRef: row.customer_ref,
    contactReason: row.contact_reason,
    status: row.status as ConversationStatus,
    // A damaged state is dropped here and rebuilt from the messages by the caller (see stateOf).
    protocol: readProtocolState(parseJson(row.protocol_state, null)),
    worstLabel: row.worst_label as Label,
    messageCount: row.message_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function presentMessage(row: Selectable<MessageTable>): Message {
  const stored = parseJson<Record<string, unknown> | null>(row.analysis, null);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    author: row.author as Author,
    externalId: row.external_id,
    text: row.text,
    analysis: row.author === 'customer' ? (stored as Analysis | null) : null,
    findings: row.author === 'agent' ? ((stored?.findings as unknown[] | undefined) ?? []) : null,
    replyId: row.reply_id,
    createdAt: row.created_at,
  };
}

function presentAction(row: Selectable<AgentActionTable>): AgentActionRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    action: row.action,
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

/** A NOTIFY a PostgreSQL statement may send itself: `pg_notify(channel, prefix || event id)`. */
export interface InlineNotify {
  channel: string;
  prefix: string;
}

type ConversationRow = Selectable<ConversationTable> & { stored_message_id: string | null };

function messageRow(m: NewMessage): Selectable<MessageTable> {
  return {
    id: newTimeOrderedId(),
    org_id: m.orgId,
    conversation_id: m.conversationId,
    seq: m.seq,
    author: m.author,
    external_id: m.externalId,
    text: m.text,
    label: m.analysis?.label ?? null,
    severity: m.analysis?.severity ?? null,
    language: m.analysis?.language ?? null,
    analysis: m.analysis ? JSON.stringify(m.analysis) : m.findings ? JSON.stringify({ findings: m.findings }) : null,
    reply_id: m.replyId,
    created_at: m.createdAt ? new Date(m.createdAt).toISOString() : now(),
  };
}

/** What a new conversation starts with: the conversation's own fields, before anything happened in it. */
export type NewConversation = Pick<
  Conversation,
  'orgId' | 'teamId' | 'channel' | 'externalId' | 'language' | 'agentId' | 'customerRef' | 'contactReason'
> & {
  /** Given when the caller needs the id before the row exists (the protocol seed). */
  id?: string;
  protocol: ProtocolState;
};

export type NewMessage = Omit<Message, 'id' | 'createdAt'> & {
  orgId: string;
  /** Defaults to now; imports give the time the message was really sent. */
  createdAt?: string | undefined;
};

/** What a message changes on its conversation. */
export interface MessageChange {
  protocol: ProtocolState;
  worstLabel: Label;
  messageCount: number;
  language: Language | null;
  status: ConversationStatus;
}

export interface ConversationFilter {
  status?: ConversationStatus | undefined;
  label?: Label | undefined;
  limit: number;
  /** Only conversations updated before this time (for paging). */
  before?: string | undefined;
}

export class ConversationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectName,
  ) {}

  async create(c: NewConversation): Promise<Conversation> {
    const t = now();
    const row: Insertable<ConversationTable> & Selectable<ConversationTable> = {
      id: c.id ?? newId(),
      org_id: c.orgId,
      team_id: c.teamId,
      channel: c.channel,
      external_id: c.externalId,
      language: c.language,
      agent_id: c.agentId,
      customer_ref: c.customerRef,
      contact_reason: c.contactReason,
      status: 'open',
      protocol_state: JSON.stringify(c.protocol),
      worst_label: 'none',
      message_count: 0,
      created_at: t,
      updated_at: t,
    };
    await runHot(this.db, this.dialect, 'insertConversation', valuesOf(COLUMNS.conversations, row));
    return presentConversation(row);
  }

  /**
   * One conversation, locked for the rest of the transaction on PostgreSQL (SQLite has one writer
   * at a time anyway), so two messages for it never step the protocol from the same state.
   */
  async getForUpdate(orgId: string, id: string): Promise<Conversation | undefined> {
    return this.get(orgId, id, this.dialect === 'postgres');
  }

  /** One conversation of the organisation, whoever may see it (callers check scope themselves). */
  async get(orgId: string, id: string, lock = false): Promise<Conversation | undefined> {
    const [row] = await runHot<Selectable<ConversationTable>>(this.db, this.dialect, lock ? 'conversationByIdLocked' : 'conversationById', [
      orgId,
      id,
    ]);
    return row && presentConversation(row);
  }

  async byExternalId(orgId: string, channel: string, externalId: string, lock = false): Promise<Conversation | undefined> {
    const [row] = await runHot<Selectable<ConversationTable>>(
      this.db,
      this.dialect,
      lock ? 'conversationByExternalIdLocked' : 'conversationByExternalId',
      [orgId, channel, externalId],
    );
    return row && presentConversation(row);
  }

  /**
   * The conversation a message is for (locked on PostgreSQL, as getForUpdate), and the id of the
   * message already stored in it with `messageExternalId`, if any: a retry is found by the same query.
   */
  async forMessage(
    orgId: string,
    by: { id: string } | { channel: string; externalId: string },
    messageExternalId: string | null,
  ): Promise<{ conversation: Conversation; storedMessageId: string | null } | undefined> {
    const lock = this.dialect === 'postgres';
    const [row] =
      'id' in by
        ? await runHot<ConversationRow>(this.db, this.dialect, lock ? 'conversationForMessageByIdLocked' : 'conversationForMessageById', [
            messageExternalId,
            orgId,
            by.id,
          ])
        : await runHot<ConversationRow>(
            this.db,
            this.dialect,
            lock ? 'conversationForMessageByExternalIdLocked' : 'conversationForMessageByExternalId',
            [messageExternalId, orgId, by.channel, by.externalId],
          );
    return row && { conversation: presentConversation(row), storedMessageId: row.stored_message_id };
  }

  /** A conversation the actor may see, or undefined (never says whether it exists elsewhere). */
  async visible(actor: Actor, id: string): Promise<Conversation | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      .where(visibleConversations(actor))
      .executeTakeFirst();
    return row && presentConversation(row);
  }

  async list(actor: Actor, filter: ConversationFilter): Promise<Conversation[]> {
    let q = this.db.selectFrom('conversations').selectAll().where(visibleConversations(actor));
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.label) q = q.where('worst_label', '=', filter.label);
    if (filter.before) q = q.where('updated_at', '<', filter.before);
    const rows = await q.orderBy('updated_at', 'desc').limit(filter.limit).execute();
    return rows.map(presentConversation);
  }

  async update(
    id: string,
    change: { protocol: ProtocolState; worstLabel?: Label; messageCount?: number; language?: Language | null; status?: ConversationStatus },
  ): Promise<void> {
    // A new message's changes go through recordMessage's fixed statements; this is for actions.
    const set: Updateable<ConversationTable> = { protocol_state: JSON.stringify(change.protocol), updated_at: now() };
    if (change.worstLabel !== undefined) set.worst_label = change.worstLabel;
    if (change.messageCount !== undefined) set.message_count = change.messageCount;
    if (change.language !== undefined) set.language = change.language;
    if (change.status !== undefined) set.status = change.status;
    await this.db.updateTable('conversations').set(set).where('id', '=', id).execute();
  }

  async addMessage(m: NewMessage): Promise<Message> {
    const row = messageRow(m);
    await runHot(this.db, this.dialect, 'insertMessage', valuesOf(COLUMNS.messages, row));
    return presentMessage(row);
  }

  /**
   * Stores a message with what it changes on its conversation and, unless `event` is omitted, the
   * live event `event` makes of it: one round trip on PostgreSQL, three prepared statements on SQLite.
   * With `notify` (PostgreSQL), the same statement NOTIFYs the event's id (`notified` says it did).
   */
  async recordMessage(
    m: NewMessage,
    change: MessageChange,
    event?: (message: Message) => NewLiveEvent,
    notify?: InlineNotify,
  ): Promise<{ message: Message; event: LiveEvent | undefined; notified: boolean }> {
    const row = messageRow(m);
    const message = presentMessage(row);
    const at = now();
    const messageValues = valuesOf(COLUMNS.messages, row);
    const update = [
      JSON.stringify(change.protocol),
      at,
      change.worstLabel,
      change.messageCount,
      change.language,
      change.status,
      m.conversationId,
    ];
    const newEvent = event?.(message);
    if (this.dialect === 'postgres') {
      if (!newEvent) {
        await runHot(this.db, this.dialect, 'recordMessage', [...messageValues, ...update]);
        return { message, event: undefined, notified: false };
      }
      const params = [...messageValues, ...update, ...liveEventValues(newEvent, at)];
      const [e] = notify
        ? await runHot<{ id: number }>(this.db, this.dialect, 'recordMessageWithEventAndNotify', [...params, notify.channel, notify.prefix])
        : await runHot<{ id: number }>(this.db, this.dialect, 'recordMessageWithEvent', params);
      return { message, event: { ...newEvent, id: Number(e!.id), createdAt: at }, notified: notify !== undefined };
    }
    await runHot(this.db, this.dialect, 'insertMessage', messageValues);
    await runHot(this.db, this.dialect, 'updateConversationAfterMessage', update);
    if (!newEvent) return { message, event: undefined, notified: false };
    const [e] = await runHot<{ id: number | bigint }>(this.db, this.dialect, 'insertLiveEvent', liveEventValues(newEvent, at));
    return { message, event: { ...newEvent, id: Number(e!.id), createdAt: at }, notified: false };
  }

  async messageByExternalId(conversationId: string, externalId: string): Promise<Message | undefined> {
    const [row] = await runHot<Selectable<MessageTable>>(this.db, this.dialect, 'messageByExternalId', [conversationId, externalId]);
    return row && presentMessage(row);
  }

  async messages(conversationId: string): Promise<Message[]> {
    const rows = await this.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).orderBy('seq').execute();
    return rows.map(presentMessage);
  }

  async addAction(a: {
    orgId: string;
    conversationId: string;
    seq: number;
    action: string;
    userId: string | null;
  }): Promise<AgentActionRecord> {
    const row = {
      id: newId(),
      org_id: a.orgId,
      conversation_id: a.conversationId,
      seq: a.seq,
      action: a.action,
      user_id: a.userId,
      created_at: now(),
    };
    await this.db.insertInto('agent_actions').values(row).execute();
    return presentAction(row);
  }

  async actions(conversationId: string): Promise<AgentActionRecord[]> {
    const rows = await this.db
      .selectFrom('agent_actions')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    return rows.map(presentAction);
  }
}

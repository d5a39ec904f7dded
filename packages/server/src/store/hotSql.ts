/**
 * @module store/hotSql
 * The statements every ingested message runs, written once as SQL text for both dialects. Kysely's
 * builders cost more CPU per message than SQLite took to run these (building the operation tree,
 * freezing it, compiling it); a fixed text also meets the prepared-statement cache directly. They
 * still run through the Kysely handle given, so they take part in its transaction or savepoint.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DialectName } from '../db/migrations/index.js';

const CONVERSATION_COLUMNS = [
  'id',
  'org_id',
  'team_id',
  'channel',
  'external_id',
  'language',
  'agent_id',
  'customer_ref',
  'contact_reason',
  'status',
  'protocol_state',
  'worst_label',
  'message_count',
  'created_at',
  'updated_at',
] as const;

const MESSAGE_COLUMNS = [
  'id',
  'org_id',
  'conversation_id',
  'seq',
  'author',
  'external_id',
  'text',
  'label',
  'severity',
  'language',
  'analysis',
  'reply_id',
  'created_at',
] as const;

const LIVE_EVENT_COLUMNS = ['org_id', 'kind', 'team_id', 'conversation_id', 'agent_id', 'security', 'payload', 'created_at'] as const;

export type ConversationColumn = (typeof CONVERSATION_COLUMNS)[number];
export type MessageColumn = (typeof MESSAGE_COLUMNS)[number];
export type LiveEventColumn = (typeof LIVE_EVENT_COLUMNS)[number];

const insert = (table: string, columns: readonly string[]) =>
  `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;

/** The conversation, and the id of its message with external id `?` (first parameter) if one is stored. */
const conversationForMessage = (where: string) =>
  `select "c".*, (select "m"."id" from "messages" "m" where "m"."conversation_id" = "c"."id" and "m"."external_id" = ?) as "stored_message_id" from "conversations" "c" where ${where}`;

const INSERT_MESSAGE = insert('messages', MESSAGE_COLUMNS);
/** Everything a message changes on its conversation, in one statement. */
const UPDATE_AFTER_MESSAGE =
  'update "conversations" set "protocol_state" = ?, "updated_at" = ?, "worst_label" = ?, "message_count" = ?, "language" = ?, "status" = ? where "id" = ?';
const INSERT_LIVE_EVENT = `${insert('live_events', LIVE_EVENT_COLUMNS)} returning "id"`;

/** Written with `?` placeholders; PostgreSQL's `$n` are numbered from them. */
const TEXTS = {
  conversationByExternalId: 'select * from "conversations" where "org_id" = ? and "channel" = ? and "external_id" = ?',
  conversationById: 'select * from "conversations" where "org_id" = ? and "id" = ?',
  conversationForMessageByExternalId: conversationForMessage('"c"."org_id" = ? and "c"."channel" = ? and "c"."external_id" = ?'),
  conversationForMessageById: conversationForMessage('"c"."org_id" = ? and "c"."id" = ?'),
  messageByExternalId: 'select * from "messages" where "conversation_id" = ? and "external_id" = ?',
  insertConversation: insert('conversations', CONVERSATION_COLUMNS),
  insertMessage: INSERT_MESSAGE,
  updateConversationAfterMessage: UPDATE_AFTER_MESSAGE,
  insertLiveEvent: INSERT_LIVE_EVENT,
  /**
   * PostgreSQL only: a message, its conversation's change and (with the event) its live event in
   * one round trip instead of three. Parameters: the message's, the update's, the event's.
   */
  recordMessage: `with "m" as (${INSERT_MESSAGE}) ${UPDATE_AFTER_MESSAGE}`,
  recordMessageWithEvent: `with "m" as (${INSERT_MESSAGE}), "u" as (${UPDATE_AFTER_MESSAGE}) ${INSERT_LIVE_EVENT}`,
  /** As recordMessageWithEvent, and NOTIFYs the event's id (then: channel, payload prefix), a fourth round trip saved. */
  recordMessageWithEventAndNotify: `with "m" as (${INSERT_MESSAGE}), "u" as (${UPDATE_AFTER_MESSAGE}), "e" as (${INSERT_LIVE_EVENT}) select "e"."id", pg_notify(?, ? || "e"."id") from "e"`,
} as const;

/** Statements that lock the conversation they read on PostgreSQL (SQLite has one writer anyway). */
const LOCKABLE = [
  'conversationByExternalId',
  'conversationById',
  'conversationForMessageByExternalId',
  'conversationForMessageById',
] as const;

export type HotStatement = keyof typeof TEXTS | `${(typeof LOCKABLE)[number]}Locked`;

function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** The SQL text of every hot statement in one dialect (`…Locked` variants take a row lock on PostgreSQL). */
function textsFor(dialect: DialectName): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(TEXTS)) out[name] = dialect === 'postgres' ? numbered(text) : text;
  for (const name of LOCKABLE)
    out[`${name}Locked`] =
      dialect === 'postgres' ? `${out[name]} for update of "${name.startsWith('conversationFor') ? 'c' : 'conversations'}"` : out[name]!;
  return out;
}

const BY_DIALECT: Record<DialectName, Record<string, string>> = { sqlite: textsFor('sqlite'), postgres: textsFor('postgres') };

/** Parameters in the order of the statement's columns. */
export function valuesOf<C extends string>(columns: readonly C[], row: Record<C, unknown>): unknown[] {
  return columns.map((c) => row[c]);
}

export const COLUMNS = { conversations: CONVERSATION_COLUMNS, messages: MESSAGE_COLUMNS, liveEvents: LIVE_EVENT_COLUMNS } as const;

/**
 * Runs one hot statement on `db` (the root handle or a transaction's).
 * @example const rows = await runHot(db, 'sqlite', 'messageByExternalId', [conversationId, externalId])
 */
export async function runHot<R>(db: Kysely<DB>, dialect: DialectName, name: HotStatement, parameters: readonly unknown[]): Promise<R[]> {
  const result = await db.executeQuery<R>(CompiledQuery.raw(BY_DIALECT[dialect][name]!, parameters as unknown[]));
  return result.rows;
}

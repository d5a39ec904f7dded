/**
 * @module analytics/factsQuery
 * The one query every report starts from: one row per conversation created in the window, with
 * its customer messages folded into a few aggregates (was there abuse, when was the last, what was
 * the last customer message) and its boundary and ending actions as two indexed look-ups. Grouping
 * by channel, team, hour, reason and day then happens in TypeScript (analytics/grouping), so the
 * SQL stays the same on SQLite and PostgreSQL and each report reads the data once.
 */
import { LABELS, type Language } from '@calmline/core';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { visibleConversations } from '../store/scope.js';
import type { Actor } from '../store/types.js';
import { ABUSIVE_LABELS, ANGRY_LABELS, HARD_LABELS, UNSPECIFIED_REASON, labelAt, type ContactFacts } from './definitions.js';

/** The optional filters of every report and project. */
export interface ContactFilter {
  channel?: string | undefined;
  teamId?: string | undefined;
  /** A contact reason; `unspecified` means none was given. */
  reason?: string | undefined;
  lang?: Language | undefined;
}

export interface FactsWindow {
  from: string;
  to: string;
}

type Eb = ExpressionBuilder<DB, 'conversations' | 'messages'>;

/** 1 when the joined customer message has one of the labels, else 0. */
const flag = (eb: Eb, labels: readonly string[]) => eb.fn.max(eb.case().when('messages.label', 'in', labels).then(1).else(0).end());

/** The label's place in LABELS (none 0 … self_harm 5). */
function labelRank(eb: Eb) {
  let c = eb.case().when('messages.label', '=', LABELS[0]).then(0);
  for (let i = 1; i < LABELS.length; i++) c = c.when('messages.label', '=', LABELS[i]!).then(i);
  return c.else(0).end();
}

/** Conversations the actor may see, created in the window, matching the filter (used by every analytics read). */
export function contactsWhere(actor: Actor, window: FactsWindow, filter: ContactFilter) {
  const visible = visibleConversations(actor);
  return (eb: ExpressionBuilder<DB, 'conversations'>) => {
    const all = [visible(eb), eb('conversations.created_at', '>=', window.from), eb('conversations.created_at', '<', window.to)];
    if (filter.channel !== undefined) all.push(eb('conversations.channel', '=', filter.channel));
    if (filter.teamId !== undefined) all.push(eb('conversations.team_id', '=', filter.teamId));
    if (filter.reason === UNSPECIFIED_REASON) all.push(eb('conversations.contact_reason', 'is', null));
    else if (filter.reason !== undefined) all.push(eb('conversations.contact_reason', '=', filter.reason));
    if (filter.lang !== undefined) all.push(eb('conversations.language', '=', filter.lang));
    return eb.and(all);
  };
}

/**
 * The query, not run: the repository runs it. Scoped to what the actor may see (store/scope).
 * The last customer message is found without a second look-up: seq × 10 + the label's place in
 * LABELS is largest for the last message (seq is unique within a conversation), and its last
 * digit gives the label back.
 */
export function factsQuery(db: Kysely<DB>, actor: Actor, window: FactsWindow, filter: ContactFilter) {
  const q = db
    .selectFrom('conversations')
    .leftJoin('messages', (j) => j.onRef('messages.conversation_id', '=', 'conversations.id').on('messages.author', '=', 'customer'))
    .where(contactsWhere(actor, window, filter));
  return q
    .select((eb) => [
      'conversations.id',
      'conversations.team_id',
      'conversations.channel',
      'conversations.contact_reason',
      'conversations.language',
      'conversations.created_at',
      flag(eb, ABUSIVE_LABELS).as('abusive'),
      flag(eb, HARD_LABELS).as('hard'),
      flag(eb, ANGRY_LABELS).as('angry'),
      eb.fn.max(eb.case().when('messages.label', 'in', ABUSIVE_LABELS).then(eb.ref('messages.seq')).end()).as('last_abuse_seq'),
      eb.fn.max(eb(eb('messages.seq', '*', 10), '+', labelRank(eb))).as('last_customer'),
      eb
        .selectFrom('agent_actions')
        .select((a) => a.fn.max('agent_actions.seq').as('seq'))
        .whereRef('agent_actions.conversation_id', '=', 'conversations.id')
        .where('agent_actions.action', '=', 'warning_issued')
        .as('last_warning_seq'),
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('agent_actions')
              .select('agent_actions.id')
              .whereRef('agent_actions.conversation_id', '=', 'conversations.id')
              .where('agent_actions.action', '=', 'contact_ended'),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('ended'),
    ])
    .groupBy('conversations.id');
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['execute']>>[number];

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A row as ContactFacts (PostgreSQL gives some aggregates as strings). */
export function toFacts(r: FactsRow): ContactFacts {
  const last = num(r.last_customer);
  return {
    id: r.id,
    teamId: r.team_id,
    channel: r.channel,
    contactReason: r.contact_reason,
    language: r.language as Language | null,
    createdAt: r.created_at,
    abusive: num(r.abusive) === 1,
    hard: num(r.hard) === 1,
    angry: num(r.angry) === 1,
    lastAbuseSeq: num(r.last_abuse_seq),
    lastWarningSeq: num(r.last_warning_seq),
    ended: num(r.ended) === 1,
    lastCustomerLabel: last === null ? null : labelAt(last % 10),
  };
}

/**
 * @module store/LiveEventRepository
 * The live event log. Written in the same transaction as the change it reports, so a socket never
 * hears of something that was rolled back, and a reconnecting client can ask for "after id N".
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, LiveEventTable } from '../db/schema.js';
import type { DialectName } from '../db/migrations/index.js';
import { COLUMNS, runHot, valuesOf } from './hotSql.js';
import { now, parseJson } from './ids.js';
import type { LiveEvent, LiveKind } from './types.js';

function present(row: Selectable<LiveEventTable>): LiveEvent {
  return {
    id: Number(row.id),
    orgId: row.org_id,
    kind: row.kind as LiveKind,
    teamId: row.team_id,
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    security: row.security === 1,
    payload: parseJson(row.payload, null),
    createdAt: row.created_at,
  };
}

export type NewLiveEvent = Omit<LiveEvent, 'id' | 'createdAt'>;

/** A new event's row, as the parameters of the hot insert. */
export function liveEventValues(e: NewLiveEvent, createdAt: string): unknown[] {
  return valuesOf(COLUMNS.liveEvents, {
    org_id: e.orgId,
    kind: e.kind,
    team_id: e.teamId,
    conversation_id: e.conversationId,
    agent_id: e.agentId,
    security: e.security ? 1 : 0,
    payload: JSON.stringify(e.payload),
    created_at: createdAt,
  });
}

export class LiveEventRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectName,
  ) {}

  async append(e: NewLiveEvent): Promise<LiveEvent> {
    const createdAt = now();
    const [row] = await runHot<{ id: number | bigint }>(this.db, this.dialect, 'insertLiveEvent', liveEventValues(e, createdAt));
    return { ...e, id: Number(row!.id), createdAt };
  }

  async byIds(ids: readonly number[]): Promise<LiveEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('live_events').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(present);
  }

  async after(orgId: string, afterId: number, limit: number): Promise<LiveEvent[]> {
    const rows = await this.db
      .selectFrom('live_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(present);
  }

  /** The conversation's newest event of one of these kinds (still in the log), e.g. to show its guidance again. */
  async latestOf(conversationId: string, kinds: readonly LiveKind[]): Promise<LiveEvent | undefined> {
    const row = await this.db
      .selectFrom('live_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('kind', 'in', kinds)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && present(row);
  }

  async latestId(): Promise<number> {
    const row = await this.db
      .selectFrom('live_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** Drops events older than `before` (catch-up only needs recent ones). */
  async prune(before: string): Promise<void> {
    await this.db.deleteFrom('live_events').where('created_at', '<', before).execute();
  }
}

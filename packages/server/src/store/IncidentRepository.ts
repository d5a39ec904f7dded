/**
 * @module store/IncidentRepository
 * Incidents and their chained events. Events are only ever inserted; the record row is a cache of
 * their fold, rewritten after each event in the same transaction (and checked by verify).
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { DB, IncidentEventTable, IncidentTable } from '../db/schema.js';
import type { DialectName } from '../db/migrations/index.js';
import { GENESIS, payloadDigest, type ChainEvent, type ChainKeys, type Checkpoint } from '../incidents/chain.js';
import {
  applyEvent,
  emptyRecord,
  fold,
  type Conduct,
  type IncidentEventKind,
  type IncidentRecord,
  type IncidentStatus,
} from '../incidents/record.js';
import { newId, now, parseJson } from './ids.js';
import type { Actor } from './types.js';

export interface Incident {
  id: string;
  orgId: string;
  conversationId: string;
  teamId: string | null;
  agentId: string | null;
  openedBy: string;
  conduct: Conduct;
  status: IncidentStatus;
  record: IncidentRecord;
  createdAt: string;
  updatedAt: string;
}

function present(row: Selectable<IncidentTable>): Incident {
  return {
    id: row.id,
    orgId: row.org_id,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    agentId: row.agent_id,
    openedBy: row.opened_by,
    conduct: row.conduct as Conduct,
    status: row.status as IncidentStatus,
    record: parseJson(row.fields, null) as unknown as IncidentRecord,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentChainEvent(row: Selectable<IncidentEventTable>): ChainEvent & { id: number } {
  return {
    id: Number(row.id),
    orgId: row.org_id,
    position: row.position,
    incidentId: row.incident_id,
    kind: row.kind,
    payload: parseJson(row.payload, null),
    payloadDigest: row.payload_digest,
    actorUserId: row.actor_user_id,
    createdAt: row.created_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Who sees which incidents: security and admins all of the organisation's, leads their teams', agents their own. */
function visible(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'incidents'>) => {
    const org = eb('incidents.org_id', '=', actor.orgId);
    if (actor.role === 'admin' || actor.role === 'security') return eb.and([org]);
    const own = eb('incidents.agent_id', '=', actor.userId);
    if (actor.role === 'lead' && actor.teamIds.length > 0) return eb.and([org, eb.or([own, eb('incidents.team_id', 'in', actor.teamIds)])]);
    return eb.and([org, own]);
  };
}

export class IncidentRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectName,
  ) {}

  /** The conversation's incident that is not closed (one per episode). */
  async openFor(conversationId: string): Promise<Incident | undefined> {
    const row = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('status', '!=', 'closed')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && present(row);
  }

  async create(i: {
    orgId: string;
    conversationId: string;
    teamId: string | null;
    agentId: string | null;
    openedBy: string;
    conduct: Conduct;
  }): Promise<string> {
    const t = now();
    const id = newId();
    await this.db
      .insertInto('incidents')
      .values({
        id,
        org_id: i.orgId,
        conversation_id: i.conversationId,
        team_id: i.teamId,
        agent_id: i.agentId,
        opened_by: i.openedBy,
        conduct: i.conduct,
        status: 'open',
        fields: 'null',
        created_at: t,
        updated_at: t,
      })
      .execute();
    return id;
  }

  /**
   * Appends one event to the organisation's chain, signs the new head and refreshes the record.
   * On PostgreSQL, appends of one organisation are serialised by a transaction-scoped advisory
   * lock: `FOR UPDATE` on the head row is not enough, because the waiter wakes up still seeing the
   * old head and collides on (org, position) — concurrent threats then got a 409. SQLite has one
   * writer already.
   */
  async append(
    keys: ChainKeys,
    orgId: string,
    incidentId: string,
    kind: IncidentEventKind,
    payload: Record<string, unknown>,
    actorUserId: string | null,
  ): Promise<Incident> {
    if (this.dialect === 'postgres') {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'incident_chain:' + orgId}, 0))`.execute(this.db);
    }
    let last = this.db
      .selectFrom('incident_events')
      .select(['position', 'hash'])
      .where('org_id', '=', orgId)
      .orderBy('position', 'desc')
      .limit(1);
    if (this.dialect === 'postgres') last = last.forUpdate();
    const head = await last.executeTakeFirst();
    const e = {
      orgId,
      position: (head?.position ?? 0) + 1,
      incidentId,
      kind,
      payload,
      payloadDigest: payloadDigest(payload),
      actorUserId,
      createdAt: now(),
      prevHash: head?.hash ?? GENESIS,
    };
    const hash = keys.hashEvent(e);
    await this.db
      .insertInto('incident_events')
      .values({
        org_id: orgId,
        position: e.position,
        incident_id: incidentId,
        kind,
        payload: JSON.stringify(payload),
        payload_digest: e.payloadDigest,
        actor_user_id: actorUserId,
        created_at: e.createdAt,
        prev_hash: e.prevHash,
        hash,
      })
      .execute();
    const checkpoint = { orgId, position: e.position, headHash: hash, createdAt: e.createdAt };
    await this.db
      .insertInto('incident_checkpoints')
      .values({ org_id: orgId, position: e.position, head_hash: hash, created_at: e.createdAt, signature: keys.signCheckpoint(checkpoint) })
      .execute();
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();
    const record = applyEvent(parseJson<IncidentRecord | null>(row.fields, null) ?? emptyRecord(), {
      kind,
      payload,
      createdAt: e.createdAt,
      actorUserId,
    });
    const changed = { fields: JSON.stringify(record), status: record.status, conduct: record.conduct, updated_at: e.createdAt };
    await this.db.updateTable('incidents').set(changed).where('id', '=', incidentId).execute();
    return present({ ...row, ...changed });
  }

  private async eventData(incidentId: string) {
    const rows = await this.db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      kind: r.kind as IncidentEventKind,
      payload: parseJson<Record<string, unknown> | null>(r.payload, null),
      createdAt: r.created_at,
      actorUserId: r.actor_user_id,
    }));
  }

  async get(orgId: string, id: string): Promise<Incident | undefined> {
    const row = await this.db.selectFrom('incidents').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async visible(actor: Actor, id: string): Promise<Incident | undefined> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).where(visible(actor)).executeTakeFirst();
    return row && present(row);
  }

  async list(actor: Actor, filter: { status?: IncidentStatus | undefined; limit: number }): Promise<Incident[]> {
    let q = this.db.selectFrom('incidents').selectAll().where(visible(actor));
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.orderBy('created_at', 'desc').limit(filter.limit).execute()).map(present);
  }

  async events(incidentId: string) {
    const rows = await this.db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('position')
      .execute();
    return rows.map(presentChainEvent);
  }

  /** The whole chain of an organisation, as stored, in position order. */
  async chain(orgId: string) {
    const rows = await this.db.selectFrom('incident_events').selectAll().where('org_id', '=', orgId).orderBy('position').execute();
    return rows.map(presentChainEvent);
  }

  async checkpoints(orgId: string, limit = 20): Promise<Checkpoint[]> {
    const rows = await this.db
      .selectFrom('incident_checkpoints')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('position', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      orgId: r.org_id,
      position: r.position,
      headHash: r.head_hash,
      createdAt: r.created_at,
      signature: r.signature,
    }));
  }

  /**
   * Retention: the content of closed incidents last changed before `cutoff` is deleted. Each event
   * keeps its place, hash and payload digest, so the chain still verifies; the record row is
   * rewritten as what the purged events still say (nothing but their existence). `orgs` limits it
   * to one organisation (`only`) or to all but some (`except`): each may have its own period.
   */
  async purgeClosedBefore(cutoff: string, orgs: { only?: string; except?: readonly string[] } = {}): Promise<number> {
    let query = this.db
      .selectFrom('incidents')
      .select('id')
      .where('status', '=', 'closed')
      .where('updated_at', '<', cutoff)
      .where('fields', 'not like', '%"purged":true%');
    if (orgs.only !== undefined) query = query.where('org_id', '=', orgs.only);
    if (orgs.except?.length) query = query.where('org_id', 'not in', [...orgs.except]);
    const ids = (await query.execute()).map((r) => r.id);
    for (const id of ids) {
      // Status changes carry no personal data and keep the record's review history.
      await this.db
        .updateTable('incident_events')
        .set({ payload: null })
        .where('incident_id', '=', id)
        .where('kind', '!=', 'status')
        .execute();
      const record = { ...fold(await this.eventData(id)), purged: true };
      await this.db
        .updateTable('incidents')
        .set({ fields: JSON.stringify(record) })
        .where('id', '=', id)
        .execute();
    }
    return ids.length;
  }

  /** Every incident record row of an organisation (verify compares them with the folded events). */
  async all(orgId: string): Promise<Incident[]> {
    return (await this.db.selectFrom('incidents').selectAll().where('org_id', '=', orgId).execute()).map(present);
  }
}

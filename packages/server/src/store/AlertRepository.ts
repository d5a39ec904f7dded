/**
 * @module store/AlertRepository
 * Alerts: open → acknowledged → resolved, with who and when.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AlertTable, DB } from '../db/schema.js';
import { newId, now } from './ids.js';
import { visibleAlerts } from './scope.js';
import type { Actor, Alert, AlertKind, AlertSeverity, AlertStatus } from './types.js';

function present(row: Selectable<AlertTable>): Alert {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    kind: row.kind as AlertKind,
    severity: row.severity as AlertSeverity,
    status: row.status as AlertStatus,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    note: row.note,
  };
}

export interface NewAlert {
  orgId: string;
  teamId: string | null;
  conversationId: string;
  messageId: string | null;
  kind: AlertKind;
  severity: AlertSeverity;
  reason: string;
}

export class AlertRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(a: NewAlert): Promise<Alert> {
    const t = now();
    const row: Selectable<AlertTable> = {
      id: newId(),
      org_id: a.orgId,
      team_id: a.teamId,
      conversation_id: a.conversationId,
      message_id: a.messageId,
      kind: a.kind,
      severity: a.severity,
      status: 'open',
      reason: a.reason,
      created_at: t,
      updated_at: t,
      acknowledged_by: null,
      acknowledged_at: null,
      resolved_by: null,
      resolved_at: null,
      note: null,
    };
    await this.db.insertInto('alerts').values(row).execute();
    return present(row);
  }

  /** The conversation's alert of this kind that is not resolved yet, if any. */
  async unresolved(conversationId: string, kind: AlertKind): Promise<Alert | undefined> {
    const row = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', kind)
      .where('status', '!=', 'resolved')
      .executeTakeFirst();
    return row && present(row);
  }

  async raiseSeverity(id: string, severity: AlertSeverity, reason: string, messageId: string | null): Promise<Alert | undefined> {
    await this.db.updateTable('alerts').set({ severity, reason, message_id: messageId, updated_at: now() }).where('id', '=', id).execute();
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  /** Whether an alert of this kind was raised about one of the agent's conversations since `since`. */
  async raisedForAgentSince(agentId: string, kind: AlertKind, since: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('alerts')
      .innerJoin('conversations', 'conversations.id', 'alerts.conversation_id')
      .select('alerts.id')
      .where('conversations.agent_id', '=', agentId)
      .where('alerts.kind', '=', kind)
      .where('alerts.created_at', '>=', since)
      .executeTakeFirst();
    return row !== undefined;
  }

  async visible(actor: Actor, id: string): Promise<Alert | undefined> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).where(visibleAlerts(actor)).executeTakeFirst();
    return row && present(row);
  }

  async list(
    actor: Actor,
    filter: { status?: AlertStatus | undefined; conversationId?: string | undefined; limit: number },
  ): Promise<Alert[]> {
    let q = this.db.selectFrom('alerts').selectAll().where(visibleAlerts(actor));
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    const rows = await q.orderBy('created_at', 'desc').limit(filter.limit).execute();
    return rows.map(present);
  }

  async ofConversation(conversationId: string): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .execute();
    return rows.map(present);
  }

  /** Moves an alert on; only forwards (open → acknowledged → resolved). Returns the alert after. */
  async transition(id: string, to: 'acknowledged' | 'resolved', userId: string, note: string | null): Promise<Alert | undefined> {
    const t = now();
    const from: AlertStatus[] = to === 'acknowledged' ? ['open'] : ['open', 'acknowledged'];
    const set =
      to === 'acknowledged'
        ? { status: to, acknowledged_by: userId, acknowledged_at: t, updated_at: t }
        : { status: to, resolved_by: userId, resolved_at: t, updated_at: t, ...(note !== null ? { note } : {}) };
    await this.db.updateTable('alerts').set(set).where('id', '=', id).where('status', 'in', from).execute();
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }
}

/**
 * @module store/WellbeingRepository
 * Aftercare data: exposure (counted from conversations, nothing extra is stored about the agent),
 * breaks, debriefs and follow-ups.
 */
import type { Kysely, Selectable } from 'kysely';
import type { BreakTable, DB, DebriefTable, FollowUpTable } from '../db/schema.js';
import { newId, now } from './ids.js';

export interface Exposure {
  abuse: number;
  threat: number;
  selfHarm: number;
}

export interface Break {
  id: string;
  userId: string;
  reason: string;
  plannedMinutes: number;
  startedAt: string;
  endedAt: string | null;
}

export const DEBRIEF_STATUSES = ['requested', 'scheduled', 'done'] as const;
export type DebriefStatus = (typeof DEBRIEF_STATUSES)[number];

export interface Debrief {
  id: string;
  agentId: string;
  leadId: string | null;
  conversationId: string | null;
  note: string | null;
  status: DebriefStatus;
  scheduledFor: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface FollowUp {
  id: string;
  userId: string;
  conversationId: string | null;
  text: string;
  dueAt: string;
  remindedAt: string | null;
  doneAt: string | null;
  createdAt: string;
}

const presentBreak = (r: Selectable<BreakTable>): Break => ({
  id: r.id,
  userId: r.user_id,
  reason: r.reason,
  plannedMinutes: r.planned_minutes,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});
const presentDebrief = (r: Selectable<DebriefTable>): Debrief => ({
  id: r.id,
  agentId: r.agent_id,
  leadId: r.lead_id,
  conversationId: r.conversation_id,
  note: r.note,
  status: r.status as DebriefStatus,
  scheduledFor: r.scheduled_for,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const presentFollowUp = (r: Selectable<FollowUpTable>): FollowUp => ({
  id: r.id,
  userId: r.user_id,
  conversationId: r.conversation_id,
  text: r.text,
  dueAt: r.due_at,
  remindedAt: r.reminded_at,
  doneAt: r.done_at,
  createdAt: r.created_at,
});

export class WellbeingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Hard contacts per agent since `since`: conversations whose worst message was abuse, a threat or self-harm. */
  async exposure(orgId: string, userIds: readonly string[], since: string): Promise<Map<string, Exposure>> {
    const out = new Map<string, Exposure>(userIds.map((id) => [id, { abuse: 0, threat: 0, selfHarm: 0 }]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('conversations')
      .select(['agent_id', 'worst_label', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('agent_id', 'in', userIds)
      .where('updated_at', '>=', since)
      .where('worst_label', 'in', ['abuse', 'threat', 'self_harm'])
      .groupBy(['agent_id', 'worst_label'])
      .execute();
    for (const r of rows) {
      const e = out.get(r.agent_id!)!;
      if (r.worst_label === 'abuse') e.abuse += Number(r.n);
      else if (r.worst_label === 'threat') e.threat += Number(r.n);
      else e.selfHarm += Number(r.n);
    }
    return out;
  }

  async startBreak(orgId: string, userId: string, reason: string, plannedMinutes: number): Promise<Break> {
    const row = { id: newId(), org_id: orgId, user_id: userId, reason, planned_minutes: plannedMinutes, started_at: now(), ended_at: null };
    await this.db.insertInto('breaks').values(row).execute();
    return presentBreak(row);
  }

  async currentBreaks(userIds: readonly string[]): Promise<Map<string, Break>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('breaks').selectAll().where('user_id', 'in', userIds).where('ended_at', 'is', null).execute();
    return new Map(rows.map((r) => [r.user_id, presentBreak(r)]));
  }

  async endBreak(userId: string, id: string): Promise<Break | undefined> {
    await this.db
      .updateTable('breaks')
      .set({ ended_at: now() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
    const row = await this.db.selectFrom('breaks').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return row && presentBreak(row);
  }

  async requestDebrief(d: {
    orgId: string;
    agentId: string;
    leadId: string | null;
    conversationId: string | null;
    note: string | null;
    requestedBy: string;
  }): Promise<Debrief> {
    const t = now();
    const row = {
      id: newId(),
      org_id: d.orgId,
      agent_id: d.agentId,
      lead_id: d.leadId,
      conversation_id: d.conversationId,
      note: d.note,
      status: 'requested',
      scheduled_for: null,
      requested_by: d.requestedBy,
      created_at: t,
      updated_at: t,
    };
    await this.db.insertInto('debriefs').values(row).execute();
    return presentDebrief(row);
  }

  async debrief(orgId: string, id: string): Promise<Debrief | undefined> {
    const row = await this.db.selectFrom('debriefs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && presentDebrief(row);
  }

  /** Debriefs of these agents (or all of the organisation's), newest first. */
  async debriefs(orgId: string, agentIds: readonly string[] | null, openOnly: boolean): Promise<Debrief[]> {
    if (agentIds && agentIds.length === 0) return [];
    let q = this.db.selectFrom('debriefs').selectAll().where('org_id', '=', orgId);
    if (agentIds) q = q.where('agent_id', 'in', agentIds);
    if (openOnly) q = q.where('status', '!=', 'done');
    return (await q.orderBy('created_at', 'desc').limit(500).execute()).map(presentDebrief);
  }

  async updateDebrief(id: string, change: { status?: DebriefStatus; scheduledFor?: string | null; leadId?: string }): Promise<void> {
    await this.db
      .updateTable('debriefs')
      .set({
        updated_at: now(),
        ...(change.status ? { status: change.status } : {}),
        ...(change.scheduledFor !== undefined ? { scheduled_for: change.scheduledFor } : {}),
        ...(change.leadId ? { lead_id: change.leadId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async addFollowUp(f: { orgId: string; userId: string; conversationId: string | null; text: string; dueAt: string }): Promise<FollowUp> {
    const row = {
      id: newId(),
      org_id: f.orgId,
      user_id: f.userId,
      conversation_id: f.conversationId,
      text: f.text,
      due_at: f.dueAt,
      reminded_at: null,
      done_at: null,
      created_at: now(),
    };
    await this.db.insertInto('follow_ups').values(row).execute();
    return presentFollowUp(row);
  }

  async followUps(userId: string, openOnly: boolean): Promise<FollowUp[]> {
    let q = this.db.selectFrom('follow_ups').selectAll().where('user_id', '=', userId);
    if (openOnly) q = q.where('done_at', 'is', null);
    return (await q.orderBy('due_at').limit(500).execute()).map(presentFollowUp);
  }

  async markFollowUpDone(userId: string, id: string): Promise<FollowUp | undefined> {
    await this.db
      .updateTable('follow_ups')
      .set({ done_at: now() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('done_at', 'is', null)
      .execute();
    const row = await this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return row && presentFollowUp(row);
  }

  /** Follow-ups due and not yet reminded; marks them reminded (the reminder job sends each once). */
  async takeDue(limit = 200): Promise<(FollowUp & { orgId: string })[]> {
    const t = now();
    const rows = await this.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('done_at', 'is', null)
      .where('reminded_at', 'is', null)
      .where('due_at', '<=', t)
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    await this.db
      .updateTable('follow_ups')
      .set({ reminded_at: t })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .where('reminded_at', 'is', null)
      .execute();
    return rows.map((r) => ({ ...presentFollowUp(r), orgId: r.org_id }));
  }
}

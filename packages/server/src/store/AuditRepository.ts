/**
 * @module store/AuditRepository
 * The audit log: append and read, never update.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { now, parseJson } from './ids.js';
import type { Actor, AuditEntry } from './types.js';

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(
    actor: Pick<Actor, 'orgId' | 'userId' | 'tokenId'> | { orgId: string; userId: null; tokenId: null },
    action: string,
    target: { type: string; id: string | null },
    details: unknown = null,
    ip: string | null = null,
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        org_id: actor.orgId,
        actor_user_id: actor.userId,
        actor_token_id: actor.tokenId,
        action,
        target_type: target.type,
        target_id: target.id,
        details: details === null ? null : JSON.stringify(details),
        ip,
        created_at: now(),
      })
      .execute();
  }

  async list(orgId: string, filter: { limit: number; beforeId?: number | undefined; action?: string | undefined }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
    if (filter.action) q = q.where('action', '=', filter.action);
    const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: parseJson(r.details, null),
      ip: r.ip,
      createdAt: r.created_at,
    }));
  }
}

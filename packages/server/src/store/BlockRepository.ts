/**
 * @module store/BlockRepository
 * Timed blocks of a pseudonymous customer. A block is active until it expires or is lifted; lifted
 * and expired blocks stay, so the list shows who blocked whom, why, and who undid it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CustomerBlockTable, DB } from '../db/schema.js';
import { newId, now } from './ids.js';

export interface CustomerBlock {
  id: string;
  customerRef: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  active: boolean;
}

function present(row: Selectable<CustomerBlockTable>, at = now()): CustomerBlock {
  return {
    id: row.id,
    customerRef: row.customer_ref,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    liftedBy: row.lifted_by,
    liftedAt: row.lifted_at,
    active: row.lifted_at === null && row.expires_at > at,
  };
}

export class BlockRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(b: { orgId: string; customerRef: string; reason: string; createdBy: string; expiresAt: string }): Promise<CustomerBlock> {
    const row = {
      id: newId(),
      org_id: b.orgId,
      customer_ref: b.customerRef,
      reason: b.reason,
      created_by: b.createdBy,
      created_at: now(),
      expires_at: b.expiresAt,
      lifted_by: null,
      lifted_at: null,
    };
    await this.db.insertInto('customer_blocks').values(row).execute();
    return present(row);
  }

  /** The active block of a customer, if any (the one that lasts longest). */
  async activeFor(orgId: string, customerRef: string): Promise<CustomerBlock | undefined> {
    const t = now();
    const row = await this.db
      .selectFrom('customer_blocks')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('customer_ref', '=', customerRef)
      .where('lifted_at', 'is', null)
      .where('expires_at', '>', t)
      .orderBy('expires_at', 'desc')
      .executeTakeFirst();
    return row && present(row, t);
  }

  async list(
    orgId: string,
    filter: { active?: boolean | undefined; customerRef?: string | undefined; limit: number },
  ): Promise<CustomerBlock[]> {
    const t = now();
    let q = this.db.selectFrom('customer_blocks').selectAll().where('org_id', '=', orgId);
    if (filter.customerRef) q = q.where('customer_ref', '=', filter.customerRef);
    if (filter.active) q = q.where('lifted_at', 'is', null).where('expires_at', '>', t);
    return (await q.orderBy('created_at', 'desc').limit(filter.limit).execute()).map((r) => present(r, t));
  }

  async get(orgId: string, id: string): Promise<CustomerBlock | undefined> {
    const row = await this.db.selectFrom('customer_blocks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async lift(orgId: string, id: string, userId: string): Promise<CustomerBlock | undefined> {
    await this.db
      .updateTable('customer_blocks')
      .set({ lifted_by: userId, lifted_at: now() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('lifted_at', 'is', null)
      .execute();
    const row = await this.db.selectFrom('customer_blocks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }
}

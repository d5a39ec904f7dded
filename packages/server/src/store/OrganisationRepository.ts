/**
 * @module store/OrganisationRepository
 * Organisations and their policy.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, OrganisationTable } from '../db/schema.js';
import { newId, now, parseJson } from './ids.js';
import type { Organisation } from './types.js';

function present(row: Selectable<OrganisationTable>): Organisation {
  return { id: row.id, name: row.name, policy: parseJson(row.policy, {}), createdAt: row.created_at };
}

export class OrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(name: string, policy: unknown = {}): Promise<Organisation> {
    const row = { id: newId(), name, policy: JSON.stringify(policy), created_at: now() };
    await this.db.insertInto('organisations').values(row).execute();
    return present(row);
  }

  async get(id: string): Promise<Organisation | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setPolicy(id: string, policy: unknown): Promise<void> {
    await this.db
      .updateTable('organisations')
      .set({ policy: JSON.stringify(policy) })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * @module store/TeamRepository
 * Teams and their members.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, TeamTable } from '../db/schema.js';
import { newId, now } from './ids.js';
import type { Team } from './types.js';

function present(row: Selectable<TeamTable>): Team {
  return { id: row.id, orgId: row.org_id, name: row.name, createdAt: row.created_at };
}

export class TeamRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(orgId: string, name: string): Promise<Team> {
    const row = { id: newId(), org_id: orgId, name, created_at: now() };
    await this.db.insertInto('teams').values(row).execute();
    return present(row);
  }

  async get(orgId: string, id: string): Promise<Team | undefined> {
    const row = await this.db.selectFrom('teams').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async byName(orgId: string, name: string): Promise<Team | undefined> {
    const row = await this.db.selectFrom('teams').selectAll().where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
    return row && present(row);
  }

  /** Every team of the organisation, or only `ids` when given. */
  async list(orgId: string, ids?: readonly string[]): Promise<Team[]> {
    if (ids && ids.length === 0) return [];
    let q = this.db.selectFrom('teams').selectAll().where('org_id', '=', orgId);
    if (ids) q = q.where('id', 'in', ids);
    return (await q.orderBy('name').execute()).map(present);
  }

  async addMember(teamId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: userId })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .execute();
  }

  async removeMember(teamId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  }

  async teamIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
    return rows.map((r) => r.team_id);
  }

  /** Every user's team ids in the organisation, in one query (user id → team ids). */
  async teamIdsByUser(orgId: string): Promise<Map<string, string[]>> {
    const rows = await this.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.user_id', 'team_members.team_id'])
      .where('teams.org_id', '=', orgId)
      .execute();
    const byUser = new Map<string, string[]>();
    for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.team_id]);
    return byUser;
  }

  async memberIds(teamId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute();
    return rows.map((r) => r.user_id);
  }
}

/**
 * @module store/UserRepository
 * Users. The password hash never leaves this file except through `passwordHash`.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../auth/roles.js';
import type { DB, UserTable } from '../db/schema.js';
import { newId, now } from './ids.js';
import type { User } from './types.js';

function present(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

export interface NewUser {
  orgId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash?: string | null;
}

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(user: NewUser): Promise<User> {
    const row = {
      id: newId(),
      org_id: user.orgId,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash ?? null,
      disabled: 0,
      created_at: now(),
    };
    await this.db.insertInto('users').values(row).execute();
    return present(row);
  }

  async get(orgId: string, id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async byId(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async byEmail(email: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && present(row);
  }

  async passwordHash(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  /** The organisation's users, or only members of `teamIds`. */
  async list(orgId: string, teamIds?: readonly string[]): Promise<User[]> {
    let q = this.db.selectFrom('users').selectAll().where('org_id', '=', orgId);
    if (teamIds) {
      if (teamIds.length === 0) return [];
      q = q.where('id', 'in', this.db.selectFrom('team_members').select('user_id').where('team_id', 'in', teamIds));
    }
    return (await q.orderBy('email').execute()).map(present);
  }

  async update(orgId: string, id: string, change: { name?: string; role?: Role; disabled?: boolean }): Promise<User | undefined> {
    const set: Partial<Selectable<UserTable>> = {};
    if (change.name !== undefined) set.name = change.name;
    if (change.role !== undefined) set.role = change.role;
    if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
    if (Object.keys(set).length > 0) await this.db.updateTable('users').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
    return this.get(orgId, id);
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  }
}

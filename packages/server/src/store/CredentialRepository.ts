/**
 * @module store/CredentialRepository
 * Sessions and API tokens, looked up by the SHA-256 of their secret (only hashes are stored).
 */
import type { Kysely, Selectable } from 'kysely';
import { mayGrant, type Role } from '../auth/roles.js';
import type { ApiTokenTable, DB } from '../db/schema.js';
import { newId, now } from './ids.js';
import type { ApiToken } from './types.js';

function presentToken(row: Selectable<ApiTokenTable>): ApiToken {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The account behind a credential, when it is valid and the user is not disabled. */
export interface Credential {
  userId: string;
  orgId: string;
  role: Role;
  tokenId: string | null;
}

export class CredentialRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async createSession(idHash: string, userId: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('sessions').values({ id_hash: idHash, user_id: userId, created_at: now(), expires_at: expiresAt }).execute();
  }

  async session(idHash: string): Promise<Credential | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id as user_id', 'users.org_id', 'users.role', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', idHash)
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    if (!row || row.expires_at <= now()) return undefined;
    return { userId: row.user_id, orgId: row.org_id, role: row.role as Role, tokenId: null };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now()).execute();
  }

  async createToken(t: { orgId: string; userId: string; name: string; role: Role; tokenHash: string }): Promise<ApiToken> {
    const row = {
      id: newId(),
      org_id: t.orgId,
      user_id: t.userId,
      name: t.name,
      role: t.role,
      token_hash: t.tokenHash,
      created_at: now(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return presentToken(row);
  }

  async token(tokenHash: string): Promise<Credential | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.org_id', 'api_tokens.role', 'users.role as user_role'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    // A token never acts with more than its user has now: demoting the user demotes the token.
    if (!row || !mayGrant(row.user_role as Role, row.role as Role)) return undefined;
    return { userId: row.user_id, orgId: row.org_id, role: row.role as Role, tokenId: row.id };
  }

  async touchToken(id: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now() }).where('id', '=', id).execute();
  }

  async listTokens(orgId: string): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
    return rows.map(presentToken);
  }

  async revokeToken(orgId: string, id: string): Promise<ApiToken | undefined> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await this.db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && presentToken(row);
  }
}

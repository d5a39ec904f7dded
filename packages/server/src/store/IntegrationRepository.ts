/**
 * @module store/IntegrationRepository
 * Inbound integrations (generic webhook, Zendesk, Twilio). The secret never leaves this file except
 * through `secretOf`, which only the signature check calls: lists and answers carry no secret. It
 * is stored sealed (auth/sealed): the platforms' secrets must be usable again, so a hash will not do.
 */
import type { Kysely, Selectable } from 'kysely';
import { NO_SEALER, type Sealer } from '../auth/sealed.js';
import type { DB, IntegrationTable } from '../db/schema.js';
import { sealClearSecrets } from './sealClearSecrets.js';
import { newId, now } from './ids.js';

export const INTEGRATION_KINDS = ['generic', 'zendesk', 'twilio'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export interface Integration {
  id: string;
  orgId: string;
  kind: IntegrationKind;
  name: string;
  actingUserId: string;
  teamId: string | null;
  createdAt: string;
  disabled: boolean;
}

function present(row: Selectable<IntegrationTable>): Integration {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as IntegrationKind,
    name: row.name,
    actingUserId: row.acting_user_id,
    teamId: row.team_id,
    createdAt: row.created_at,
    disabled: Number(row.disabled) === 1,
  };
}

/** What an integration's sealed secret is bound to: it opens in this row only. */
const aadOf = (id: string) => `integration:${id}`;

export class IntegrationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly sealer: Sealer = NO_SEALER,
  ) {}

  async create(i: { orgId: string; kind: IntegrationKind; name: string; secret: string; actingUserId: string; teamId: string | null }) {
    const id = newId();
    const row = {
      id,
      org_id: i.orgId,
      kind: i.kind,
      name: i.name,
      secret: this.sealer.seal(aadOf(id), i.secret),
      acting_user_id: i.actingUserId,
      team_id: i.teamId,
      created_at: now(),
      disabled: 0,
    };
    await this.db.insertInto('integrations').values(row).execute();
    return present(row);
  }

  async list(orgId: string): Promise<Integration[]> {
    const rows = await this.db.selectFrom('integrations').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
    return rows.map(present);
  }

  async get(orgId: string, id: string): Promise<Integration | undefined> {
    const row = await this.db.selectFrom('integrations').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  /**
   * An integration by id alone, with its secret, for an inbound request: the caller is not signed in,
   * so the organisation is only known from the row (and the signature proves the caller holds the secret).
   * Throws SealedSecretError when the stored secret does not open (another server secret, a copied value).
   */
  async secretOf(id: string): Promise<{ integration: Integration; secret: string } | undefined> {
    const row = await this.db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { integration: present(row), secret: this.sealer.open(aadOf(row.id), row.secret) };
  }

  /** Seals the secrets of rows written in clear (before secrets were sealed); returns how many. */
  sealClearSecrets(): Promise<number> {
    return sealClearSecrets(this.db, 'integrations', this.sealer, aadOf);
  }

  /** Disables (never deletes: the audit log keeps pointing at it). Undefined when there is no such integration. */
  async disable(orgId: string, id: string): Promise<Integration | undefined> {
    await this.db.updateTable('integrations').set({ disabled: 1 }).where('org_id', '=', orgId).where('id', '=', id).execute();
    return this.get(orgId, id);
  }
}

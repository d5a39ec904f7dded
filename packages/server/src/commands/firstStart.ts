/**
 * @module commands/firstStart
 * On the very first start (no organisation yet): an organisation, an admin account without a
 * password, and a one-time sign-in link (24 hours, works once; only its hash is stored). Never a
 * fixed default password.
 */
import { newSecret, sha256 } from '../auth/secrets.js';
import { FIRST_SIGN_IN_KEY } from '../routes/auth/index.js';
import type { Store } from '../store/Store.js';

export const FIRST_ADMIN_EMAIL = 'admin@calmline.local';

export interface FirstStart {
  orgId: string;
  adminEmail: string;
  /** Path and query of the sign-in link (prefix it with the server's address). */
  signInPath: string;
}

/** Creates the first organisation and admin if there is none; undefined when there already is one. */
export async function firstStart(store: Store, orgName = 'My organisation'): Promise<FirstStart | undefined> {
  if ((await store.organisations.count()) > 0) return undefined;
  try {
    return await store.transaction(async (tx) => {
      const org = await tx.organisations.create(orgName);
      const admin = await tx.users.create({ orgId: org.id, email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin' });
      const signInPath = await issueSignInLink(tx, admin.id);
      await tx.audit.record({ orgId: org.id, userId: null, tokenId: null }, 'organisation.created', { type: 'organisation', id: org.id });
      return { orgId: org.id, adminEmail: admin.email, signInPath };
    });
  } catch (err) {
    // Another node created the first organisation at the same moment (unique email): fine.
    if ((await store.organisations.count()) > 0) return undefined;
    throw err;
  }
}

/** A new one-time sign-in link for a user (replaces any earlier one). */
export async function issueSignInLink(store: Store, userId: string): Promise<string> {
  const secret = newSecret('cl_first');
  const expires = new Date(Date.now() + 24 * 3600_000).toISOString();
  await store.settings.set(FIRST_SIGN_IN_KEY, `${sha256(secret)} ${userId} ${expires}`);
  return `/api/auth/first-sign-in?token=${encodeURIComponent(secret)}`;
}

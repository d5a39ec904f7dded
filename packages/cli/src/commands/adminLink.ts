/**
 * @module commands/adminLink
 * `calmline admin-link [--email E]`: a new one-time sign-in link for an admin, for when the link
 * printed on the first start was lost (run it on the server, with the same configuration).
 */
import type { Writable } from 'node:stream';
import { issueSignInLink } from '@calmline/server';
import { StoreProblem, openOrgStore } from './importExport/store.js';

export async function adminLinkCommand(
  options: { email?: string | undefined; config?: string | undefined },
  out: Writable,
  err: Writable,
): Promise<number> {
  let opened;
  try {
    opened = await openOrgStore({ orgAdmin: options.email, config: options.config, createIfEmpty: false }, err);
  } catch (e) {
    if (!(e instanceof StoreProblem)) throw e;
    err.write(`${e.message}\n`);
    return e.code;
  }
  const { config, database, store, admin } = opened;
  try {
    const path = await issueSignInLink(store, admin.id);
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    out.write(`One-time sign-in link for ${admin.email} (works once, for 24 hours; replaces any earlier link):\n\n  ${base}${path}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

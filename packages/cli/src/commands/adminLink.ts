/**
 * @module commands/adminLink
 * `calmline admin-link [--email E]`: a new one-time sign-in link for an admin, for when the link
 * printed on the first start was lost (run it on the server, with the same configuration).
 */
import type { Writable } from 'node:stream';
import { ConfigError, Store, databaseLocation, issueSignInLink, loadConfig, migrateToLatest, openDatabase } from '@calmline/server';

export async function adminLinkCommand(
  options: { email?: string | undefined; config?: string | undefined },
  out: Writable,
  err: Writable,
): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, options.config ? { configFile: options.config } : {});
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const database = openDatabase(databaseLocation(config));
  try {
    await migrateToLatest(database);
    const store = new Store(database.db, database.dialect);
    const admin = options.email
      ? await store.users.byEmail(options.email)
      : await database.db
          .selectFrom('users')
          .select(['id', 'email', 'role', 'disabled'])
          .where('role', '=', 'admin')
          .where('disabled', '=', 0)
          .orderBy('created_at')
          .executeTakeFirst();
    if (!admin || admin.role !== 'admin' || (typeof admin.disabled === 'number' ? admin.disabled === 1 : admin.disabled)) {
      err.write(`calmline: no active admin account${options.email ? ` with the email ${options.email}` : ''} in this store.\n`);
      return 1;
    }
    const path = await issueSignInLink(store, admin.id);
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    out.write(`One-time sign-in link for ${admin.email} (works once, for 24 hours; replaces any earlier link):\n\n  ${base}${path}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

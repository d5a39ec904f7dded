/**
 * @module commands/importExport/store
 * Opens the store the server uses (same configuration, same migrations) for `import` and
 * `export`, and finds the admin account they act as: the one named by --org-admin, or the first
 * active admin. On a store that was never started, import creates the organisation and first admin
 * exactly as the server's first start would, and hands back the one-time sign-in link.
 */
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  ConfigError,
  Store,
  databaseLocation,
  firstStart,
  loadConfig,
  migrateToLatest,
  openDatabase,
  type Actor,
  type Config,
  type Database,
  type User,
} from '@calmline/server';

export interface OpenedStore {
  config: Config;
  database: Database;
  store: Store;
  admin: User;
  actor: Actor;
  /** The sign-in link when this run created the organisation (the store was empty). */
  signInLink: string | undefined;
}

/** Thrown with a sentence for the user; the command prints it and exits with `code`. */
export class StoreProblem extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * The server's store by its configuration, migrated. Configuration errors become a StoreProblem
 * (exit 2) with the sentence that names the wrong setting. Close `database` when done.
 * @example const { store, database } = await openConfiguredStore(undefined)
 */
export async function openConfiguredStore(configFile: string | undefined): Promise<{ config: Config; database: Database; store: Store }> {
  let config: Config;
  try {
    config = loadConfig(process.env, configFile ? { configFile } : {});
  } catch (e) {
    if (e instanceof ConfigError) throw new StoreProblem(e.message, 2);
    throw e;
  }
  const database = openDatabase(databaseLocation(config));
  try {
    await migrateToLatest(database);
  } catch (e) {
    await database.close();
    throw new StoreProblem(`calmline: cannot open the store (${describe(config)}): ${(e as Error).message}`, 2);
  }
  return { config, database, store: new Store(database.db, database.dialect) };
}

/**
 * @example const { store, actor } = await openOrgStore({ orgAdmin: undefined, createIfEmpty: true }, err)
 * Close `database` when done.
 */
export async function openOrgStore(
  options: { orgAdmin: string | undefined; config?: string | undefined; createIfEmpty: boolean },
  err: Writable,
): Promise<OpenedStore> {
  const { config, database, store } = await openConfiguredStore(options.config);
  try {
    const first = options.createIfEmpty ? await firstStart(store) : undefined;
    const admin = options.orgAdmin ? await store.users.byEmail(options.orgAdmin) : await firstActiveAdmin(database);
    if (!admin && !options.orgAdmin && (await store.organisations.count()) === 0)
      throw new StoreProblem(`calmline: the store (${describe(config)}) is empty: no organisation yet.`, 1);
    if (!admin || admin.role !== 'admin' || admin.disabled) {
      const which = options.orgAdmin ? ` with the email ${options.orgAdmin}` : '';
      throw new StoreProblem(`calmline: no active admin account${which} in this store (${describe(config)}).`, 1);
    }
    const actor: Actor = {
      orgId: admin.orgId,
      userId: admin.id,
      role: 'admin',
      teamIds: await store.teams.teamIdsOf(admin.id),
      tokenId: null,
    };
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    if (first) err.write(`calmline: the store was empty: created the organisation and its admin ${first.adminEmail}.\n`);
    return { config, database, store, admin, actor, signInLink: first ? `${base}${first.signInPath}` : undefined };
  } catch (e) {
    await database.close();
    throw e;
  }
}

async function firstActiveAdmin(database: Database): Promise<User | undefined> {
  const row = await database.db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .orderBy('created_at')
    .executeTakeFirst();
  return row ? new Store(database.db, database.dialect, { batch: false }).users.byEmail(row.email) : undefined;
}

/** Where the store is, without a password that may be in DATABASE_URL. */
export function describe(config: Config): string {
  return config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@') : resolve(databaseLocation(config));
}

/**
 * @module incidents/secret
 * Where the server secret comes from: the configuration (CALMLINE_SECRET) first; otherwise a key
 * generated once and kept apart from the database it protects, in `<dataDir>/secret.key` (mode
 * 0600). On PostgreSQL without a configured secret, nodes have no shared folder, so the key is kept
 * in the database with a warning at every start.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { DialectName } from '../db/migrations/index.js';
import type { Store } from '../store/Store.js';

const SETTING = 'incident_chain_secret';

export async function resolveSecret(config: Config, store: Store, dialect: DialectName, warn: (message: string) => void): Promise<string> {
  if (config.secret) return config.secret;
  if (dialect === 'sqlite') {
    const file = join(config.dataDir, 'secret.key');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
  const stored = await store.settings.get(SETTING);
  if (!stored)
    await store.transaction(
      async (tx) => (await tx.settings.get(SETTING)) ?? tx.settings.set(SETTING, randomBytes(32).toString('base64url')),
    );
  warn(
    'CALMLINE_SECRET is not set: the incident chain key is kept in the database. Set the same CALMLINE_SECRET on every node to keep it apart.',
  );
  return (await store.settings.get(SETTING))!;
}

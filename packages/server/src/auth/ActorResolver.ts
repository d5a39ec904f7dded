/**
 * @module auth/ActorResolver
 * Turns a session cookie or an API token into an Actor (user, role, teams). Results are cached for
 * two seconds: ingest at thousands of messages a second must not cost two queries each, and a
 * revoked token or a disabled user stops working within that time on every node.
 */
import type { Store } from '../store/Store.js';
import type { Actor } from '../store/types.js';
import type { Credential } from '../store/CredentialRepository.js';
import { sha256 } from './secrets.js';

const TTL_MS = 2000;
const TOUCH_EVERY_MS = 60_000;

export class ActorResolver {
  private readonly cache = new Map<string, { actor: Actor | null; at: number }>();
  private readonly touched = new Map<string, number>();
  /** Loads in flight: when an entry expires under load, one query answers every waiting request. */
  private readonly loading = new Map<string, Promise<Actor | null>>();

  constructor(private readonly store: Store) {}

  async fromToken(secret: string): Promise<Actor | null> {
    return this.resolve(`t:${sha256(secret)}`, async (hash) => {
      const cred = await this.store.credentials.token(hash);
      if (cred?.tokenId) this.touch(cred.tokenId);
      return cred;
    });
  }

  async fromSession(secret: string): Promise<Actor | null> {
    return this.resolve(`s:${sha256(secret)}`, (hash) => this.store.credentials.session(hash));
  }

  /** Forget everything cached (after a change to users, teams, sessions or tokens on this node). */
  clear(): void {
    this.cache.clear();
  }

  private async resolve(key: string, load: (hash: string) => Promise<Credential | undefined>): Promise<Actor | null> {
    const hit = this.cache.get(key);
    const t = Date.now();
    if (hit && t - hit.at < TTL_MS) return hit.actor;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loaded = (async () => {
      const cred = await load(key.slice(2));
      const actor = cred
        ? {
            orgId: cred.orgId,
            userId: cred.userId,
            role: cred.role,
            tokenId: cred.tokenId,
            teamIds: await this.store.teams.teamIdsOf(cred.userId),
          }
        : null;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, { actor, at: t });
      return actor;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  /** last_used_at is written at most once a minute per token, not on every request. */
  private touch(tokenId: string): void {
    const t = Date.now();
    if (t - (this.touched.get(tokenId) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(tokenId, t);
    void this.store.credentials.touchToken(tokenId).catch(() => undefined);
  }
}

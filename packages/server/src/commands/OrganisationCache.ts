/**
 * @module commands/OrganisationCache
 * Organisations (with their policy) read at most every few seconds: ingest needs the policy on
 * every message, and a policy changed on another node reaches this one within the TTL.
 */
import { AppError } from '../http/errors.js';
import type { Store } from '../store/Store.js';
import type { Organisation } from '../store/types.js';

export class OrganisationCache {
  private readonly entries = new Map<string, { org: Organisation; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 5000,
  ) {}

  async get(id: string): Promise<Organisation> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.org;
    const org = await this.store.organisations.get(id);
    if (!org) throw new AppError('not_found', 'Your organisation no longer exists.');
    this.entries.set(id, { org, at: Date.now() });
    return org;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/**
 * @module training/recruitGate
 * Recruits (members of an open cohort not yet signed off) may not take live contacts. Ingest asks on
 * every message, so the answer comes from memory: each organisation's recruits are read at most every
 * few seconds, and a change on this node (a member added or removed, a sign-off, a cohort closed)
 * drops the entry at once. Another node sees the change within the TTL, as with OrganisationCache.
 */
import { AppError } from '../http/errors.js';
import type { Store } from '../store/Store.js';
import type { Actor } from '../store/types.js';

const TTL_MS = 5000;

export class RecruitGate {
  private readonly entries = new Map<string, { ids: ReadonlySet<string>; at: number }>();
  /** Loads in flight: when an entry expires under load, one query answers every waiting message. */
  private readonly loading = new Map<string, Promise<ReadonlySet<string>>>();
  /** Bumped by forget(): a load that started before a change must not put the old answer back. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = TTL_MS,
  ) {}

  async recruits(orgId: string): Promise<ReadonlySet<string>> {
    const hit = this.entries.get(orgId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.ids;
    const pending = this.loading.get(orgId);
    if (pending) return pending;
    const at = Date.now();
    const generation = this.generation.get(orgId) ?? 0;
    const loaded = this.store.training
      .recruitIds(orgId)
      .then((ids) => {
        const set = new Set(ids);
        if ((this.generation.get(orgId) ?? 0) === generation) this.entries.set(orgId, { ids: set, at });
        return set;
      })
      .finally(() => {
        if (this.loading.get(orgId) === loaded) this.loading.delete(orgId);
      });
    this.loading.set(orgId, loaded);
    return loaded;
  }

  /**
   * Refuses a live message sent by a recruit, or a new conversation assigned to one.
   * @example await gate.check(actor, body.conversation?.agentId) // throws recruit_not_ready
   */
  async check(actor: Actor, assignedAgentId?: string): Promise<void> {
    const recruits = await this.recruits(actor.orgId);
    if (recruits.size === 0) return;
    if (actor.role === 'agent' && recruits.has(actor.userId))
      throw new AppError(
        'recruit_not_ready',
        'You are still in training: live contacts open to you once your coach signs you off. Keep practising in the simulator.',
      );
    if (assignedAgentId !== undefined && recruits.has(assignedAgentId))
      throw new AppError(
        'recruit_not_ready',
        'This agent is still in training and cannot take live contacts until their coach signs them off; assign the conversation to someone else.',
      );
  }

  /** After a change to the organisation's cohorts on this node. */
  forget(orgId: string): void {
    this.entries.delete(orgId);
    this.loading.delete(orgId);
    this.generation.set(orgId, (this.generation.get(orgId) ?? 0) + 1);
  }
}

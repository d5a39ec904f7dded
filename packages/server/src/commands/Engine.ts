/**
 * @module commands/Engine
 * The analysis side of the server: one detector, one coach and one reviewer per process, one protocol per
 * organisation policy. All of it is core, pure and in-process; nothing here touches the store.
 */
import {
  ConversationReviewer,
  createCoach,
  createDetector,
  createProtocol,
  parsePolicy,
  PolicyError,
  DEFAULT_POLICY,
  type Detector,
  type DraftCoach,
  type Policy,
  type Protocol,
} from '@calmline/core';
import type { Organisation } from '../store/types.js';

export class Engine {
  readonly detector: Detector = createDetector();
  readonly coach: DraftCoach = createCoach();
  /** Scores whole transcripts (peer review, the simulator's report cards) with the same coach. */
  readonly reviewer = new ConversationReviewer(this.coach, this.detector);
  private readonly protocols = new Map<string, { source: unknown; json: string; protocol: Protocol; policy: Policy }>();

  /**
   * The protocol for an organisation's stored policy, rebuilt only when the policy changed. The
   * organisation cache hands out the same object for seconds at a time, so the common case is one
   * identity check; the policy is compared as JSON only when a fresh object arrives. A stored
   * policy that no longer validates falls back to the defaults rather than stopping ingest.
   */
  protocolFor(org: Pick<Organisation, 'id' | 'policy'>): { protocol: Protocol; policy: Policy } {
    const cached = this.protocols.get(org.id);
    if (cached && cached.source === org.policy) return cached;
    const json = JSON.stringify(org.policy ?? {});
    if (cached && cached.json === json) {
      cached.source = org.policy;
      return cached;
    }
    const storedPolicy = org.policy;
    let policy: Policy;
    try {
      policy = parsePolicy(storedPolicy ?? {});
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      policy = DEFAULT_POLICY;
    }
    const entry = { source: storedPolicy, json, protocol: createProtocol(policy), policy };
    this.protocols.set(org.id, entry);
    return entry;
  }
}

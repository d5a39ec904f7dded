/**
 * @module commands/Engine
 * The analysis side of the server: one detector and one coach per process, one protocol per
 * organisation policy. All of it is core, pure and in-process; nothing here touches the store.
 */
import {
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

export class Engine {
  readonly detector: Detector = createDetector();
  readonly coach: DraftCoach = createCoach();
  private readonly protocols = new Map<string, { json: string; protocol: Protocol; policy: Policy }>();

  /**
   * The protocol for an organisation's stored policy, rebuilt only when the policy changed. A stored
   * policy that no longer validates falls back to the defaults rather than stopping ingest.
   */
  protocolFor(orgId: string, storedPolicy: unknown): { protocol: Protocol; policy: Policy } {
    const json = JSON.stringify(storedPolicy ?? {});
    const cached = this.protocols.get(orgId);
    if (cached && cached.json === json) return cached;
    let policy: Policy;
    try {
      policy = parsePolicy(storedPolicy ?? {});
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      policy = DEFAULT_POLICY;
    }
    const entry = { json, protocol: createProtocol(policy), policy };
    this.protocols.set(orgId, entry);
    return entry;
  }
}

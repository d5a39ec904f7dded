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
  LANGUAGES,
  type Detector,
  type DraftCoach,
  type Policy,
  type Protocol,
} from '@calmline/core';
import type { Organisation } from '../store/types.js';

export class Engine {
  readonly detector: Detector = createDetector();
  /** On the same detector: createCoach() alone would build a second one, 18 MB of heap for nothing. */
  readonly coach: DraftCoach = createCoach(this.detector);
  /** Scores whole transcripts (peer review, the simulator's report cards) with the same coach. */
  readonly reviewer = new ConversationReviewer(this.coach, this.detector);
  /**
   * Compiles the coach's matchers for every language, one per turn of the event loop, so the first
   * agent reply in Polish does not stall every request for a fifth of a second. Started by
   * `calmline serve` once it listens (about a second of CPU in all); tests that start servers skip it.
   * Returns a function that stops what has not run yet.
   */
  warmUp(): () => void {
    const queue = [...LANGUAGES];
    let timer: NodeJS.Immediate | undefined;
    this.warmingUp = true;
    const step = () => {
      const lang = queue.shift();
      if (lang === undefined) {
        this.warmingUp = false;
        return;
      }
      this.coach.prepare(lang);
      timer = setImmediate(step);
    };
    timer = setImmediate(step);
    return () => {
      queue.length = 0;
      this.warmingUp = false;
      if (timer) clearImmediate(timer);
    };
  }

  private warmingUp = false;

  /** A warm-up is under way: /readyz says so, so a load balancer (or the bench) waits for it. */
  get warming(): boolean {
    return this.warmingUp;
  }

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

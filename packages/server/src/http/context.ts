/**
 * @module http/context
 * What every route handler can reach, and the request fields the auth hook fills in.
 */
import type { Config } from '../config.js';
import type { ActorResolver } from '../auth/ActorResolver.js';
import type { Permission } from '../auth/roles.js';
import type { ActionRecorder } from '../commands/actionRecorder.js';
import type { Engine } from '../commands/Engine.js';
import type { IncidentKeeper } from '../commands/incidentKeeper.js';
import type { MessageIngester } from '../commands/messageIngester.js';
import type { OrganisationCache } from '../commands/OrganisationCache.js';
import type { LiveHub } from '../live/LiveHub.js';
import type { Notifier } from '../live/Notifier.js';
import type { Store } from '../store/Store.js';
import type { RecruitGate } from '../training/recruitGate.js';
import type { Actor } from '../store/types.js';
import type { Metrics } from './metrics.js';

export interface AppContext {
  config: Config;
  store: Store;
  engine: Engine;
  organisations: OrganisationCache;
  /** Who is still in training and may not take live contacts (cached; see RecruitGate). */
  recruits: RecruitGate;
  actors: ActorResolver;
  hub: LiveHub;
  notifier: Notifier;
  ingester: MessageIngester;
  actions: ActionRecorder;
  incidents: IncidentKeeper;
  metrics: Metrics;
  /** A stable, keyed pseudonym for a personal identifier (a phone number): the same input gives the same reference, which reveals nothing. */
  pseudonymise(value: string): string;
}

/** Every route says who may call it: a permission, or `public`. */
export type RoutePermission = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    /** Set by the auth hook on every route that is not public. */
    actor: Actor | null;
  }
}

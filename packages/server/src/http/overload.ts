/**
 * @module http/overload
 * Load shedding: at most `max` requests are being handled at once; the next is answered at once
 * with 503 `overloaded` and Retry-After instead of being queued. A server fed faster than it can
 * work otherwise keeps every waiting request (its body, its socket, its promise chain) in memory,
 * and memory, not CPU, is what runs out first. Health checks, metrics and live sockets (which stay
 * open for hours) are not counted, so monitoring still sees a busy server as alive.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const EXEMPT = new Set(['/healthz', '/readyz', '/metrics']);

export interface InFlight {
  /** Requests being handled now. */
  readonly current: number;
  /** Requests turned away since start. */
  readonly shed: number;
}

export function installOverloadGuard(app: FastifyInstance, max: number): InFlight {
  const state = { current: 0, shed: 0 };
  app.addHook('onRequest', async (req, reply) => {
    // The route is already matched here: its path, without the query, costs no string work.
    if (req.headers.upgrade !== undefined || EXEMPT.has(req.routeOptions.url ?? '')) return;
    if (state.current >= max) {
      state.shed++;
      void reply.header('retry-after', '1');
      throw new AppError('overloaded');
    }
    state.current++;
    // 'close' fires once, when the answer is sent or the client goes away first.
    reply.raw.once('close', () => state.current--);
  });
  return state;
}

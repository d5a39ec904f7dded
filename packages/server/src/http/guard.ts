/**
 * @module http/guard
 * Every route declares its permission; a route without one stops the server from starting. The
 * onRequest hook authenticates (API token in `Authorization: Bearer`, or the session cookie) and
 * checks the permission before the body is even read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../auth/roles.js';
import type { AppContext, RoutePermission } from './context.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'calmline_session';

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission;
}

/** Routes the server registers for itself (the browsable API page) are public. */
const PUBLIC_PREFIXES = ['/api/docs'];

/** Records every route with its permission; refuses a route that declares none. Install before any route. */
export function installRouteTable(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    if (route.config.permission === undefined && PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) route.config.permission = 'public';
    const permission = route.config.permission;
    if (permission === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, permission });
  });
}

/** Authenticates and checks the permission. Install after the cookie and rate-limit plugins. */
export function installGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (permission === undefined || permission === 'public') return;
    const actor = await authenticate(req, ctx);
    if (!actor) throw new AppError('unauthenticated');
    if (!can(actor.role, permission)) throw new AppError('forbidden', `Your role (${actor.role}) does not allow ${permission}.`);
    req.actor = actor;
  });
}

async function authenticate(req: FastifyRequest, ctx: AppContext) {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    return ctx.actors.fromToken(m[1]!);
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? ctx.actors.fromSession(cookie) : null;
}

/** The actor of a guarded route (the hook guarantees one). */
export function actorOf(req: FastifyRequest) {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

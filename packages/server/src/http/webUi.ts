/**
 * @module http/webUi
 * Serves the built web UI (packages/web/dist) from the same origin as the API, so the session
 * cookie and the WebSocket need no CORS. Files under /assets/ carry a content hash in their names
 * and are cached for a year; every other path that is not the API gets index.html, where the UI's
 * router takes over. When the UI has not been built, / says how to build it instead of a bare 404.
 */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from './types.js';
import { AppError } from './errors.js';

/** From dist/http/ (or src/http/) three levels up is packages/; the UI builds into packages/web/dist. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The router's maxParamLength (http/app.ts): no id is longer. */
const MAX_SEGMENT = 200;

/** Paths the server answers itself; a miss under them is the API's 404, never the UI's page. */
const SERVER_PREFIXES = ['/api/', '/healthz', '/readyz', '/metrics'];

export async function installWebUi(app: App, root: string = DEFAULT_WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}/index.html`);
  if (built) await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { permission: 'public', rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
    const path = (req.params as { '*': string })['*'];
    if (SERVER_PREFIXES.some((p) => `/${path}`.startsWith(p))) {
      // The catch-all takes what the router refused for an over-long id; say so, as the API would.
      if (path.split('/').some((segment) => segment.length > MAX_SEGMENT)) throw new AppError('uri_too_long');
      throw new AppError('not_found');
    }
    if (!built)
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The web UI has not been built. Run `npm run build` (npm ci does it), then restart. The API is at /api/docs.\n');
    if (path.startsWith('assets/') && existsSync(`${root}/${path}`))
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path);
    if (path !== '' && !path.includes('..') && /\.[a-z0-9]+$/i.test(path) && existsSync(`${root}/${path}`)) return reply.sendFile(path);
    // The page that loads the UI must never be cached: it names the current build's assets.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

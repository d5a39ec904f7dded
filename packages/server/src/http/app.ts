/**
 * @module http/app
 * Builds the Fastify application: JSON parsing, errors, auth and permissions, rate limits,
 * metrics, OpenAPI, WebSocket, then the routes. It listens nowhere; see server.ts.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sha256 } from '../auth/secrets.js';
import { alertRoutes } from '../routes/alerts/index.js';
import { analyticsRoutes } from '../routes/analytics/index.js';
import { auditRoutes } from '../routes/audit/index.js';
import { blockRoutes } from '../routes/blocks/index.js';
import { authRoutes } from '../routes/auth/index.js';
import { conversationRoutes } from '../routes/conversations/index.js';
import { draftRoutes } from '../routes/drafts/index.js';
import { incidentRoutes } from '../routes/incidents/index.js';
import { integrationRoutes } from '../routes/integrations/index.js';
import { liveRoutes } from '../routes/live/index.js';
import { messageRoutes } from '../routes/messages/index.js';
import { organisationRoutes } from '../routes/organisation/index.js';
import { reviewRoutes } from '../routes/reviews/index.js';
import { libraryRoutes } from '../routes/reviews/library.js';
import { systemRoutes } from '../routes/system/index.js';
import { teamRoutes } from '../routes/teams/index.js';
import { tokenRoutes } from '../routes/tokens/index.js';
import { trainingRoutes } from '../routes/training/index.js';
import { userRoutes } from '../routes/users/index.js';
import { webhookRoutes } from '../routes/webhooks/index.js';
import { followUpRoutes } from '../routes/wellbeing/followUps.js';
import { wellbeingRoutes } from '../routes/wellbeing/index.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { frameworkErrors, installErrorHandler } from './errorHandler.js';
import { installGuard, installRouteTable, type RouteEntry } from './guard.js';
import { installJsonParser } from './jsonBody.js';
import { installOverloadGuard } from './overload.js';
import { installWebUi } from './webUi.js';
import type { App } from './types.js';

/** Query strings that carry secrets are never logged. */
const SECRET_QUERY = /^(\/api\/auth\/first-sign-in)\?.*/;

export interface BuiltApp {
  app: App;
  /** Every route with its permission, as registered (the RBAC test walks it). */
  routes: RouteEntry[];
}

export async function buildApp(ctx: AppContext, logger: FastifyServerOptions['logger'] = false): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === 'object' ? logger : {}),
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: req.url.replace(SECRET_QUERY, '$1?…'),
                ip: req.ip,
              }),
            },
          },
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    // Ids are UUIDs; anything longer in a path is not ours.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    // One log line per request at thousands a second is noise; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteEntry[] = [];

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonParser(app);
  installErrorHandler(app);
  installRouteTable(app, routes);
  // First of the request hooks: a request turned away costs no rate-limit lookup or auth.
  const inFlight = installOverloadGuard(app, ctx.config.maxInFlight);
  ctx.metrics.watchInFlight(inFlight);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    // A request with a token is counted against the token; without, against the address.
    keyGenerator: (req) => {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      return m ? `token:${sha256(m[1]!)}` : `ip:${req.ip}`;
    },
    max: (_req, key) => (key.startsWith('token:') ? ctx.config.rateLimit.perToken : ctx.config.rateLimit.perIp),
    errorResponseBuilder: (_req, c) => new AppError('rate_limited', `Too many requests; try again in ${c.after}.`),
  });
  installGuard(app, ctx);
  await app.register(websocket, { options: { maxPayload: 4096 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Calmline API', version: '0.1.0', description: 'Protecting customer-service staff: ingest, alerts, live updates.' },
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'An API token (POST /api/tokens)' },
          session: { type: 'apiKey', in: 'cookie', name: 'calmline_session' },
        },
      },
      security: [{ token: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onResponse', async (req, reply) => {
    // A refused WebSocket upgrade (401, 403, 429) answers on the raw socket, which nothing else
    // would ever close: a client that went away would otherwise keep it, and shutdown would wait.
    if (req.headers.upgrade !== undefined && req.raw.socket && !req.raw.socket.destroyed && reply.statusCode !== 101) req.raw.socket.end();
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.requestSeconds.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  systemRoutes(app, ctx);
  authRoutes(app, ctx);
  messageRoutes(app, ctx);
  draftRoutes(app, ctx);
  conversationRoutes(app, ctx);
  alertRoutes(app, ctx);
  incidentRoutes(app, ctx);
  blockRoutes(app, ctx);
  wellbeingRoutes(app, ctx);
  followUpRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  trainingRoutes(app, ctx);
  reviewRoutes(app, ctx);
  libraryRoutes(app, ctx);
  organisationRoutes(app, ctx);
  teamRoutes(app, ctx);
  userRoutes(app, ctx);
  tokenRoutes(app, ctx);
  auditRoutes(app, ctx);
  webhookRoutes(app, ctx);
  integrationRoutes(app, ctx);
  liveRoutes(app, ctx);
  await installWebUi(app, ctx.config.webRoot);
  await app.ready();
  return { app, routes };
}

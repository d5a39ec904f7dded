/**
 * @module routes/system
 * /healthz (the process answers), /readyz (the database answers and the language data is ready), /metrics (Prometheus), and the
 * OpenAPI document at /api/openapi.json.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';

export function systemRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and the language data is prepared',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
      },
    },
    async () => {
      // The first second after `calmline serve` starts goes to compiling the coach's languages;
      // traffic sent then would wait behind it.
      if (ctx.engine.warming) throw new AppError('starting');
      try {
        await sql`select 1`.execute(ctx.store.db);
      } catch {
        throw new AppError('unavailable');
      }
      return { status: 'ready' as const, database: ctx.store.dialect };
    },
  );

  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());
}

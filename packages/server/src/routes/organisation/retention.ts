/**
 * @module routes/organisation/retention
 * How long the organisation keeps closed incidents: everyone who may read the organisation sees the
 * period and where it comes from; admins set it, within one to ten years (there is no "keep
 * forever": records must be purged eventually), or return to the server's default. Shortening it
 * purges older records at the next purge, so each change is audited with the old and the new period.
 */
import { z } from 'zod';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, retentionOf } from '../../commands/incidentRetention.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { Actor } from '../../store/types.js';
import { COMMON_ERRORS } from '../schemas.js';

const RANGE = `a whole number of days from ${RETENTION_MIN_DAYS} (one year) to ${RETENTION_MAX_DAYS} (ten years)`;

const RetentionBody = z.object({
  days: z
    .number({ error: `give ${RANGE}; records cannot be kept forever` })
    .int({ error: `must be ${RANGE}` })
    .min(RETENTION_MIN_DAYS, { error: `must be ${RANGE}` })
    .max(RETENTION_MAX_DAYS, { error: `must be ${RANGE}; records must be purged eventually` }),
});

const Retention = z
  .object({
    days: z.number().int().describe('Closed incidents untouched for longer than this lose their content'),
    source: z
      .enum(['organisation', 'server_default'])
      .describe('Set by an admin here, or the server configuration (incidentRetentionDays)'),
    defaultDays: z.number().int().describe("The server configuration's period, used until the organisation sets one"),
    minDays: z.number().int(),
    maxDays: z.number().int(),
  })
  .describe('How long closed incident records are kept');

export function retentionRoutes(app: App, ctx: AppContext): void {
  const read = async (orgId: string) => ({
    ...(await retentionOf(ctx.store, orgId, ctx.config.incidentRetentionDays)),
    defaultDays: ctx.config.incidentRetentionDays,
    minDays: RETENTION_MIN_DAYS,
    maxDays: RETENTION_MAX_DAYS,
  });

  /**
   * Sets the organisation's own period, or forgets it (`server_default`), audited as one action:
   * to whoever reads the log, both change how long records are kept. Going back to the default when
   * already on it changes nothing and is not audited.
   */
  const change = async (actor: Actor, ip: string, to: { days: number; source: 'organisation' | 'server_default' }) => {
    await ctx.store.transaction(async (tx) => {
      const before = await retentionOf(tx, actor.orgId, ctx.config.incidentRetentionDays);
      if (to.source === 'server_default') {
        if (before.source === 'server_default') return;
        await tx.settings.clearIncidentRetentionDays(actor.orgId);
      } else await tx.settings.setIncidentRetentionDays(actor.orgId, to.days);
      await tx.audit.record(
        actor,
        'organisation.retention_changed',
        { type: 'organisation', id: actor.orgId },
        { from: before.days, fromSource: before.source, to: to.days, toSource: to.source },
        ip,
      );
    });
    return read(actor.orgId);
  };

  app.get(
    '/api/organisation/retention',
    {
      config: { permission: 'organisation:read' },
      schema: {
        tags: ['organisation'],
        summary: 'How long closed incidents are kept, and whether the organisation or the server sets it',
        response: { 200: Retention, ...COMMON_ERRORS },
      },
    },
    async (req) => read(actorOf(req).orgId),
  );

  app.put(
    '/api/organisation/retention',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Set how long closed incidents are kept (365 to 3650 days)',
        description:
          'Closed incidents untouched for longer than the period lose their content at the next purge (every 15 minutes); ' +
          'their place in the tamper-evident chain stays. Lengthening the period does not bring back what was purged.',
        body: RetentionBody,
        response: { 200: Retention, ...COMMON_ERRORS },
      },
    },
    async (req) => change(actorOf(req), req.ip, { days: req.body.days, source: 'organisation' }),
  );

  app.delete(
    '/api/organisation/retention',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        tags: ['organisation'],
        summary: "Go back to the server's default period (forget the organisation's own)",
        description:
          "From the next purge the server configuration's period applies again; if it is shorter than the organisation's was, " +
          'older closed incidents lose their content then. Answers the period that now applies; nothing changes (and nothing is ' +
          'audited) when the organisation had no period of its own.',
        response: { 200: Retention, ...COMMON_ERRORS },
      },
    },
    async (req) => change(actorOf(req), req.ip, { days: ctx.config.incidentRetentionDays, source: 'server_default' }),
  );
}

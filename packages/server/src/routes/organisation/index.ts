/**
 * @module routes/organisation
 * The organisation and its protocol policy (warnings before ending, profanity handling, threat and
 * crisis escalation, wellbeing thresholds, register per language). Everyone may read it, so the
 * console can explain what the protocol will do; admins change it. The policy is validated by core's
 * own schema, and each wrong field is named. How long incidents are kept is in ./retention.ts.
 */
import { PolicyError, PolicySchema, parsePolicy } from '@calmline/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS, Id } from '../schemas.js';
import { retentionRoutes } from './retention.js';

const Organisation = z.object({ id: Id, name: z.string(), policy: PolicySchema, createdAt: z.string() });

export function organisationRoutes(app: App, ctx: AppContext): void {
  retentionRoutes(app, ctx);
  const read = async (orgId: string) => {
    const org = await ctx.store.organisations.get(orgId);
    if (!org) throw new AppError('not_found');
    let policy;
    try {
      policy = parsePolicy(org.policy);
    } catch {
      policy = parsePolicy({});
    }
    return { id: org.id, name: org.name, policy, createdAt: org.createdAt };
  };

  app.get(
    '/api/organisation',
    {
      config: { permission: 'organisation:read' },
      schema: {
        tags: ['organisation'],
        summary: 'The organisation and its policy (defaults filled in)',
        response: { 200: Organisation, ...COMMON_ERRORS },
      },
    },
    async (req) => read(actorOf(req).orgId),
  );

  app.put(
    '/api/organisation/policy',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Replace the protocol policy (omitted fields take their defaults)',
        body: z.record(z.string(), z.unknown()),
        response: { 200: Organisation, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      try {
        parsePolicy(req.body);
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err;
        // The code and its numbers or choices let a UI say the problem in the admin's language.
        const details = err.issues.map(({ field, message, ...rest }) => ({ field: `body.${field}`, problem: message, ...rest }));
        throw new AppError('validation_failed', `${details[0]?.field}: ${details[0]?.problem}`, details);
      }
      await ctx.store.organisations.setPolicy(actor.orgId, req.body);
      ctx.organisations.forget(actor.orgId);
      await ctx.store.audit.record(actor, 'organisation.policy_changed', { type: 'organisation', id: actor.orgId }, req.body, req.ip);
      return read(actor.orgId);
    },
  );
}

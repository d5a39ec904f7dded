/**
 * @module routes/training
 * The simulator (PRODUCT.md practice 8, "Train before going live"): the scenario list, starting a
 * session, playing it turn by turn (replies and actions), pausing, leaving, and reading it back with
 * its report card. Only the trainee plays their session; their coach, their team's lead and admins
 * may read it. Cohorts, assignments, readiness and sign-off are in ./cohorts.
 */
import { randomInt } from 'node:crypto';
import { LANGUAGES, scenarioById, shippedScenarios, type AgentAction } from '@calmline/core';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { TrainingSession } from '../../store/TrainingRepository.js';
import { mayViewTrainee } from '../../training/access.js';
import { LocalModel } from '../../training/localModel.js';
import { SessionRunner } from '../../training/sessionRunner.js';
import { COMMON_ERRORS, Id, IdParams } from '../schemas.js';
import { cohortRoutes } from './cohorts.js';
import {
  ACKNOWLEDGED_NOTES,
  presentScenario,
  presentSession,
  presentStep,
  presentSummary,
  ScenarioItem,
  SessionSchema,
  SessionSummarySchema,
  StepSchema,
} from './schemas.js';

/** What a trainee can do besides replying (a supervisor joining is something that happens to them). */
const TRAINEE_ACTIONS = [
  'warning_issued',
  'callback_offered',
  'contact_ended',
  'supervisor_called',
  'security_called',
] as const satisfies readonly AgentAction[];

const PLAY_ERRORS = { ...COMMON_ERRORS, 409: COMMON_ERRORS[400] };
const Played = z.object({ session: SessionSchema, step: StepSchema });

export function trainingRoutes(app: App, ctx: AppContext): void {
  const { simModelUrl, simModelName, simModelTimeoutMs } = ctx.config;
  const model = simModelUrl
    ? new LocalModel({
        url: simModelUrl,
        model: simModelName,
        timeoutMs: simModelTimeoutMs,
        onError: (err) => app.log.warn({ err }, 'the simulator model failed; the scripted line was used'),
      })
    : undefined;
  const runner = new SessionRunner(ctx.store, ctx.engine, model);
  const present = (s: TrainingSession) => {
    const scenario = scenarioById(s.scenarioId);
    return presentSession(s, scenario, scenario ? runner.report(s) : null);
  };

  app.get(
    '/api/training/scenarios',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: 'The training scenarios, gentlest first, and whether free-text customers are available',
        querystring: z.object({ lang: z.enum(LANGUAGES).optional() }),
        response: {
          200: z.object({
            freeTextAvailable: z.boolean().describe('A local model is configured (simModelUrl) to word the customer freely'),
            scenarios: z.array(ScenarioItem),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    (req) => {
      const lang = req.query.lang;
      const scenarios = shippedScenarios().filter((s) => lang === undefined || s.lang === lang);
      return { freeTextAvailable: model !== undefined, scenarios: scenarios.map(presentScenario) };
    },
  );

  app.post(
    '/api/training/sessions',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: "Start a session: the customer's opening line is the first turn",
        body: z.object({
          scenarioId: z.string().min(1).max(80),
          seed: z.number().int().min(0).max(2_147_483_647).optional().describe('The same seed and replies give the same customer'),
          freeText: z.boolean().default(false).describe('Have the local model word the customer (when one is configured)'),
          assignmentId: Id.optional().describe("One of my cohort's assignments"),
          acknowledgedContent: z
            .boolean()
            .optional()
            .describe('Required (true) for scenarios with abuse, threats or self-harm: the trainee has read the content note'),
        }),
        response: { 201: SessionSchema, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      const scenario = scenarioById(body.scenarioId);
      if (!scenario) throw new AppError('validation_failed', `There is no training scenario ${body.scenarioId}.`);
      const notes = scenario.contentNotes.filter((n) => ACKNOWLEDGED_NOTES.includes(n));
      if (notes.length > 0 && body.acknowledgedContent !== true)
        throw new AppError(
          'content_note_required',
          `This scenario contains ${notes.map((n) => n.replace('_', '-')).join(', ')}: read its content note, then start it with acknowledgedContent: true.`,
          { contentNotes: scenario.contentNotes },
        );
      if (body.freeText && !model)
        throw new AppError('validation_failed', 'Free-text customers need a local model (simModelUrl); this server has none configured.');
      let cohortId: string | null = null;
      if (body.assignmentId) {
        const assignment = await ctx.store.training.assignment(body.assignmentId);
        const cohort = assignment && (await ctx.store.training.cohort(actor.orgId, assignment.cohortId));
        const member = cohort && (await ctx.store.training.members([cohort.id])).some((m) => m.userId === actor.userId);
        if (!assignment || !member) throw new AppError('validation_failed', 'assignmentId is not an assignment of a cohort you are in.');
        if (assignment.scenarioId !== scenario.id)
          throw new AppError('validation_failed', `This assignment is scenario ${assignment.scenarioId}, not ${scenario.id}.`);
        cohortId = assignment.cohortId;
      } else {
        // Practice outside an assignment still shows in the recruit's open cohort.
        const open = (await ctx.store.training.membershipsOf(actor.orgId, actor.userId)).find((m) => m.cohort.closedAt === null);
        cohortId = open?.cohort.id ?? null;
      }
      const { session } = await runner.start(actor, {
        scenario,
        seed: body.seed ?? randomInt(0, 2_147_483_647),
        freeText: body.freeText,
        cohortId,
        assignmentId: body.assignmentId ?? null,
      });
      return reply.code(201).send(present(session));
    },
  );

  app.get(
    '/api/training/sessions',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: "My sessions, or a trainee's (their coach, their team's lead, admins), newest first",
        querystring: z.object({ userId: Id.optional() }),
        response: { 200: z.object({ sessions: z.array(SessionSummarySchema) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const userId = req.query.userId ?? actor.userId;
      if (!(await mayViewTrainee(ctx.store, actor, userId))) throw new AppError('not_found', 'No trainee with this id is visible to you.');
      const sessions = await ctx.store.training.sessions(actor.orgId, [userId]);
      return { sessions: sessions.map((s) => presentSummary(s, scenarioById(s.scenarioId))) };
    },
  );

  app.get(
    '/api/training/sessions/:id',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: 'A session with its transcript, and its report card once finished',
        params: IdParams,
        response: { 200: SessionSchema, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const session = await ctx.store.training.session(actor.orgId, req.params.id);
      if (!session || !(await mayViewTrainee(ctx.store, actor, session.userId)))
        throw new AppError('not_found', 'There is no training session with this id visible to you.');
      return present(session);
    },
  );

  app.post(
    '/api/training/sessions/:id/reply',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: 'Send a reply; the customer answers',
        params: IdParams,
        body: z.object({ text: z.string().max(5000) }),
        response: { 200: Played, ...PLAY_ERRORS },
      },
    },
    async (req) => {
      const { session, step, voice } = await runner.reply(actorOf(req), req.params.id, req.body.text);
      return { session: present(session), step: presentStep(step, voice) };
    },
  );

  app.post(
    '/api/training/sessions/:id/action',
    {
      config: { permission: 'training:practise' },
      schema: {
        tags: ['training'],
        summary: 'Take an action: a warning, a callback offer, ending the contact, calling a supervisor or security',
        params: IdParams,
        body: z.object({ action: z.enum(TRAINEE_ACTIONS) }),
        response: { 200: Played, ...PLAY_ERRORS },
      },
    },
    async (req) => {
      const { session, step, voice } = await runner.act(actorOf(req), req.params.id, req.body.action);
      return { session: present(session), step: presentStep(step, voice) };
    },
  );

  for (const [verb, summary] of [
    ['pause', 'Pause a session (it refuses turns until resumed)'],
    ['resume', 'Resume a paused session'],
    ['exit', 'Leave a session: it ends as exited, with its report card'],
  ] as const)
    app.post(
      `/api/training/sessions/:id/${verb}`,
      {
        config: { permission: 'training:practise' },
        schema: { tags: ['training'], summary, params: IdParams, response: { 200: SessionSchema, ...PLAY_ERRORS } },
      },
      async (req) => {
        const actor = actorOf(req);
        const session =
          verb === 'exit' ? await runner.exit(actor, req.params.id) : await runner.setPaused(actor, req.params.id, verb === 'pause');
        return present(session);
      },
    );

  cohortRoutes(app, ctx);
}

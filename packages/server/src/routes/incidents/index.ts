/**
 * @module routes/incidents
 * Incident records: list, one record with its events, the agent's report button, filling in the
 * fields after the fact, review status, JSON/CSV/PDF export, and the chain check with its signed head.
 */
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { EDITABLE_FIELDS, INCIDENT_STATUSES } from '../../incidents/record.js';
import type { Actor } from '../../store/types.js';
import { COMMON_ERRORS, IdParams } from '../schemas.js';
import { redact, toCsv, type IncidentExport } from './export.js';

/**
 * The PDF stack (pdfkit, its font engine, bidi-js) is loaded on the first export, not at start-up:
 * about 11 MB of the server's resident memory that the ingest path never uses.
 */
const toPdf = async (e: IncidentExport): Promise<Buffer> => (await import('./pdf.js')).toPdf(e);

/** Roles that see the customer's pseudonymous reference in records and exports. */
const PERSONAL = new Set(['security', 'admin']);

const Text = z.string().nullable();
const IncidentRecord = z.object({
  status: z.enum(INCIDENT_STATUSES),
  conduct: z.string(),
  openedBy: z.enum(['policy', 'agent_report']),
  occurredAt: z.string(),
  channel: z.string(),
  customerRef: Text.describe("The customer's pseudonymous reference; redacted unless your role may see personal data"),
  evidence: z.array(z.object({ messageId: z.string(), text: z.string(), label: z.string(), at: z.string() })),
  actionsTaken: z.array(z.object({ action: z.string(), at: z.string(), by: Text })),
  notified: z.array(z.object({ who: z.string(), at: z.string() })),
  reports: z.array(z.object({ note: Text, by: Text, at: z.string() })),
  circumstances: Text,
  injury: Text,
  lostTime: Text,
  supportOffered: Text,
  policeReference: Text,
  witnesses: Text,
  completedBy: Text,
  purged: z.boolean().optional().describe('true once retention removed the content; the events keep their place in the chain'),
});

const Incident = z.object({
  id: z.string(),
  conversationId: z.string(),
  teamId: z.string().nullable(),
  agentId: z.string().nullable(),
  openedBy: z.string(),
  conduct: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  record: IncidentRecord,
  createdAt: z.string(),
  updatedAt: z.string(),
});
const ChainReport = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  checkpoint: z.object({ position: z.number().int(), headHash: z.string() }).nullable(),
  problems: z.array(z.string()),
});
const ChainEvent = z.object({
  position: z.number().int().describe("The event's place in the organisation's chain"),
  kind: z.string(),
  payload: z.unknown().describe('What changed; null once retention purged it'),
  actorUserId: z.string().nullable(),
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string().describe('HMAC-SHA256 over its place, content and the previous hash'),
});
/** The JSON form of GET /api/incidents/:id (export.ts: IncidentExport). */
const IncidentExport = z
  .object({
    incident: Incident,
    events: z.array(ChainEvent).describe("This incident's events, in chain order"),
    chain: ChainReport.describe("The whole organisation's chain, checked as this was exported"),
    exportedAt: z.string(),
  })
  .describe('An incident with its chained events and the chain proof');
/** The PDF's bytes: a Buffer to Fastify, binary to the OpenAPI document. */
const PdfBytes = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', description: 'An A4 report for HR or the police' });
const Fields = z.object(
  Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, z.string().max(5000).nullable().optional()])) as Record<
    (typeof EDITABLE_FIELDS)[number],
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);

export function incidentRoutes(app: App, ctx: AppContext): void {
  const find = async (actor: Actor, id: string) => {
    const incident = await ctx.store.incidents.visible(actor, id);
    if (!incident) throw new AppError('not_found', 'No incident with this id is visible to you.');
    return incident;
  };
  const exportOf = async (actor: Actor, id: string): Promise<IncidentExport> => {
    const incident = await find(actor, id);
    const events = await ctx.store.incidents.events(incident.id);
    return {
      incident: redact(incident, PERSONAL.has(actor.role)),
      events: events.map(({ position, kind, payload, actorUserId, createdAt, prevHash, hash }) => ({
        position,
        kind,
        payload,
        actorUserId,
        createdAt,
        prevHash,
        hash,
      })),
      chain: await ctx.incidents.verify(ctx.store, actor.orgId),
      exportedAt: new Date().toISOString(),
    };
  };

  app.get(
    '/api/incidents',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'List incidents',
        querystring: z.object({
          status: z.enum(INCIDENT_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ incidents: z.array(Incident) }), ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { incidents: (await ctx.store.incidents.list(actor, req.query)).map((i) => redact(i, PERSONAL.has(actor.role))) };
    },
  );

  app.get(
    '/api/incidents/verify',
    {
      config: { permission: 'incidents:verify' },
      schema: {
        tags: ['incidents'],
        summary: "Check the organisation's whole incident chain and its signed head",
        response: { 200: ChainReport, ...COMMON_ERRORS },
      },
    },
    async (req) => ctx.incidents.verify(ctx.store, actorOf(req).orgId),
  );

  app.get(
    '/api/incidents/checkpoint',
    {
      config: { permission: 'incidents:verify' },
      schema: {
        tags: ['incidents'],
        summary: 'The newest signed head of the chain, to keep somewhere else (deleting the newest events is detected against it)',
        response: {
          200: z.object({ position: z.number().int(), headHash: z.string(), createdAt: z.string(), signature: z.string() }).nullable(),
          ...COMMON_ERRORS,
        },
      },
    },
    async (req) => {
      const [c] = await ctx.store.incidents.checkpoints(actorOf(req).orgId, 1);
      return c ? { position: c.position, headHash: c.headHash, createdAt: c.createdAt, signature: c.signature } : null;
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { permission: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'One incident with its chained events (as JSON, or with ?format=csv CSV, or with ?format=pdf an A4 PDF report)',
        description:
          "Every format carries the chain proof (each event's hash, the verification result, the signed head). The PDF is " +
          'a printable report for HR or the police: the record, the verbatim evidence in any script, actions, who was ' +
          'notified, reports and the chain proof, with page numbers.',
        params: IdParams,
        querystring: z.object({ format: z.enum(['json', 'csv', 'pdf']).default('json') }),
        response: {
          // One route, three media types: the JSON is checked against its schema; the CSV text and
          // the PDF bytes are sent as they are (Fastify serialises neither a string nor a Buffer).
          200: {
            description: 'The record in the format asked for',
            content: {
              'application/json': { schema: IncidentExport },
              'text/csv': { schema: z.string().describe('One row per fact: section, at, name, value (RFC 4180)') },
              'application/pdf': { schema: PdfBytes },
            },
          },
          ...COMMON_ERRORS,
        },
      },
    },
    async (req, reply) => {
      const e = await exportOf(actorOf(req), req.params.id);
      if (req.query.format === 'csv') {
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="incident-${e.incident.id}.csv"`);
        return toCsv(e);
      }
      if (req.query.format === 'pdf') {
        const pdf = await toPdf(e);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="incident-${e.incident.id}.pdf"`)
          .send(pdf);
      }
      return e;
    },
  );

  app.post(
    '/api/conversations/:id/report',
    {
      config: { permission: 'incidents:report' },
      schema: {
        tags: ['incidents'],
        summary: '"I was hurt / this was not OK": opens an incident for the conversation (no classification needed)',
        params: IdParams,
        body: z.object({ note: z.string().max(5000).optional() }).nullish(),
        response: { 201: Incident, ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const incident = await ctx.store.transaction(async (tx) => {
        const c = await tx.conversations.visible(actor, req.params.id);
        if (!c) throw new AppError('not_found', 'No conversation with this id is visible to you.');
        const i = await ctx.incidents.report(tx, c, actor.userId, req.body?.note ?? null);
        await tx.audit.record(actor, 'incident.reported', { type: 'incident', id: i.id }, null, req.ip);
        return i;
      });
      return reply.code(201).send(redact(incident, PERSONAL.has(actor.role)));
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { permission: 'incidents:update' },
      schema: {
        tags: ['incidents'],
        summary: 'Fill in the record (circumstances, injury, lost time, support offered, police reference, witnesses, completed by)',
        params: IdParams,
        body: Fields,
        response: { 200: Incident, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const changes = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) throw new AppError('validation_failed', 'Give at least one field to change.');
      const incident = await ctx.store.transaction(async (tx) => {
        const before = await tx.incidents.visible(actor, req.params.id);
        if (!before) throw new AppError('not_found', 'No incident with this id is visible to you.');
        if (before.status === 'closed')
          throw new AppError('invalid_transition', 'This incident is closed; its record can no longer change.');
        return tx.incidents.append(ctx.incidents.keysForAppend(), actor.orgId, before.id, 'fields', changes, actor.userId);
      });
      return redact(incident, PERSONAL.has(actor.role));
    },
  );

  app.post(
    '/api/incidents/:id/status',
    {
      config: { permission: 'incidents:update' },
      schema: {
        tags: ['incidents'],
        summary: 'Review status: open → under_review → closed',
        params: IdParams,
        body: z.object({ status: z.enum(INCIDENT_STATUSES) }),
        response: { 200: Incident, ...COMMON_ERRORS },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const order = { open: 0, under_review: 1, closed: 2 } as const;
      const incident = await ctx.store.transaction(async (tx) => {
        const before = await tx.incidents.visible(actor, req.params.id);
        if (!before) throw new AppError('not_found', 'No incident with this id is visible to you.');
        if (order[req.body.status] <= order[before.status])
          throw new AppError('invalid_transition', `This incident is ${before.status}; it only moves forward.`);
        const after = await tx.incidents.append(
          ctx.incidents.keysForAppend(),
          actor.orgId,
          before.id,
          'status',
          { from: before.status, to: req.body.status },
          actor.userId,
        );
        await tx.audit.record(actor, `incident.${req.body.status}`, { type: 'incident', id: before.id }, null, req.ip);
        return after;
      });
      return redact(incident, PERSONAL.has(actor.role));
    },
  );
}

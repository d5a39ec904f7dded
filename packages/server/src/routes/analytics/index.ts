/**
 * @module routes/analytics
 * Fixing root causes (practice 7): abuse rates by channel, team, hour and contact reason with
 * their trend, de-escalation success and hard contacts that ended well; why customers get angry
 * (reasons and recurring words per language); the same numbers as CSV; improvement projects
 * (projects.ts). Leads see their teams' contacts only, and every answer says which scope it has.
 * Definitions: analytics/definitions and docs/ANALYTICS.md.
 */
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { COMMON_ERRORS } from '../schemas.js';
import { reasonsCsv, seriesCsv, summaryCsv, termsCsv } from './csv.js';
import { projectRoutes } from './projects.js';
import { rootCausesReport, summaryReport } from './reports.js';
import { CsvQuery, ReportQuery, RootCausesResponse, SummaryResponse } from './schema.js';

export function analyticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/analytics/summary',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Abuse rate (overall, by channel, team, hour and reason, over time), de-escalation success, hard contacts ended well',
        querystring: ReportQuery,
        response: { 200: SummaryResponse, ...COMMON_ERRORS },
      },
    },
    async (req) => summaryReport(ctx.store, actorOf(req), req.query),
  );

  app.get(
    '/api/analytics/root-causes',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Why customers get angry: contact reasons and recurring words in angry messages, per language',
        querystring: ReportQuery,
        response: { 200: RootCausesResponse, ...COMMON_ERRORS },
      },
    },
    async (req) => rootCausesReport(ctx.store, actorOf(req), req.query),
  );

  app.get(
    '/api/analytics/export.csv',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'A report as CSV (summary, reasons, terms or series), with the same filters as the JSON reports',
        description: 'RFC 4180 with a header row; text cells starting with = + - @ are prefixed with a single quote.',
        querystring: CsvQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text'), ...COMMON_ERRORS },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { report } = req.query;
      let csv: string;
      if (report === 'summary' || report === 'series') {
        const s = await summaryReport(ctx.store, actor, req.query);
        csv = report === 'summary' ? summaryCsv(s) : seriesCsv(s.series);
      } else {
        const r = await rootCausesReport(ctx.store, actor, req.query);
        csv = report === 'reasons' ? reasonsCsv(r.languages) : termsCsv(r.languages);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="calmline-${report}.csv"`)
        .send(csv);
    },
  );

  projectRoutes(app, ctx);
}

/**
 * @module routes/analytics/schema
 * The analytics API's shapes: they validate requests, shape the answers and are the OpenAPI
 * document (packages/web/src/screens/analytics/types.ts mirrors the responses until the web's
 * types are generated again).
 */
import { LANGUAGES } from '@calmline/core';
import { z } from 'zod';
import { INTERVALS } from '../../analytics/grouping.js';
import { METRICS } from '../../analytics/projects.js';
import { PROJECT_STATUSES } from '../../store/ImprovementProjectRepository.js';
import { Id } from '../schemas.js';

export const FilterQuery = z.object({
  channel: z.string().min(1).max(64).optional().describe('Only this channel (chat, email, phone…)'),
  teamId: Id.optional().describe('Only this team'),
  reason: z.string().min(1).max(200).optional().describe('Only this contact reason; `unspecified` for contacts without one'),
  lang: z.enum(LANGUAGES).optional().describe('Only conversations in this language'),
});

export const ReportQuery = FilterQuery.extend({
  from: z.string().max(40).optional().describe('ISO date (a whole local day) or date-time; default: 30 days ago'),
  to: z.string().max(40).optional().describe('ISO date (inclusive, to the end of that local day) or date-time; default: now'),
  tz: z.string().max(64).optional().describe('IANA time zone for hours of day and days, e.g. Europe/Berlin; default UTC'),
  interval: z.enum(INTERVALS).default('day').describe('The series: one point per day or per week (weeks start on Monday)'),
});

export const Scope = z
  .enum(['organisation', 'teams'])
  .describe("organisation: every contact; teams: only the contacts of the caller's teams (leads)");

export const Rates = z.object({
  contacts: z.number().int(),
  abusiveContacts: z.number().int().describe('Contacts with at least one customer message labelled abuse or threat'),
  angryContacts: z.number().int().describe('Contacts with a frustration, profanity, abuse or threat message'),
  hardContacts: z.number().int().describe('Contacts with an abuse, threat or self_harm message'),
  hardContactsEndedWell: z
    .number()
    .int()
    .describe('Hard contacts not ended by the agent whose last customer message is none or frustration'),
  warnedContacts: z.number().int().describe('Contacts where the agent set a boundary (warning_issued)'),
  deescalatedContacts: z.number().int().describe('Warned contacts with no abuse or threat after the last warning, not ended by the agent'),
  abuseRate: z.number().nullable().describe('Abusive contacts per 1,000 contacts'),
  frustrationRate: z.number().nullable().describe('Angry contacts per 1,000 contacts'),
  hardContactRate: z.number().nullable().describe('Hard contacts per 1,000 contacts'),
  deescalationSuccess: z.number().nullable().describe('deescalatedContacts / warnedContacts, 0–1'),
  endedWellShare: z.number().nullable().describe('hardContactsEndedWell / hardContacts, 0–1'),
});

export const GroupRow = Rates.extend({
  key: z.string().describe('The channel, team id (`none` without a team), hour 00–23 or contact reason'),
  name: z.string().nullable().describe("The team's name; null for other breakdowns"),
});

export const SeriesRow = Rates.extend({ start: z.string().describe('First local day of the bucket, YYYY-MM-DD') });

export const WindowInfo = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  interval: z.enum(INTERVALS),
});

export const SummaryResponse = z.object({
  scope: Scope,
  window: WindowInfo,
  totals: Rates,
  byChannel: z.array(GroupRow),
  byTeam: z.array(GroupRow),
  byHour: z.array(GroupRow).describe('All 24 hours of the day in the time zone, 00 to 23'),
  byReason: z.array(GroupRow),
  series: z.array(SeriesRow),
});

export const ReasonRow = z.object({
  reason: z.string(),
  contacts: z.number().int(),
  angryContacts: z.number().int(),
  share: z.number().describe('angryContacts / contacts, 0–1'),
  rankByCount: z.number().int(),
  rankByShare: z.number().int(),
});

export const TermRow = z.object({
  term: z.string(),
  count: z.number().int().describe('Occurrences in frustrated or abusive messages'),
  conversations: z.number().int().describe('Distinct conversations using it (at least 3)'),
  calmCount: z.number().int().describe('Occurrences in calm (none) messages'),
  score: z.number().describe('Log-odds z-score against calm messages (informative Dirichlet prior)'),
});

export const RootCausesResponse = z.object({
  scope: Scope,
  window: WindowInfo,
  languages: z.array(
    z.object({
      language: z.string().describe('A language code; `und` when unknown'),
      contacts: z.number().int(),
      angryContacts: z.number().int(),
      reasons: z.array(ReasonRow),
      terms: z.array(TermRow).describe('Top 20, most distinctive first'),
    }),
  ),
});

export const CsvQuery = ReportQuery.extend({ report: z.enum(['summary', 'reasons', 'terms', 'series']).default('summary') });

export const ProjectFilterSchema = z.object({
  channel: z.string().min(1).max(64).nullable(),
  teamId: Id.nullable(),
  reason: z.string().min(1).max(200).nullable(),
  lang: z.enum(LANGUAGES).nullable(),
});

export const ProjectResponse = z.object({
  id: Id,
  name: z.string(),
  problem: z.string(),
  metric: z.enum(METRICS),
  filter: ProjectFilterSchema,
  baseline: z.number().nullable().describe('null when it could not be computed (no contacts before the start)'),
  baselineSource: z.enum(['given', 'computed']),
  target: z.number(),
  lowerIsBetter: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(PROJECT_STATUSES),
  createdBy: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  current: z.number().nullable().describe('The metric over the window so far'),
  contacts: z.number().int().describe('Contacts in the window so far'),
  progress: z.number().nullable().describe('From baseline (0) to target (1)'),
  elapsed: z.number().describe('Share of the window gone, 0–1'),
  onTrack: z.boolean().nullable().describe('At the target, or progress keeping pace with time; null before any contact'),
  series: z.array(z.object({ weekStart: z.string(), contacts: z.number().int(), value: z.number().nullable() })),
});

const When = z.string().max(40).describe('ISO date or date-time');

export const ProjectCreateBody = z.object({
  name: z.string().trim().min(1).max(200),
  problem: z.string().trim().min(1).max(4000),
  metric: z.enum(METRICS),
  filter: FilterQuery.optional(),
  baseline: z.number().min(0).max(1000).optional().describe('Omit to compute it over the same-length window right before the start'),
  target: z.number().min(0).max(1000),
  startsAt: When.optional().describe('Default: now'),
  endsAt: When.optional().describe('Default: 90 days after the start; at most 366 days after it'),
});

export const ProjectUpdateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  problem: z.string().trim().min(1).max(4000).optional(),
  baseline: z.number().min(0).max(1000).nullable().optional().describe('null: compute it again from the window before the start'),
  target: z.number().min(0).max(1000).optional(),
  startsAt: When.optional(),
  endsAt: When.optional(),
});

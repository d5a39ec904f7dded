/**
 * Names for the analytics API's answers, taken from the generated API types (api/schema.d.ts).
 */
import type { Body, Reply } from '../../api/types';

export type Summary = Reply<'/api/analytics/summary'>;
export type Scope = Summary['scope'];
export type WindowInfo = Summary['window'];
export type Interval = WindowInfo['interval'];
export type Rates = Summary['totals'];
export type GroupRow = Summary['byChannel'][number];
export type SeriesRow = Summary['series'][number];

export type RootCauses = Reply<'/api/analytics/root-causes'>;
export type ReasonRow = RootCauses['languages'][number]['reasons'][number];
export type TermRow = RootCauses['languages'][number]['terms'][number];

export type ProjectList = Reply<'/api/analytics/projects'>;
export type Project = ProjectList['projects'][number];
export type Metric = Project['metric'];
export type NewProject = Body<'/api/analytics/projects', 'post'>;

export const METRICS = [
  'abuse_rate',
  'frustration_rate',
  'deescalation_success',
  'ended_well',
  'hard_contacts',
] as const satisfies readonly Metric[];
/** Shares run 0–1; the other metrics are per 1,000 contacts. */
export const SHARE_METRICS: readonly Metric[] = ['deescalation_success', 'ended_well'];

/**
 * @module store/ImprovementProjectRepository
 * Improvement projects: what the organisation set out to fix, with the metric, baseline, target
 * and window. Their progress is never stored; it is computed from live data when read
 * (analytics/projects).
 */
import type { Language } from '@calmline/core';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ContactFilter } from '../analytics/factsQuery.js';
import type { Metric } from '../analytics/projects.js';
import type { DB, ImprovementProjectTable } from '../db/schema.js';
import { newId, now, parseJson } from './ids.js';

export const PROJECT_STATUSES = ['active', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectFilter {
  channel: string | null;
  teamId: string | null;
  reason: string | null;
  lang: Language | null;
}

export interface ImprovementProject {
  id: string;
  orgId: string;
  name: string;
  problem: string;
  metric: Metric;
  filter: ProjectFilter;
  baseline: number | null;
  baselineSource: 'given' | 'computed';
  target: number;
  startsAt: string;
  endsAt: string;
  status: ProjectStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedBy: string | null;
  closedAt: string | null;
}

/** The filter as the analytics queries take it (absent rather than null). */
export function asContactFilter(f: ProjectFilter): ContactFilter {
  return {
    ...(f.channel !== null ? { channel: f.channel } : {}),
    ...(f.teamId !== null ? { teamId: f.teamId } : {}),
    ...(f.reason !== null ? { reason: f.reason } : {}),
    ...(f.lang !== null ? { lang: f.lang } : {}),
  };
}

function present(row: Selectable<ImprovementProjectTable>): ImprovementProject {
  const f = parseJson<Partial<ProjectFilter>>(row.filter, {});
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    problem: row.problem,
    metric: row.metric as Metric,
    filter: { channel: f.channel ?? null, teamId: f.teamId ?? null, reason: f.reason ?? null, lang: f.lang ?? null },
    baseline: row.baseline === null ? null : Number(row.baseline),
    baselineSource: row.baseline_given ? 'given' : 'computed',
    target: Number(row.target),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status as ProjectStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
  };
}

export type NewProject = Pick<
  ImprovementProject,
  'orgId' | 'name' | 'problem' | 'metric' | 'filter' | 'baseline' | 'baselineSource' | 'target' | 'startsAt' | 'endsAt' | 'createdBy'
>;

export type ProjectChange = Partial<
  Pick<ImprovementProject, 'name' | 'problem' | 'baseline' | 'baselineSource' | 'target' | 'startsAt' | 'endsAt'>
>;

export class ImprovementProjectRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(p: NewProject): Promise<ImprovementProject> {
    const t = now();
    const row: Selectable<ImprovementProjectTable> = {
      id: newId(),
      org_id: p.orgId,
      name: p.name,
      problem: p.problem,
      metric: p.metric,
      filter: JSON.stringify(p.filter),
      baseline: p.baseline,
      baseline_given: p.baselineSource === 'given' ? 1 : 0,
      target: p.target,
      starts_at: p.startsAt,
      ends_at: p.endsAt,
      status: 'active',
      created_by: p.createdBy,
      created_at: t,
      updated_at: t,
      closed_by: null,
      closed_at: null,
    };
    await this.db.insertInto('improvement_projects').values(row).execute();
    return present(row);
  }

  async get(orgId: string, id: string): Promise<ImprovementProject | undefined> {
    const row = await this.db
      .selectFrom('improvement_projects')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && present(row);
  }

  /** Active ones first, then the newest start first. */
  async list(orgId: string, status?: ProjectStatus): Promise<ImprovementProject[]> {
    let q = this.db.selectFrom('improvement_projects').selectAll().where('org_id', '=', orgId);
    if (status) q = q.where('status', '=', status);
    const rows = await q.orderBy('status').orderBy('starts_at', 'desc').orderBy('id').execute();
    return rows.map(present);
  }

  async update(orgId: string, id: string, change: ProjectChange): Promise<ImprovementProject | undefined> {
    const set: Updateable<ImprovementProjectTable> = { updated_at: now() };
    if (change.name !== undefined) set.name = change.name;
    if (change.problem !== undefined) set.problem = change.problem;
    if (change.baseline !== undefined) set.baseline = change.baseline;
    if (change.baselineSource !== undefined) set.baseline_given = change.baselineSource === 'given' ? 1 : 0;
    if (change.target !== undefined) set.target = change.target;
    if (change.startsAt !== undefined) set.starts_at = change.startsAt;
    if (change.endsAt !== undefined) set.ends_at = change.endsAt;
    await this.db.updateTable('improvement_projects').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
    return this.get(orgId, id);
  }

  /** Closes an active project: false when there is no active project with this id. */
  async close(orgId: string, id: string, by: string): Promise<boolean> {
    const t = now();
    const r = await this.db
      .updateTable('improvement_projects')
      .set({ status: 'closed', closed_by: by, closed_at: t, updated_at: t })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

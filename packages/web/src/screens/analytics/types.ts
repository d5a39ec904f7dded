/**
 * The analytics API's answers, written by hand to match packages/server/src/routes/analytics/schema.ts
 * exactly, until api/schema.d.ts is generated again with the analytics routes in it (then these
 * become names for generated types, as api/types.ts does for the others).
 */

export type Scope = 'organisation' | 'teams';
export type Interval = 'day' | 'week';

export interface Rates {
  contacts: number;
  abusiveContacts: number;
  angryContacts: number;
  hardContacts: number;
  hardContactsEndedWell: number;
  warnedContacts: number;
  deescalatedContacts: number;
  /** Abusive contacts per 1,000 contacts. */
  abuseRate: number | null;
  frustrationRate: number | null;
  hardContactRate: number | null;
  /** 0–1 */
  deescalationSuccess: number | null;
  /** 0–1 */
  endedWellShare: number | null;
}

export interface GroupRow extends Rates {
  key: string;
  name: string | null;
}

export interface SeriesRow extends Rates {
  /** YYYY-MM-DD, the bucket's first local day. */
  start: string;
}

export interface WindowInfo {
  from: string;
  to: string;
  timezone: string;
  interval: Interval;
}

export interface Summary {
  scope: Scope;
  window: WindowInfo;
  totals: Rates;
  byChannel: GroupRow[];
  byTeam: GroupRow[];
  byHour: GroupRow[];
  byReason: GroupRow[];
  series: SeriesRow[];
}

export interface ReasonRow {
  reason: string;
  contacts: number;
  angryContacts: number;
  share: number;
  rankByCount: number;
  rankByShare: number;
}

export interface TermRow {
  term: string;
  count: number;
  conversations: number;
  calmCount: number;
  score: number;
}

export interface RootCauses {
  scope: Scope;
  window: WindowInfo;
  languages: { language: string; contacts: number; angryContacts: number; reasons: ReasonRow[]; terms: TermRow[] }[];
}

export const METRICS = ['abuse_rate', 'frustration_rate', 'deescalation_success', 'ended_well', 'hard_contacts'] as const;
export type Metric = (typeof METRICS)[number];
/** Shares run 0–1; the other metrics are per 1,000 contacts. */
export const SHARE_METRICS: readonly Metric[] = ['deescalation_success', 'ended_well'];

export interface Project {
  id: string;
  name: string;
  problem: string;
  metric: Metric;
  filter: { channel: string | null; teamId: string | null; reason: string | null; lang: string | null };
  baseline: number | null;
  baselineSource: 'given' | 'computed';
  target: number;
  lowerIsBetter: boolean;
  startsAt: string;
  endsAt: string;
  status: 'active' | 'closed';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  current: number | null;
  contacts: number;
  progress: number | null;
  elapsed: number;
  onTrack: boolean | null;
  series: { weekStart: string; contacts: number; value: number | null }[];
}

export interface ProjectList {
  scope: Scope;
  projects: Project[];
}

export interface NewProject {
  name: string;
  problem: string;
  metric: Metric;
  filter?: { channel?: string; teamId?: string; reason?: string; lang?: string };
  baseline?: number;
  target: number;
  startsAt?: string;
  endsAt?: string;
}

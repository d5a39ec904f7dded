/**
 * Shapes the incident screens read. GET /api/incidents/{id} answers JSON, CSV or PDF from one
 * route, so its JSON has no schema in the generated types; it is the list's incident plus the
 * chained events and the chain check, built here from the generated parts so they stay in step.
 */
import type { Incident, Reply } from '../../api/types';

export type { Incident };
export type ChainReport = Reply<'/api/incidents/verify'>;
export type IncidentRecord = Incident['record'];
export type IncidentStatus = Incident['status'];
export type EditableField = 'circumstances' | 'injury' | 'lostTime' | 'supportOffered' | 'policeReference' | 'witnesses' | 'completedBy';

/** One event of the organisation's hash chain that belongs to this incident. */
export interface ChainEvent {
  position: number;
  kind: string;
  payload: unknown;
  actorUserId: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface IncidentExport {
  incident: Incident;
  events: ChainEvent[];
  chain: ChainReport;
  exportedAt: string;
}

export const STATUSES: readonly IncidentStatus[] = ['open', 'under_review', 'closed'];
export const CONDUCTS = ['abuse', 'threat', 'self_harm', 'agent_report'] as const;

/** The review only moves forward, one step at a time from the screen. */
export function nextStatus(status: IncidentStatus): IncidentStatus | null {
  return status === 'open' ? 'under_review' : status === 'under_review' ? 'closed' : null;
}

/** The server shows this instead of the customer's reference to roles without personal data. */
export const REDACTED = '[redacted]';

/**
 * Names for the shapes the incident screens read, from the generated API types.
 */
import type { Incident, IncidentDetail, Reply } from '../../api/types';

export type { Incident };
export type ChainReport = Reply<'/api/incidents/verify'>;
export type IncidentRecord = Incident['record'];
export type IncidentStatus = Incident['status'];
export type EditableField = 'circumstances' | 'injury' | 'lostTime' | 'supportOffered' | 'policeReference' | 'witnesses' | 'completedBy';

/** GET /api/incidents/{id} as JSON: the incident, its chained events and the chain check. */
export type IncidentExport = IncidentDetail;
/** One event of the organisation's hash chain that belongs to this incident. */
export type ChainEvent = IncidentExport['events'][number];

export const STATUSES: readonly IncidentStatus[] = ['open', 'under_review', 'closed'];
export const CONDUCTS = ['abuse', 'threat', 'self_harm', 'agent_report'] as const;

/** The review only moves forward, one step at a time from the screen. */
export function nextStatus(status: IncidentStatus): IncidentStatus | null {
  return status === 'open' ? 'under_review' : status === 'under_review' ? 'closed' : null;
}

/** The server shows this instead of the customer's reference to roles without personal data. */
export const REDACTED = '[redacted]';

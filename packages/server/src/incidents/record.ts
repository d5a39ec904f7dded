/**
 * @module incidents/record
 * What an incident record holds (the fields HR, safety regulators and police ask for, as in
 * California SB 553 violent-incident logs and OSHA's sample report) and how its events build it.
 * No field for ethnicity, religion or any other sensitive attribute, on purpose.
 */
export const INCIDENT_STATUSES = ['open', 'under_review', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const CONDUCTS = ['abuse', 'threat', 'self_harm', 'agent_report'] as const;
export type Conduct = (typeof CONDUCTS)[number];

/** Fields a person fills in after the fact (the rest comes from the conversation). */
export const EDITABLE_FIELDS = [
  'circumstances',
  'injury',
  'lostTime',
  'supportOffered',
  'policeReference',
  'witnesses',
  'completedBy',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface IncidentRecord {
  status: IncidentStatus;
  conduct: Conduct;
  openedBy: 'policy' | 'agent_report';
  occurredAt: string;
  channel: string;
  /** Pseudonymous reference of the customer (redacted in exports for roles without personal data). */
  customerRef: string | null;
  /** Verbatim evidence, each linked to its message. */
  evidence: { messageId: string; text: string; label: string; at: string }[];
  /** Warnings, ending, escalations, with times. */
  actionsTaken: { action: string; at: string; by: string | null }[];
  /** Who was told, and when (supervisor, security, the agent's own report). */
  notified: { who: string; at: string }[];
  reports: { note: string | null; by: string | null; at: string }[];
  circumstances: string | null;
  injury: string | null;
  lostTime: string | null;
  supportOffered: string | null;
  policeReference: string | null;
  witnesses: string | null;
  completedBy: string | null;
}

export type IncidentEventKind = 'opened' | 'evidence' | 'action' | 'notified' | 'report' | 'fields' | 'status';

export interface IncidentEventData {
  kind: IncidentEventKind;
  /** null once retention purged the content. */
  payload: Record<string, unknown> | null;
  createdAt: string;
  actorUserId: string | null;
}

/**
 * The record as its events say; the stored copy must equal this (verify checks it).
 * @example fold([{ kind: 'opened', payload: { conduct: 'threat', … }, … }]).conduct // 'threat'
 */
export function fold(events: readonly IncidentEventData[]): IncidentRecord {
  return events.reduce(applyEvent, emptyRecord());
}

/** A record before its first event. */
export function emptyRecord(): IncidentRecord {
  return {
    status: 'open',
    conduct: 'agent_report',
    openedBy: 'policy',
    occurredAt: '',
    channel: '',
    customerRef: null,
    evidence: [],
    actionsTaken: [],
    notified: [],
    reports: [],
    circumstances: null,
    injury: null,
    lostTime: null,
    supportOffered: null,
    policeReference: null,
    witnesses: null,
    completedBy: null,
  };
}

/**
 * One event applied to a record (in place; returns it). Appending applies the new event to the
 * stored record, so the cost of an append does not grow with the incident's length.
 */
export function applyEvent(r: IncidentRecord, e: IncidentEventData): IncidentRecord {
  // A purged event (retention) keeps its place in the chain but says nothing any more.
  if (e.payload === null || Object.keys(e.payload).length === 0) return r;
  const p = e.payload;
  switch (e.kind) {
    case 'opened':
      r.conduct = p.conduct as Conduct;
      r.openedBy = p.openedBy as IncidentRecord['openedBy'];
      r.occurredAt = p.occurredAt as string;
      r.channel = p.channel as string;
      r.customerRef = (p.customerRef as string | null) ?? null;
      break;
    case 'evidence':
      r.evidence.push({ messageId: p.messageId as string, text: p.text as string, label: p.label as string, at: e.createdAt });
      // A worse kind of conduct later in the episode becomes the incident's conduct.
      if (
        p.label === 'threat' ||
        (p.label === 'self_harm' && r.conduct !== 'threat') ||
        (p.label === 'abuse' && r.conduct === 'agent_report')
      )
        r.conduct = p.label;
      break;
    case 'action':
      r.actionsTaken.push({ action: p.action as string, at: e.createdAt, by: e.actorUserId });
      break;
    case 'notified':
      r.notified.push({ who: p.who as string, at: e.createdAt });
      break;
    case 'report':
      r.reports.push({ note: (p.note as string | null) ?? null, by: e.actorUserId, at: e.createdAt });
      break;
    case 'fields':
      for (const f of EDITABLE_FIELDS) if (f in p) r[f] = (p[f] as string | null) ?? null;
      break;
    case 'status':
      r.status = p.to as IncidentStatus;
      break;
  }
  return r;
}

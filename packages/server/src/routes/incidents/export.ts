/**
 * @module routes/incidents/export
 * An incident as JSON or CSV, with its events, their hashes and the signed chain head, so a copy
 * can be checked later. The customer's reference is redacted unless the role may see personal data.
 */
import type { ChainReport } from '../../incidents/chain.js';
import type { Incident } from '../../store/IncidentRepository.js';

export interface IncidentExport {
  incident: Omit<Incident, 'orgId'>;
  events: {
    position: number;
    kind: string;
    payload: unknown;
    actorUserId: string | null;
    createdAt: string;
    prevHash: string;
    hash: string;
  }[];
  chain: ChainReport;
  exportedAt: string;
}

export function redact(incident: Incident, personal: boolean): Omit<Incident, 'orgId'> {
  const { orgId: _org, ...rest } = incident;
  return personal ? rest : { ...rest, record: { ...rest.record, customerRef: rest.record.customerRef === null ? null : '[redacted]' } };
}

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per fact: the record's fields, then evidence, actions, notifications and reports in time order. */
export function toCsv(e: IncidentExport): string {
  const r = e.incident.record;
  const rows: unknown[][] = [['section', 'at', 'name', 'value']];
  for (const [name, value] of Object.entries({
    id: e.incident.id,
    status: r.status,
    conduct: r.conduct,
    openedBy: r.openedBy,
    occurredAt: r.occurredAt,
    channel: r.channel,
    customerRef: r.customerRef,
    circumstances: r.circumstances,
    injury: r.injury,
    lostTime: r.lostTime,
    supportOffered: r.supportOffered,
    policeReference: r.policeReference,
    witnesses: r.witnesses,
    completedBy: r.completedBy,
  }))
    rows.push(['record', '', name, value]);
  for (const x of r.evidence) rows.push(['evidence', x.at, x.label, x.text]);
  for (const x of r.actionsTaken) rows.push(['action', x.at, x.action, x.by]);
  for (const x of r.notified) rows.push(['notified', x.at, x.who, '']);
  for (const x of r.reports) rows.push(['report', x.at, x.by, x.note]);
  for (const x of e.events) rows.push(['chain', x.createdAt, `${x.position} ${x.kind}`, x.hash]);
  rows.push(['chain', e.exportedAt, 'verified', e.chain.ok ? 'yes' : `no: ${e.chain.problems.join('; ')}`]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

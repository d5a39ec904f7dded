/**
 * @module routes/incidents/pdf
 * An incident as an A4 PDF for HR and the police: the record's fields, the verbatim evidence in
 * whatever script the customer wrote, what was done and who was told, the agent's reports, and the
 * chain proof (each event's hash, the verification result and the signed head) so the copy can be
 * checked later. Headings are English for now. The caller has already redacted the customer's
 * reference for roles without personal data (export.ts `redact`).
 */
import { PdfWriter, type TextStyle } from '../../incidents/pdfWriter.js';
import type { IncidentExport } from './export.js';

const TITLE = 20;
const HEADING = 13;
const BODY: TextStyle = { size: 10 };
const LABEL: TextStyle = { size: 10, bold: true };
const SMALL: TextStyle = { size: 8.5, color: '#444' };
const EVIDENCE: TextStyle = { size: 10.5 };
const HASH: TextStyle = { size: 7.5 };
const NONE = '—';

/** "2025-03-04T10:15:30.123Z" → "2025-03-04 10:15:30 UTC"; anything else as it is. */
function when(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/**
 * The PDF's bytes.
 * @example const pdf = await toPdf(exportOf(actor, id)); pdf.subarray(0, 5).toString() // '%PDF-'
 */
export async function toPdf(e: IncidentExport): Promise<Buffer> {
  const r = e.incident.record;
  const w = new PdfWriter({ title: `Incident report ${e.incident.id}`, createdAt: new Date(e.exportedAt) });
  const full = w.width;

  w.paragraph('Incident report', { size: TITLE, bold: true }, 0, 2);
  w.paragraph(`Exported ${when(e.exportedAt)} by Calmline`, SMALL, 0, 6);
  w.rule();

  const field = (label: string, value: string | null) =>
    w.row([
      { text: label, x: 0, width: 130, style: LABEL },
      { text: value === null || value === '' ? NONE : value, x: 140, width: full - 140, style: BODY },
    ]);
  field('Incident', e.incident.id);
  field('Status', r.status.replace('_', ' '));
  field('Conduct', r.conduct.replace('_', ' '));
  field('Opened by', r.openedBy === 'policy' ? 'policy (automatic)' : "agent's report");
  field('Date and time', r.occurredAt ? when(r.occurredAt) : null);
  field('Channel', r.channel);
  field('Customer reference', r.customerRef);
  field('Circumstances', r.circumstances);
  field('Injury', r.injury);
  field('Lost time', r.lostTime);
  field('Support offered', r.supportOffered);
  field('Police reference', r.policeReference);
  field('Witnesses', r.witnesses);
  field('Completed by', r.completedBy);

  const section = (title: string, empty: boolean) => {
    w.space(10);
    w.heading(title, HEADING);
    if (empty) w.paragraph('None recorded.', BODY);
  };
  // Columns for the time-stamped lists: time, then the rest.
  const timed = (at: string, ...rest: [string, number][]) => {
    let x = 140;
    w.row([
      { text: when(at), x: 0, width: 130, style: SMALL },
      ...rest.map(([text, width]) => {
        const cell = { text, x, width: width || full - x, style: BODY };
        x += width + 10;
        return cell;
      }),
    ]);
  };

  section('Evidence', r.evidence.length === 0);
  for (const x of r.evidence) {
    w.paragraph(`${when(x.at)} · ${x.label.replace('_', ' ')}`, SMALL, 0, 1);
    // Verbatim: exactly as the customer wrote it, line breaks included.
    w.paragraph(x.text, EVIDENCE, 12, 8);
  }

  section('Actions taken', r.actionsTaken.length === 0);
  for (const x of r.actionsTaken) timed(x.at, [x.action.replace(/_/g, ' '), 160], [x.by ? `by ${x.by}` : '', 0]);

  section('Who was notified', r.notified.length === 0);
  for (const x of r.notified) timed(x.at, [x.who, 0]);

  section('Reports', r.reports.length === 0);
  for (const x of r.reports) timed(x.at, [x.by ? `by ${x.by}` : '', 160], [x.note ?? '', 0]);

  section('Chain proof', false);
  w.paragraph(
    "Every change to an incident is an event whose hash (HMAC-SHA256 under the server's key) covers its content and the " +
      "previous event's hash, so changing, removing or reordering an event breaks the chain. The server signs the chain's head.",
    SMALL,
    0,
    6,
  );
  // Widths fit a 64-digit hash at 7.5 pt on one line.
  const columns = [
    { x: 0, width: 36 },
    { x: 40, width: 52 },
    { x: 96, width: 100 },
    { x: 200, width: full - 200 },
  ] as const;
  const chainRow = (texts: string[], style: TextStyle, gapAfter: number) =>
    w.row(
      columns.map((c, i) => ({ ...c, text: texts[i] ?? '', style })),
      gapAfter,
    );
  chainRow(['Position', 'Kind', 'Time', 'Hash'], { size: 8.5, bold: true }, 2);
  // The time exactly as hashed, so the hash can be recomputed from this page.
  for (const x of e.events) chainRow([String(x.position), x.kind, x.createdAt, x.hash], HASH, 1);
  w.space(6);
  // The check covers the organisation's whole chain (every incident's events), not just these.
  const checked = `${e.chain.events} events of the organisation's chain checked`;
  field('Verification', e.chain.ok ? `ok: ${checked}` : `problems found: ${checked}`);
  for (const p of e.chain.problems) w.paragraph(`• ${p}`, BODY, 140);
  field('Signed checkpoint', e.chain.checkpoint ? `position ${e.chain.checkpoint.position}` : 'none');
  if (e.chain.checkpoint)
    w.row([
      { text: 'Head hash', x: 0, width: 130, style: LABEL },
      { text: e.chain.checkpoint.headHash, x: 140, width: full - 140, style: { size: 9 } },
    ]);
  field('Exported at', e.exportedAt);

  return w.finish((page, pages) => `Incident ${e.incident.id} · Page ${page} of ${pages}`);
}

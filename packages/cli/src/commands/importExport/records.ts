/**
 * @module commands/importExport/records
 * The transcript record shape shared by `calmline import` and `calmline export` (one message per
 * record, its conversation repeated on each), a reader that yields records with the byte offset
 * where each one ends (so an interrupted import can resume by seeking, not by re-reading), and the
 * JSON Lines / CSV writers export uses. Export writes exactly what import reads: they round-trip.
 */
import { createReadStream } from 'node:fs';
import { isLanguage, type Language } from '@calmline/core/detect';
import { CsvReader } from '../../input/csv.js';

/** Columns in export order; import also accepts camelCase and a few aliases (see FIELD_ALIASES). */
export const COLUMNS = [
  'conversation_id',
  'channel',
  'language',
  'agent_email',
  'customer_ref',
  'contact_reason',
  'author',
  'text',
  'message_id',
  'sent_at',
  'label',
  'severity',
] as const;

export type Column = (typeof COLUMNS)[number];

/** Whatever a source calls a field, folded (lower case, no `_`, `-` or spaces) → our column. */
const FIELD_ALIASES: Record<string, Column> = {
  conversationid: 'conversation_id',
  conversation: 'conversation_id',
  channel: 'channel',
  language: 'language',
  lang: 'language',
  agentemail: 'agent_email',
  customerref: 'customer_ref',
  contactreason: 'contact_reason',
  author: 'author',
  text: 'text',
  messageid: 'message_id',
  id: 'message_id',
  sentat: 'sent_at',
  label: 'label',
  severity: 'severity',
};

/** Limits the HTTP ingest route enforces; an import must not store what the API would refuse. */
const MAX_TEXT = 5000;
const MAX_REF = 200;
const MAX_CHANNEL = 64;

export interface TranscriptRecord {
  conversationId: string;
  channel: string;
  language: Language | undefined;
  agentEmail: string | undefined;
  customerRef: string | undefined;
  contactReason: string | undefined;
  author: 'customer' | 'agent';
  text: string;
  messageId: string | undefined;
  /** Read and checked, but not stored: messages.created_at is the time Calmline stored the message. */
  sentAt: string | undefined;
}

/** Folds any field naming onto our columns; unknown fields are ignored. */
export function normaliseFields(raw: Record<string, unknown>): Partial<Record<Column, unknown>> {
  const out: Partial<Record<Column, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const column = FIELD_ALIASES[key.toLowerCase().replace(/[\s_-]/g, '')];
    // The first spelling wins (a record with both "id" and "message_id" keeps message_id if it came first).
    if (column && out[column] === undefined) out[column] = value;
  }
  return out;
}

/**
 * Checks one record; says in a sentence what is wrong, or gives the record. Empty strings and nulls
 * count as absent, because CSV has no other way to say "none".
 * @example validateTranscript({ conversation_id: 'c1', text: 'hi' }) // { conversationId: 'c1', channel: 'import', author: 'customer', … }
 */
export function validateTranscript(raw: unknown, defaults: { language?: Language | undefined } = {}): TranscriptRecord | { error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'a record must be a JSON object' };
  const f = normaliseFields(raw as Record<string, unknown>);
  const str = (column: Column): string | undefined | { error: string } => {
    const v = f[column];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') return { error: `"${column}" must be a string` };
    return v;
  };
  const fields: Partial<Record<Column, string | undefined>> = {};
  for (const column of COLUMNS) {
    const v = str(column);
    if (typeof v === 'object') return v;
    fields[column] = v;
  }
  const conversationId = fields.conversation_id?.trim();
  if (!conversationId) return { error: 'the "conversation_id" field is missing' };
  if (conversationId.length > MAX_REF) return { error: `"conversation_id" is longer than ${MAX_REF} characters` };
  const text = fields.text;
  if (text === undefined || text.trim() === '') return { error: 'the "text" field is missing or empty' };
  if (text.length > MAX_TEXT) return { error: `"text" is longer than ${MAX_TEXT} characters` };
  const channel = fields.channel?.trim() || 'import';
  if (channel.length > MAX_CHANNEL) return { error: `"channel" is longer than ${MAX_CHANNEL} characters` };
  const author = fields.author?.trim().toLowerCase() || 'customer';
  if (author !== 'customer' && author !== 'agent')
    return { error: `"author" must be customer or agent, not ${JSON.stringify(fields.author)}` };
  const lang = fields.language?.trim().toLowerCase();
  if (lang !== undefined && !isLanguage(lang))
    return { error: `unknown "language" ${JSON.stringify(fields.language)}: use one of en, ru, pl, zh, he, uk, de, es, fr, ar` };
  for (const column of ['customer_ref', 'contact_reason', 'message_id', 'agent_email'] as const) {
    if ((fields[column]?.length ?? 0) > MAX_REF) return { error: `"${column}" is longer than ${MAX_REF} characters` };
  }
  const sentAt = fields.sent_at?.trim();
  if (sentAt !== undefined && Number.isNaN(Date.parse(sentAt))) return { error: `"sent_at" ${JSON.stringify(sentAt)} is not a date` };
  return {
    conversationId,
    channel,
    language: lang ?? defaults.language,
    agentEmail: fields.agent_email?.trim().toLowerCase() || undefined,
    customerRef: fields.customer_ref?.trim() || undefined,
    contactReason: fields.contact_reason?.trim() || undefined,
    author,
    text,
    messageId: fields.message_id?.trim() || undefined,
    sentAt,
  };
}

export type Format = 'jsonl' | 'csv';

/** One record read from the file: where it started and the byte offset just past its end. */
export type ReadItem = { line: number; end: number } & ({ raw: unknown } | { error: string });

export interface ReadFrom {
  /** Byte offset to start at (the end of the last record done), 0 for the whole file. */
  offset: number;
  /** The line number of the first line at `offset`. */
  line: number;
  /** Known when resuming; otherwise decided by the first non-blank character ("{" → JSON Lines). */
  format: Format | undefined;
  /** The CSV header, when resuming a CSV file past it. */
  header: string[] | undefined;
}

/** What the reader learned about the file: set once the first record (or the header) was read. */
export interface FileShape {
  format: Format | undefined;
  header: string[] | undefined;
}

/**
 * Reads the file from `from.offset` as raw bytes, split into lines, so each item's end offset is
 * exact (text decoding would lose it). A CSV record whose quoted field spans lines ends on the line
 * that closes it. Never holds more than one chunk and one record.
 */
export async function* readTranscripts(path: string, from: ReadFrom, shape: FileShape): AsyncGenerator<ReadItem> {
  shape.format = from.format;
  shape.header = from.header;
  let csv: CsvReader | null = null;
  let carry: Buffer | null = null;
  let offset = from.offset;
  let line = from.line - 1;
  const stream = createReadStream(path, { start: from.offset, highWaterMark: 256 * 1024 });
  function* onLine(bytes: Buffer, end: number): Generator<ReadItem> {
    line++;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (offset === 0) text = text.replace(/^\uFEFF/, '');
    if (shape.format === undefined) {
      if (text.trim() === '') return;
      shape.format = text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
    }
    if (shape.format === 'jsonl') {
      if (text.trim() === '') return;
      try {
        yield { line, end, raw: JSON.parse(text) as unknown };
      } catch (e) {
        yield { line, end, error: `not valid JSON (${(e as Error).message})` };
      }
      return;
    }
    csv ??= new CsvReader();
    for (const r of csv.push(`${text}\n`)) {
      // CsvReader counts lines from 1 at the point it was started: shift to the file's numbering.
      const at = r.line + from.line - 1;
      if (!shape.header) {
        shape.header = r.fields.map((h) => h.trim());
        const known = shape.header.map((h) => normaliseFields({ [h]: 1 }));
        if (!known.some((k) => 'text' in k) || !known.some((k) => 'conversation_id' in k))
          throw new ImportFormatError(`line ${at}: the CSV header needs "conversation_id" and "text" columns`);
        continue;
      }
      if (r.fields.length !== shape.header.length) {
        yield { line: at, end, error: `expected ${shape.header.length} CSV fields, found ${r.fields.length}` };
        continue;
      }
      const raw: Record<string, string> = {};
      shape.header.forEach((h, i) => (raw[h] = r.fields[i]!));
      yield { line: at, end, raw };
    }
  }
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      const piece = carry ? Buffer.concat([carry, chunk.subarray(start, nl)]) : chunk.subarray(start, nl);
      carry = null;
      const end = offset + piece.length + 1;
      yield* onLine(piece, end);
      offset = end;
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      // Copy: the carried bytes must not pin the whole 256 KB chunk.
      carry = carry ? Buffer.concat([carry, rest]) : Buffer.from(rest);
    }
  }
  if (carry && carry.length > 0) yield* onLine(carry, offset + carry.length);
  if (csv) {
    for (const r of (csv as CsvReader).end()) yield { line: r.line + from.line - 1, end: offset, error: 'unterminated quoted CSV field' };
  }
}

/** The file's structure is wrong as a whole (not one bad record): the import cannot go on. */
export class ImportFormatError extends Error {}

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @module input/records
 * Reads JSON Lines or CSV (with a `text` column) from a stream and yields one item per input
 * record, in order, without holding the file in memory. A record that cannot be read becomes an
 * error item carrying its line number, so the caller can report it and go on.
 */
import type { Readable } from 'node:stream';
import { CsvReader } from './csv.js';

/** One input record: either its raw JSON line (parsed by a worker) or CSV fields already mapped. */
export type InputItem =
  | { line: number; json: string }
  | { line: number; record: { text: unknown; id?: unknown; lang?: unknown } }
  | { line: number; error: string };

/**
 * Yields input items; the format is decided by the first non-blank character ("{" → JSON Lines).
 * @example for await (const item of readRecords(process.stdin)) …
 */
export async function* readRecords(stream: Readable): AsyncGenerator<InputItem> {
  stream.setEncoding('utf8');
  let mode: 'json' | 'csv' | null = null;
  let pending = '';
  let line = 0;
  let csv: CsvReader | null = null;
  let header: string[] | null = null;
  const fromCsv = function* (records: { fields: string[]; line: number }[]): Generator<InputItem> {
    for (const r of records) {
      if (!header) {
        header = r.fields.map((h) => h.trim().toLowerCase());
        if (!header.includes('text')) yield { line: r.line, error: 'CSV header has no "text" column' };
        continue;
      }
      const col = (name: string): string | undefined => {
        const i = header!.indexOf(name);
        return i >= 0 ? r.fields[i] : undefined;
      };
      if (!header.includes('text')) continue;
      if (r.fields.length !== header.length) {
        yield { line: r.line, error: `expected ${header.length} CSV fields, found ${r.fields.length}` };
        continue;
      }
      const id = col('id');
      const lang = col('lang');
      yield { line: r.line, record: { text: col('text'), ...(id ? { id } : {}), ...(lang ? { lang } : {}) } };
    }
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    if (mode === null) {
      const first = (pending + chunk).trimStart();
      if (first === '') {
        pending += chunk;
        continue;
      }
      mode = first.startsWith('{') ? 'json' : 'csv';
      if (mode === 'csv') {
        csv = new CsvReader();
        yield* fromCsv(csv.push(pending.replace(/^\uFEFF/, '') + chunk));
        pending = '';
        continue;
      }
    }
    if (mode === 'csv') {
      yield* fromCsv(csv!.push(chunk));
      continue;
    }
    // Split each chunk once: slicing line by line off a growing buffer keeps whole chunks alive.
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      line++;
      const text = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (text.trim() !== '') yield { line, json: text };
    }
  }
  if (mode === 'csv') yield* fromCsv(csv!.end());
  else if (pending.trim() !== '') yield { line: line + 1, json: pending };
}

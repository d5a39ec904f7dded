/**
 * @module input/csv
 * A streaming RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and newlines.
 * Feed it chunks; it hands back complete records with the line each one started on.
 */

export interface CsvRecord {
  fields: string[];
  line: number;
}

export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private line = 1;
  private recordLine = 1;
  private fresh = true;

  /**
   * @example new CsvReader().push('text\n"a, b"\n') // [{fields:['text'],line:1},{fields:['a, b'],line:2}]
   */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.quoted) {
        if (c === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else {
          if (c === '\n') this.line++;
          this.field += c;
        }
        continue;
      }
      if (c === '"') {
        // A quote after a closed quote is an escaped quote ("" inside a quoted field).
        if (this.afterQuote) this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
        this.fresh = false;
      } else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.afterQuote = false;
        this.fresh = false;
      } else if (c === '\n') {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else if (c === '\r') {
        // CRLF: the \n that follows ends the record.
      } else {
        this.field += c;
        this.afterQuote = false;
        this.fresh = false;
      }
    }
    return out;
  }

  /** Flushes a last record without a trailing newline. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]): void {
    if (!this.fresh || this.field !== '' || this.fields.length > 0) {
      this.fields.push(this.field);
      out.push({ fields: this.fields, line: this.recordLine });
    }
    this.field = '';
    this.fields = [];
    this.afterQuote = false;
    this.fresh = true;
  }
}

/**
 * @module commands/importExport/progress
 * Resuming an import: `<FILE>.calmline-progress` records the last line done and the byte offset
 * after it, so a re-run seeks straight there instead of re-reading (and re-analysing) what is
 * stored. It also records a digest of the file's first bytes: a different file under the same name
 * is started from the beginning instead of being resumed at a wrong offset. And the progress bar.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Format } from './records.js';

export interface Progress {
  version: 1;
  /** sha256 of the file's first `headLength` bytes (HEAD_BYTES, or the whole file if it was shorter). */
  head: string;
  headLength: number;
  /** Which store and organisation the lines went into: progress towards another store means nothing here. */
  store: string;
  format: Format | undefined;
  header: string[] | undefined;
  /** Every record up to and including this line is stored (or was bad and skipped). */
  line: number;
  /** Byte offset just past `line`. */
  offset: number;
  updatedAt: string;
}

const HEAD_BYTES = 4096;

export function progressPath(file: string): string {
  return `${file}.calmline-progress`;
}

/** Digest of the file's first `length` bytes (fewer if the file is shorter), and how many that was. */
export function headDigest(file: string, length = HEAD_BYTES): { head: string; headLength: number } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return { head: createHash('sha256').update(buf.subarray(0, n)).digest('hex'), headLength: n };
  } finally {
    closeSync(fd);
  }
}

/**
 * The saved progress if it belongs to this file, or a reason it cannot be used. Only the bytes the
 * digest covered are compared, so a file that grew at the end (an export appended to) resumes.
 */
export function loadProgress(file: string, size: number, store: string): Progress | { ignored: string } | undefined {
  let text: string;
  try {
    text = readFileSync(progressPath(file), 'utf8');
  } catch {
    return undefined;
  }
  let p: Progress;
  try {
    p = JSON.parse(text) as Progress;
  } catch {
    return { ignored: 'the progress file is damaged' };
  }
  if (p.version !== 1 || !Number.isInteger(p.offset) || !Number.isInteger(p.line) || !Number.isInteger(p.headLength))
    return { ignored: 'the progress file is damaged' };
  if (p.store !== store) return { ignored: 'the last run imported it into another store or organisation' };
  if (p.headLength > size || headDigest(file, p.headLength).head !== p.head || p.offset > size || !startsLine(file, p.offset))
    return { ignored: 'the file changed since the last run' };
  return p;
}

/** A saved offset must be just after a newline (or at the very start); anything else is not ours. */
function startsLine(file: string, offset: number): boolean {
  if (offset === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1);
    return readSync(fd, buf, 0, 1, offset - 1) === 1 && buf[0] === 10;
  } finally {
    closeSync(fd);
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a progress file. */
export function saveProgress(file: string, p: Omit<Progress, 'version' | 'updatedAt'>): void {
  const path = progressPath(file);
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ version: 1, ...p, updatedAt: new Date().toISOString() })}\n`);
  renameSync(`${path}.tmp`, path);
}

export interface Counts {
  lines: number;
  imported: number;
  duplicates: number;
  bad: number;
}

/**
 * A one-line bar on a terminal (redrawn at most 5 times a second); nothing on a pipe or a file,
 * where a summary at the end is all anyone wants to read.
 */
export class ProgressBar {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly state: () => Counts & { bytes: number },
  ) {
    if (out.isTTY) {
      this.timer = setInterval(() => this.draw(), 200);
      this.timer.unref();
    }
  }

  /** Writes a message line above the bar (the bar is redrawn on the next tick). */
  note(text: string): void {
    this.clear();
    this.out.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  private clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    const s = this.state();
    const secs = Math.max(0.001, (Date.now() - this.started) / 1000);
    const fraction = this.total > 0 ? Math.min(1, s.bytes / this.total) : 1;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`;
    const text =
      `${bar} ${formatBytes(s.bytes)}/${formatBytes(this.total)}  ${Math.round(s.lines / secs)} lines/s  ` +
      `${s.imported} imported, ${s.duplicates} already stored, ${s.bad} bad`;
    this.out.write(`\r${text.slice(0, Math.max(20, (this.out.columns || 120) - 1))}\x1b[K`);
    this.shown = true;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

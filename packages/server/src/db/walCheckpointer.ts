/**
 * @module db/walCheckpointer
 * Copies the SQLite WAL back into the database file on a thread of its own. SQLite's automatic
 * checkpoint runs inside the commit that crosses its threshold: under load that put page copying
 * and two fsyncs on the request thread every few hundred messages (commits of 10–25 ms, a third of
 * all commit time). A PASSIVE checkpoint from a second connection never blocks the writer, so
 * here it runs every few hundred milliseconds on a worker thread, and the request thread keeps a
 * high automatic threshold only as a backstop: it then finds the frames already copied, and lets
 * the WAL start over from the beginning.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The automatic threshold left on the writing connection (pages; SQLite's default is 1000). */
export const BACKSTOP_PAGES = 8000;

const INTERVAL_MS = 250;

/** Plain CommonJS for the worker: it needs nothing but better-sqlite3. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // SQLITE_BUSY: another checkpoint is running (the backstop); the next tick tries again.
    if (!err || err.code !== 'SQLITE_BUSY') throw err;
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  close(): Promise<void>;
}

/**
 * Starts checkpointing `file` (opened in WAL mode by the caller); `onFailure` hears if the worker
 * stops, so the caller can hand checkpoints back to SQLite.
 */
export function startWalCheckpointer(file: string, onFailure: (err: unknown) => void): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver, file, intervalMs: INTERVAL_MS },
    // A small heap: it only holds one connection.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  // Never the reason the process stays up.
  worker.unref();
  let closing = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (err) => {
    if (!closing) onFailure(err);
  });
  worker.once('exit', (code) => {
    if (!closing) onFailure(new Error(`the WAL checkpointer stopped (exit code ${code})`));
  });
  return {
    async close() {
      if (closing) return exited;
      closing = true;
      // Ref'd again while closing: awaiting an unref'd worker's exit lets the event loop run dry,
      // and a CLI command would then end before its own exit code was set.
      worker.ref();
      worker.postMessage('close');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      timeout.unref();
      await exited;
      clearTimeout(timeout);
    },
  };
}

/**
 * @module store/TransactionBatcher
 * Group commit for SQLite. SQLite has one writer, so transactions already run one after another;
 * under load most of each one's cost was its own commit (writing the same index pages to the WAL
 * again and again). Here transactions that arrive while one is running wait, then run together
 * inside one BEGIN … COMMIT, each in its own savepoint: a failing one rolls back alone, and nobody
 * is answered before the commit that holds their writes, so "2xx means stored" still holds. With
 * no load a batch is one transaction, as before.
 *
 * A batch starts on the next turn of the event loop (setImmediate), not at once: better-sqlite3
 * answers synchronously, so a transaction started at once ran to its commit before node read the
 * next request, and batches were almost always of one. Waiting for the end of the current I/O phase
 * lets every request node has already read join the same commit, at the cost of one loop turn.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

interface Job {
  fn: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

// Fixed texts: Kysely's savepoint helpers build and compile these anew for every job.
const SAVEPOINT = CompiledQuery.raw('savepoint "job"');
const RELEASE = CompiledQuery.raw('release "job"');
const ROLLBACK_TO = CompiledQuery.raw('rollback to "job"');

/** Most transactions in one commit; keeps a batch's wait short. */
const MAX_BATCH = 64;

export class TransactionBatcher {
  private readonly queue: Job[] = [];
  private running = false;
  private scheduled = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          if (!this.running) void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      // Alone: a plain transaction, no savepoint needed.
      const job = batch[0]!;
      await this.db
        .transaction()
        .execute((trx) => job.fn(trx))
        .then(job.resolve, job.reject);
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (err) {
      for (const job of batch) job.reject(err);
      return;
    }
    // Jobs run one after another on SQLite's one connection, so each can use the transaction
    // handle itself between its savepoint and the release.
    for (const job of batch) {
      await trx.executeQuery(SAVEPOINT);
      try {
        const value = await job.fn(trx);
        await trx.executeQuery(RELEASE);
        outcomes.push({ ok: true, value });
      } catch (err) {
        await trx.executeQuery(ROLLBACK_TO);
        await trx.executeQuery(RELEASE);
        outcomes.push({ ok: false, value: err });
      }
    }
    try {
      await trx.commit().execute();
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const job of batch) job.reject(err);
      return;
    }
    batch.forEach((job, i) => (outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)));
  }
}

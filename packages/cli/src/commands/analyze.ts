/**
 * @module commands/analyze
 * `calmline analyze [--input FILE] [--workers N]`: JSON Lines or CSV in, JSON Lines out in the same
 * order. Input is read as a stream and handed to worker threads in batches; at most two batches
 * per worker are in flight, so memory stays flat however long the file is.
 */
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Readable, Writable } from 'node:stream';
import { createDetector } from '@calmline/core/detect';
import { analyzeBatch } from '../analyzeBatch.js';
import { readRecords, type InputItem } from '../input/records.js';

const BATCH = 256;

export interface AnalyzeArgs {
  input?: string;
  workers?: number;
}

/**
 * @example await analyzeCommand({ input: 'chats.jsonl' }, process.stdin, process.stdout)
 */
export async function analyzeCommand(args: AnalyzeArgs, stdin: Readable, stdout: Writable): Promise<void> {
  const source = args.input ? createReadStream(args.input) : stdin;
  const workers = args.workers ?? Math.max(1, availableParallelism());
  const write = (s: string): Promise<void> | void => {
    if (!stdout.write(s)) return new Promise((resolve) => stdout.once('drain', () => resolve()));
  };
  if (workers === 0) {
    const detector = createDetector();
    let batch: InputItem[] = [];
    for await (const item of readRecords(source)) {
      batch.push(item);
      if (batch.length >= BATCH) {
        await write(analyzeBatch(detector, batch));
        batch = [];
      }
    }
    if (batch.length) await write(analyzeBatch(detector, batch));
    return;
  }
  await runPool(source, workers, write);
}

async function runPool(source: Readable, n: number, write: (s: string) => Promise<void> | void): Promise<void> {
  const url = new URL('../worker.js', import.meta.url);
  // A worker holds about 30 MB of packs and model plus bounded word caches; capping the heap keeps
  // V8 from growing it lazily to hundreds of megabytes on long runs.
  const pool = Array.from(
    { length: n },
    () => new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } }),
  );
  const done = new Map<number, string>();
  let nextOut = 0;
  let nextSeq = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  // A holder object, because TypeScript cannot see assignments made inside the event callbacks.
  const state: { failure: Error | null } = { failure: null };
  for (const w of pool) {
    w.on('message', (msg: { seq: number; out: string }) => {
      done.set(msg.seq, msg.out);
      inFlight--;
      wake?.();
    });
    w.on('error', (e) => {
      state.failure = e;
      wake?.();
    });
  }
  const flush = async (): Promise<void> => {
    while (done.has(nextOut)) {
      const s = done.get(nextOut)!;
      done.delete(nextOut++);
      await write(s);
    }
  };
  const waitForOne = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  const send = async (items: InputItem[]): Promise<void> => {
    while (inFlight >= n * 2 && !state.failure) {
      await waitForOne();
      await flush();
    }
    if (state.failure) throw state.failure;
    pool[nextSeq % n]!.postMessage({ seq: nextSeq++, items });
    inFlight++;
  };
  try {
    let batch: InputItem[] = [];
    for await (const item of readRecords(source)) {
      batch.push(item);
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
        await flush();
      }
    }
    if (batch.length) await send(batch);
    while (nextOut < nextSeq && !state.failure) {
      if (!done.has(nextOut)) await waitForOne();
      await flush();
    }
    if (state.failure) throw state.failure;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

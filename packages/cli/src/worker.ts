/**
 * @module worker
 * A worker thread for `calmline analyze`: builds its own detector and answers batches.
 */
import { parentPort } from 'node:worker_threads';
import { createDetector } from '@calmline/core/detect';
import { analyzeBatch } from './analyzeBatch.js';
import type { InputItem } from './input/records.js';

const detector = createDetector();
parentPort!.on('message', (msg: { seq: number; items: InputItem[] }) => {
  parentPort!.postMessage({ seq: msg.seq, out: analyzeBatch(detector, msg.items) });
});

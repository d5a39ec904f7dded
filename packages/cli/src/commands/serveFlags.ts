/**
 * @module commands/serveFlags
 * The V8 settings the server runs with. They trade a little CPU for a bounded footprint; with all
 * ten languages' coach compiled, the server's heap holds about 115 MB that stays.
 * - `--max-semi-space-size=8`: V8's young generation grows to 16 MB semi-spaces under a high
 *   allocation rate, and the garbage it holds between scavenges is RSS. 8 MB halves that.
 * - `--v8-pool-size=2`: V8's background threads (concurrent marking, compiling) default to four;
 *   on a two-core machine the extra two only add stacks and allocator arenas.
 * - `--heap-growing-percent=20`: after a full collection V8 lets the old generation grow to up to
 *   four times what survived before collecting again; a server's live set is steady, so a fifth more
 *   is plenty. Under load this kept RSS at 233–241 MB instead of 251–284 (`bench-server`), at the
 *   same throughput within the run-to-run noise.
 * The first two must be given when node starts: `npm start` and the server bench pass them, and
 * both may go in NODE_OPTIONS. The third may not (Node refuses it there), so `calmline serve` sets it
 * on itself as it starts; V8 reads it at each collection.
 */
import { setFlagsFromString } from 'node:v8';

export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--v8-pool-size=2'];

const SERVE_RUNTIME_V8_FLAGS: readonly string[] = ['--heap-growing-percent=20'];

/** Called first thing by `calmline serve`. */
export function applyServeRuntimeFlags(): void {
  for (const flag of SERVE_RUNTIME_V8_FLAGS) setFlagsFromString(flag);
}

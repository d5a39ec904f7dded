/**
 * @module commands/serveFlags
 * The Node flags the server runs with (`npm start` passes the same in package.json, and the server
 * bench starts its child with them). V8's young generation grows to 16 MB semi-spaces under a high
 * allocation rate, and the garbage it holds between scavenges kept the process above 250 MB of RSS
 * from about 2,000 messages/s. With 8 MB the bench held 2,000 msg/s at 237 MB (256 without); the
 * cost is more frequent scavenges, so the highest sustained rate drops (3,000 → about 2,500).
 * Run `calmline serve` in production the same way: `NODE_OPTIONS=--max-semi-space-size=8`.
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

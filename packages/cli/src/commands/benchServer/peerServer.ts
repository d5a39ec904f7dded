/**
 * @module commands/benchServer/peerServer
 * The named peer of the server bench, the "bare HTTP+SQLite floor": a minimal node:http server
 * that, per request, reads the body, JSON.parses it and INSERTs one row into a better-sqlite3 table
 * in WAL mode (synchronous=NORMAL, as Calmline's own SQLite store). No routing, validation, auth,
 * analysis or live events: what is left is the cost of HTTP and one durable write in Node, so the
 * ratio to it says how much of the budget Calmline's own work takes.
 *
 * Run as a child process: `node peerServer.js <database file>`; prints `listening <port>`.
 */
import http from 'node:http';
import { requireFromServer } from './serverDeps.js';

interface Statement {
  run(...params: unknown[]): { lastInsertRowid: number | bigint };
}
interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): Statement;
  close(): void;
}
type SqliteConstructor = new (file: string) => SqliteDatabase;

const Database = requireFromServer('better-sqlite3') as SqliteConstructor;

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: peerServer.js <database file>\n');
  process.exit(2);
}
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, conversation TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO messages (conversation, text, created_at) VALUES (?, ?, ?)');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    try {
      const m = JSON.parse(body) as { conversation?: { externalId?: string }; text?: string };
      const r = insert.run(m.conversation?.externalId ?? '', m.text ?? '', new Date().toISOString());
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: { id: String(r.lastInsertRowid) }, alerts: [] }));
    } catch (err) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: (err as Error).message }));
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  db.close();
  process.exit(0);
});

/**
 * @module commands/serve
 * `calmline serve [--demo] [--port N] [--config FILE]` (what `npm start` runs): starts the server,
 * prints where to open it and, on the very first start, the one-time sign-in link for the admin.
 * With --demo it also seeds teams and users and plays conversations, so alerts happen.
 */
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig, startServer, type RunningServer } from '@calmline/server';
import { startDemo } from '@calmline/server/demo';
import { applyServeRuntimeFlags } from './serveFlags.js';

export interface ServeOptions {
  demo: boolean;
  port?: string | undefined;
  config?: string | undefined;
}

export async function serveCommand(options: ServeOptions, out: Writable, err: Writable): Promise<number> {
  applyServeRuntimeFlags();
  let server: RunningServer;
  try {
    const config = loadConfig(process.env, {
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.config !== undefined ? { configFile: options.config } : {}),
    });
    server = await startServer(config);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`${e.message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      err.write(`Calmline cannot start: the port is taken by another program. Choose another with PORT=… or --port.\n`);
      return 2;
    }
    err.write(`Calmline cannot start: ${(e as Error).message}\n`);
    return 2;
  }
  const where = server.ctx.config.databaseUrl ? 'PostgreSQL' : `SQLite (${server.ctx.config.dataDir}/calmline.db)`;
  out.write(`\nCalmline is running at ${server.url}  (store: ${where})\n`);
  out.write(`  API documentation: ${server.url}/api/docs   health: ${server.url}/healthz\n`);
  if (server.firstStart) {
    out.write(`\nFirst start: an organisation and an admin account (${server.firstStart.adminEmail}) were created.\n`);
    out.write(`Sign in once with this link (it works once, for 24 hours):\n\n  ${server.url}${server.firstStart.signInPath}\n\n`);
    out.write(`Then set your password (PUT /api/me/password) and create your team's accounts.\n`);
  }
  const stopWarmUp = server.ctx.engine.warmUp();
  let stopDemo: (() => Promise<void>) | undefined;
  if (options.demo) {
    // CALMLINE_DEMO_INTERVAL_MS: how often the demo plays a message (tests speed it up).
    const demo = await startDemo(server, Number(process.env.CALMLINE_DEMO_INTERVAL_MS) || 1200);
    stopDemo = demo.stop;
    out.write(`\nDemo: ${demo.accounts.length} accounts seeded (one-time passwords, shown only now):\n`);
    for (const a of demo.accounts) out.write(`  ${a.role.padEnd(8)} ${a.email.padEnd(28)} ${a.password}\n`);
    out.write(`Conversations in several languages are playing now; watch alerts arrive at ${server.url}/api/alerts\n`);
  }
  out.write(`\nStop with Ctrl+C.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopWarmUp();
  await stopDemo?.();
  await server.close();
  return 0;
}

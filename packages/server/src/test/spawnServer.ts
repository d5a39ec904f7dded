/**
 * @module test/spawnServer
 * Runs the BUILT command line (`node packages/cli/dist/bin.js serve`) as a child process, the way an
 * operator runs Calmline, for the tests that need real processes: several nodes on one PostgreSQL,
 * and a server killed with SIGKILL in the middle of its work. `npm test` builds first; run
 * `npm run build` before running these tests alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** From src/test/ (or dist/test/ once compiled) four levels up is the repository root. */
const ROOT = new URL('../../../../', import.meta.url);
const REPO_ROOT = fileURLToPath(ROOT);
export const CLI_BIN = fileURLToPath(new URL('packages/cli/dist/bin.js', ROOT));

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** Settings the parent's environment might carry that would point the child at another store or port. */
const INHERITED_SETTINGS = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'CALMLINE_DATA_DIR',
  'CALMLINE_CONFIG',
  'CALMLINE_PUBLIC_URL',
  'LOG_LEVEL',
  'CALMLINE_RATE_LIMIT_PER_TOKEN',
  'CALMLINE_RATE_LIMIT_PER_IP',
  'CALMLINE_WEBHOOK_ALLOW_PRIVATE',
  'CALMLINE_WEBHOOK_ALLOW_HOSTS',
];

export interface SpawnOptions {
  /** SQLite: the folder holding calmline.db. */
  dataDir?: string;
  /** PostgreSQL: postgres://… */
  databaseUrl?: string;
  /** More environment (wins over the defaults PORT=0, HOST=127.0.0.1, LOG_LEVEL=warn, CALMLINE_WEBHOOK_ALLOW_PRIVATE=true). */
  env?: Record<string, string>;
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export interface RequestOptions {
  /** An API token secret, sent as `Authorization: Bearer …`. */
  token?: string;
  /** A `calmline_session=…` cookie, as returned by adminCookie(). */
  cookie?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export interface SpawnedServer {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  /** The one-time sign-in link; undefined when the store already had an organisation (a second node, a restart). */
  signInUrl: string | undefined;
  /** Everything the process wrote so far (for error messages). */
  output(): { stdout: string; stderr: string };
  /** Sends the signal and resolves once the process has exited, with its exit code or signal. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a clean shutdown) and wait; SIGKILL if it has not exited within 15 s. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Follows the sign-in link (once; later calls return the same cookie): `calmline_session=…`. */
  adminCookie(): Promise<string>;
  /** One JSON request; the body is parsed when it is JSON. */
  request(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  get(path: string, options?: RequestOptions): Promise<Reply>;
  post(path: string, body: unknown, options?: RequestOptions): Promise<Reply>;
}

/** Children still running, killed if the test process exits without stopping them (a crashed test file). */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of alive) c.kill('SIGKILL');
});

/** A fetch helper usable for any server address (also after the process behind it was killed). */
export async function requestJson(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body,
    redirect: 'manual',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/**
 * Starts `calmline serve` on a free port over the given store and waits until it says where it runs.
 * @example const a = await spawnServer({ databaseUrl }); const cookie = await a.adminCookie(); await a.stop();
 */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} does not exist: run \`npm run build\` first.`);
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of INHERITED_SETTINGS) delete env[name];
  // Webhook receivers in tests listen on loopback, which a real server refuses by default.
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CALMLINE_WEBHOOK_ALLOW_PRIVATE: 'true' });
  if (options.dataDir !== undefined) env.CALMLINE_DATA_DIR = options.dataDir;
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  Object.assign(env, options.env ?? {});

  const child = spawn(process.execPath, [CLI_BIN, 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  alive.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      alive.delete(child);
      resolve({ code, signal });
    }),
  );
  const transcript = () => `\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;

  // The banner ends with "Stop with Ctrl+C."; the sign-in link, when there is one, comes before it.
  // Waiting for either the link or that line means a first start's link is never missed.
  const banner = await new Promise<{ url: string; signInUrl: string | undefined }>((resolve, reject) => {
    const check = () => {
      const running = /Calmline is running at (http:\/\/\S+)/.exec(stdout);
      if (!running) return;
      const link = /(http:\/\/\S+\/api\/auth\/first-sign-in\?token=\S+)/.exec(stdout);
      if (link || /Stop with Ctrl\+C/.test(stdout)) {
        done();
        resolve({ url: running[1]!, signInUrl: link?.[1] });
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`calmline serve exited (code ${code}, signal ${signal}) before it was running.${transcript()}`));
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new Error(`calmline serve did not say it was running within ${READY_TIMEOUT_MS / 1000} s.${transcript()}`));
    }, READY_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout.on('data', check);
    child.once('exit', onExit);
  });

  const { url, signInUrl } = banner;
  let cookie: Promise<string> | undefined;
  const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const server: SpawnedServer = {
    child,
    pid: child.pid!,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    signInUrl,
    output: () => ({ stdout, stderr }),
    kill,
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      try {
        return await kill('SIGTERM');
      } finally {
        clearTimeout(timer);
      }
    },
    adminCookie() {
      cookie ??= (async () => {
        if (!signInUrl) throw new Error(`This server printed no sign-in link (its store already had an organisation).${transcript()}`);
        const res = await fetch(signInUrl, { redirect: 'manual' });
        const set = res.headers.get('set-cookie') ?? '';
        const session = /calmline_session=[^;]+/.exec(set);
        if (res.status !== 302 || !session) throw new Error(`Signing in failed: ${res.status} ${await res.text()}`);
        return session[0];
      })();
      return cookie;
    },
    request: (method, path, options) => requestJson(url, method, path, options),
    get: (path, options) => requestJson(url, 'GET', path, options),
    post: (path, body, options) => requestJson(url, 'POST', path, { ...options, body }),
  };
  return server;
}

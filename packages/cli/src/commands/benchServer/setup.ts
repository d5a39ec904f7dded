/**
 * @module commands/benchServer/setup
 * Prepares a freshly started server through its public API, as an administrator would: signs in
 * with the first-sign-in link, creates a team, a lead in it, an admin API token for ingest and a
 * lead token; then listens on the lead's live socket and notes when each alert arrives.
 */
import WebSocket from 'ws';

export interface BenchAccounts {
  teamId: string;
  leadId: string;
  /** Admin token: ingests into the team's conversations. */
  ingestToken: string;
  /** Lead token: the supervisor whose socket hears the team's alerts. */
  leadToken: string;
}

async function call(base: string, method: string, path: string, auth: Record<string, string>, body?: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : null,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/**
 * Waits until /readyz answers 200: a server that has just started compiles its languages first,
 * and load sent during that second would measure the warm-up, not the server.
 */
export async function waitUntilReady(base: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(new URL('/readyz', base));
    await res.text();
    if (res.ok) return;
    if (Date.now() > until) throw new Error(`the server was not ready after ${timeoutMs / 1000} s (/readyz answered ${res.status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** @example const accounts = await setUpAccounts('http://127.0.0.1:4600', signInLink) */
export async function setUpAccounts(base: string, signInLink: string): Promise<BenchAccounts> {
  await waitUntilReady(base);
  const res = await fetch(signInLink, { redirect: 'manual' });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('calmline_session='));
  if (res.status !== 302 || !cookie) throw new Error(`the first sign-in link answered ${res.status} without a session cookie`);
  const session = { cookie };
  const team = (await call(base, 'POST', '/api/teams', session, { name: 'Bench team' })) as { id: string };
  const lead = (await call(base, 'POST', '/api/users', session, {
    email: 'bench-lead@bench.calmline.local',
    name: 'Bench Lead',
    role: 'lead',
    teamIds: [team.id],
  })) as { user: { id: string } };
  const ingest = (await call(base, 'POST', '/api/tokens', session, { name: 'bench ingest', role: 'admin' })) as { secret: string };
  const leadToken = (await call(base, 'POST', '/api/tokens', session, { name: 'bench lead', role: 'lead', userId: lead.user.id })) as {
    secret: string;
  };
  return { teamId: team.id, leadId: lead.user.id, ingestToken: ingest.secret, leadToken: leadToken.secret };
}

export interface AlertArrival {
  alertId: string;
  messageId: string | null;
  /** performance.now() when the frame arrived. */
  at: number;
}

export interface LiveListener {
  /** Every `alert.raised` heard so far, by alert id. */
  raised: Map<string, AlertArrival>;
  /** Frames that were not JSON or not understood. */
  strayFrames: number;
  /** Set when the socket closed or failed before the bench closed it. */
  lostReason: string | null;
  close(): void;
}

/** Opens the live socket with `token` and resolves once the server says it is caught up. */
export function listenForAlerts(base: string, token: string, timeoutMs = 10_000): Promise<LiveListener> {
  const url = new URL('/api/live', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const listener: LiveListener = {
    raised: new Map(),
    strayFrames: 0,
    lostReason: null,
    close: () => {
      closing = true;
      socket.close();
    },
  };
  let closing = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`the live socket was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      try {
        const frame = JSON.parse(data.toString()) as {
          type: string;
          event?: { kind: string; data: { id: string; messageId: string | null } };
        };
        if (frame.type === 'ready') {
          clearTimeout(timer);
          resolve(listener);
        } else if (frame.type === 'event' && frame.event?.kind === 'alert.raised') {
          const { id, messageId } = frame.event.data;
          if (!listener.raised.has(id)) listener.raised.set(id, { alertId: id, messageId, at });
        }
      } catch {
        listener.strayFrames++;
      }
    });
    socket.on('error', (err) => {
      listener.lostReason ??= err.message;
      clearTimeout(timer);
      reject(err);
    });
    socket.on('close', (code) => {
      if (!closing) listener.lostReason ??= `closed by the server (${code})`;
    });
  });
}

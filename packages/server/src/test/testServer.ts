/**
 * @module test/testServer
 * A real server on a loopback port over a real store, and accounts of every role with API tokens,
 * for the API tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Role } from '../auth/roles.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestDatabase, type DialectKind, type TestDatabase } from './databases.js';

export interface Account {
  userId: string;
  role: Role;
  token: string;
  teamIds: string[];
}

export interface TestServer {
  server: RunningServer;
  url: string;
  orgId: string;
  teamA: string;
  teamB: string;
  /** One account per role, in team A (security, analyst and admin in no team). */
  accounts: Record<Role, Account>;
  /** Another agent, in team B. */
  otherAgent: Account;
  /** Another lead, of team B only. */
  otherLead: Account;
  addAccount(role: Role, teamIds: string[]): Promise<Account>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function getTestServer(kind: DialectKind, config: Record<string, unknown> = {}): Promise<TestServer> {
  const db: TestDatabase = await createTestDatabase(kind);
  // SQLite: the store is <dataDir>/calmline.db, in the test database's own temporary folder.
  const dataDir = kind === 'sqlite' ? dirname(db.location) : mkdtempSync(join(tmpdir(), 'calmline-data-'));
  // Tests deliver webhooks to receivers on loopback, which a real server refuses by default.
  const cfg = loadConfig(
    {},
    {
      port: 0,
      dataDir,
      logLevel: 'silent',
      webhookAllowPrivate: true,
      ...(kind === 'postgres' ? { databaseUrl: db.location } : {}),
      ...config,
    },
  );
  const server = await startServer(cfg, { logger: false });
  const { store } = server.ctx;
  const orgId = server.firstStart!.orgId;
  const teamA = (await store.teams.create(orgId, 'Team A')).id;
  const teamB = (await store.teams.create(orgId, 'Team B')).id;
  let n = 0;
  const addAccount = async (role: Role, teamIds: string[]): Promise<Account> => {
    const user = await store.users.create({ orgId, email: `${role}${n++}@test.calmline.local`, name: `${role} ${n}`, role });
    for (const t of teamIds) await store.teams.addMember(t, user.id);
    const token = newSecret('cl_tok');
    await store.credentials.createToken({ orgId, userId: user.id, name: 'test', role, tokenHash: sha256(token) });
    return { userId: user.id, role, token, teamIds };
  };
  const accounts = {} as Record<Role, Account>;
  for (const role of ['agent', 'lead', 'security', 'trainer', 'analyst', 'admin'] as const)
    accounts[role] = await addAccount(role, role === 'agent' || role === 'lead' || role === 'trainer' ? [teamA] : []);
  const otherAgent = await addAccount('agent', [teamB]);
  const otherLead = await addAccount('lead', [teamB]);
  const url = server.url;
  return {
    server,
    url,
    orgId,
    teamA,
    teamB,
    accounts,
    otherAgent,
    otherLead,
    addAccount,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Buffer | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body, redirect: 'manual' });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

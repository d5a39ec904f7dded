/**
 * `calmline serve` as a newcomer runs it (the built artifact, a fresh data folder): it prints where
 * to open it and a one-time sign-in link; with --demo it seeds accounts and plays conversations
 * until alerts happen; `calmline admin-link` replaces a lost link.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'calmline-serve-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  CALMLINE_DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  CALMLINE_DEMO_INTERVAL_MS: '150',
};
delete env.DATABASE_URL;

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
});

function waitForOutput(p: ChildProcess, pattern: RegExp, ms = 30_000): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${out}`)), ms);
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
}

describe('calmline serve --demo', () => {
  it('starts, prints the address and a one-time link, and plays conversations that raise alerts', async () => {
    child = spawn(process.execPath, [bin, 'serve', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await waitForOutput(child, /Stop with Ctrl\+C/);
    const url = /Calmline is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    expect(out).toMatch(/first-sign-in\?token=cl_first_/);
    expect(out).not.toMatch(/password: *admin|changeme/i);
    const lead = /lead\s+(lead@demo\.calmline\.local)\s+(\S+)/.exec(out)!;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: lead[1], password: lead[2] }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let alerts: { kind: string }[] = [];
    for (let i = 0; i < 100 && alerts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      alerts = ((await (await fetch(`${url}/api/alerts`, { headers: { cookie } })).json()) as { alerts: { kind: string }[] }).alerts;
    }
    expect(alerts.length).toBeGreaterThan(0);
    // Conversations in several languages are playing (the first few may all be in one).
    let languages = new Set<string>();
    for (let i = 0; i < 100 && languages.size < 2; i++) {
      const list = (await (await fetch(`${url}/api/conversations`, { headers: { cookie } })).json()) as {
        conversations: { language: string }[];
      };
      languages = new Set(list.conversations.map((c) => c.language));
      if (languages.size < 2) await new Promise((r) => setTimeout(r, 200));
    }
    expect(languages.size).toBeGreaterThan(1);
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    expect(child.exitCode).toBe(0);
  });

  it('verifies the incident log, and exits 1 once a row has been tampered with', async () => {
    const ok = spawnSync(process.execPath, [bin, 'verify'], { env, encoding: 'utf8' });
    expect(ok.stdout).toContain('The incident log is intact.');
    expect(ok.status).toBe(0);
    // Someone with access to the database file edits the log directly.
    const { default: SQLite } = (await import('better-sqlite3')) as { default: typeof import('better-sqlite3') };
    const db = new SQLite(join(dataDir, 'calmline.db'));
    const org = db.prepare('select id from organisations').get() as { id: string };
    const changed = db.prepare("update incident_events set payload = '{}' where org_id = ? and position = 1").run(org.id).changes;
    if (changed === 0)
      db.prepare(
        "insert into incident_events (org_id, position, incident_id, kind, payload, payload_digest, created_at, prev_hash, hash) values (?, 1, 'x', 'report', '{}', 'd', '2026-01-01', 'genesis', 'forged')",
      ).run(org.id);
    db.close();
    const bad = spawnSync(process.execPath, [bin, 'verify'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/✗[\s\S]*event 1 was changed after it was written/);
  });

  it('prints a new one-time link on demand, and says so when the configuration is wrong', () => {
    const r = spawnSync(process.execPath, [bin, 'admin-link'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/admin@calmline\.local[\s\S]*first-sign-in\?token=cl_first_/);
    const bad = spawnSync(process.execPath, [bin, 'serve'], { env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Calmline cannot start: the configuration is wrong[\s\S]*port/);
  });
});

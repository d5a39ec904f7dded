/**
 * Browser tests run the way a contact centre runs Calmline: the built `calmline serve` on a
 * loopback port with its own SQLite file, Debian's chromium driven by playwright-core, and the API
 * used to seed teams and accounts and to play customer messages, as an integration would.
 * Screenshots go to test-results/screenshots/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawnServer, type SpawnedServer } from '../../server/src/test/spawnServer.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export interface Account {
  id: string;
  email: string;
  password: string;
  token: string;
}

export interface Stack {
  server: SpawnedServer;
  browser: Browser;
  teamId: string;
  admin: { cookie: string; email: string; password: string };
  agent: Account;
  lead: Account;
  security: Account;
  /** A fresh browser context (own cookies) in this UI language. */
  context(locale?: string): Promise<BrowserContext>;
  /** Signs in through the sign-in page and waits for the first screen. */
  signIn(page: Page, who: { email: string; password: string }): Promise<void>;
  /** Sends a customer message into a conversation as the agent's integration would. */
  customerSays(externalId: string, text: string, language?: string): Promise<{ conversationId: string; body: any }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

async function must(server: SpawnedServer, method: string, path: string, options: { cookie?: string; token?: string; body?: unknown }) {
  const r = await server.request(method, path, options);
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'calmline-e2e-'));
  const server = await spawnServer({ dataDir, env: { CALMLINE_RATE_LIMIT_PER_IP: '100000' } });
  const firstCookie = await server.adminCookie();
  const adminPassword = 'a calm admin password 1';
  await must(server, 'PUT', '/api/me/password', { cookie: firstCookie, body: { password: adminPassword } });
  const me = await must(server, 'GET', '/api/me', { cookie: firstCookie }).catch(() => undefined);
  const email = (me as { email?: string } | undefined)?.email ?? 'admin@calmline.local';
  // Setting a password signs out the other sessions; sign in again with it, as the admin would.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: adminPassword }),
  });
  const cookie = /calmline_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!login.ok || !cookie) throw new Error(`admin sign-in failed: ${login.status} ${await login.text()}`);
  const team = await must(server, 'POST', '/api/teams', { cookie, body: { name: 'Care team' } });

  const account = async (role: string, email: string, name: string): Promise<Account> => {
    const created = await must(server, 'POST', '/api/users', { cookie, body: { email, name, role, teamIds: [team.id] } });
    const token = await must(server, 'POST', '/api/tokens', { cookie, body: { name: `${role} e2e`, role, userId: created.user.id } });
    return { id: created.user.id, email, password: created.oneTimePassword, token: token.secret };
  };
  const agent = await account('agent', 'agent@e2e.calmline.local', 'Ada Agent');
  const lead = await account('lead', 'lead@e2e.calmline.local', 'Lee Lead');
  const security = await account('security', 'security@e2e.calmline.local', 'Sam Security');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    server,
    browser,
    teamId: team.id,
    admin: { cookie, email, password: adminPassword },
    agent,
    lead,
    security,
    context: (locale = 'en') => browser.newContext({ locale, baseURL: server.url, viewport: { width: 1280, height: 800 } }),
    async signIn(page, who) {
      await page.goto('/');
      await page.getByLabel(/^Email/).fill(who.email);
      await page.getByLabel(/^Password/).fill(who.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByTestId('signed-in-as').waitFor();
    },
    async customerSays(externalId, text, language = 'en') {
      const body = await must(server, 'POST', '/api/messages', {
        token: agent.token,
        body: { conversation: { channel: 'chat', externalId, language, customerRef: `crm-${externalId}` }, text },
      });
      return { conversationId: body.conversation.id as string, body };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

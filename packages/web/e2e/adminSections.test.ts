/**
 * The administration sections admin.test.ts does not cover, in a real browser against a real
 * server: a webhook delivers to a receiver and shows it in its log; an integration's secret is
 * shown once and is the one that works; a customer is blocked with a reason and the block lifted;
 * the audit log lists all of it; the retention period is changed and stays after a reload; the
 * Arabic admin pages lay out right to left; and the retention goes back to the server default.
 *
 * The webhook receiver is a plain HTTP server on loopback started here: a stand-in for Slack,
 * Microsoft Teams or a customer's own system, which are outside Calmline. It checks the signature
 * the way a real receiver would.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers 200 to every POST and keeps what arrived. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/calmline-hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('administration sections', () => {
  let s: Stack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    s = await startStack();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await s?.close();
  });

  async function adminPage(path: string): Promise<Page> {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.admin);
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    return page;
  }
  /** Lets Mantine's fade-in finish, so a screenshot shows the dialog rather than half of it. */
  const settled = (page: Page) => page.waitForTimeout(400);
  const api = (method: string, path: string, body?: unknown) =>
    s.server.request(method, path, { cookie: s.admin.cookie, ...(body !== undefined ? { body } : {}) });

  it('creates a webhook, sends a signed test to the receiver, and shows the delivery in its log', async () => {
    const page = await adminPage('/admin/webhooks');
    await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
    await page.getByRole('textbox', { name: 'Address (URL)' }).fill(receiver.url);
    await page.getByRole('button', { name: 'Create webhook' }).click();

    const dialog = page.getByRole('dialog', { name: 'Webhook signing secret' });
    await dialog.waitFor();
    const secret = (await dialog.getByTestId('one-time-secret').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: `Send a test to ${receiver.url}` }).click();
    await page.getByText('A test delivery is on its way.', { exact: false }).waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // The receiver can tell it came from Calmline: the signature over timestamp + "." + body uses the secret shown once.
    const got = receiver.received[0]!;
    const timestamp = String(got.headers['x-calmline-timestamp']);
    const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${got.body}`).digest('hex')}`;
    expect(got.headers['x-calmline-signature']).toBe(expected);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'webhook.test' });

    // The attempt is logged once the answer is in; then the log shows it.
    const hooks = (await api('GET', '/api/webhooks')).body as { webhooks: { id: string; url: string }[] };
    const hook = hooks.webhooks.find((h) => h.url === receiver.url)!;
    await expect
      .poll(async () => ((await api('GET', `/api/webhooks/${hook.id}/deliveries`)).body as { deliveries: unknown[] }).deliveries.length)
      .toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = page.getByRole('dialog', { name: 'Delivery log' });
    const row = log.getByRole('row', { name: /Test/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('200');
    expect(await row.textContent()).toContain('Delivered');
    await settled(page);
    await s.screenshot(page, 'admin-webhook-delivery-log');
    await page.context().close();
  });

  it('creates an integration and shows its secret once, the secret that signs messages in', async () => {
    const page = await adminPage('/admin/integrations');
    await page.getByRole('heading', { level: 2, name: 'Integrations' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Help desk bridge');
    await page.getByRole('combobox', { name: 'Messages arrive as' }).click();
    await page.getByRole('option', { name: 'Ada Agent' }).click();
    await page.getByRole('button', { name: 'Create integration' }).click();

    const dialog = page.getByRole('dialog', { name: 'Integration secret' });
    await dialog.waitFor();
    await dialog.getByText('It will not be shown again.', { exact: false }).waitFor();
    const secret = (await dialog.getByTestId('one-time-secret').textContent())?.trim() ?? '';
    const endpoint = /(http:\/\/\S+\/api\/inbound\/\S+\/generic)/.exec((await dialog.textContent()) ?? '')?.[1] ?? '';
    expect(endpoint).not.toBe('');
    await settled(page);
    await s.screenshot(page, 'admin-integration-secret');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Help desk bridge/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row', { name: /Help desk bridge/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify((await api('GET', '/api/integrations')).body)).not.toContain(secret);

    // The platform signs with the secret shown: accepted. Signed with anything else: refused.
    const send = (key: string) => {
      const body = JSON.stringify({ conversation: { channel: 'chat', externalId: 'hd-1', language: 'en' }, text: 'Where is my parcel?' });
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = `v1=${createHmac('sha256', key).update(`${ts}.${body}`).digest('hex')}`;
      return fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-calmline-timestamp': ts, 'x-calmline-signature': signature },
        body,
      });
    };
    expect((await send('not the secret at all, just a guess')).status).toBe(401);
    expect((await send(secret)).status).toBe(201);
    await page.context().close();
  });

  it('blocks a customer with a reason and lifts the block', async () => {
    const page = await adminPage('/admin/blocks');
    await page.getByRole('heading', { level: 2, name: 'Blocked customers' }).waitFor();
    await page.getByRole('textbox', { name: 'Customer reference' }).fill('crm-blk-1');
    await page.getByRole('textbox', { name: 'Reason' }).fill('Threatened an agent on two calls this week.');
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    const row = page.getByRole('row', { name: /crm-blk-1/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Threatened an agent on two calls this week.');
    await s.screenshot(page, 'admin-block-active');
    // The agent meets the block when the customer writes.
    expect((await s.customerSays('blk-1', 'Hello, it is me again.')).body.block).toMatchObject({
      reason: 'Threatened an agent on two calls this week.',
    });

    await page.getByRole('button', { name: 'Lift the block on crm-blk-1' }).click();
    const confirm = page.getByRole('dialog', { name: 'Lift the block on crm-blk-1' });
    await confirm.getByText('Their messages reach agents again.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Lift' }).click();
    await page.getByText('No customer is blocked now.').waitFor();
    await page.getByRole('radiogroup', { name: 'Which blocks to show' }).getByText('All', { exact: true }).click();
    await page
      .getByRole('row', { name: /crm-blk-1/ })
      .getByText(/^Lifted on /)
      .waitFor();
    expect((await s.customerSays('blk-1', 'Hello once more.')).body.block).toBeNull();
    await s.screenshot(page, 'admin-block-lifted');
    await page.context().close();
  });

  it('changes how long incidents are kept, asking first, and keeps it after a reload', async () => {
    const page = await adminPage('/admin/retention');
    await page.getByRole('heading', { level: 2, name: 'How long incidents are kept' }).waitFor();
    const current = page.getByTestId('retention-current');
    await current.getByText('Current period: 1,826 days (about 5 years)').waitFor();
    expect(await page.getByTestId('retention-source').textContent()).toBe('Server default');

    const days = page.getByRole('textbox', { name: 'Period in days' });
    const save = page.getByRole('button', { name: 'Save period' });
    await days.fill('100');
    await page.getByText('Enter a whole number of days from 365 to 3,650.').waitFor();
    expect(await save.isDisabled()).toBe(true);

    await days.fill('400');
    await page.getByText('That is about 1.1 years.', { exact: false }).waitFor();
    await save.click();
    const dialog = page.getByRole('dialog', { name: 'Change how long incidents are kept?' });
    await dialog.getByText('New period: 400 days').waitFor();
    await dialog.getByText('The new period is shorter.', { exact: false }).waitFor();
    await settled(page);
    await s.screenshot(page, 'admin-retention-confirm');
    // Cancelling changes nothing on the server.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(((await api('GET', '/api/organisation/retention')).body as { source: string }).source).toBe('server_default');

    await save.click();
    await dialog.getByRole('button', { name: 'Change the period' }).click();
    await page.getByTestId('retention-saved').waitFor();
    await current.getByText('Current period: 400 days (about 1.1 years)').waitFor();
    expect(await page.getByTestId('retention-source').textContent()).toBe('Organisation setting');

    await page.reload();
    await page.getByTestId('retention-current').getByText('Current period: 400 days (about 1.1 years)').waitFor();
    expect(await page.getByRole('textbox', { name: 'Period in days' }).inputValue()).toBe('400');
    expect(await page.getByTestId('retention-source').textContent()).toBe('Organisation setting');
    expect((await api('GET', '/api/organisation/retention')).body).toMatchObject({ days: 400, source: 'organisation' });
    await s.screenshot(page, 'admin-retention-saved');
    await page.context().close();
  });

  it('lists the changes above in the audit log', async () => {
    const page = await adminPage('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByRole('row', { name: /Created a webhook/ }).waitFor();
    const text = (await table.textContent()) ?? '';
    for (const action of [
      'Created a webhook',
      'Created an integration',
      'Blocked a customer',
      'Lifted a block',
      'Changed how long incidents are kept',
    ])
      expect(text).toContain(action);
    // Who did it: the admin's name, not a raw id.
    const me = (await api('GET', '/api/me')).body as { name: string };
    expect(await table.getByRole('row', { name: /Changed how long incidents are kept/ }).textContent()).toContain(me.name);
    await s.screenshot(page, 'admin-audit');
    await page.context().close();
  });

  it('lays the Arabic administration out right to left, navigation on the right', async () => {
    const ctx = await s.context('ar');
    await ctx.addCookies([{ name: 'calmline_session', value: s.admin.cookie.split('=')[1]!, url: s.server.url }]);
    const page = await ctx.newPage();
    await page.goto('/admin/retention');
    await page.getByRole('heading', { level: 1, name: 'الإدارة' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'مدة الاحتفاظ بالحوادث' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);

    const width = page.viewportSize()!.width;
    const main = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
    expect(main).not.toBeNull();
    // The main navigation sits against the right edge, the content to its left.
    expect(main!.x + main!.width).toBeGreaterThan(width - 5);
    expect(main!.x).toBeGreaterThan(width / 2);
    const content = await page.getByRole('heading', { level: 1, name: 'الإدارة' }).boundingBox();
    expect(content!.x + content!.width).toBeLessThanOrEqual(main!.x + 1);
    // The section links run from right to left: the first one (policy) is right of the second (users).
    const sections = page.getByRole('navigation', { name: 'أقسام الإدارة' });
    const first = await sections.getByRole('link', { name: 'السياسة' }).boundingBox();
    const second = await sections.getByRole('link', { name: 'المستخدمون' }).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
    // The period is written in Arabic with Arabic plural forms.
    await page.getByTestId('retention-current').getByText('400 يوم', { exact: false }).waitFor();
    await s.screenshot(page, 'admin-retention-arabic');

    await page.goto('/admin/audit');
    await page.getByRole('table', { name: 'سجل التدقيق' }).getByText('غيّر مدة الاحتفاظ بالحوادث').first().waitFor();
    await s.screenshot(page, 'admin-audit-arabic');
    await ctx.close();
  });

  it('goes back to the server default after asking, and the page and the server say so', async () => {
    const page = await adminPage('/admin/retention');
    const current = page.getByTestId('retention-current');
    await current.getByText('Current period: 400 days (about 1.1 years)').waitFor();
    const useDefault = page.getByRole('button', { name: 'Use the server default (1,826 days)' });
    await useDefault.click();

    const dialog = page.getByRole('dialog', { name: 'Change how long incidents are kept?' });
    await dialog.getByText('New period: 1,826 days').waitFor();
    await dialog.getByText('the organisation follows the server default', { exact: false }).waitFor();
    await dialog.getByText('The new period is longer.', { exact: false }).waitFor();
    await settled(page);
    await s.screenshot(page, 'admin-retention-default-confirm');
    await dialog.getByRole('button', { name: 'Use the server default' }).click();

    await page.getByTestId('retention-saved').getByText('The server default applies from the next purge', { exact: false }).waitFor();
    await current.getByText('Current period: 1,826 days (about 5 years)').waitFor();
    expect(await page.getByTestId('retention-source').textContent()).toBe('Server default');
    // Already on the default: there is nothing to go back to.
    expect(await useDefault.count()).toBe(0);
    expect((await api('GET', '/api/organisation/retention')).body).toMatchObject({ days: 1826, source: 'server_default' });

    await page.reload();
    await page.getByTestId('retention-current').getByText('Current period: 1,826 days (about 5 years)').waitFor();
    expect(await page.getByTestId('retention-source').textContent()).toBe('Server default');
    expect(await page.getByRole('textbox', { name: 'Period in days' }).inputValue()).toBe('1826');
    await s.screenshot(page, 'admin-retention-default');

    const audit = (await api('GET', '/api/audit?action=organisation.retention_changed')).body as { entries: { details: unknown }[] };
    expect(audit.entries[0]?.details).toMatchObject({ from: 400, fromSource: 'organisation', to: 1826, toSource: 'server_default' });
    await page.context().close();
  });
});

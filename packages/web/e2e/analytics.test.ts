/**
 * Analytics in a real browser against a real server: conversations arrive through the API (the
 * real detector labels them), an analyst signs in and lands on Analytics, sees the same figures
 * the API gives, a chart with its table, downloads the CSV, and starts an improvement project; in
 * Hebrew the page and its charts lay out right to left.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

interface Totals {
  contacts: number;
  abuseRate: number | null;
  abusiveContacts: number;
  deescalationSuccess: number | null;
  hardContactsEndedWell: number;
}

describe('analytics', () => {
  let s: Stack;
  let analyst = { email: 'analyst@e2e.calmline.local', password: '', token: '' };

  const must = async (method: string, path: string, options: { token?: string; cookie?: string; body?: unknown }) => {
    const r = await s.server.request(method, path, options);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const contact = (externalId: string, text: string, channel: string, contactReason: string, language = 'en') =>
    must('POST', '/api/messages', {
      token: s.agent.token,
      body: { conversation: { channel, externalId, language, contactReason }, text },
    }) as Promise<{ conversation: { id: string } }>;

  beforeAll(async () => {
    s = await startStack();
    const made = await must('POST', '/api/users', {
      cookie: s.admin.cookie,
      body: { email: analyst.email, name: 'Ana Analyst', role: 'analyst', teamIds: [] },
    });
    const token = await must('POST', '/api/tokens', {
      cookie: s.admin.cookie,
      body: { name: 'analyst e2e', role: 'analyst', userId: made.user.id },
    });
    analyst = { ...analyst, password: made.oneTimePassword, token: token.secret };

    await contact('an-1', 'This is ridiculous, I have been waiting three weeks for my refund!', 'chat', 'refund');
    const abusive = await contact('an-2', 'You are a useless idiot.', 'chat', 'refund');
    await must('POST', `/api/conversations/${abusive.conversation.id}/actions`, {
      token: s.agent.token,
      body: { action: 'warning_issued' },
    });
    await must('POST', '/api/messages', {
      token: s.agent.token,
      body: { conversationId: abusive.conversation.id, text: 'Fine. Where is my refund then?' },
    });
    await contact('an-3', 'Hello, can you tell me when my parcel will arrive?', 'email', 'delivery');
    await contact('an-4', 'Du bist ein nutzloser Idiot.', 'email', 'delivery', 'de');
  });
  afterAll(async () => s?.close());

  const totals = async (): Promise<Totals> => (await must('GET', '/api/analytics/summary', { token: analyst.token })).totals as Totals;

  async function analystPage(locale = 'en'): Promise<Page> {
    const ctx = await s.context(locale);
    const page = await ctx.newPage();
    await s.signIn(page, analyst);
    return page;
  }

  it('brings the analyst to Analytics with the figures the API gives, a chart and its table', async () => {
    const page = await analystPage();
    // Analytics is the analyst's first screen.
    await expect.poll(() => page.url()).toMatch(/\/analytics$/);
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toContain('Analytics');

    const t = await totals();
    expect(t).toMatchObject({ contacts: 4, abusiveContacts: 2, abuseRate: 500, deescalationSuccess: 1, hardContactsEndedWell: 1 });
    await expect.poll(() => page.getByTestId('figure-contacts-value').textContent()).toBe('4');
    expect(await page.getByTestId('figure-abuse-rate-value').textContent()).toBe('500');
    expect(await page.getByTestId('figure-deescalation-value').textContent()).toBe('100%');
    expect(await page.getByTestId('figure-ended-well-value').textContent()).toBe('1');
    await page.getByTestId('figure-deescalation').getByText('Calmed down after a boundary: 1 of 1').waitFor();

    // The line chart is one named image, drawn as SVG.
    const chart = page.getByRole('img', { name: 'Abuse rate day by day' });
    await chart.locator('svg.recharts-surface').first().waitFor();
    const byChannel = page.getByTestId('chart-by-channel');
    await byChannel.getByRole('img', { name: 'Abuse rate by channel' }).locator('svg').first().waitFor();
    // Its numbers are a table for screen readers, and on request for everyone.
    const table = byChannel.getByRole('table', { name: 'Abuse rate by channel' });
    expect(await table.getByRole('row', { name: /^chat/ }).getByRole('cell').allTextContents()).toEqual(['2', '1', '500', '100%']);
    await byChannel.getByRole('button', { name: 'Show as table' }).click();
    await byChannel.getByRole('button', { name: 'Show as chart' }).waitFor();
    expect(await table.isVisible()).toBe(true);
    expect(await byChannel.getByRole('img').count()).toBe(0);
    await s.screenshot(page, 'analytics-analyst');

    // Why customers get angry: English reasons, the refund first.
    const causes = page.getByTestId('root-causes');
    await causes.getByRole('tab', { name: 'English' }).waitFor();
    expect(await causes.getByTestId('reasons-table').getByRole('row').nth(1).getByRole('rowheader').textContent()).toBe('refund');

    // Narrowing to e-mail changes the figures.
    await page.getByRole('search').getByLabel('Channel').selectOption('email');
    await expect.poll(() => page.getByTestId('figure-contacts-value').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(() => page.getByTestId('figure-contacts-value').textContent()).toBe('4');
    await page.context().close();
  });

  it('downloads the figures as CSV with the same numbers', async () => {
    const page = await analystPage();
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary').click()]);
    expect(download.suggestedFilename()).toBe('calmline-summary.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, total] = csv.split('\r\n').map((line) => line.split(','));
    const row = Object.fromEntries(header!.map((h, i) => [h, total![i]]));
    const t = await totals();
    expect(row).toMatchObject({ dimension: 'total', contacts: String(t.contacts), abuse_rate_per_1000: String(t.abuseRate) });
    await page.context().close();
  });

  it('starts an improvement project with a baseline measured before it, and closes it', async () => {
    const page = await analystPage();
    const form = page.getByTestId('project-form');
    await form.waitFor();
    await form.getByLabel('Name').fill('Refunds without waiting');
    await form.getByLabel('The problem').fill('Refunds take three weeks, and customers call again and again.');
    await form.getByLabel(/^Target/).fill('100');
    // Starting tomorrow: the baseline is the 90 days before, which hold today's contacts.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await form.getByLabel('Start').fill(day);
    await form.getByRole('button', { name: 'Start project' }).click();
    const card = page.getByTestId('project').filter({ hasText: 'Refunds without waiting' });
    await card.waitFor();
    await card.getByText('Baseline: 500').waitFor();
    expect(await card.getByTestId('project-status').textContent()).toBe('Too early to say');
    // An empty bar has no width; it is there, named for screen readers.
    await card.getByRole('progressbar', { name: 'No progress to show yet' }).waitFor({ state: 'attached' });
    await s.screenshot(page, 'analytics-project');
    const listed = await must('GET', '/api/analytics/projects', { token: analyst.token });
    expect(listed.projects).toHaveLength(1);
    expect(listed.projects[0]).toMatchObject({ name: 'Refunds without waiting', baseline: 500, baselineSource: 'computed', target: 100 });

    await card.getByRole('button', { name: 'Close project' }).click();
    await expect.poll(() => card.getByTestId('project-status').textContent()).toBe('Closed');
    expect(await card.getByRole('button', { name: 'Close project' }).count()).toBe(0);
    await page.context().close();
  });

  it('lays the page and its charts out right to left in Hebrew', async () => {
    const page = await analystPage();
    await page.evaluate(() => localStorage.setItem('calmline.language', 'he'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ניתוח נתונים' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['he', 'rtl']);
    const chart = page.getByRole('img', { name: 'שיעור האלימות המילולית לפי ימים' });
    const svg = chart.locator('svg.recharts-surface').first();
    await svg.waitFor();
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    // The value axis stands on the right, where a right-to-left reader starts.
    const axis = (await chart.locator('.recharts-yAxis').first().boundingBox())!;
    expect(axis.x).toBeGreaterThan(box.x + box.width / 2);
    // Figures keep their numbers.
    expect(await page.getByTestId('figure-contacts-value').textContent()).toBe('4');
    await page.waitForTimeout(300); // let the charts' entry animation finish for the screenshot
    await s.screenshot(page, 'analytics-hebrew');
    await page.context().close();
  });
});

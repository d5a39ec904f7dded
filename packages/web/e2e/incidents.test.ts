/**
 * The incident screens in a real browser against a real server: a threat opens an incident; the
 * lead finds it, reads the verbatim evidence and the chain check, completes the record, moves it
 * through review and downloads it; security sees the whole chain intact; the agent reads it only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

const THREAT = 'I will find you and hurt you';

/** Fetches a link's target inside the page, so the session cookie goes along as a click would send it. */
async function download(page: Page, testId: string): Promise<{ status: number; type: string; text: string; href: string }> {
  const href = await page.getByTestId(testId).getAttribute('href');
  expect(href).toBeTruthy();
  const r = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }, href!);
  return { ...r, href: href! };
}

describe('incident screens', () => {
  let s: Stack;
  let incidentId: string;
  beforeAll(async () => {
    s = await startStack();
    const { body } = await s.customerSays('e2e-inc', THREAT, 'en');
    incidentId = body.incidentId as string;
  });
  afterAll(async () => s?.close());

  it('opened an incident for the threat', () => {
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the lead find the incident, read its evidence, complete it and start the review', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.goto('/incidents');
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    const table = page.getByTestId('incident-table');
    await table.getByRole('cell', { name: 'Threat' }).waitFor();
    expect(await table.getByRole('cell', { name: 'Chat' }).count()).toBe(1);
    expect(await table.getByText('Open', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('incident-count').textContent()).toBe('1 incident');
    // The lead does not audit the chain: no verify panel.
    expect(await page.getByTestId('chain-check').count()).toBe(0);
    await s.screenshot(page, 'incidents-list-lead');

    // Filtering by another kind of conduct empties the list; clearing brings it back.
    await page.getByLabel('Conduct').selectOption('abuse');
    await page.getByText('No incidents match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByRole('cell', { name: 'Threat' }).waitFor();

    await table.getByRole('link').first().click();
    await expect.poll(() => page.url()).toContain(`/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: 'Incident: Threat' }).waitFor();
    await page.getByText(THREAT, { exact: true }).waitFor();
    expect(await page.getByTestId('chain-badge').textContent()).toBe('Chain verified');
    // A lead may not see personal data: the customer's reference is hidden, in words.
    await page.getByText('Hidden for your role').waitFor();
    expect(await page.getByText('crm-e2e-inc').count()).toBe(0);
    expect(await page.getByText('Security and supervisor').count()).toBeGreaterThan(0);
    await s.screenshot(page, 'incident-detail-lead');

    // Completing the record: only the changed field is sent, and it is there after a reload.
    const circumstances = page.getByRole('textbox', { name: 'Circumstances' });
    await circumstances.fill('Customer was angry about a refund and threatened the agent by chat.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The record was saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Incident: Threat' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Circumstances' }).inputValue())
      .toBe('Customer was angry about a refund and threatened the agent by chat.');
    await page.getByTestId('event-timeline').getByText('Changed: Circumstances').waitFor();

    // Review: only the next step is offered.
    expect(await page.getByRole('button', { name: 'Close incident' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start review' }).click();
    await expect.poll(() => page.getByTestId('incident-status').first().textContent()).toBe('Under review');
    await page.getByTestId('event-timeline').getByText('The incident is now under review.').waitFor();
    expect(await page.getByRole('button', { name: 'Start review' }).count()).toBe(0);
    // The timeline shows a hash prefix with the full hash in its title.
    const hash = page.getByTestId('event-timeline').locator('code').first();
    expect(await hash.getAttribute('title')).toMatch(/^[0-9a-f]{64}$/);
    await s.screenshot(page, 'incident-detail-under-review');
    await ctx.close();
  });

  it('offers JSON, CSV and PDF downloads that carry the record', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.goto(`/incidents/${incidentId}`);
    await page.getByRole('link', { name: 'Download this incident as JSON' }).waitFor();

    const json = await download(page, 'export-json');
    expect(json.status).toBe(200);
    expect((JSON.parse(json.text) as { incident: { id: string } }).incident.id).toBe(incidentId);

    const csv = await download(page, 'export-csv');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('section,at,name,value');
    expect(csv.text).toContain(THREAT);

    const pdf = await download(page, 'export-pdf');
    expect(pdf.href).toContain('format=pdf');
    if (pdf.status === 200) expect(pdf.text.startsWith('%PDF')).toBe(true);
    await ctx.close();
  });

  it('closes the incident only after confirmation, and then shows the record read-only', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.goto(`/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'Close incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this incident?' });
    await dialog.waitFor();
    await s.screenshot(page, 'incident-close-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('incident-status').first().textContent()).toBe('Under review');

    await page.getByRole('button', { name: 'Close incident' }).click();
    await dialog.getByRole('button', { name: 'Close incident' }).click();
    await expect.poll(() => page.getByTestId('incident-status').first().textContent()).toBe('Closed');
    await page.getByText('This incident is closed; its record can no longer change.').waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await ctx.close();
  });

  it('shows security the whole chain intact and the customer reference', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.security);
    await page.goto('/incidents');
    const panel = page.getByTestId('chain-check');
    await expect.poll(() => panel.textContent()).toMatch(/Chain intact: \d+ events, signed head at position \d+\./);
    await panel.getByRole('link', { name: 'Download the signed head' }).waitFor();
    await s.screenshot(page, 'incidents-list-security');
    await page.getByTestId('incident-table').getByRole('link').first().click();
    await page.getByText('crm-e2e-inc').waitFor();
    await ctx.close();
  });

  it('lays the record out right to left in Hebrew on a tablet', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 820, height: 1180 });
    await s.signIn(page, s.lead);
    await page.getByTestId('language-picker').selectOption('he');
    await page.goto(`/incidents/${incidentId}`);
    await page.getByText(THREAT, { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The navigation sits on the right and the title starts just left of it, as Hebrew reads.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const nav = await page.getByRole('navigation').boundingBox();
    const gap = title && nav ? nav.x - (title.x + title.width) : -1;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(40);
    await s.screenshot(page, 'incident-detail-hebrew-tablet');
    await ctx.close();
  });

  it('lets the agent read their incident without any editing controls', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.agent);
    await page.goto(`/incidents/${incidentId}`);
    await page.getByText(THREAT, { exact: true }).waitFor();
    await page.getByText('Customer was angry about a refund and threatened the agent by chat.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Start review|Close incident|Save changes/ }).count()).toBe(0);
    await s.screenshot(page, 'incident-detail-agent');
    await ctx.close();
  });
});

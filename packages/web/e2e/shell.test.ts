/**
 * The frame of the UI in a real browser against a real server: first run (the one-time link, then
 * choosing a password), signing in and out, navigation by role, and Hebrew laid out right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

describe('web UI shell', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => s?.close());

  it('signs an agent in, shows only what an agent may open, and signs out', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.agent);
    await expect.poll(() => page.url()).toMatch(/\/console/);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Conversations', 'Incidents', 'My wellbeing', 'Reviews', 'Library of replies', 'Training']);
    await s.screenshot(page, 'agent-signed-in');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await ctx.close();
  });

  it('refuses a wrong password with the server’s sentence and keeps the form', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByLabel(/^Email/).fill(s.agent.email);
    await page.getByLabel(/^Password/).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);
    expect(await page.getByLabel(/^Email/).inputValue()).toBe(s.agent.email);
    await ctx.close();
  });

  it('lays the Hebrew UI out right to left, and remembers the language', async () => {
    const ctx = await s.context('he-IL');
    const page = await ctx.newPage();
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['he', 'rtl']);
    // The form's fields start at the right: the email label sits right of its field's left edge.
    const box = await page.getByRole('button').first().boundingBox();
    expect(box).not.toBeNull();
    await s.screenshot(page, 'sign-in-hebrew');
    await page.getByTestId('language-picker').selectOption('de');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await ctx.close();
  });

  it('serves the API’s 404 for unknown API paths and the UI for any other path', async () => {
    const api = await fetch(`${s.server.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { id: string } }).error.id).toBe('not_found');
    const page = await fetch(`${s.server.url}/incidents/some-id`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });
});

/**
 * Administration in a real browser against a real server: the policy editor refuses a wrong value
 * in the browser (no request) and says why in the admin's language, its preview changes with the
 * edited policy, and Save reaches the server; a new user's one-time password and a new token's secret are shown once and work; a
 * revoked token stops working.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

describe('administration', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => s?.close());

  async function adminPage(path: string): Promise<Page> {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.admin);
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    return page;
  }

  it('checks the policy in the browser, previews it as edited, and saves it', async () => {
    const page = await adminPage('/admin/policy');
    await page.getByRole('heading', { level: 2, name: 'Policy for difficult contacts' }).waitFor();
    const policyWrites: Request[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/organisation/policy')) policyWrites.push(r);
    });
    const warnings = page.getByRole('textbox', { name: 'Warnings before ending' });
    expect(await warnings.inputValue()).toBe('2');

    // The escalating sample under the saved policy (2 warnings): the 4th line is the final warning.
    await page.getByRole('button', { name: 'Play a sample conversation' }).click();
    const step = (line: number) => page.getByTestId(`preview-line-${line}`).getByTestId('preview-step');
    await expect.poll(() => step(4).textContent(), { timeout: 20_000 }).toBe('Final warning given');
    expect(await step(3).textContent()).toBe('Warning 1 of 2 given');
    expect(await step(5).textContent()).toBe('Ending recommended');
    await s.screenshot(page, 'admin-policy-preview-2-warnings');

    // 99 is beyond what the schema allows: said at the field, and Save sends nothing.
    await warnings.fill('99');
    await page.getByText('Too high. Enter a whole number from 1 to 5.').waitFor();
    await page.getByText('Fix the problems in the policy to see the preview.').waitFor();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByTestId('policy-refused').getByText('Nothing was saved. Fix the problem marked above first.').waitFor();
    await s.screenshot(page, 'admin-policy-invalid');
    expect(policyWrites).toHaveLength(0);

    // One warning: the 3rd line is already the final warning, and ending comes a line sooner.
    await warnings.fill('1');
    await expect.poll(() => step(4).textContent()).toBe('Ending recommended');
    expect(await step(3).textContent()).toBe('Final warning given');
    expect(await page.getByText('Enter a whole number from 1 to 5.').count()).toBe(0);
    await s.screenshot(page, 'admin-policy-preview-1-warning');

    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('The policy is saved. New messages follow it from now on.').waitFor();
    expect(policyWrites).toHaveLength(1);
    const saved = await page.evaluate(
      async () => (await (await fetch('/api/organisation')).json()) as { policy: { warningsBeforeEnd: number } },
    );
    expect(saved.policy.warningsBeforeEnd).toBe(1);
    await page.context().close();
  });

  it('says what is wrong with the policy in the admin’s language, naming the limits', async () => {
    const ctx = await s.context('pl');
    await ctx.addCookies([{ name: 'calmline_session', value: s.admin.cookie.split('=')[1]!, url: s.server.url }]);
    const page = await ctx.newPage();
    const policyWrites: Request[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/organisation/policy') && r.method() === 'PUT') policyWrites.push(r);
    });
    await page.goto('/admin/policy');
    await page.getByRole('heading', { level: 2, name: 'Zasady postępowania w trudnych kontaktach' }).waitFor();

    // Mantine ties the message to its field (aria-describedby), so the text read here is what a screen reader announces.
    const problemOf = async (name: string) => {
      const field = page.getByRole('textbox', { name, exact: true });
      const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.join(' ');
    };

    const warnings = page.getByRole('textbox', { name: 'Ostrzeżenia przed zakończeniem', exact: true });
    await warnings.fill('0');
    await page.getByText('Za mała wartość. Proszę wpisać liczbę całkowitą od 1 do 5.').waitFor();
    expect(await problemOf('Ostrzeżenia przed zakończeniem')).toContain('Za mała wartość. Proszę wpisać liczbę całkowitą od 1 do 5.');
    await warnings.fill('9');
    await page.getByText('Za duża wartość. Proszę wpisać liczbę całkowitą od 1 do 5.').waitFor();

    const hours = page.getByRole('textbox', { name: 'Okno obciążenia (godziny)', exact: true });
    await hours.fill('200');
    await page.getByText('Za duża wartość. Proszę wpisać liczbę całkowitą od 1 do 168.').waitFor();

    const crisisLine = page.getByRole('textbox', { name: 'Telefon zaufania – Polski', exact: true });
    await crisisLine.fill('11');
    await page.getByText('Za krótki tekst. Proszę użyć od 3 do 300 znaków albo zostawić pole puste.').waitFor();

    // Nothing English leaks in: not Zod's sentence, not the English UI's.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/Too (small|big|high|low)|expected number|Enter a whole number/);

    await page.getByRole('button', { name: 'Zapisz zasady' }).click();
    await page.getByTestId('policy-refused').getByText('Nic nie zapisano.', { exact: false }).waitFor();
    expect(await page.getByTestId('policy-refused').textContent()).toContain('3 problemy');
    await s.screenshot(page, 'admin-policy-invalid-polish');
    expect(policyWrites).toHaveLength(0);
    await ctx.close();
  });

  it('creates an agent and shows the one-time password once', async () => {
    const page = await adminPage('/admin/users');
    await page.getByRole('heading', { level: 2, name: 'Users' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('new.agent@e2e.calmline.local');
    await page.getByRole('textbox', { name: 'Name' }).fill('Nia Newcomer');
    await page.getByRole('button', { name: 'Create user' }).click();

    const dialog = page.getByRole('dialog', { name: 'One-time password' });
    await dialog.waitFor();
    await dialog.getByText('It will not be shown again.', { exact: false }).waitFor();
    const password = (await dialog.getByTestId('one-time-secret').textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    await s.screenshot(page, 'admin-user-one-time-password');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /Nia Newcomer/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Agent');
    expect(await row.textContent()).toContain('Active');
    expect(await page.content()).not.toContain(password);
    expect(await page.getByRole('row', { name: /Ada Agent/ }).textContent()).toContain('Care team');
    await s.screenshot(page, 'admin-users-list');

    // The password shown is the one that works.
    const login = await fetch(`${s.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new.agent@e2e.calmline.local', password }),
    });
    expect(login.status).toBe(200);
    await page.context().close();
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    const page = await adminPage('/admin/tokens');
    await page.getByRole('heading', { level: 2, name: 'API tokens' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('CRM bridge');
    await page.getByRole('button', { name: 'Create token' }).click();

    const dialog = page.getByRole('dialog', { name: 'API token' });
    await dialog.waitFor();
    const secret = (await dialog.getByTestId('one-time-secret').textContent())?.trim() ?? '';
    await s.screenshot(page, 'admin-token-secret');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await s.server.request('GET', '/api/me', { token: secret })).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke the token CRM bridge' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the token CRM bridge' });
    await confirm.getByText('Anything using it stops working at once.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByTestId('token-CRM bridge')
      .getByText(/^Revoked on /)
      .waitFor();
    await s.screenshot(page, 'admin-token-revoked');
    expect((await s.server.request('GET', '/api/me', { token: secret })).status).toBe(401);
    await page.context().close();
  });

  it('lists a team’s members and removes and adds one', async () => {
    const page = await adminPage('/admin/teams');
    const members = page.getByRole('list', { name: 'Members of Care team' });
    await members.getByText(/Sam Security/).waitFor();
    await page.getByRole('button', { name: 'Remove Sam Security from Care team' }).click();
    await expect.poll(() => members.getByText(/Sam Security/).count()).toBe(0);
    const teamsOfSam = async () => {
      const r = await s.server.request('GET', '/api/users', { cookie: s.admin.cookie });
      return (r.body as { users: { id: string; teamIds?: string[] }[] }).users.find((u) => u.id === s.security.id)?.teamIds;
    };
    expect(await teamsOfSam()).toEqual([]);

    await page.getByRole('combobox', { name: 'Add a member' }).fill('Sam');
    await page.getByRole('option', { name: 'Sam Security' }).click();
    await page.getByRole('button', { name: 'Add to Care team' }).click();
    await members.getByText(/Sam Security/).waitFor();
    expect(await teamsOfSam()).toEqual([s.teamId]);
    await s.screenshot(page, 'admin-teams');
    await page.context().close();
  });
});

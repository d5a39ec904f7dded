/**
 * The training simulator in a real browser against a real server (issue 7): a recruit reads a
 * scenario's content note, accepts it, handles an angry customer well to the end and gets a passed
 * report card whose criteria point into the conversation; pausing hides the conversation and
 * resuming brings it back; leaving ends the session; a coach starts a cohort, gets the recruit
 * added, assigns the scenario, sees the recruit's progress and signs them off; the Hebrew UI lays
 * training out right to left while English lines keep their own direction.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

const SCENARIO = 'en-bank-blocked-card';
/** Replies that acknowledge, restate, own, solve, seek agreement and recap: a good handling. */
const GOOD = [
  "I'm so sorry your card was declined while you're abroad, that's really stressful.",
  'I understand how stressful that is. So your debit card was blocked after the payment in Lisbon, is that right?',
  "I'm sorry about the hassle. I've checked your account: the block came from our fraud check, and I can unblock it right now after two quick security questions.",
  'Does that work for you?',
  'To recap: the card is unblocked and you can pay at the hotel tonight. Is there anything else I can help you with?',
];

/** Signs in through the API (no labels involved), for a UI in a language whose texts may change. */
async function signedInContext(s: Stack, locale: string, who: { email: string; password: string }): Promise<BrowserContext> {
  const res = await fetch(`${s.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  const cookie = /calmline_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  const ctx = await s.context(locale);
  await ctx.addCookies([{ name: 'calmline_session', value: cookie, url: s.server.url }]);
  return ctx;
}

/** Opens a scenario from the list and accepts its content note; resolves on the session page. */
async function startScenario(page: Page, id: string): Promise<string> {
  await page.goto('/training');
  await page
    .locator(`[data-scenario="${id}"]`)
    .getByRole('button', { name: /^Start/ })
    .click();
  await page.getByRole('dialog', { name: 'Before you start' }).getByRole('button', { name: 'I understand, start' }).click();
  await expect.poll(() => page.url()).toMatch(/\/training\/sessions\/[0-9a-f-]{36}$/);
  await page.getByTestId('sim-customer').first().waitFor();
  return page.url().split('/').pop()!;
}

describe('training simulator', () => {
  let s: Stack;
  let trainer: { id: string; email: string; password: string };
  beforeAll(async () => {
    s = await startStack();
    const created = await s.server.request('POST', '/api/users', {
      cookie: s.admin.cookie,
      body: { email: 'trainer@e2e.calmline.local', name: 'Tia Trainer', role: 'trainer', teamIds: [s.teamId] },
    });
    if (created.status !== 201) throw new Error(`trainer: ${created.status} ${JSON.stringify(created.body)}`);
    trainer = { id: created.body.user.id, email: 'trainer@e2e.calmline.local', password: created.body.oneTimePassword };
  });
  afterAll(async () => s?.close());

  it('shows the content note first, then coaches a recruit through a good conversation to a passed report card', async () => {
    const ctx = await signedInContext(s, 'en', s.agent);
    const page = await ctx.newPage();
    await page.goto('/training');
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Training' }).waitFor();
    const card = page.locator(`[data-scenario="${SCENARIO}"]`);
    await card.waitFor();
    expect(await card.locator('[data-note]').allTextContents()).toEqual(['Anger', 'Swearing', 'Personal abuse']);

    // Filtering by language keeps only that language's scenarios.
    await page.getByRole('combobox', { name: "Customer's language" }).click();
    await page.getByRole('listbox', { name: "Customer's language" }).getByRole('option', { name: 'English' }).click();
    await expect.poll(async () => (await page.getByTestId('scenario').count()) > 0).toBe(true);
    expect(await page.locator('[data-testid="scenario"] h3').evaluateAll((hs) => hs.map((h) => h.getAttribute('lang')))).not.toContain(
      'de',
    );
    await s.screenshot(page, 'training-scenarios');

    // A self-harm scenario's note says where support is; "Not now" starts nothing.
    const selfHarm = page.locator('[data-testid="scenario"]:has([data-note="self_harm"])').first();
    await selfHarm.getByRole('button', { name: /^Start/ }).click();
    const note = page.getByRole('dialog', { name: 'Before you start' });
    await note.getByText('Talk of self-harm').waitFor();
    await note.getByRole('link', { name: 'Support and breaks: My wellbeing' }).waitFor();
    await s.screenshot(page, 'training-content-note-self-harm');
    await note.getByRole('button', { name: 'Not now' }).click();
    await note.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/training$/);

    // The abusive scenario's note, then the session.
    await card.getByRole('button', { name: /^Start/ }).click();
    await note.getByText('Personal abuse').waitFor();
    await note.getByText('You can pause or leave the scenario at any time.', { exact: false }).waitFor();
    await s.screenshot(page, 'training-content-note');
    await note.getByRole('button', { name: 'I understand, start' }).click();
    await expect.poll(() => page.url()).toMatch(/\/training\/sessions\/[0-9a-f-]{36}$/);
    const customer = page.getByTestId('sim-customer');
    await customer.first().waitFor();
    expect(await page.getByTestId('mood').getAttribute('data-band')).toBe('angry');
    expect(await customer.first().locator('[dir="auto"]').count()).toBe(1);

    // The coach checks the draft in the browser before it is sent.
    const draft = page.getByRole('textbox', { name: 'Your reply' });
    await draft.fill('Calm down, sir.');
    await page.locator('[data-testid="coach-finding"][data-kind="dismissive"]').first().waitFor({ timeout: 10_000 });

    for (const [i, reply] of GOOD.entries()) {
      await draft.fill(reply);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByTestId('sim-agent').nth(i).waitFor();
      if (i === 0) {
        // What moved the mood, in words.
        await page.getByTestId('mood-moves').getByText('Your acknowledgement calmed them.').waitFor();
        await s.screenshot(page, 'training-session');
      }
    }

    // The last reply settles it: the report card replaces the conversation.
    const result = page.getByTestId('report-result');
    await result.waitFor();
    expect(await result.getAttribute('data-passed')).toBe('true');
    expect(await result.textContent()).toContain('Passed');
    expect(await result.textContent()).toContain("Resolved: the customer's problem is settled");
    expect(await page.getByTestId('report-score').textContent()).toMatch(/^Score: \d+% \(pass mark 70%\)$/);
    const acknowledged = page.locator('[data-testid="criteria"] tr[data-criterion="acknowledged"]');
    expect(await acknowledged.getAttribute('data-met')).toBe('true');
    expect(await acknowledged.textContent()).toContain('Acknowledged how the customer feels');
    // Every criterion missed comes back as "what would have done better", examples labelled as such.
    const missed = await page
      .locator('[data-testid="criteria"] tr[data-met="false"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion')));
    const advised = await page
      .locator('[data-testid="advice"] [data-criterion]')
      .evaluateAll((items) => items.map((a) => a.getAttribute('data-criterion')));
    expect(advised).toEqual(missed);
    for (const example of await page.getByTestId('advice-example').all())
      expect(await example.textContent()).toMatch(/^Example of the form \(adapt it, do not recite it\)\S/);

    // A criterion's turn link scrolls to that turn, highlights it and moves focus there.
    const link = acknowledged.getByRole('link').first();
    const turn = Number((await link.textContent())!.replace('#', ''));
    await link.click();
    const target = page.locator(`#turn-${turn - 1}`);
    await expect.poll(() => target.getAttribute('data-highlighted')).toBe('yes');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`turn-${turn - 1}`);
    expect(await target.getAttribute('data-testid')).toBe('sim-agent');

    // The mood chart, with a table for screen readers.
    await page.getByTestId('mood-chart').locator('svg').first().waitFor();
    const moodRows = page.getByRole('table', { name: "The customer's mood over the conversation" }).locator('tbody tr');
    expect(await moodRows.count()).toBe(GOOD.length + 1);
    expect(await moodRows.first().textContent()).toContain('Angry');
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await s.screenshot(page, 'training-report-card');

    // "Replay with the same customer": a new session with the same opening line.
    const played = page.url().split('/').pop()!;
    const opening = await page.locator('#turn-0 [dir="auto"]').textContent();
    await page.getByRole('button', { name: 'Replay with the same customer' }).click();
    await expect.poll(() => page.getByTestId('report-card').count()).toBe(0);
    await customer.first().waitFor();
    expect(await customer.first().locator('[dir="auto"]').textContent()).toBe(opening);
    const replay = page.url().split('/').pop()!;
    expect(replay).not.toBe(played);
    const seedOf = async (id: string) =>
      (await s.server.request('GET', `/api/training/sessions/${id}`, { cookie: s.admin.cookie })).body.seed;
    expect(await seedOf(replay)).toBe(await seedOf(played));
    await ctx.close();
  });

  it('hides the conversation while paused, brings it back on resume, and ends the session on leaving', async () => {
    const ctx = await signedInContext(s, 'en', s.agent);
    const page = await ctx.newPage();
    const id = await startScenario(page, SCENARIO);
    const opening = (await page.getByTestId('sim-customer').first().textContent()) ?? '';

    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = page.getByTestId('paused-panel');
    await paused.getByText('Paused — take the time you need').waitFor();
    expect(await page.getByTestId('sim-customer').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Your reply' }).count()).toBe(0);
    expect(await page.getByTestId('mood').count()).toBe(0);
    await s.screenshot(page, 'training-paused');
    // The server refuses turns while paused, whatever the page shows.
    const refused = await s.server.request('POST', `/api/training/sessions/${id}/reply`, {
      cookie: (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
      body: { text: 'Hello?' },
    });
    expect(refused.body.error?.id).toBe('session_paused');
    // After a reload the session is still paused.
    await page.reload();
    await paused.waitFor();

    await paused.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('sim-customer').first().waitFor();
    expect(await page.getByTestId('sim-customer').first().textContent()).toBe(opening);

    // Leaving asks once, then ends the session with its report card.
    await page.getByRole('button', { name: 'Leave' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this scenario?' });
    await dialog.getByRole('button', { name: 'Keep practising' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Leave' }).click();
    await dialog.getByRole('button', { name: 'Leave the scenario' }).click();
    await page.getByTestId('report-result').getByText('You left the scenario before the end.').waitFor();
    const session = await s.server.request('GET', `/api/training/sessions/${id}`, { cookie: s.admin.cookie });
    expect(session.body).toMatchObject({ status: 'finished', outcome: 'exited' });
    await s.screenshot(page, 'training-left');
    await ctx.close();
  });

  it('lets a coach start a cohort, assign the scenario, follow the recruit and sign them off', async () => {
    const ctx = await signedInContext(s, 'en', trainer);
    const page = await ctx.newPage();
    await page.goto('/');
    // A trainer's home is training.
    await expect.poll(() => page.url()).toMatch(/\/training$/);
    await page.getByRole('link', { name: 'My cohorts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    await page.getByText('You have no cohorts yet.', { exact: false }).waitFor();

    await page.getByRole('textbox', { name: 'Name' }).fill('November recruits');
    await page.getByRole('textbox', { name: 'Passes needed' }).fill('1');
    await page.getByRole('button', { name: 'Create the cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'November recruits' }).waitFor();
    await page.getByText('Passes: 1 at 70% or more, difficulty Moderate or harder', { exact: false }).waitFor();

    // The coach picks the recruit from the organisation's agents.
    await page.getByRole('combobox', { name: 'Add a recruit' }).click();
    await page
      .getByRole('listbox', { name: 'Add a recruit' })
      .getByRole('option', { name: /Ada Agent/ })
      .click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'Recruits (1 of 6)' }).waitFor();

    // Until signed off, the recruit opens Calmline on training, not on the console that would refuse live contacts.
    const asRecruit = await signedInContext(s, 'en', s.agent);
    const landing = await asRecruit.newPage();
    await landing.goto('/');
    await expect.poll(() => landing.url()).toMatch(/\/training$/);
    await landing.getByTestId('my-cohort').getByRole('heading', { name: 'My cohort: November recruits' }).waitFor();
    await s.screenshot(landing, 'training-recruit-lands-on-training');
    await asRecruit.close();

    // The coach assigns the scenario and sees the recruit's progress: already passed in practice.
    await page.reload();
    await page.getByRole('heading', { name: 'Recruits (1 of 6)' }).waitFor();
    await page.getByRole('combobox', { name: 'Scenario' }).click();
    await page
      .getByRole('listbox', { name: 'Scenario' })
      .getByRole('option', { name: /^Card blocked abroad/ })
      .click();
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('assignments').getByText('Card blocked abroad').waitFor();
    const row = page.locator(`[data-testid="progress-row"][data-user="${s.agent.id}"]`);
    await row.getByText(/^Passed · \d+%$/).waitFor();
    expect(await row.getByTestId('readiness').getAttribute('data-state')).toBe('ready');
    await row.getByText('Ready — waiting for your sign-off').waitFor();
    await s.screenshot(page, 'training-cohort-progress');

    // The recruit's sessions open their report cards.
    await row.getByRole('button', { name: 'Sessions of Ada Agent' }).click();
    const sessions = page.getByRole('dialog', { name: 'Sessions of Ada Agent' });
    await sessions.getByTestId('session-list').waitFor();
    // One still running (the replay) opens read-only: only the recruit plays it.
    await sessions.getByRole('link', { name: 'Open: Card blocked abroad' }).first().click();
    await page.getByText('This session is still running. Only the trainee can play it', { exact: false }).waitFor();
    await page.getByTestId('sim-customer').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Your reply' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.goBack();
    await row.getByRole('button', { name: 'Sessions of Ada Agent' }).click();
    await sessions
      .getByRole('link', { name: /^Report card: Card blocked abroad/ })
      .first()
      .click();
    await page.getByTestId('report-card').waitFor();
    // A coach reads the report; only the recruit can replay it.
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.goBack();

    await row.getByRole('button', { name: 'Sign off Ada Agent' }).click();
    await page.getByRole('dialog', { name: 'Sign off Ada Agent' }).getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => row.getByTestId('readiness').getAttribute('data-state')).toBe('signed-off');
    await s.screenshot(page, 'training-cohort-signed-off');
    await ctx.close();

    // The recruit sees their cohort, the assignment passed, and that they are signed off.
    const recruit = await signedInContext(s, 'en', s.agent);
    const mine = await recruit.newPage();
    // Signed off: their home is the console again.
    await mine.goto('/');
    await expect.poll(() => mine.url()).toMatch(/\/console$/);
    await mine.goto('/training');
    const cohort = mine.getByTestId('my-cohort');
    await cohort.getByRole('heading', { name: 'My cohort: November recruits' }).waitFor();
    await cohort.getByText('Coach: Tia Trainer').waitFor();
    await cohort
      .getByTestId('my-assignments')
      .getByText(/^Passed · \d+%$/)
      .waitFor();
    expect(await cohort.getByTestId('readiness').getAttribute('data-state')).toBe('signed-off');
    await s.screenshot(mine, 'training-recruit-signed-off');
    await recruit.close();
  });

  it('lays training out right to left in Hebrew, with English lines in their own direction', async () => {
    const ctx = await signedInContext(s, 'he-IL', s.agent);
    const page = await ctx.newPage();
    await page.goto('/training');
    await page.getByRole('heading', { level: 1, name: 'הדרכה' }).waitFor();
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['he', 'rtl']);
    // The navigation sits at the right of the content.
    const nav = await page.getByRole('navigation', { name: 'ניווט ראשי' }).boundingBox();
    const main = await page.locator('#main').boundingBox();
    expect(nav!.x).toBeGreaterThan(main!.x);
    await s.screenshot(page, 'training-hebrew');

    await page.locator(`[data-scenario="${SCENARIO}"]`).getByRole('button').click();
    await page.getByRole('dialog').getByRole('button', { name: 'הבנתי, להתחיל' }).click();
    const line = page.getByTestId('sim-customer').first().locator('[dir="auto"]');
    await line.waitFor();
    expect(await line.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.getByTestId('mood').textContent()).toContain('כועס');
    await s.screenshot(page, 'training-session-hebrew');
    await ctx.close();
  });
});

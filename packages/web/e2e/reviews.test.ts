/**
 * Peer review in a real browser against a real server: the agent opens their conversation in
 * reviews, reads Calmline's criteria against the turns, writes what they would have said on their
 * own poor reply and shares it to the library (after the coach turned down the poor reply
 * itself); the lead reaches the review from the board and from the review list; the library finds
 * and copies the shared line; in Hebrew the page is right to left while the transcript keeps its
 * own direction.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

const INSULT = 'You are a useless idiot, my parcel is two weeks late!';
const ACK = "I'm sorry about the wait, I understand how frustrating that is.";
const POOR = 'Calm down, it is just a parcel.';
const SOLUTION = 'Let me check with the courier and send you an update by 5pm today. Does that work for you?';
const BETTER = 'I can see how much this parcel matters to you. Let me check with the courier right now.';

describe('review screens', () => {
  let s: Stack;
  let conversationId: string;
  let masked: string;
  beforeAll(async () => {
    s = await startStack();
    const first = await s.customerSays('e2e-review', INSULT, 'en');
    conversationId = first.conversationId;
    masked = first.body.analysis.masked as string;
    for (const text of [ACK, POOR, SOLUTION]) {
      const r = await s.server.request('POST', '/api/messages', { token: s.agent.token, body: { conversationId, author: 'agent', text } });
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => s?.close());

  const turn = (page: Page, text: string) => page.getByTestId('turn').filter({ hasText: text });

  it('lets the agent annotate their conversation and share a better line to the library', async () => {
    expect(masked).not.toBe(INSULT);
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.agent);
    // The console opens the agent's conversation first; then the agent goes to reviews.
    await expect.poll(() => page.url()).toContain(`/console/${conversationId}`);
    await page.getByRole('navigation').getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await page.getByText('No reviews yet. Start one from a conversation below.').waitFor();
    await page
      .getByTestId('review-candidates')
      .getByRole('link', { name: /^Review the conversation of / })
      .click();
    await expect.poll(() => page.url()).toContain(`/reviews/conversation/${conversationId}`);
    await page.getByRole('heading', { level: 1, name: 'Review of a conversation' }).waitFor();

    // The customer's insult stays masked until asked for, as on the board.
    const customer = page.getByTestId('turn').filter({ has: page.getByText(masked, { exact: true }) });
    await customer.waitFor();
    expect(await page.getByText(INSULT, { exact: true }).count()).toBe(0);

    // Calmline's review: the poor reply is where the habits criterion points.
    const habits = page.getByTestId('criterion').filter({ hasText: 'Avoided unhelpful habits' });
    await habits.getByText('Not met').waitFor();
    await habits.getByRole('button', { name: 'Turn 3' }).click();
    await expect.poll(() => turn(page, POOR).getAttribute('data-highlighted')).toBe('true');
    expect(await turn(page, ACK).getAttribute('data-highlighted')).toBeNull();
    await turn(page, POOR).getByText('This plays down how the customer feels.').waitFor();
    await page.getByTestId('highlight-note').getByText('Highlighted: the turns for “Avoided unhelpful habits”.').waitFor();

    // What I would have said, on the agent's own poor reply.
    await turn(page, POOR).getByRole('button', { name: 'What I would have said' }).click();
    await turn(page, POOR).getByRole('textbox', { name: 'What you would have said instead' }).fill(BETTER);
    await turn(page, POOR).getByRole('button', { name: 'Save note' }).click();
    const note = turn(page, POOR).getByTestId('note');
    await note.getByText(BETTER, { exact: true }).waitFor();
    expect(await note.getByTestId('note-author').textContent()).toBe('You');

    // The poor reply itself is not exemplary: the coach says why, in words.
    await page.evaluate(() => window.scrollTo(0, 0));
    await turn(page, POOR).getByRole('button', { name: 'Share this reply' }).click();
    let dialog = page.getByRole('dialog', { name: 'Share to the library' });
    await dialog.getByLabel('Situation').selectOption('acknowledge');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await dialog.getByTestId('share-refused').getByText('This plays down how the customer feels.').waitFor();
    await s.screenshot(page, 'review-share-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // My version goes in.
    await note.getByRole('button', { name: 'Share my version' }).click();
    dialog = page.getByRole('dialog', { name: 'Share to the library' });
    expect(await dialog.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe(BETTER);
    await dialog.getByLabel('Situation').selectOption('acknowledge');
    await dialog.getByRole('textbox', { name: 'When it fits (optional)' }).fill('A late parcel, chased more than once');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Added to the library.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('textbox', { name: 'Summary' }).fill('I lost patience at turn 3; acknowledging first would have helped.');
    await page.getByRole('button', { name: 'Save summary' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await s.screenshot(page, 'review-detail-agent');
    await ctx.close();
  });

  it("brings the lead from the board's conversation to the review, and lists it", async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.goto('/board');
    const card = page.getByTestId('alert-card').filter({ hasText: 'Abuse' }).first();
    await card.getByRole('button', { name: 'Open conversation' }).click();
    const drawer = page.getByRole('dialog', { name: 'Conversation' });
    await drawer.getByRole('link', { name: 'Review this conversation' }).click();
    await expect.poll(() => page.url()).toContain(`/reviews/conversation/${conversationId}`);
    const note = turn(page, POOR).getByTestId('note');
    await note.getByText(BETTER, { exact: true }).waitFor();
    expect(await note.getByTestId('note-author').textContent()).toBe('Ada Agent');
    // Someone else's note is read-only.
    expect(await note.getByRole('button', { name: /Edit|Delete/ }).count()).toBe(0);
    await page.getByTestId('other-review').getByText('I lost patience at turn 3; acknowledging first would have helped.').waitFor();

    await page.getByRole('link', { name: 'All reviews' }).click();
    const row = page.getByTestId('review-row').filter({ hasText: 'Ada Agent' });
    await row.getByText('1 note').waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Ada Agent');
    await s.screenshot(page, 'review-list-lead');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Review of a conversation' }).waitFor();
    await ctx.close();
  });

  it('shows the shared line in the library, where it can be found and copied', async () => {
    const ctx = await s.context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.getByRole('navigation').getByRole('link', { name: 'Library of replies' }).click();
    const reply = page.getByTestId('library-reply').filter({ hasText: BETTER });
    await reply.getByText('Acknowledging feelings').waitFor();
    await reply.getByText('When it fits: A late parcel, chased more than once').waitFor();
    await reply.getByText(/^Shared by Ada Agent on /).waitFor();

    await page.getByRole('searchbox', { name: 'Search' }).fill('no such words');
    await page.getByText('No replies match. Good lines are shared from reviews.').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('COURIER');
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('1 reply');
    await page.getByRole('search').getByLabel('Language').selectOption('de');
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('0 replies');
    await page.getByRole('search').getByLabel('Language').selectOption('en');
    await reply.getByRole('button', { name: 'Copy this reply' }).click();
    await reply.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BETTER);
    await s.screenshot(page, 'library-lead');
    await ctx.close();
  });

  it('lays the review out right to left in Hebrew, the English transcript left to right', async () => {
    const ctx = await s.context();
    const page = await ctx.newPage();
    await s.signIn(page, s.lead);
    await page.getByTestId('language-picker').selectOption('he');
    await page.goto(`/reviews/conversation/${conversationId}`);
    await page.getByRole('heading', { level: 1, name: 'ניתוח שיחה' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const text = turn(page, POOR).getByTestId('turn-text');
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The navigation sits on the right, the transcript to its left.
    const nav = await page.getByRole('navigation').boundingBox();
    const transcript = await text.boundingBox();
    expect(nav && transcript && nav.x > transcript.x).toBe(true);
    await s.screenshot(page, 'review-detail-hebrew');
    await ctx.close();
  });
});

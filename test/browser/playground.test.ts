import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Intelligence, Provider, RiskState } from '../../models/index.js';
import { preparePlayground } from '../../src/playground/index.js';
import type { PersonaKey } from '../../src/playground/personas.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { describeInBrowser, launchChromium, type LaunchedBrowser } from './chromium.js';
import { startPlaygroundServer } from './playgroundServer.js';

// The playground page in Chromium: Web Chat and Microsoft's Adaptive Cards renderer, talking to the bot's
// real Teams code (CloudAdapter + ProviderQualityBot) through the bot's own Direct Line-style endpoint.

useDatabase();

describeInBrowser('The playground in a real browser', () => {
  let server: Awaited<ReturnType<typeof startPlaygroundServer>>;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await clearCollections();
    await preparePlayground();
    mkdirSync('test-artifacts/playground', { recursive: true });
    server = await startPlaygroundServer();
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    const session = (await (await fetch(`${server.baseUrl}/playground/api/session`)).json()) as { token: string };
    await fetch(`${server.baseUrl}/playground/api/reset`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    await page.goto(`${server.baseUrl}/playground`);
    await page.locator('body[data-chat="connected"]').waitFor({ timeout: 15_000 });
  });

  /** A picture of the page at a step, for people to look at (test-artifacts is not committed). */
  async function snapshot(name: string): Promise<void> {
    await page.screenshot({ path: `test-artifacts/playground/${name}.png` });
  }

  async function actAs(persona: PersonaKey): Promise<void> {
    await page.locator(`input[name="persona"][value="${persona}"]`).check();
  }

  async function say(text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: /message/i });
    await box.fill(text);
    await box.press('Enter');
  }

  /** The newest card that contains this text. */
  async function card(text: string | RegExp): Promise<Locator> {
    const found = page.locator('.ac-adaptiveCard', { hasText: text }).last();
    await found.waitFor({ timeout: 15_000 });
    return found;
  }

  async function chooseProvider(form: Locator, typed: string, name: string): Promise<void> {
    const picker = form.locator('.ac-choiceSetInput-filtered-textbox');
    await picker.click();
    await picker.pressSequentially(typed);
    await form.locator('.ac-choiceSetInput-choice', { hasText: name }).click();
  }

  async function fillCq1(form: Locator, serviceUserRef: string): Promise<void> {
    await chooseProvider(form, 'Beech', 'Beech Court Nursing Home (fictional)');
    await form.getByRole('checkbox', { name: 'Medication' }).check();
    await form.getByRole('textbox', { name: 'What happened?' }).fill('Morning medication was given three hours late on Tuesday.');
    await form.getByRole('textbox', { name: 'Anonymised service user reference (optional)' }).fill(serviceUserRef);
    await form.getByRole('combobox', { name: 'How urgent is it?' }).selectOption({ label: 'Urgent: look at it this week' });
  }

  it('logs a CQ1 through the card: the confirmation shows, the record is stored, and the alert reaches the channel', async () => {
    await actAs('quality-officer');
    await say('subscribe all');
    await card('Subscribed');

    await actAs('social-worker');
    await say('cq1');
    const form = await card('Log a CQ1 concern');
    await fillCq1(form, 'PG-2001');
    await snapshot('1-cq1-form-filled');
    await form.getByRole('button', { name: 'Save' }).click();

    const saved = await card('Saved: CQ1 concern report about Beech Court Nursing Home (fictional)');
    const reference = /INT-\d{6}/.exec(await saved.innerText())?.[0];
    expect(reference).toBeDefined();

    const stored = await Intelligence.findOne({ reference }).lean();
    const beech = await Provider.findOne({ externalRef: 'PG-P002' }).lean();
    expect(stored).toMatchObject({
      source: 'cq1',
      sentiment: 'adverse',
      urgency: 'urgent',
      themes: ['medication'],
      serviceUserRef: 'PG-2001',
      summary: 'Morning medication was given three hours late on Tuesday.',
      loggedBy: { platform: 'teams', userId: 'playground-social-worker' },
    });
    expect(String(stored!.providerId)).toBe(String(beech!._id));

    // The channel is subscribed, so the alert is posted to it: without the service user reference.
    const alert = await card('Logged by');
    expect(await alert.innerText()).toContain('CQ1 concern report about Beech Court Nursing Home (fictional)');
    expect(await alert.innerText()).toContain(reference);
    expect(await alert.innerText()).toContain('Sam Patel (fictional)');
    expect(await alert.innerText()).not.toContain('PG-2001');
    await snapshot('2-cq1-saved-and-alert');
  });

  it('shows a validation error on the card, saves nothing, and saves once it is put right', async () => {
    const before = await Intelligence.countDocuments();
    await actAs('social-worker');
    await say('cq1');
    const form = await card('Log a CQ1 concern');
    await fillCq1(form, 'Jane Smith');
    await form.getByRole('button', { name: 'Save' }).click();

    const again = await card('Use an anonymised reference (letters, numbers, - or /), not a name');
    await again.scrollIntoViewIfNeeded();
    await snapshot('3-validation-error');
    // What was typed is still there, to be corrected.
    await expect.poll(() => again.getByRole('textbox', { name: 'What happened?' }).inputValue()).toBe('Morning medication was given three hours late on Tuesday.');
    expect(await Intelligence.countDocuments()).toBe(before);

    // Correcting the reference and saving again works, for the provider chosen the first time.
    await again.getByRole('textbox', { name: 'Anonymised service user reference (optional)' }).fill('PG-2002');
    await again.getByRole('button', { name: 'Save' }).click();
    await card('Saved: CQ1 concern report about Beech Court Nursing Home (fictional)');
    expect(await Intelligence.countDocuments({ serviceUserRef: 'PG-2002' })).toBe(1);
  });

  it('a button on a card acts, as the persona who pressed it', async () => {
    await actAs('quality-officer');
    await say('provider beech');
    const summary = await card('Add intelligence');
    expect(await summary.innerText()).toContain('Beech Court Nursing Home (fictional)');
    await summary.getByRole('button', { name: 'Add intelligence' }).click();

    const form = await card('Log intelligence');
    await form.getByRole('combobox', { name: 'Where did this come from?' }).selectOption({ label: 'Visit' });
    await form.getByRole('radio', { name: 'Positive', exact: true }).check();
    await form.getByRole('textbox', { name: 'What happened?' }).fill('Unannounced visit: medication records were complete.');
    await form.getByRole('combobox', { name: 'How urgent is it?' }).selectOption({ label: 'Routine' });
    await form.getByRole('button', { name: 'Save' }).click();

    const saved = await card('Saved: Visit about Beech Court Nursing Home (fictional)');
    await snapshot('4-button-acted');
    const reference = /INT-\d{6}/.exec(await saved.innerText())?.[0];
    const stored = await Intelligence.findOne({ reference }).lean();
    expect(stored?.loggedBy).toMatchObject({ platform: 'teams', userId: 'playground-quality-officer' });
    expect(stored?.sentiment).toBe('positive');
  });

  // The chair may set a rating; a social worker who presses the same button is refused, with nothing to fill in.
  it('"Set rating" on a provider card works for the chair, and not for a social worker', async () => {
    const inputs = 'select, textarea, input[type="radio"]';
    // The bot answers each of these with one new card.
    const nextCard = async (act: () => Promise<void>) => {
      const cards = page.locator('.ac-adaptiveCard');
      const before = await cards.count();
      await act();
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(before);
      return cards.nth(before);
    };
    const openProvider = () => nextCard(() => say('provider beech'));
    const pressSetRating = (summary: Locator) => nextCard(() => summary.getByRole('button', { name: 'Set rating' }).click());

    await actAs('social-worker');
    const summary = await openProvider();
    const refusal = await pressSetRating(summary);
    expect(await refusal.locator(inputs).count()).toBe(0);
    expect(await refusal.innerText()).toContain('Not permitted');

    await actAs('chair');
    const form = await pressSetRating(await openProvider());
    await form.scrollIntoViewIfNeeded();
    await snapshot('5-set-rating-as-chair');
    expect(await form.locator(inputs).count()).toBeGreaterThan(0);
    expect(await form.innerText()).toContain('Beech Court Nursing Home (fictional)');

    // The chair's decision is kept, with who made it and why.
    await form.getByRole('radio', { name: 'Red', exact: true }).check();
    await form.getByRole('textbox', { name: 'Why this rating?' }).fill('The meeting weighed the recent visit and the CQC report.');
    const confirmation = await nextCard(() => form.getByRole('button', { name: 'Save rating' }).click());
    const beech = await Provider.findOne({ externalRef: 'PG-P002' }).lean();
    await expect.poll(async () => (await RiskState.findOne({ providerId: beech!._id }).lean())?.decided?.by?.userId, { timeout: 15_000 }).toBe('playground-chair');
    const decided = (await RiskState.findOne({ providerId: beech!._id }).lean())!.decided!;
    expect(decided.rating).toMatch(/^red$/i);
    expect(decided.rationale).toBe('The meeting weighed the recent visit and the CQC report.');
    await confirmation.scrollIntoViewIfNeeded();
    await snapshot('6-rating-set-by-chair');
  });

  it('runs offline and without errors: nothing is fetched from outside this machine, nothing goes wrong in the page', async () => {
    await say('help');
    await card('What I can do');
    expect(browser.outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

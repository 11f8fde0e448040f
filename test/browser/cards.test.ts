import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderAdaptiveCard, TEMPLATE_SCREENS, type ActionStyle } from '../../cards/adaptive.js';
import type { ScreenView } from '../../cards/viewModels.js';
import { Provider } from '../../models/index.js';
import { helpView, viewProvider } from '../../src/app/commands.js';
import { openIntelligenceForm } from '../../src/app/intelligence.js';
import { runCardAction } from '../../src/adapters/teams/cardActions.js';
import { lookupProvider } from '../../src/app/providers.js';
import { providerMatchesView } from '../../src/app/views/providerViews.js';
import { preparePlayground } from '../../src/playground/index.js';
import { ALL_SAMPLES } from '../cards/sampleViews.js';
import { clearCollections, useDatabase } from '../helpers/database.js';
import { describeInBrowser, launchChromium, type LaunchedBrowser } from './chromium.js';

// Every Adaptive Card the bot sends, drawn in Chromium by Microsoft's renderer (the adaptivecards package,
// as Web Chat uses it) and saved as a PNG under test-artifacts/cards/ for people to look at.
// Any parse warning, validation failure or console message from the renderer fails the test.

useDatabase();

const OUT_DIR = 'test-artifacts/cards';
// The renderer's browser bundle (the package's main entry is lib/adaptivecards.js; dist/ sits beside lib/).
const RENDERER = join(dirname(createRequire(import.meta.url).resolve('adaptivecards')), '..', 'dist', 'adaptivecards.min.js');

/**
 * The one warning allowed: Teams' type-ahead search (choices.data on a filtered Input.ChoiceSet) works in the
 * 1.5 cards Teams renders, but the JS library files it under 1.6. test/helpers/adaptiveValidator.ts checks its shape.
 */
const KNOWN_WARNING = /choices\.data/;

interface Rendered {
  problems: string[];
  height: number;
}

type Sample = { name: string; view: ScreenView };

/** What the code run inside the page uses (the project's TypeScript has no DOM types). */
interface BrowserGlobals {
  AdaptiveCards: typeof import('adaptivecards');
  document: { getElementById(id: string): { replaceChildren(): void; appendChild(child: unknown): void } | null };
}

/** Views the bot builds from the playground's fictional data, so the pictures show real answers too. */
async function viewsFromSampleData(): Promise<Sample[]> {
  const beech = await Provider.findOne({ externalRef: 'PG-P002' }).lean();
  const beechId = String(beech!._id);
  const form = await openIntelligenceForm('cq1');
  // Through the Teams card-action code, as a person pressing Save would.
  const actor = { platform: 'teams' as const, userId: 'playground-social-worker', name: 'Sam Patel (fictional)' };
  const submit = (formId: string, fields: Record<string, string>) => runCardAction('intel.submit', { formKind: 'cq1', formId, provider: beechId, sentiment: 'adverse', urgency: 'urgent', ...fields }, actor);
  const invalid = await submit('cards-test-invalid', { eventDate: '2999-01-01', summary: '', serviceUserRef: 'Jane Smith' });
  const saved = await submit('cards-test-saved', { themes: 'medication', eventDate: '2026-01-05', summary: 'Medication was late twice.' });
  const lookup = await lookupProvider('care hme');
  const samples: Sample[] = [
    { name: 'from sample data, CQ1 form', view: form },
    { name: 'from sample data, help', view: helpView('teams') },
    { name: 'from sample data, provider summary', view: await viewProvider(beechId) },
    { name: 'from sample data, did you mean', view: providerMatchesView('care hme', lookup.status === 'not-found' ? lookup.suggestions : []) },
    { name: 'from sample data, CQ1 form with errors', view: invalid },
    { name: 'from sample data, CQ1 saved', view: saved },
  ];
  expect([invalid.screen, saved.screen]).toEqual(['intelligence-form', 'intelligence-saved']);
  return samples;
}

function fileName(screen: string, name: string): string {
  return `${screen}--${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
}

describeInBrowser('Adaptive Cards drawn by Microsoft’s renderer in Chromium', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const consoleMessages: string[] = [];
  let samples: Sample[] = [];

  beforeAll(async () => {
    await clearCollections();
    await preparePlayground();
    samples = [...(await viewsFromSampleData()), ...ALL_SAMPLES];
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleMessages.push(`page error: ${error.message}`));
    await page.setContent(
      '<!doctype html><html lang="en-GB"><body style="margin:0;background:#f3f2f1;font-family:Segoe UI,Arial,sans-serif">' +
        '<div id="card" style="width:560px;padding:16px;background:#fff"></div></body></html>',
    );
    await page.addScriptTag({ path: RENDERER });
    await page.addStyleTag({ path: RENDERER.replace(/adaptivecards\.min\.js$/, 'adaptivecards.css') });
    // Teams and Web Chat render the card's markdown; a small processor stands in for theirs.
    await page.evaluate(() => {
      const AC = (globalThis as unknown as BrowserGlobals).AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        result.outputHtml = escaped
          .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
          .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
          .replace(/\n/g, '<br>');
        result.didProcess = true;
      };
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Ids of pickers Teams fills as you type: they may start with no choices (see KNOWN_WARNING). */
  function searchedIds(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((child) => searchedIds(child, found));
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'Input.ChoiceSet' && 'choices.data' in element && typeof element.id === 'string') found.push(element.id);
      Object.values(element).forEach((child) => searchedIds(child, found));
    }
    return found;
  }

  async function draw(card: Record<string, unknown>): Promise<Rendered> {
    return page.evaluate(
      ({ json, searched }) => {
        const AC = (globalThis as unknown as BrowserGlobals).AdaptiveCards;
        const host = (globalThis as unknown as BrowserGlobals).document.getElementById('card')!;
        host.replaceChildren();
        const card = new AC.AdaptiveCard();
        const context = new AC.SerializationContext(AC.Versions.v1_5);
        card.parse(json, context);
        const problems: string[] = [];
        for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
        for (const event of card.validateProperties().validationEvents) {
          const source = event.source as { id?: string } | undefined;
          if (event.event === AC.ValidationEvent.CollectionCantBeEmpty && source?.id && searched.includes(source.id)) continue;
          problems.push(`validate: ${event.message}`);
        }
        const element = card.render();
        if (!element) problems.push('render: the renderer drew nothing');
        else host.appendChild(element);
        return { problems, height: element?.getBoundingClientRect().height ?? 0 };
      },
      { json: card, searched: searchedIds(card) },
    );
  }

  for (const screen of TEMPLATE_SCREENS) {
    if (!ALL_SAMPLES.some((sample) => sample.view.screen === screen)) {
      it.todo(`${screen}: add sample views to test/cards/sampleViews.ts so its card is drawn`);
      continue;
    }
    it(`draws every ${screen} card without a warning or an error, and saves a picture of each`, async () => {
      const problems: string[] = [];
      for (const sample of samples.filter((s) => s.view.screen === screen)) {
        for (const style of ['execute', 'submit'] as ActionStyle[]) {
          consoleMessages.length = 0;
          const result = await draw(renderAdaptiveCard(sample.view, style));
          const found = [...result.problems.filter((p) => !KNOWN_WARNING.test(p)), ...consoleMessages];
          if (result.height < 20) found.push('the card is empty');
          problems.push(...found.map((p) => `${sample.name} (${style}): ${p}`));
          // The picture is the Teams one (Action.Execute); the Action.Submit card looks the same.
          if (style === 'execute') await page.locator('#card').screenshot({ path: join(OUT_DIR, fileName(screen, sample.name)) });
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('fetched nothing from outside this machine', () => {
    expect(browser.outsideRequests).toEqual([]);
  });
});

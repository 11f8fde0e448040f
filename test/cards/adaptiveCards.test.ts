import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard, TEMPLATE_SCREENS, type ActionStyle } from '../../cards/adaptive.js';
import type { ScreenView } from '../../cards/viewModels.js';
import { adaptiveCardProblems } from '../helpers/adaptiveValidator.js';
import { nodes, type Json } from '../helpers/jsonNodes.js';
import { ALL_SAMPLES, SAMPLES_BY_SCREEN } from './sampleViews.js';

// Every Teams card the bot can send, checked with Microsoft's parser and our own rules.

const STYLES: ActionStyle[] = ['execute', 'submit'];

/** View text that itself contains "${", which must reach the card as typed. */
function templateLikeText(view: ScreenView): string[] {
  return JSON.stringify(view).match(/\$\{[^}]*\}/g) ?? [];
}


describe('Adaptive Card templates', () => {
  for (const screen of TEMPLATE_SCREENS) {
    const samples = SAMPLES_BY_SCREEN[screen as ScreenView['screen']] ?? [];
    if (samples.length === 0) it.todo(`${screen}: add sample views to test/cards/sampleViews.ts so its card is checked`);
  }

  it('has a template for every screen that has samples', () => {
    const screens = new Set<string>(TEMPLATE_SCREENS);
    expect(ALL_SAMPLES.map((sample) => sample.view.screen).filter((screen) => !screens.has(screen))).toEqual([]);
  });
});

describe.each(ALL_SAMPLES.map((sample) => [sample.name, sample] as const))('Teams card: %s', (_name, sample) => {
  it.each(STYLES)('is valid Adaptive Card 1.5 with %s actions', (style) => {
    const card = renderAdaptiveCard(sample.view, style);
    expect(adaptiveCardProblems(card, { allowedTemplateText: templateLikeText(sample.view) })).toEqual([]);
  });

  it('uses Action.Submit, with the same verbs in the data, for clients without Universal Actions', () => {
    const executeVerbs = nodes(renderAdaptiveCard(sample.view, 'execute'))
      .filter((node) => node.type === 'Action.Execute')
      .map((node) => [node.verb, (node.data as Json | undefined)?.value]);
    const submit = nodes(renderAdaptiveCard(sample.view, 'submit'));
    expect(submit.filter((node) => node.type === 'Action.Execute')).toEqual([]);
    const submitVerbs = submit.filter((node) => node.type === 'Action.Submit').map((node) => [(node.data as Json).verb, (node.data as Json).value]);
    expect(submitVerbs).toEqual(executeVerbs);
  });
});

describe('the Adaptive Card validator', () => {
  const good = () => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Hello', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'provider',
        label: 'Provider',
        style: 'filtered',
        choices: [{ title: 'A', value: 'a' }],
        'choices.data': { type: 'Data.Query', dataset: 'providers' },
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'Save', verb: 'intel.submit' }],
  });

  it('accepts a good card, including Teams typeahead search', () => {
    expect(adaptiveCardProblems(good())).toEqual([]);
  });

  it.each([
    ['a version Teams does not render', (card: Json) => Object.assign(card, { version: '1.6' }), /version/],
    ['an input with no label', (card: Json) => delete ((card.body as Json[])[1] as Json).label, /no label/],
    ['two elements with one id', (card: Json) => (card.body as Json[]).push({ type: 'Input.Text', id: 'provider', label: 'Again' }), /"provider" is used 2 times/],
    ['a misspelt property', (card: Json) => Object.assign((card.body as Json[])[0] as Json, { isSubtel: true }), /isSubtel/],
    ['an unknown element', (card: Json) => (card.body as Json[]).push({ type: 'Text.Block', text: 'x' }), /UnknownElementType/],
    ['a link with no address', (card: Json) => Object.assign((card.body as Json[])[0] as Json, { text: 'From this message: [open the original]()' }), /no address/],
    ['a template expression left in', (card: Json) => Object.assign((card.body as Json[])[0] as Json, { text: 'Hello ${name}' }), /template expression/],
    ['a typeahead search on a choice set that is not filtered', (card: Json) => delete ((card.body as Json[])[1] as Json).style, /filtered/],
    ['a bad colour', (card: Json) => Object.assign((card.body as Json[])[0] as Json, { color: 'Reddish' }), /InvalidPropertyValue/],
    ['an Action.Submit with no verb', (card: Json) => (card.actions as Json[]).push({ type: 'Action.Submit', title: 'Go', data: {} }), /no verb/],
    ['a required input with no error message', (card: Json) => (card.body as Json[]).push({ type: 'Input.Text', id: 'x', label: 'X', isRequired: true }), /RequiredInputsShouldHaveErrorMessage/],
  ])('rejects %s', (_name, spoil, expected) => {
    const card = good() as Json;
    spoil(card);
    expect(adaptiveCardProblems(card).join('\n')).toMatch(expected);
  });
});

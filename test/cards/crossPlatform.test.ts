import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../cards/adaptive.js';
import { renderIntelligenceFormModal } from '../../cards/slack/intelligenceFormModal.js';
import { renderBlocks } from '../../cards/slack/screens.js';
import type { IntelligenceFormView, ScreenView } from '../../cards/viewModels.js';
import { FORM_FIELDS } from '../../src/core/intelligence/intelligenceForm.js';
import { slackVisibleText } from '../helpers/blockKitValidator.js';
import { nodes, type Json } from '../helpers/jsonNodes.js';
import { FORM_SAMPLES, NON_FORM_SAMPLES } from './sampleViews.js';

// One view model, two platforms: a person on Slack and a person on Teams must read the same key facts,
// press buttons that do the same thing, and fill in the same form.

type MessageScreen = Exclude<ScreenView, IntelligenceFormView>;

/** What a person reads on Teams: every string the card shows. */
function teamsVisibleText(card: unknown): string {
  return nodes(card)
    .flatMap((node) => [node.text, node.title, node.value, node.label].filter((value): value is string => typeof value === 'string'))
    .join('\n');
}

function keyFacts(view: MessageScreen): string[] {
  switch (view.screen) {
    case 'intelligence-saved':
    case 'intelligence-alert':
      return [view.reference, ...view.facts.map((fact) => fact.label)];
    case 'provider-summary':
      return [view.name, ...view.facts.map((fact) => fact.label), ...view.services.map((service) => service.type)];
    default:
      // Screens added later: at least the heading; samples name their own key facts in mustShow.
      return 'heading' in view && typeof view.heading === 'string' ? [view.heading] : [];
  }
}

describe.each(NON_FORM_SAMPLES.map((sample) => [sample.name, sample] as const))('both platforms: %s', (_name, sample) => {
  const { view } = sample;
  const slack = renderBlocks(view);
  const teams = renderAdaptiveCard(view);

  it('show the key facts whole on Slack and on Teams', () => {
    const facts = [...keyFacts(view), ...(sample.mustShow ?? [])];
    const slackText = slackVisibleText(slack);
    const teamsText = teamsVisibleText(teams);
    expect(facts.filter((fact) => !slackText.includes(fact))).toEqual([]);
    expect(facts.filter((fact) => !teamsText.includes(fact))).toEqual([]);
  });

  it('offer the same buttons, doing the same things', () => {
    const slackButtons = nodes(slack)
      .filter((node) => node.type === 'button')
      .map((node) => [String(node.action_id).replace(/#\d+$/, ''), node.value]);
    const teamsButtons = nodes(teams)
      .filter((node) => node.type === 'Action.Execute')
      .map((node) => [node.verb, (node.data as Json).value]);
    expect(slackButtons).toEqual(teamsButtons);
  });
});

function teamsInputs(view: IntelligenceFormView) {
  const inputs = nodes(renderAdaptiveCard(view)).filter((node) => String(node.type).startsWith('Input.'));
  return new Map(inputs.map((input) => [String(input.id), input]));
}

function slackInputs(view: IntelligenceFormView) {
  const modal = renderIntelligenceFormModal(view);
  const inputs = (modal.blocks as Json[]).filter((block) => block.type === 'input');
  return { modal, inputs: new Map(inputs.map((block) => [String(block.block_id), block.element as Json])) };
}

const optionValues = (element: Json | undefined) => ((element?.options as Json[] | undefined) ?? []).map((option) => option.value);
const choiceValues = (input: Json | undefined) => ((input?.choices as Json[] | undefined) ?? []).map((choice) => choice.value);

describe.each(FORM_SAMPLES.map((sample) => [sample.name, sample.view] as const))('the form on both platforms: %s', (_name, view) => {
  const teams = teamsInputs(view);
  const { modal, inputs: slack } = slackInputs(view);
  const metadata = JSON.parse(String(modal.private_metadata)) as Json;

  it('asks for every field, under the same ids', () => {
    expect([...teams.keys()].sort()).toEqual([...FORM_FIELDS].sort());
    // Slack does not ask where it came from when there is one answer; the modal carries it instead.
    const slackFields = [...slack.keys(), ...(metadata.source ? ['source'] : [])];
    expect(slackFields.sort()).toEqual([...FORM_FIELDS].sort());
    for (const [blockId, element] of slack) expect(element.action_id).toBe(blockId);
  });

  it('offers the same choices', () => {
    for (const field of ['source', 'sentiment', 'themes', 'urgency'] as const) {
      if (!slack.has(field)) continue;
      expect(optionValues(slack.get(field)), field).toEqual(choiceValues(teams.get(field)));
    }
    if (metadata.source) expect(choiceValues(teams.get('source'))).toEqual([metadata.source]);
  });

  it('fills in the same answers', () => {
    const slackAnswer = (field: string): string => {
      const element = slack.get(field);
      if (!element) return field === 'source' ? String(metadata.source ?? '') : '';
      const initial = element.initial_option as Json | undefined;
      const many = element.initial_options as Json[] | undefined;
      return String(element.initial_value ?? element.initial_date ?? initial?.value ?? many?.map((o) => o.value).join(',') ?? '');
    };
    const themes = new Set(view.themes.map((theme) => theme.value));
    for (const field of FORM_FIELDS) {
      let teamsAnswer = String(teams.get(field)?.value ?? '');
      // Neither platform can show an answer that is not on its list, such as a theme since retired.
      if (field === 'themes') teamsAnswer = teamsAnswer.split(',').filter((theme) => themes.has(theme)).join(',');
      // Slack cannot pre-select a provider it has no name for; Teams shows the id only if it is in the first page.
      if (field === 'provider' && !view.values.providerName) continue;
      expect(slackAnswer(field), field).toBe(teamsAnswer);
    }
  });

  it('links to the original message on both platforms or on neither', () => {
    const slackLinks = slackVisibleText(modal).includes('open the original');
    const teamsLinks = teamsVisibleText(renderAdaptiveCard(view)).includes('open the original');
    expect({ slackLinks, teamsLinks }).toEqual({ slackLinks: Boolean(view.values.messageLink), teamsLinks: Boolean(view.values.messageLink) });
  });

  it('submits the same form kind, id and message link', () => {
    const save = nodes(renderAdaptiveCard(view)).find((node) => node.type === 'Action.Execute' && node.verb === 'intel.submit');
    const data = save?.data as Json;
    expect({ formKind: data.formKind, formId: data.formId, messageLink: data.messageLink || undefined }).toEqual({
      formKind: metadata.formKind,
      formId: metadata.formId,
      messageLink: metadata.messageLink,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_LIMITS as L } from '../../cards/slack/blockKitLimits.js';
import { FORM_CALLBACK_ID, renderIntelligenceFormModal } from '../../cards/slack/intelligenceFormModal.js';
import { renderBlocks } from '../../cards/slack/screens.js';
import { savedModal } from '../../src/adapters/slack/render.js';
import { blockKitMessageProblems, blockKitModalProblems } from '../helpers/blockKitValidator.js';
import { FORM_SAMPLES, NON_FORM_SAMPLES, SAVED_SAMPLES } from './sampleViews.js';

// Every Slack message and modal the bot can send, checked against Block Kit's limits.

describe.each(NON_FORM_SAMPLES.map((sample) => [sample.name, sample.view] as const))('Slack message: %s', (_name, view) => {
  it('is within Block Kit limits', () => {
    expect(blockKitMessageProblems(renderBlocks(view))).toEqual([]);
  });
});

describe.each(FORM_SAMPLES.map((sample) => [sample.name, sample.view] as const))('Slack modal: %s', (_name, view) => {
  it('is within Block Kit limits', () => {
    expect(blockKitModalProblems(renderIntelligenceFormModal(view))).toEqual([]);
  });

  it('carries the form kind and id to the submission', () => {
    const modal = renderIntelligenceFormModal(view);
    expect(modal.callback_id).toBe(FORM_CALLBACK_ID);
    expect(JSON.parse(String(modal.private_metadata))).toMatchObject({ formKind: view.formKind, formId: view.formId });
  });
});

describe.each(SAVED_SAMPLES.map((sample) => [sample.name, sample.view] as const))('Slack modal after saving: %s', (_name, view) => {
  it('is within Block Kit limits', () => {
    expect(blockKitModalProblems(savedModal(view))).toEqual([]);
  });
});

describe('the long samples', () => {
  const texts = (node: unknown, found: string[] = []): string[] => {
    if (Array.isArray(node)) node.forEach((child) => texts(child, found));
    else if (node && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if ((object.type === 'plain_text' || object.type === 'mrkdwn') && typeof object.text === 'string') found.push(object.text);
      Object.values(object).forEach((child) => texts(child, found));
    }
    return found;
  };
  const rendered = [
    ...NON_FORM_SAMPLES.map((sample) => renderBlocks(sample.view)),
    ...FORM_SAMPLES.map((sample) => renderIntelligenceFormModal(sample.view)),
  ];
  // A cut may stop up to four characters short, so as not to split an &amp;.
  const clippedAt = (limit: number) =>
    rendered.flatMap((output) => texts(output)).filter((text) => text.length <= limit && text.length >= limit - 4 && text.endsWith('…'));

  // If these fail, the samples no longer reach the limits, so the checks above prove less than they seem to.
  it.each([
    ['section text', L.sectionText],
    ['a field', L.fieldText],
    ['a button', L.buttonText],
    ['an option', L.optionText],
  ])('are long enough to be cut to fit %s', (_what, limit) => {
    expect(clippedAt(limit).length).toBeGreaterThan(0);
  });
});

describe('the Block Kit validator', () => {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const button = (actionId: string) => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text: 'Go' }, value: 'x' });
  const modal = (changes: Record<string, unknown> = {}) => ({
    type: 'modal',
    callback_id: 'cb',
    title: { type: 'plain_text', text: 'Log intelligence' },
    submit: { type: 'plain_text', text: 'Save' },
    private_metadata: '{}',
    blocks: [
      {
        type: 'input',
        block_id: 'urgency',
        label: { type: 'plain_text', text: 'How urgent is it?' },
        element: {
          type: 'radio_buttons',
          action_id: 'urgency',
          options: [{ text: { type: 'plain_text', text: 'Routine' }, value: 'routine' }],
          initial_option: { text: { type: 'plain_text', text: 'Routine' }, value: 'routine' },
        },
      },
    ],
    ...changes,
  });

  it('accepts a good message and modal', () => {
    expect(blockKitMessageProblems([section('Hello'), { type: 'actions', elements: [button('a'), button('b')] }])).toEqual([]);
    expect(blockKitModalProblems(modal())).toEqual([]);
  });

  it.each([
    ['too many blocks', Array.from({ length: L.blocksPerMessage + 1 }, () => section('x')), /51 blocks/],
    ['a long header', [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(L.headerText + 1) } }], /over 150/],
    ['a long section', [section('x'.repeat(L.sectionText + 1))], /over 3000/],
    ['too many fields', [{ type: 'section', fields: Array.from({ length: L.fieldsPerSection + 1 }, () => ({ type: 'mrkdwn', text: 'x' })) }], /11 fields/],
    ['a repeated action_id in a block', [{ type: 'actions', elements: [button('a'), button('a')] }], /used twice in one block/],
    ['a repeated block_id', [{ ...section('a'), block_id: 'b' }, { ...section('b'), block_id: 'b' }], /used twice/],
    ['user text that could ping everyone', [section('Hi <!channel>')], /unescaped "<"/],
    ['an escape cut in half', [section('Tom &am…')], /broken "&"/],
    ['empty text', [section('')], /empty/],
    ['an unknown block', [{ type: 'headline' }], /not allowed/],
  ])('rejects a message with %s', (_name, blocks, expected) => {
    expect(blockKitMessageProblems(blocks).join('\n')).toMatch(expected);
  });

  it.each([
    ['a long title', { title: { type: 'plain_text', text: 'x'.repeat(L.modalTitle + 1) } }, /over 24/],
    ['long private_metadata', { private_metadata: 'x'.repeat(L.privateMetadata + 1) }, /private_metadata/],
    ['no submit button', { submit: undefined }, /submit/],
    ['an input with no label', { blocks: [{ ...modal().blocks[0], label: undefined }] }, /label: missing/],
    ['an initial option that is not an option', { blocks: [{ ...modal().blocks[0], element: { ...modal().blocks[0]!.element, initial_option: { text: { type: 'plain_text', text: 'Soon' }, value: 'soon' } } }] }, /not one of the options/],
    ['too many radio buttons', { blocks: [{ ...modal().blocks[0], element: { ...modal().blocks[0]!.element, initial_option: undefined, options: Array.from({ length: 11 }, (_, i) => ({ text: { type: 'plain_text', text: `${i}` }, value: `${i}` })) } }] }, /11 options/],
  ])('rejects a modal with %s', (_name, changes, expected) => {
    expect(blockKitModalProblems(modal(changes)).join('\n')).toMatch(expected);
  });
});

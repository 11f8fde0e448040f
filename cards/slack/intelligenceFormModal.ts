import type { IntelligenceFormView } from '../viewModels.js';
import { BLOCK_KIT_LIMITS as L, clip } from './blockKitLimits.js';
import { context, escapeMrkdwn, option, plain, section, type Block } from './blocks.js';

export const FORM_CALLBACK_ID = 'intel.submit';

/** What the modal carries between opening and submitting (Slack's private_metadata). */
export interface FormMetadata {
  formKind: IntelligenceFormView['formKind'];
  formId: string;
  messageLink?: string;
  /** Set when the form has one source only, so the modal does not ask. */
  source?: string;
}

function input(blockId: string, label: string, element: Block, optional = false, hint?: string): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: { ...element, action_id: blockId },
    optional,
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

function initial<T>(value: T | undefined, make: (value: T) => Record<string, unknown>) {
  return value === undefined || value === '' ? {} : make(value);
}

/** The intelligence form as a Slack modal. The provider list is searched as you type (external select). */
export function renderIntelligenceFormModal(view: IntelligenceFormView): Block {
  const { values } = view;
  const singleSource = view.sources.length === 1 ? view.sources[0]!.value : undefined;
  const metadata: FormMetadata = {
    formKind: view.formKind,
    formId: view.formId,
    ...(values.messageLink ? { messageLink: values.messageLink } : {}),
    ...(singleSource ? { source: singleSource } : {}),
  };
  const providerInitial =
    values.provider && values.providerName ? { initial_option: option({ value: values.provider, label: values.providerName }) } : {};
  const blocks: Block[] = [
    section(escapeMrkdwn(view.intro)),
    ...(view.formError ? [section(`:warning: *${escapeMrkdwn(view.formError)}*`)] : []),
    input('provider', 'Provider', { type: 'external_select', min_query_length: 0, placeholder: plain('Start typing the name'), ...providerInitial }),
    input('service', 'Service or location', { type: 'plain_text_input', max_length: 200, ...initial(values.service, (v) => ({ initial_value: v })) }, true),
  ];
  if (!singleSource) {
    const selected = view.sources.find((s) => s.value === values.source);
    blocks.push(
      input('source', 'Where did this come from?', {
        type: 'static_select',
        options: view.sources.slice(0, L.optionsPerSelect).map(option),
        ...(selected ? { initial_option: option(selected) } : {}),
      }),
    );
  }
  const sentiment = view.sentiments.find((s) => s.value === values.sentiment);
  const themes = (values.themes ?? '').split(',').filter(Boolean);
  const urgency = view.urgencies.find((u) => u.value === values.urgency);
  blocks.push(
    input('sentiment', 'Is this positive or a concern?', {
      type: 'radio_buttons',
      options: view.sentiments.map(option),
      ...(sentiment ? { initial_option: option(sentiment) } : {}),
    }),
    input(
      'themes',
      'Themes',
      {
        type: 'multi_static_select',
        options: view.themes.map(option),
        ...(themes.length ? { initial_options: view.themes.filter((t) => themes.includes(t.value)).map(option) } : {}),
      },
      true,
    ),
    input('eventDate', 'Date it happened', { type: 'datepicker', ...initial(values.eventDate, (v) => ({ initial_date: v })) }),
    input(
      'summary',
      'What happened?',
      { type: 'plain_text_input', multiline: true, max_length: 3000, ...initial(values.summary, (v) => ({ initial_value: v })) },
      false,
      'Facts only. Do not include anyone’s address.',
    ),
    input(
      'serviceUserRef',
      'Anonymised service user reference',
      { type: 'plain_text_input', max_length: 20, ...initial(values.serviceUserRef, (v) => ({ initial_value: v })) },
      true,
      'For example, AB-1234. Not a name.',
    ),
    input('urgency', 'How urgent is it?', {
      type: 'radio_buttons',
      options: view.urgencies.slice(0, L.optionsPerRadio).map(option),
      ...(urgency ? { initial_option: option(urgency) } : {}),
    }),
  );
  if (values.messageLink) blocks.push(context(`From this message: <${values.messageLink}|open the original>`));
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(clip(view.title, L.modalTitle)),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

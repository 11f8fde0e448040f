import type { RatingFormView, ReviewTriggerView } from '../viewModels.js';
import { BLOCK_KIT_LIMITS as L, clip } from './blockKitLimits.js';
import { escapeMrkdwn, factsSection, plain, section, type Block } from './blocks.js';

export const RATING_CALLBACK_ID = 'rating.submit';
export const DISMISS_CALLBACK_ID = 'review.dismiss';

/** What the set-rating modal carries (Slack's private_metadata): the expected version stays hidden here. */
export interface RatingFormMetadata {
  providerId: string;
  expectedVersion: number;
}

export function renderRatingFormModal(view: RatingFormView): Block {
  const metadata: RatingFormMetadata = { providerId: view.providerId, expectedVersion: view.expectedVersion };
  const option = (r: RatingFormView['ratings'][number]) => ({
    text: plain(r.label, L.optionText),
    value: r.value,
    ...(r.description ? { description: plain(r.description, L.optionText) } : {}),
  });
  const chosen = view.ratings.find((r) => r.value === view.values.rating);
  const blocks: Block[] = [
    section(escapeMrkdwn(view.intro)),
    ...(view.formError ? [section(`:warning: *${escapeMrkdwn(view.formError)}*`)] : []),
    ...factsSection(view.current),
    {
      type: 'input',
      block_id: 'rating',
      label: plain('Rating'),
      element: {
        type: 'radio_buttons',
        action_id: 'rating',
        options: view.ratings.slice(0, L.optionsPerRadio).map(option),
        ...(chosen ? { initial_option: option(chosen) } : {}),
      },
    },
    {
      type: 'input',
      block_id: 'rationale',
      label: plain('Why this rating?'),
      hint: plain('Say what the meeting weighed. This is kept in the rating history.'),
      element: {
        type: 'plain_text_input',
        action_id: 'rationale',
        multiline: true,
        max_length: 1000,
        ...(view.values.rationale ? { initial_value: clip(view.values.rationale, 1000) } : {}),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: RATING_CALLBACK_ID,
    title: plain(clip(view.title, L.modalTitle)),
    submit: plain('Save rating'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function renderDismissModal(view: ReviewTriggerView): Block {
  return {
    type: 'modal',
    callback_id: DISMISS_CALLBACK_ID,
    title: plain('Dismiss the review'),
    submit: plain('Dismiss'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify({ triggerId: view.triggerId }),
    blocks: [
      section(`*${escapeMrkdwn(view.heading)}*\n${escapeMrkdwn(view.reason)}`),
      {
        type: 'input',
        block_id: 'reason',
        label: plain('Why are you dismissing it?'),
        hint: plain('For example, already discussed at the last meeting. This is kept on record.'),
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 500 },
      },
    ],
  };
}

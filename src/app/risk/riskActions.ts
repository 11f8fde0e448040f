import { message, type MessageView, type RatingFormView, type ReviewTriggerView } from '../../../cards/viewModels.js';
import type { Actor } from '../actor.js';
import { openRatingForm, setDecidedRating, type RatingInput } from './decidedRating.js';
import { dismissReview, openReview, type ReviewResult } from './reviewTriggers.js';

// What each Risk Matrix button does, as views both platforms render. The adapters only parse the
// platform's payload and show the answer.

export const RATING_NOT_PERMITTED = message(
  'Not permitted',
  ['Only the meeting chair can set a provider’s rating. Nothing was changed.', 'Ask the chair, or ask an admin to give you the chair role.'],
  'warning',
);

export const REVIEW_NOT_PERMITTED = message(
  'Not permitted',
  ['Only the quality team can open or dismiss a review. Nothing was changed.', 'Ask a care quality officer, or ask an admin for a role.'],
  'warning',
);

const gone = (what: string) => message(`That ${what} is no longer on record`, ['Type help to start again.'], 'warning');

/** The set-rating form, or why it cannot open. */
export async function ratingFormFor(actor: Actor, providerId: string): Promise<RatingFormView | MessageView> {
  const result = await openRatingForm(actor, providerId);
  if (result.status === 'form') return result.form;
  return result.status === 'not-permitted' ? RATING_NOT_PERMITTED : gone('provider');
}

export type RatingSubmitOutcome =
  | { kind: 'saved'; view: MessageView; notified: Promise<void> }
  | { kind: 'form'; view: RatingFormView }
  | { kind: 'refused'; view: MessageView };

export async function submitRating(actor: Actor, providerId: string, input: RatingInput): Promise<RatingSubmitOutcome> {
  const result = await setDecidedRating(actor, providerId, input);
  switch (result.status) {
    case 'saved':
      return {
        kind: 'saved',
        notified: result.notified,
        view: message(
          `Rating set: ${result.providerName} is ${result.rating}`,
          [
            'Your rationale is kept in the rating history.',
            result.duplicate ? 'This was already saved.' : 'Channels that follow rating changes have been told if the rating changed.',
          ],
          'success',
          [{ verb: 'provider.view', label: 'View provider', value: providerId }],
        ),
      };
    case 'invalid':
    case 'conflict':
      return { kind: 'form', view: result.form };
    case 'not-permitted':
      return { kind: 'refused', view: RATING_NOT_PERMITTED };
    case 'not-found':
      return { kind: 'refused', view: gone('provider') };
  }
}

export type ReviewOutcome = { kind: 'card'; view: ReviewTriggerView; changed: boolean } | { kind: 'refused'; view: MessageView };

function reviewOutcome(result: ReviewResult): ReviewOutcome {
  switch (result.status) {
    case 'done':
      return { kind: 'card', view: result.view, changed: true };
    case 'already':
    case 'invalid':
      return { kind: 'card', view: result.view, changed: false };
    case 'not-permitted':
      return { kind: 'refused', view: REVIEW_NOT_PERMITTED };
    case 'not-found':
      return { kind: 'refused', view: gone('review') };
  }
}

export async function reviewOpen(actor: Actor, triggerId: string): Promise<ReviewOutcome> {
  return reviewOutcome(await openReview(actor, triggerId));
}

export async function reviewDismiss(actor: Actor, triggerId: string, reason: unknown): Promise<ReviewOutcome> {
  return reviewOutcome(await dismissReview(actor, triggerId, reason));
}

import type { ClientGroup } from '../../core/vocabulary.js';
import { log } from '../../log.js';
import { publish } from '../notify.js';
import { ratingChangeView, type RatingChange } from '../views/riskViews.js';

// Rating-change alerts go to channels subscribed to 'rating-changes'. The event key names the exact
// state announced, and publish() posts each key once per channel, so a state is never announced twice.

/** `after` names the announcement this one follows, which every recompute reading that state agrees on. */
export function computedEventKey(providerId: string, from: string, to: string, after: string): string {
  return `rating-computed:${providerId}:${from}>${to}:after:${after}`;
}

export function decidedEventKey(providerId: string, version: number): string {
  return `rating-decided:${providerId}:v${version}`;
}

export async function announceRatingChange(clientGroup: ClientGroup, eventKey: string, change: RatingChange): Promise<void> {
  try {
    await publish('rating-changes', clientGroup, eventKey, ratingChangeView(change));
  } catch (error) {
    // The change itself is saved; failed posts are recorded and retried by the delivery job.
    log.error('Could not post a rating change alert', error);
  }
}

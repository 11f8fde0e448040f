import { log } from '../../log.js';
import { recomputeProvider } from './recompute.js';

/**
 * Called once new intelligence is saved: recomputes that provider and checks the threshold triggers.
 * It never throws: the intelligence is saved whatever happens here, and the nightly run catches up.
 */
export async function recomputeAfterIntelligence(providerId: string): Promise<void> {
  try {
    await recomputeProvider(providerId, { triggers: true });
  } catch (error) {
    log.error('Could not recompute the Risk Matrix after new intelligence', error);
  }
}

/** Provider fields that feed the score: a change to any of them means a recompute. */
export const SCORE_FIELDS = /^(cqcRatings\.|hoursCommissioned$)/;

/**
 * Called after an import changed providers' CQC ratings or hours: recomputes each, one at a time.
 * Like the hook above it never throws; the nightly run catches up with anything missed.
 */
export async function recomputeAfterProviderChanges(providerIds: string[]): Promise<void> {
  for (const providerId of providerIds) {
    try {
      await recomputeProvider(providerId);
    } catch (error) {
      log.error('Could not recompute the Risk Matrix after a provider changed', error);
    }
  }
}

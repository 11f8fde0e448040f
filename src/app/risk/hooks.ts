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

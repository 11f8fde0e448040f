import { recomputeAll, settlePendingBands } from '../src/app/risk/index.js';
import { log } from '../src/log.js';

// Risk Matrix jobs. The functions take `now` so tests can run them at any time.

/** Nightly: every score decays a little each day, and anything a hook missed is caught up. */
export async function nightlyRecompute(now = new Date()): Promise<void> {
  const stats = await recomputeAll(now);
  log.info(`Risk Matrix recomputed: ${stats.providers} providers, ${stats.changed} changed, ${stats.announced} alerts, ${stats.ms} ms`);
}

/** Hourly: a band change that has held long enough (alerts.settleHours) is announced. */
export async function settleRatingChanges(now = new Date()): Promise<void> {
  const settled = await settlePendingBands(now);
  if (settled) log.info(`Risk Matrix: ${settled} pending rating changes checked`);
}

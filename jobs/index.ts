import type { Agenda } from 'agenda';
import { retryDeliveries } from './deliveryJobs.js';
import { housekeeping } from './housekeepingJobs.js';
import { nightlyRecompute, settleRatingChanges } from './riskJobs.js';

// Agenda job definitions and schedules: the one place jobs are registered (called from src/main.ts).

export const JOBS = {
  recomputeMatrix: 'risk-matrix: recompute all',
  settleRatingChanges: 'risk-matrix: settle rating changes',
  retryDeliveries: 'notify: retry failed posts',
  housekeeping: 'housekeeping: remove expired records',
} as const;

export function registerJobs(agenda: Agenda): void {
  // Long jobs hold their lock for up to 10 minutes so another instance does not start the same run.
  agenda.define(JOBS.recomputeMatrix, async () => nightlyRecompute(), { concurrency: 1, lockLifetime: 10 * 60_000 });
  agenda.define(JOBS.settleRatingChanges, async () => settleRatingChanges(), { concurrency: 1 });
  agenda.define(JOBS.retryDeliveries, async () => retryDeliveries(), { concurrency: 1 });
  agenda.define(JOBS.housekeeping, async () => void (await housekeeping()), { concurrency: 1 });
}

/** Repeating schedules; safe to call at every start (agenda keeps one job per name). */
export async function scheduleJobs(agenda: Agenda, timezone = 'Europe/London'): Promise<void> {
  await agenda.every('0 2 * * *', JOBS.recomputeMatrix, undefined, { timezone });
  await agenda.every('1 hour', JOBS.settleRatingChanges);
  await agenda.every('5 minutes', JOBS.retryDeliveries);
  await agenda.every('1 hour', JOBS.housekeeping);
}

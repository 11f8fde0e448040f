import { removeExpiredDownloads } from '../src/app/downloads.js';
import { ProcessedEvent } from '../models/index.js';
import { log } from '../src/log.js';

// The offline database has no TTL indexes, so short-lived records are removed by this job instead.
const PROCESSED_EVENT_DAYS = 2;

export async function housekeeping(now = new Date()): Promise<{ downloads: number; processedEvents: number }> {
  const downloads = await removeExpiredDownloads(now);
  const cutoff = new Date(now.getTime() - PROCESSED_EVENT_DAYS * 24 * 3_600_000);
  const processedEvents = (await ProcessedEvent.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  if (downloads || processedEvents) log.info(`Housekeeping: ${downloads} expired downloads, ${processedEvents} old request keys removed`);
  return { downloads, processedEvents };
}

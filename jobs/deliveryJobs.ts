import { retryFailedDeliveries } from '../src/app/notify.js';
import { log } from '../src/log.js';

/** Posts to Slack or Teams that failed (an outage, a rate limit) are tried again, never twice. */
export async function retryDeliveries(): Promise<void> {
  const { sent, failed } = await retryFailedDeliveries();
  if (sent || failed) log.info(`Delivery retry: ${sent} sent, ${failed} still failing`);
}

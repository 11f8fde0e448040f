import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimOnce } from '../../../models/index.js';

// Keys of commands and clicks this process handled in the last 10 minutes.
const RECENT_MS = 10 * 60_000;
const recentTriggers = new Map<string, number>();

/** True the first time this process sees a trigger; repeats inside 10 minutes are false. */
function firstLocalSighting(key: string, now = Date.now()): boolean {
  for (const [seen, at] of recentTriggers) {
    if (now - at < RECENT_MS) break;
    recentTriggers.delete(seen);
  }
  if (recentTriggers.has(key)) return false;
  recentTriggers.set(key, now);
  return true;
}

async function ackOnly(rest: object): Promise<void> {
  const ack = (rest as { ack?: () => Promise<void> }).ack;
  if (ack) await ack();
}

/**
 * Bolt does not drop Slack's retries, so we do.
 * - Events API deliveries (event_id) are retried by Slack when an ack is late, possibly to another
 *   instance: their keys are claimed in the database.
 * - Commands, clicks and form submissions (trigger_id) are remembered in memory only, which keeps a
 *   database write off the path to the ack. Anything that saves or posts is idempotent by its own key
 *   as well (form ids, delivery keys), so a repeat that reaches another instance still saves nothing twice.
 */
export const dropRepeats: Middleware<AnyMiddlewareArgs> = async ({ body, context, next, ...rest }) => {
  const fields = body as Record<string, unknown>;
  if (typeof fields.event_id === 'string') {
    if (!(await claimOnce(`slack:event:${fields.event_id}`).catch(() => true))) return ackOnly(rest);
    return next();
  }
  if (typeof fields.trigger_id === 'string' && !firstLocalSighting(fields.trigger_id) && context.retryNum) return ackOnly(rest);
  return next();
};

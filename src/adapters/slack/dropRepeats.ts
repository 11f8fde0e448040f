import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimOnce } from '../../../models/index.js';

/** A key for the request that stays the same when Slack retries it. */
function requestKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `slack:trigger:${body.trigger_id}`;
  return undefined;
}

/**
 * Bolt does not drop Slack's retries. We remember each request's key; a retry of something already
 * handled is acknowledged and dropped. The first attempt does not wait for the write, so acks stay fast.
 */
export const dropRepeats: Middleware<AnyMiddlewareArgs> = async ({ body, context, next, ...rest }) => {
  const key = requestKey(body as Record<string, unknown>);
  if (!key) return next();
  const firstTime = claimOnce(key).catch(() => true);
  if (context.retryNum) {
    if (!(await firstTime)) {
      const ack = (rest as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
  }
  await next();
};

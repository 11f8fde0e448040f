import { Delivery, Subscription } from '../../models/index.js';
import type { ScreenView } from '../../cards/viewModels.js';
import type { ClientGroup, EventKind, Platform, SubscriptionGroup } from '../core/vocabulary.js';
import { log, safeErrorText } from '../log.js';

/** Posts a view to one subscribed channel. Each platform adapter provides one. */
export interface ChannelPoster {
  post(target: { channelId: string; conversationReference?: unknown }, view: ScreenView): Promise<void>;
}

const posters = new Map<Platform, ChannelPoster>();

export function registerPoster(platform: Platform, poster: ChannelPoster): void {
  posters.set(platform, poster);
}

export function clearPosters(): void {
  posters.clear();
}

export const retryPolicy = { attempts: 4, firstDelayMs: 500 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries with doubling waits; honours a platform's "retry after" when it gives one. */
async function withRetries(send: () => Promise<void>): Promise<void> {
  let delay = retryPolicy.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= retryPolicy.attempts) throw error;
      const retryAfterSeconds = Number((error as { retryAfter?: number }).retryAfter);
      await sleep(Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : delay);
      delay *= 2;
    }
  }
}

/** Claims the right to post one event to one channel. A repeat of a sent or in-flight post is refused. */
async function claimDelivery(key: string): Promise<boolean> {
  try {
    await Delivery.create({ key, status: 'pending', attempts: 1 });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // Only a post that failed before may be tried again.
    const retry = await Delivery.findOneAndUpdate({ key, status: 'failed' }, { $set: { status: 'pending' }, $inc: { attempts: 1 } });
    return retry !== null;
  }
}

/**
 * Posts an event to every channel subscribed to its kind and client group, once per channel,
 * however many times it is published.
 */
export async function publish(kind: EventKind, group: ClientGroup, eventKey: string, view: ScreenView): Promise<{ sent: number; failed: number }> {
  const groups: SubscriptionGroup[] = group === 'both' ? ['all', 'adults', 'children'] : ['all', group];
  const subscriptions = await Subscription.find({ kinds: kind, clientGroup: { $in: groups } }).lean();
  let sent = 0;
  let failed = 0;
  for (const subscription of subscriptions) {
    const poster = posters.get(subscription.platform);
    if (!poster) continue;
    const key = `${eventKey}:${subscription.platform}:${subscription.channelId}`;
    if (!(await claimDelivery(key))) continue;
    try {
      await withRetries(() => poster.post({ channelId: subscription.channelId, conversationReference: subscription.conversationReference }, view));
      await Delivery.updateOne({ key }, { $set: { status: 'sent' } });
      sent++;
    } catch (error) {
      failed++;
      const reason = safeErrorText(error) || 'unknown error';
      await Delivery.updateOne(
        { key },
        { $set: { status: 'failed', lastError: reason, platform: subscription.platform, channelId: subscription.channelId, kind, view } },
      );
      log.warn(`Could not post ${kind} event to a ${subscription.platform} channel: ${reason}`);
    }
  }
  return { sent, failed };
}

/** Posts that failed, tried again this many times in all before we give up. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * Tries failed posts again (the delivery job runs this every few minutes). Each is claimed first, so
 * two runs never post the same one; a channel that has since unsubscribed is not posted to.
 */
export async function retryFailedDeliveries(): Promise<{ sent: number; failed: number }> {
  const due = await Delivery.find({ status: 'failed', attempts: { $lt: MAX_DELIVERY_ATTEMPTS }, view: { $exists: true } }, { _id: 1 }).limit(100).lean();
  let sent = 0;
  let failed = 0;
  for (const { _id } of due) {
    const delivery = await Delivery.findOneAndUpdate({ _id, status: 'failed' }, { $set: { status: 'pending' }, $inc: { attempts: 1 } }, { returnDocument: 'after' }).lean();
    if (!delivery) continue;
    const filter: Record<string, unknown> = { platform: delivery.platform, channelId: delivery.channelId, kinds: delivery.kind };
    const subscription = await Subscription.findOne(filter).lean();
    const poster = posters.get(delivery.platform as Platform);
    if (!subscription || !poster) {
      const reason = subscription ? 'no poster for this platform' : 'the channel no longer subscribes';
      await Delivery.updateOne({ _id }, { $set: { status: 'failed', lastError: reason, attempts: MAX_DELIVERY_ATTEMPTS } });
      continue;
    }
    try {
      await withRetries(() => poster.post({ channelId: subscription.channelId, conversationReference: subscription.conversationReference }, delivery.view as ScreenView));
      await Delivery.updateOne({ _id }, { $set: { status: 'sent' } });
      sent++;
    } catch (error) {
      failed++;
      await Delivery.updateOne({ _id }, { $set: { status: 'failed', lastError: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' } });
    }
  }
  return { sent, failed };
}

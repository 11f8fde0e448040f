import { Subscription } from '../../models/index.js';
import type { EventKind, SubscriptionGroup } from '../core/vocabulary.js';
import type { Actor, ChannelRef } from './actor.js';
import { audit } from './audit.js';

export async function subscribe(actor: Actor, channel: ChannelRef, kinds: EventKind[], group: SubscriptionGroup) {
  const before = await Subscription.findOne({ platform: channel.platform, channelId: channel.id }).lean();
  const after = await Subscription.findOneAndUpdate(
    { platform: channel.platform, channelId: channel.id },
    {
      $addToSet: { kinds: { $each: kinds } },
      $set: {
        clientGroup: group,
        updatedBy: `${actor.platform}:${actor.userId}`,
        ...(channel.name ? { channelName: channel.name } : {}),
        ...(channel.conversationReference ? { conversationReference: channel.conversationReference } : {}),
      },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  await audit({ actor, action: 'subscription.changed', entityType: 'channel', entityId: `${channel.platform}:${channel.id}`, before: before && { kinds: before.kinds, clientGroup: before.clientGroup }, after: { kinds: after?.kinds, clientGroup: after?.clientGroup } });
  return after!;
}

export async function unsubscribe(actor: Actor, channel: ChannelRef, kinds: EventKind[]) {
  const before = await Subscription.findOne({ platform: channel.platform, channelId: channel.id }).lean();
  if (!before || before.kinds.length === 0) return { removed: [] as EventKind[], remaining: [] as EventKind[] };
  const after = await Subscription.findOneAndUpdate(
    { platform: channel.platform, channelId: channel.id },
    { $pullAll: { kinds } },
    { returnDocument: 'after' },
  ).lean();
  const remaining = (after?.kinds ?? []) as EventKind[];
  const removed = (before.kinds as EventKind[]).filter((kind) => !remaining.includes(kind));
  await audit({ actor, action: 'subscription.changed', entityType: 'channel', entityId: `${channel.platform}:${channel.id}`, before: { kinds: before.kinds }, after: { kinds: remaining } });
  return { removed, remaining };
}

export async function subscriptionOf(channel: ChannelRef) {
  return Subscription.findOne({ platform: channel.platform, channelId: channel.id }).lean();
}

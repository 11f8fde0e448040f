import { Provider, Service, Subscription } from '../../models/index.js';
import type { EventKind, SubscriptionGroup } from '../../src/core/vocabulary.js';

/** Fictional providers for tests. */
export async function seedProviders() {
  const oak = await Provider.create({ name: 'Oak Lodge Care Home', nameKey: 'oak lodge care home', externalRef: 'P-OAK', clientGroup: 'adults', hoursCommissioned: 400, cqcRatings: { overall: 'Requires improvement' } });
  const willow = await Provider.create({ name: 'Willow Children’s Services', nameKey: 'willow children’s services', externalRef: 'P-WIL', clientGroup: 'children' });
  const river = await Provider.create({ name: 'Riverside Home Care', nameKey: 'riverside home care', externalRef: 'P-RIV', clientGroup: 'adults' });
  await Service.create({ providerId: oak._id, externalRef: 'S-OAK-1', name: 'Oak Lodge', type: 'care-home', clientGroup: 'adults' });
  return { oak, willow, river };
}

export async function subscribeChannel(platform: 'slack' | 'teams', channelId: string, kinds: EventKind[], clientGroup: SubscriptionGroup = 'all', conversationReference?: unknown) {
  await Subscription.create({ platform, channelId, kinds, clientGroup, ...(conversationReference ? { conversationReference } : {}) });
}

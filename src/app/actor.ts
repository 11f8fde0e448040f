import type { Platform } from '../core/vocabulary.js';

/** The person behind a request, as their platform knows them. */
export interface Actor {
  platform: Platform;
  /** Slack user id, or the Teams AAD object id. */
  userId: string;
  name?: string;
}

/** Where a request came from, and where answers and subscriptions go. */
export interface ChannelRef {
  platform: Platform;
  id: string;
  name?: string;
  /** Direct messages cannot hold subscriptions. */
  isDirect: boolean;
  /** Teams: what the bot needs to post there later. */
  conversationReference?: unknown;
}

import { randomBytes } from 'node:crypto';
import { Transcript } from './transcript.js';

/**
 * The one playground channel: everyone (whichever persona) talks to the bot here, as in a Teams channel,
 * so alerts the bot posts to subscribed channels appear here too.
 */
export interface PlaygroundChannel {
  conversationId: string;
  name: string;
  /** The page's Direct Line token: a page on another site cannot read it, so cannot post as a persona. */
  token: string;
  transcript: Transcript;
  bot: { id: string; name: string };
}

export function createPlaygroundChannel(): PlaygroundChannel {
  return {
    conversationId: 'playground-channel',
    name: 'Provider quality (playground)',
    token: randomBytes(24).toString('base64url'),
    transcript: new Transcript(),
    bot: { id: 'playground-bot', name: 'Provider Quality' },
  };
}

/** Express middleware check: the request carries the page's token. */
export function hasToken(channel: PlaygroundChannel, authorization: string | undefined): boolean {
  return authorization === `Bearer ${channel.token}`;
}

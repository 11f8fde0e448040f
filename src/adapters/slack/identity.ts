import type { Actor, ChannelRef } from '../../app/actor.js';

export function slackActor(user: { id: string; name?: string; username?: string }): Actor {
  const name = user.name ?? user.username;
  return { platform: 'slack', userId: user.id, ...(name ? { name } : {}) };
}

export function slackChannel(channel: { id: string; name?: string } | undefined): ChannelRef {
  const id = channel?.id ?? 'unknown';
  // D… ids are direct messages; "directmessage" is the name Slack gives them in commands.
  const isDirect = id.startsWith('D') || channel?.name === 'directmessage';
  return { platform: 'slack', id, isDirect, ...(channel?.name ? { name: channel.name } : {}) };
}

/** "<@U123|sam>" or "<@U123>", as Slack sends a mention in command text. */
export function parseSlackMention(text: string): { userId: string; name?: string } | undefined {
  const match = /^<@([UW][A-Z0-9]+)(?:\|([^>]+))?>$/.exec(text.trim());
  if (!match) return undefined;
  return { userId: match[1]!, ...(match[2] ? { name: match[2] } : {}) };
}

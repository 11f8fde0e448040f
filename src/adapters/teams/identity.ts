import { TurnContext, TeamsInfo, type Activity, type Mention } from 'botbuilder';
import type { Actor, ChannelRef } from '../../app/actor.js';
import type { Identity } from '../../app/users.js';

export function teamsActor(activity: Activity): Actor {
  const from = activity.from;
  return { platform: 'teams', userId: from.aadObjectId ?? from.id, ...(from.name ? { name: from.name } : {}) };
}

/** Posts go to the channel itself, not the thread the command was typed in. */
function channelConversationId(activity: Activity): string {
  return activity.conversation.id.split(';messageid=')[0]!;
}

export function teamsChannel(activity: Activity): ChannelRef {
  const reference = TurnContext.getConversationReference(activity);
  const id = channelConversationId(activity);
  return {
    platform: 'teams',
    id,
    isDirect: activity.conversation.conversationType === 'personal',
    ...(activity.conversation.name ? { name: activity.conversation.name } : {}),
    conversationReference: { ...reference, conversation: { ...reference.conversation, id } },
  };
}

function otherMentions(activity: Activity): Mention[] {
  return (activity.entities ?? []).filter(
    (entity): entity is Mention => entity.type === 'mention' && (entity as Mention).mentioned?.id !== activity.recipient.id,
  ) as Mention[];
}

/**
 * The words of a message, without the @mention of the bot. Other people's mentions become
 * "@mention1", "@mention2"… so a name with spaces stays one word.
 */
export function commandTextOf(activity: Activity): string {
  let text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  otherMentions(activity).forEach((mention, index) => {
    if (mention.text) text = text.replace(mention.text, `@mention${index + 1}`);
  });
  return text.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

/** Who "@mentionN" is: their AAD object id when Teams will tell us, else their Teams id. */
export async function resolveMention(context: TurnContext, target: string): Promise<(Identity & { name?: string }) | undefined> {
  const index = /^@mention(\d+)$/.exec(target)?.[1];
  const mention = index ? otherMentions(context.activity)[Number(index) - 1] : undefined;
  if (!mention) return undefined;
  const name = mention.mentioned.name;
  const member = await TeamsInfo.getMember(context, mention.mentioned.id).catch(() => undefined);
  const userId = member?.aadObjectId ?? mention.mentioned.aadObjectId ?? mention.mentioned.id;
  return { platform: 'teams', userId, ...(name ? { name } : {}) };
}

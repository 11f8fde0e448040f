import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { adaptiveAttachment } from '../../../cards/adaptive.js';
import { fallbackText } from '../../../cards/viewModels.js';
import type { ChannelPoster } from '../../app/notify.js';

/** Posts events to Teams channels through the conversation reference saved when the channel subscribed. */
export function teamsPoster(adapter: CloudAdapter, appId: string | undefined): ChannelPoster {
  return {
    async post({ conversationReference }, view) {
      if (!conversationReference) throw new Error('No conversation reference stored for this Teams channel');
      await adapter.continueConversationAsync(appId ?? '', conversationReference as ConversationReference, async (context) => {
        await context.sendActivity({ text: fallbackText(view), attachments: [adaptiveAttachment(view)] });
      });
    },
  };
}

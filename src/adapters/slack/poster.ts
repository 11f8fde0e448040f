import type { WebClient } from '@slack/web-api';
import type { ChannelPoster } from '../../app/notify.js';
import { messagePayload } from './render.js';

/** Posts events to Slack channels. Rate limits come back as errors carrying Slack's retry-after. */
export function slackPoster(client: WebClient): ChannelPoster {
  return {
    async post({ channelId }, view) {
      if (view.screen === 'intelligence-form') throw new Error('A form cannot be posted to a channel');
      await client.chat.postMessage({ channel: channelId, ...messagePayload(view) });
    },
  };
}

import type { App } from '@slack/bolt';
import { helpView } from '../../app/commands.js';
import { renderBlocks } from '../../../cards/slack/screens.js';
import { section } from '../../../cards/slack/blocks.js';
import { log } from '../../log.js';

/** The Events API events the bot subscribes to (manifest/slack-app-manifest.json lists the same). */
export const SLACK_EVENTS = ['app_home_opened'] as const;

/** The app's Home tab: what the bot is for and the commands, so nobody opens it to an empty page. */
export function homeView() {
  const help = helpView('slack');
  const blocks = help.screen === 'message' ? renderBlocks(help) : [];
  return {
    type: 'home' as const,
    blocks: [section('*Hello. I help the team keep track of provider quality.*'), ...blocks],
  };
}

export function registerHome(app: App): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView() as never }).catch((error) => log.error('Could not show the Home tab', error));
  });
}

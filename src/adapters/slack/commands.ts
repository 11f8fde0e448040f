import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { log } from '../../log.js';
import type { WebClient } from '@slack/web-api';
import { parseCommand } from '../../core/commands/parseCommand.js';
import { handleCommand } from '../../app/commands.js';
import { noteDisplayName } from '../../app/users.js';
import { slackActor, slackChannel, parseSlackMention } from './identity.js';
import { formModal, messagePayload } from './render.js';
import { sendFileToUser } from './riskActions.js';

export const SLASH_COMMANDS = ['/cq1', '/intel', '/feedback', '/provider', '/pq'] as const;

/** "/pq subscribe all" reads as "subscribe all"; "/cq1" reads as "cq1". */
export function commandWords(command: string, text: string): string {
  const name = command.replace(/^\//, '');
  return name === 'pq' ? text : `${name} ${text}`;
}

async function runSlashCommand(command: SlashCommand, client: WebClient, respond: RespondFn) {
  const actor = slackActor({ id: command.user_id, name: command.user_name });
  const reply = await handleCommand(parseCommand(commandWords(command.command, command.text)), {
    actor,
    channel: slackChannel({ id: command.channel_id, name: command.channel_name }),
    resolvePerson: async (target) => {
      const mention = parseSlackMention(target);
      return mention && { platform: 'slack', ...mention };
    },
  });
  if (reply.type === 'form') {
    await client.views.open({ trigger_id: command.trigger_id, view: formModal(reply.view) as never });
  } else {
    await respond({ response_type: 'ephemeral', ...messagePayload(reply.view as never) });
    // An export's file goes to the person's direct messages, never into a shared channel.
    if (reply.view.screen === 'file-export') await sendFileToUser(client, command.user_id, reply.view.file);
  }
  await noteDisplayName(actor).catch(() => undefined);
}

export function registerCommands(app: App): void {
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack, client, respond }) => {
      // Answer Slack first: it gives up after 3 seconds. The work happens after.
      await ack();
      await runSlashCommand(command, client, respond).catch(async (error) => {
        log.error('Slash command failed', error);
        await respond({ response_type: 'ephemeral', text: 'Something went wrong, so nothing happened. Try again in a minute.' }).catch(() => undefined);
      });
    });
  }
}

import type { App, BlockAction, ButtonAction, MessageShortcut } from '@slack/bolt';
import { viewProvider } from '../../app/commands.js';
import { openIntelligenceForm } from '../../app/intelligence.js';
import { Provider } from '../../../models/index.js';
import { message } from '../../../cards/viewModels.js';
import { formModal, messagePayload } from './render.js';
import { registerRiskActions } from './riskActions.js';

const verb = (name: string) => new RegExp(`^${name.replace('.', '\\.')}(#\\d+)?$`);

export const LOG_MESSAGE_SHORTCUT = 'log_as_intelligence';

export function registerActions(app: App): void {
  registerRiskActions(app);
  app.action<BlockAction<ButtonAction>>(verb('provider.view'), async ({ ack, action, respond }) => {
    await ack();
    const view = await viewProvider(action.value ?? '').catch(() =>
      message('Something went wrong', ['I could not load that provider. Try again in a minute.'], 'warning'),
    );
    await respond({ response_type: 'ephemeral', replace_original: false, ...messagePayload(view as never) });
  });

  app.action<BlockAction<ButtonAction>>(verb('intel.open'), async ({ ack, action, body, client }) => {
    await ack();
    const provider = await Provider.findById(action.value, { name: 1 }).lean().catch(() => null);
    const form = await openIntelligenceForm('intel', provider ? { providerId: String(provider._id), providerName: provider.name } : {}, { withProviderList: false });
    await client.views.open({ trigger_id: body.trigger_id, view: formModal(form) as never });
  });

  // "Log as intelligence" on any message: the form opens with the message's text and a link to it.
  app.shortcut<MessageShortcut>(LOG_MESSAGE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const permalink = await client.chat
      .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
      .then((r) => r.permalink)
      .catch(() => undefined);
    const form = await openIntelligenceForm('intel', { summary: shortcut.message.text ?? '', ...(permalink ? { messageLink: permalink } : {}) }, { withProviderList: false });
    await client.views.open({ trigger_id: shortcut.trigger_id, view: formModal(form) as never });
  });
}

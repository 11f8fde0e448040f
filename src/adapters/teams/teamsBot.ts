import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type SearchInvokeResponse,
  type SearchInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveAttachment, renderAdaptiveCard, type ActionStyle } from '../../../cards/adaptive.js';
import { fallbackText, message, type ScreenView } from '../../../cards/viewModels.js';
import { handleCommand, helpView } from '../../app/commands.js';
import { openIntelligenceForm } from '../../app/intelligence.js';
import { searchProviders } from '../../app/providers.js';
import { noteDisplayName } from '../../app/users.js';
import { parseCommand } from '../../core/commands/parseCommand.js';
import { claimOnce } from '../../../models/index.js';
import { log } from '../../log.js';
import { runCardAction } from './cardActions.js';
import { fileAttachments } from './fileAttachment.js';
import { createDownloadLink, DOWNLOAD_MINUTES } from '../../app/downloads.js';
import { commandTextOf, resolveMention, teamsActor, teamsChannel } from './identity.js';

export const LOG_MESSAGE_COMMAND = 'logAsIntelligence';

function welcomeView(): ScreenView {
  const help = helpView('teams');
  return help.screen === 'message' ? { ...help, heading: 'Hello. I help the team keep track of provider quality.' } : help;
}

/** Teams runs Action.Execute; other channels (the playground's Web Chat) get Action.Submit. */
function actionStyleFor(context: TurnContext): ActionStyle {
  return context.activity.channelId === 'msteams' ? 'execute' : 'submit';
}

function stripHtml(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
}

export class ProviderQualityBot extends TeamsActivityHandler {
  constructor(private readonly options: { publicUrl?: string } = {}) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // When the bot is added to a chat or team, it says what it can do.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await this.send(context, welcomeView());
      await next();
    });
  }

  private async send(context: TurnContext, view: ScreenView): Promise<void> {
    const shown = await this.withDownloadLink(context, view);
    await context.sendActivity({ text: fallbackText(shown), attachments: [adaptiveAttachment(shown, actionStyleFor(context)), ...fileAttachments(shown)] });
  }

  /**
   * Teams shows no files attached as data, so in Teams an export becomes a short-lived download link
   * (needs PUBLIC_URL). Elsewhere, such as the playground, the file stays attached.
   */
  private async withDownloadLink(context: TurnContext, view: ScreenView): Promise<ScreenView> {
    if (view.screen !== 'file-export' || context.activity.channelId !== 'msteams' || !this.options.publicUrl) return view;
    const url = await createDownloadLink(teamsActor(context.activity), view.file, this.options.publicUrl);
    return { ...view, download: { url, note: `The link works for ${DOWNLOAD_MINUTES} minutes. Keep the file inside the council.` } };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    // Teams re-sends a message it thinks was lost; answer each one once.
    if (activity.id && !(await claimOnce(`teams:activity:${activity.channelId}:${activity.id}`).catch(() => true))) return;
    const actor = teamsActor(activity);
    const value = activity.value as Record<string, unknown> | undefined;
    if (value && typeof value.verb === 'string') {
      // Action.Submit from a card (clients without Action.Execute).
      await this.send(context, await runCardAction(value.verb, value, actor));
      return;
    }
    const reply = await handleCommand(parseCommand(commandTextOf(activity)), {
      actor,
      channel: teamsChannel(activity),
      resolvePerson: (target) => resolveMention(context, target),
    });
    await this.send(context, reply.view);
    await noteDisplayName(actor).catch(() => undefined);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action ?? {};
    let view: ScreenView;
    try {
      view = await runCardAction(String(verb ?? ''), (data ?? {}) as Record<string, unknown>, teamsActor(context.activity));
    } catch (error) {
      log.error('Card action failed', error);
      view = message('Something went wrong', ['Nothing was changed. Try again in a minute.'], 'warning');
    }
    // An invoke answers with a card only; an attached file (an export) follows as a message of its own.
    view = await this.withDownloadLink(context, view);
    const files = fileAttachments(view);
    if (files.length) await context.sendActivity({ text: fallbackText(view), attachments: files });
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: renderAdaptiveCard(view) as never };
  }

  /** Type-ahead in the provider picker (Input.ChoiceSet with Data.Query). */
  protected override async onSearchInvoke(_context: TurnContext, invokeValue: SearchInvokeValue): Promise<SearchInvokeResponse> {
    const found = invokeValue.dataset === 'providers' ? await searchProviders(invokeValue.queryText ?? '', 25).catch(() => []) : [];
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: found.map((p) => ({ title: p.label, value: p.value })) },
    };
  }

  /** "Log as intelligence" on a message opens the form in a dialog, filled in from the message. */
  protected override async handleTeamsMessagingExtensionFetchTask(_context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const payload = action.messagePayload;
    const form = await openIntelligenceForm('intel', {
      summary: stripHtml(payload?.body?.content ?? ''),
      ...(payload?.linkToMessage ? { messageLink: payload.linkToMessage } : {}),
    });
    return this.dialog(form);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const data = (action.data ?? {}) as Record<string, unknown>;
    const view = await runCardAction('intel.submit', data, teamsActor(context.activity));
    return this.dialog(view);
  }

  // Dialogs (task modules) run Action.Submit, not Action.Execute.
  private dialog(view: ScreenView): MessagingExtensionActionResponse {
    return { task: { type: 'continue', value: { title: 'Log as intelligence', width: 'large', height: 'large', card: adaptiveAttachment(view, 'submit') } } };
  }
}

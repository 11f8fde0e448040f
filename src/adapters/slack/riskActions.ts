import type { App, BlockAction, ButtonAction, ViewOutput } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { DISMISS_CALLBACK_ID, RATING_CALLBACK_ID, renderDismissModal, renderRatingFormModal } from '../../../cards/slack/riskModals.js';
import type { FileExport, ScreenView } from '../../../cards/viewModels.js';
import { message } from '../../../cards/viewModels.js';
import {
  matrixExport,
  mayReview,
  parseExportValue,
  ratingFormFor,
  REVIEW_NOT_PERMITTED,
  reviewDismiss,
  reviewOpen,
  reviewTriggerCard,
  submitRating,
} from '../../app/risk/index.js';
import { log } from '../../log.js';
import { slackActor } from './identity.js';
import { messagePayload } from './render.js';

// Risk Matrix buttons and forms on Slack. Action ids are the same verbs Teams uses.

const verb = (name: string) => new RegExp(`^${name.replace('.', '\\.')}(#\\d+)?$`);
const payload = (view: ScreenView) => messagePayload(view as never);
const somethingWrong = message('Something went wrong', ['Nothing was changed. Try again in a minute.'], 'warning');

type StateValues = ViewOutput['state']['values'];
const textOf = (values: StateValues, field: string) => {
  const state = values[field]?.[field] as { value?: string | null; selected_option?: { value: string } | null } | undefined;
  return state?.selected_option?.value ?? state?.value ?? undefined;
};

/** Sends a file to the person in a direct message with the bot, so nothing leaks into a shared channel. */
export async function sendFileToUser(client: WebClient, userId: string, file: FileExport): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('Could not open a direct message');
  await client.filesUploadV2({ channel_id: channelId, filename: file.name, title: file.name, content: file.content, initial_comment: 'Here is the Risk Matrix you asked for.' });
}

const ratingMetadata = z.object({ providerId: z.string().min(1).max(100), expectedVersion: z.number().int().min(0) });
const dismissMetadata = z.object({ triggerId: z.string().min(1).max(100), channel: z.string().optional(), ts: z.string().optional() });

export function registerRiskActions(app: App): void {
  app.action<BlockAction<ButtonAction>>(verb('rating.set'), async ({ ack, action, body, client, respond }) => {
    await ack();
    const view = await ratingFormFor(slackActor(body.user), action.value ?? '').catch(() => somethingWrong);
    if (view.screen === 'rating-form') await client.views.open({ trigger_id: body.trigger_id, view: renderRatingFormModal(view) as never });
    else await respond({ response_type: 'ephemeral', replace_original: false, ...payload(view) });
  });

  app.view(RATING_CALLBACK_ID, async ({ ack, body, view }) => {
    const metadata = ratingMetadata.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!metadata.success) {
      await ack({ response_action: 'errors', errors: { rationale: 'This form is out of date. Close it and open a new one.' } });
      return;
    }
    const { providerId, expectedVersion } = metadata.data;
    const values = view.state.values;
    const outcome = await submitRating(slackActor(body.user), providerId, { rating: textOf(values, 'rating'), rationale: textOf(values, 'rationale'), expectedVersion }).catch(
      (error) => {
        log.error('Could not set a rating', error);
        return undefined;
      },
    );
    if (!outcome) {
      await ack({ response_action: 'errors', errors: { rationale: 'Not saved: we could not reach the database. Try again in a minute.' } });
      return;
    }
    if (outcome.kind === 'form') {
      const errors = Object.fromEntries(Object.entries(outcome.view.errors).filter(([, text]) => text));
      // Field errors show beside the fields; a changed rating re-shows the form with the answers kept.
      if (Object.keys(errors).length && !outcome.view.formError) await ack({ response_action: 'errors', errors });
      else await ack({ response_action: 'update', view: renderRatingFormModal(outcome.view) as never });
      return;
    }
    const shown = payload(outcome.view);
    await ack({ response_action: 'update', view: { type: 'modal', title: { type: 'plain_text', text: outcome.kind === 'saved' ? 'Rating set' : 'Not saved' }, close: { type: 'plain_text', text: 'Done' }, blocks: shown.blocks.filter((b) => b.type !== 'actions') } as never });
  });

  app.action<BlockAction<ButtonAction>>(verb('review.open'), async ({ ack, action, body, respond }) => {
    await ack();
    const outcome = await reviewOpen(slackActor(body.user), action.value ?? '').catch(() => undefined);
    if (outcome?.kind === 'card') await respond({ replace_original: true, ...payload(outcome.view) });
    else await respond({ response_type: 'ephemeral', replace_original: false, ...payload(outcome?.view ?? somethingWrong) });
  });

  app.action<BlockAction<ButtonAction>>(verb('review.dismiss'), async ({ ack, action, body, client, respond }) => {
    await ack();
    const actor = slackActor(body.user);
    const card = await reviewTriggerCard(action.value ?? '').catch(() => undefined);
    if (!card || !(await mayReview(actor))) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...payload(card ? REVIEW_NOT_PERMITTED : somethingWrong) });
      return;
    }
    if (!card.open) {
      await respond({ replace_original: true, ...payload(card) });
      return;
    }
    const modal = renderDismissModal(card);
    // Where the card is, so it can be updated once the reason is given.
    const where = { triggerId: card.triggerId, channel: body.container?.channel_id, ts: body.container?.message_ts };
    await client.views.open({ trigger_id: body.trigger_id, view: { ...modal, private_metadata: JSON.stringify(where) } as never });
  });

  app.view(DISMISS_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const metadata = dismissMetadata.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!metadata.success) {
      await ack({ response_action: 'errors', errors: { reason: 'This form is out of date. Close it and try again.' } });
      return;
    }
    const outcome = await reviewDismiss(slackActor(body.user), metadata.data.triggerId, textOf(view.state.values, 'reason') ?? '');
    if (outcome.kind === 'refused') {
      await ack({ response_action: 'errors', errors: { reason: outcome.view.lines[0] ?? 'Not permitted' } });
      return;
    }
    if (outcome.view.reasonError) {
      await ack({ response_action: 'errors', errors: { reason: outcome.view.reasonError } });
      return;
    }
    await ack();
    const { channel, ts } = metadata.data;
    if (channel && ts) await client.chat.update({ channel, ts, ...payload(outcome.view) }).catch((error) => log.warn(`Could not update the review card: ${(error as Error).message}`));
  });

  app.action<BlockAction<ButtonAction>>(verb('matrix.export'), async ({ ack, action, body, client, respond }) => {
    await ack();
    try {
      const view = await matrixExport(parseExportValue(action.value ?? ''));
      await sendFileToUser(client, body.user.id, view.file);
      await respond({ response_type: 'ephemeral', replace_original: false, ...payload(message(view.heading, [...view.lines, 'I have sent the file to you in a direct message.'], 'success')) });
    } catch (error) {
      log.error('Could not export the Risk Matrix', error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...payload(somethingWrong) });
    }
  });
}

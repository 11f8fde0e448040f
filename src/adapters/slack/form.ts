import type { App, ViewOutput } from '@slack/bolt';
import { log } from '../../log.js';
import { FORM_CALLBACK_ID, type FormMetadata } from '../../../cards/slack/intelligenceFormModal.js';
import { submitIntelligence, NOT_SAVED_MESSAGE, type SubmitResult } from '../../app/intelligence.js';
import { searchProviders } from '../../app/providers.js';
import { FORM_FIELDS } from '../../core/intelligence/intelligenceForm.js';
import { FORM_KINDS } from '../../core/vocabulary.js';
import { slackActor } from './identity.js';
import { messagePayload, savedModal } from './render.js';
import { z } from 'zod';

// Slack gives up on a view submission after 3 seconds; past this we say "not saved" rather than nothing.
const SAVE_DEADLINE_MS = 2500;

const metadataSchema = z.object({
  formKind: z.enum(FORM_KINDS),
  formId: z.string().min(1).max(100),
  messageLink: z.string().optional(),
  source: z.string().optional(),
});

type StateValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
  selected_date?: string | null;
};

/** Turns the modal's state into plain field values, keyed by field id. */
export function formValues(view: ViewOutput): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const state = view.state.values[field]?.[field] as StateValue | undefined;
    if (!state) continue;
    raw[field] = state.selected_options
      ? state.selected_options.map((o) => o.value)
      : (state.selected_option?.value ?? state.selected_date ?? state.value ?? undefined);
  }
  return raw;
}

function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  return Promise.race([work, new Promise<T>((resolve) => setTimeout(() => resolve(onTimeout), ms).unref())]);
}

export function registerFormListeners(app: App): void {
  app.options('provider', async ({ options, ack }) => {
    const query = 'value' in options ? String(options.value ?? '') : '';
    const found = await searchProviders(query, 100).catch(() => []);
    await ack({ options: found.map((p) => ({ text: { type: 'plain_text', text: p.label.slice(0, 75) }, value: p.value })) });
  });

  app.view(FORM_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const metadata = metadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
    if (!metadata.success) {
      await ack({ response_action: 'errors', errors: { summary: 'This form is out of date. Close it and open a new one.' } });
      return;
    }
    const { formKind, formId, messageLink } = metadata.data;
    const actor = slackActor(body.user);
    const result = await withDeadline<SubmitResult | { status: 'timeout' }>(
      submitIntelligence({ kind: formKind, formId, raw: formValues(view), actor, idempotencyKey: `slack:form:${formId}`, ...(messageLink ? { messageLink } : {}) }),
      SAVE_DEADLINE_MS,
      { status: 'timeout' },
    );
    if (result.status === 'timeout' || result.status === 'failed') {
      await ack({ response_action: 'errors', errors: { summary: NOT_SAVED_MESSAGE } });
      return;
    }
    if (result.status === 'invalid') {
      const shown = new Set(view.blocks.map((block) => block.block_id));
      const errors = Object.fromEntries(Object.entries(result.form.errors).filter(([field]) => shown.has(field)));
      await ack({ response_action: 'errors', errors: Object.keys(errors).length ? errors : { summary: 'Check the form and try again.' } });
      return;
    }
    await ack({ response_action: 'update', view: savedModal(result.saved) as never });
    if (!result.duplicate) {
      // A copy in their DMs, so they can find the reference later.
      await client.chat.postMessage({ channel: body.user.id, ...messagePayload(result.saved) }).catch((error) => {
        log.error('Could not send the confirmation message', error);
      });
    }
  });
}

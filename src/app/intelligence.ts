import { randomUUID } from 'node:crypto';
import { Intelligence, Provider, Service, nextSequence } from '../../models/index.js';
import type { IntelligenceFormView, IntelligenceSavedView } from '../../cards/viewModels.js';
import { parseIntelligenceForm, type FormField } from '../core/intelligence/intelligenceForm.js';
import { FORM_SOURCES, type ClientGroup, type FormKind, type IntelligenceSource, type Sentiment, type Urgency } from '../core/vocabulary.js';
import type { Actor } from './actor.js';
import { audit } from './audit.js';
import { publish } from './notify.js';
import { lookupProvider, searchProviders } from './providers.js';
import { intelligenceAlertView, intelligenceFormView, intelligenceSavedView, type SavedRecord } from './views/intelligenceViews.js';
import { isoDate } from './views/formatting.js';
import { log } from '../log.js';
import { recomputeAfterIntelligence } from './risk/hooks.js';

export const NOT_SAVED_MESSAGE = 'Not saved: we could not reach the database. Nothing was lost from this form. Try again in a minute.';

export interface FormPrefill {
  summary?: string;
  messageLink?: string;
  providerId?: string;
  providerName?: string;
}

export interface FormOptions {
  /**
   * Teams cards carry a first page of providers in the picker. Slack's picker searches as you type, so
   * Slack skips this query: it would only delay opening the modal, which must happen within 3 seconds.
   */
  withProviderList?: boolean;
  today?: Date;
}

/** A fresh form, with today's date (and, for Teams, the first providers in the picker). */
export async function openIntelligenceForm(kind: FormKind, prefill: FormPrefill = {}, options: FormOptions = {}): Promise<IntelligenceFormView> {
  const { withProviderList = true, today = new Date() } = options;
  let providerChoices: Awaited<ReturnType<typeof searchProviders>> = [];
  if (withProviderList) {
    // Without the list the form still opens; the picker searches as people type.
    providerChoices = await searchProviders('', 50).catch(() => []);
  }
  return intelligenceFormView({
    kind,
    formId: randomUUID(),
    providerChoices,
    values: {
      eventDate: isoDate(today),
      ...(prefill.summary ? { summary: prefill.summary.slice(0, 3000) } : {}),
      ...(prefill.messageLink ? { messageLink: prefill.messageLink } : {}),
      ...(prefill.providerId ? { provider: prefill.providerId, providerName: prefill.providerName } : {}),
    },
  });
}

export interface Submission {
  kind: FormKind;
  formId: string;
  /** Field values as the platform sent them, keyed by field id. */
  raw: Record<string, unknown>;
  messageLink?: string;
  actor: Actor;
  /** Unique per form, so a re-sent or double-clicked submission saves once. */
  idempotencyKey: string;
}

export type SubmitResult =
  | { status: 'invalid'; form: IntelligenceFormView }
  | { status: 'failed'; form: IntelligenceFormView }
  | { status: 'saved'; saved: IntelligenceSavedView; duplicate: boolean; reference: string; notified: Promise<unknown> };

function toFormValues(raw: Record<string, unknown>, messageLink?: string): IntelligenceFormView['values'] {
  const values: IntelligenceFormView['values'] = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') values[key as FormField] = value;
    else if (Array.isArray(value)) values[key as FormField] = value.join(',');
  }
  if (messageLink) values.messageLink = messageLink;
  return values;
}

async function savedRecordOf(doc: InstanceType<typeof Intelligence>): Promise<SavedRecord> {
  const [provider, service] = await Promise.all([
    Provider.findById(doc.providerId, { name: 1 }).lean(),
    doc.serviceId ? Service.findById(doc.serviceId, { name: 1 }).lean() : undefined,
  ]);
  return {
    id: String(doc._id),
    reference: doc.reference,
    providerId: String(doc.providerId),
    providerName: provider?.name ?? 'Unknown provider',
    serviceName: service?.name,
    source: doc.source as IntelligenceSource,
    sentiment: doc.sentiment as Sentiment,
    themes: doc.themes,
    eventDate: doc.eventDate,
    urgency: doc.urgency as Urgency,
    summary: doc.summary,
    loggedByName: doc.loggedBy?.name ?? undefined,
  };
}

/** Validates, saves once, audits and (for adverse items) tells subscribed channels. */
export async function submitIntelligence(submission: Submission, now = new Date()): Promise<SubmitResult> {
  const { kind, actor } = submission;
  const sources = FORM_SOURCES[kind];
  const raw = { ...submission.raw, ...(sources.length === 1 ? { source: sources[0] } : {}), messageLink: submission.messageLink };
  const values = toFormValues(submission.raw, submission.messageLink);
  const reshow = (extra: Partial<Parameters<typeof intelligenceFormView>[0]>) =>
    intelligenceFormView({ kind, formId: submission.formId, providerChoices: [], values, ...extra });

  const parsed = parseIntelligenceForm(raw, now);
  if (!parsed.ok) return { status: 'invalid', form: reshow({ errors: parsed.errors }) };
  const input = parsed.value;

  try {
    const existing = await Intelligence.findOne({ idempotencyKey: submission.idempotencyKey });
    if (existing) return { status: 'saved', saved: intelligenceSavedView(await savedRecordOf(existing)), duplicate: true, reference: existing.reference, notified: Promise.resolve() };

    const lookup = await lookupProvider(input.provider);
    if (lookup.status === 'not-found') {
      const names = lookup.suggestions.map((s) => s.name);
      const message = names.length
        ? `We could not find that provider. Did you mean: ${names.join('; ')}?`
        : 'We could not find that provider. Check the name, or ask the quality team to add it.';
      return { status: 'invalid', form: reshow({ errors: { provider: message }, providerChoices: lookup.suggestions.map((s) => ({ value: s.id, label: s.name })) }) };
    }
    const provider = await Provider.findById(lookup.provider.id).lean();
    if (!provider) throw new Error('provider vanished');
    const service = input.service
      ? await Service.findOne({ providerId: provider._id, name: new RegExp(`^${input.service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i') }).lean()
      : null;

    const reference = `INT-${String(await nextSequence('intelligence')).padStart(6, '0')}`;
    let doc: InstanceType<typeof Intelligence>;
    try {
      doc = await Intelligence.create({
        reference,
        idempotencyKey: submission.idempotencyKey,
        providerId: provider._id,
        ...(service ? { serviceId: service._id } : {}),
        source: input.source,
        sentiment: input.sentiment,
        themes: input.themes,
        eventDate: new Date(`${input.eventDate}T00:00:00Z`),
        summary: input.service && !service ? `${input.summary}\n\nService: ${input.service}` : input.summary,
        serviceUserRef: input.serviceUserRef,
        urgency: input.urgency,
        messageLink: input.messageLink,
        loggedBy: { platform: actor.platform, userId: actor.userId, name: actor.name },
      });
    } catch (error) {
      // Two copies of the same submission raced: the other one saved it.
      if ((error as { code?: number }).code !== 11000) throw error;
      const winner = await Intelligence.findOne({ idempotencyKey: submission.idempotencyKey });
      if (!winner) throw error;
      return { status: 'saved', saved: intelligenceSavedView(await savedRecordOf(winner)), duplicate: true, reference: winner.reference, notified: Promise.resolve() };
    }
    await audit({ actor, action: 'intelligence.logged', entityType: 'intelligence', entityId: String(doc._id), after: { reference, providerId: String(provider._id), source: input.source, sentiment: input.sentiment } });

    const record = await savedRecordOf(doc);
    const alerted =
      input.sentiment === 'adverse'
        ? publish('intelligence', provider.clientGroup as ClientGroup, `intelligence:${doc._id}`, intelligenceAlertView(record)).catch((error) =>
            log.error('Could not post an intelligence alert', error),
          )
        : Promise.resolve();
    // The Risk Matrix catches up with the new item, in the background (it never throws).
    const notified = Promise.all([alerted, recomputeAfterIntelligence(String(provider._id))]);
    return { status: 'saved', saved: intelligenceSavedView(record), duplicate: false, reference, notified };
  } catch (error) {
    log.error('Could not save intelligence', error);
    return { status: 'failed', form: reshow({ formError: NOT_SAVED_MESSAGE }) };
  }
}

import { Types } from 'mongoose';
import { z } from 'zod';
import { Intelligence, Provider, ReviewTrigger } from '../../../models/index.js';
import type { ReviewTriggerView } from '../../../cards/viewModels.js';
import { DAY_MS, type FiredTrigger, type RiskConfig } from '../../core/risk/index.js';
import { SOURCE_LABELS, THEME_LABELS, type ClientGroup, type IntelligenceSource, type Role, type Theme } from '../../core/vocabulary.js';
import { log } from '../../log.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { publish } from '../notify.js';
import { rolesOf } from '../users.js';
import { reviewTriggerView } from '../views/riskViews.js';

// Threshold triggers become "review this provider" cards in the rating-changes channels.
// While a card is open or under review, new items join it instead of raising another card.
// A dismissed card's items are not raised again; a new item raises a new card.

const ITEMS_SHOWN = 20;

/** People who may open or dismiss a review: anyone with a role beyond logging. */
export const REVIEW_ROLES: readonly Role[] = ['quality-officer', 'srm', 'service-manager', 'head-of-commissioning', 'chair', 'service-director', 'admin'];

type ProviderFacts = { _id: Types.ObjectId; name: string; clientGroup: ClientGroup };

async function realItems(providerId: Types.ObjectId, trigger: RiskConfig['triggers'][number], now: Date) {
  const filter: Record<string, unknown> = {
    providerId,
    sentiment: 'adverse',
    outcome: { $ne: 'not-liable' },
    eventDate: { $gte: new Date(now.getTime() - trigger.withinDays * DAY_MS), $lte: now },
    ...(trigger.sources.length ? { source: { $in: trigger.sources } } : {}),
  };
  return Intelligence.find(filter, { reference: 1, eventDate: 1, source: 1, themes: 1 })
    .sort({ eventDate: 1 })
    .limit(200)
    .lean();
}

type TriggerDoc = NonNullable<Awaited<ReturnType<typeof loadTrigger>>>;
function loadTrigger(id: string) {
  return Types.ObjectId.isValid(id) ? ReviewTrigger.findById(id).lean() : Promise.resolve(null);
}

/** The card for a trigger, with its items. */
export async function triggerView(trigger: TriggerDoc, extra: { reasonError?: string } = {}): Promise<ReviewTriggerView> {
  const [provider, items] = await Promise.all([
    Provider.findById(trigger.providerId, { name: 1 }).lean(),
    Intelligence.find({ _id: { $in: trigger.itemIds } }, { reference: 1, eventDate: 1, source: 1, themes: 1 }).sort({ eventDate: 1 }).limit(ITEMS_SHOWN).lean(),
  ]);
  return reviewTriggerView({
    id: String(trigger._id),
    providerId: String(trigger.providerId),
    providerName: provider?.name ?? 'Unknown provider',
    label: trigger.label,
    status: trigger.status,
    by: trigger.by?.name ?? trigger.by?.userId ?? undefined,
    at: trigger.decidedAt ?? undefined,
    dismissedReason: trigger.dismissedReason ?? undefined,
    items: items.map((item) => ({
      reference: item.reference,
      eventDate: item.eventDate,
      source: SOURCE_LABELS[item.source as IntelligenceSource] ?? item.source,
      themes: (item.themes ?? []).map((t) => THEME_LABELS[t as Theme] ?? t).join(', '),
    })),
    ...extra,
  });
}

/** Raises or extends a card for each fired trigger. Safe to call on every recompute. */
export async function raiseReviewTriggers(provider: ProviderFacts, fired: FiredTrigger[], config: RiskConfig, now: Date): Promise<number> {
  let raised = 0;
  for (const trigger of fired) {
    const settings = config.triggers.find((t) => t.id === trigger.id);
    if (!settings) continue;
    const items = await realItems(provider._id, settings, now);
    if (items.length < settings.count) continue;
    const ids = items.map((item) => item._id);
    const active = await ReviewTrigger.findOne({ providerId: provider._id, triggerId: trigger.id, status: { $in: ['open', 'reviewing'] } }, { _id: 1 }).lean();
    if (active) {
      await ReviewTrigger.updateOne({ _id: active._id }, { $addToSet: { itemIds: { $each: ids } } });
      continue;
    }
    const dismissed = await ReviewTrigger.find({ providerId: provider._id, triggerId: trigger.id, status: 'dismissed' }, { itemIds: 1 }).sort({ createdAt: -1 }).limit(20).lean();
    const seen = new Set(dismissed.flatMap((d) => (d.itemIds ?? []).map(String)));
    const fresh = ids.filter((id) => !seen.has(String(id)));
    if (fresh.length === 0) continue;
    let doc;
    try {
      doc = await ReviewTrigger.create({
        key: `${provider._id}:${trigger.id}:${fresh[fresh.length - 1]}`,
        providerId: provider._id,
        triggerId: trigger.id,
        label: trigger.label,
        itemIds: ids,
        status: 'open',
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue; // another recompute raised it
      throw error;
    }
    raised++;
    await audit({ actor: 'system', action: 'review-trigger.raised', entityType: 'provider', entityId: String(provider._id), after: { triggerId: trigger.id, items: ids.length } });
    const view = await triggerView(doc.toObject());
    await publish('rating-changes', provider.clientGroup, `review-trigger:${doc._id}`, view).catch((error) => log.error('Could not post a review card', error));
  }
  return raised;
}

export type ReviewResult =
  | { status: 'done'; view: ReviewTriggerView }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'already'; view: ReviewTriggerView }
  | { status: 'invalid'; view: ReviewTriggerView; error: string };

export async function mayReview(actor: Actor): Promise<boolean> {
  const { roles } = await rolesOf(actor);
  return roles.some((role) => REVIEW_ROLES.includes(role));
}

const by = (actor: Actor) => ({ platform: actor.platform, userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) });

/** Marks a card as under review. Only the first person to do so wins; the rest are told who did. */
export async function openReview(actor: Actor, triggerId: string, now = new Date()): Promise<ReviewResult> {
  const before = await loadTrigger(triggerId);
  if (!before) return { status: 'not-found' };
  if (!(await mayReview(actor))) return { status: 'not-permitted' };
  const after = await ReviewTrigger.findOneAndUpdate({ _id: before._id, status: 'open' }, { $set: { status: 'reviewing', by: by(actor), decidedAt: now } }, { returnDocument: 'after' }).lean();
  if (!after) return { status: 'already', view: await triggerView((await loadTrigger(triggerId))!) };
  await audit({ actor, action: 'review-trigger.opened', entityType: 'provider', entityId: String(after.providerId), before: { status: 'open' }, after: { status: 'reviewing', triggerId } });
  return { status: 'done', view: await triggerView(after) };
}

export const dismissReasonSchema = z
  .string({ error: 'Say why you are dismissing this' })
  .trim()
  .min(1, 'Say why you are dismissing this')
  .max(500, 'Keep the reason to 500 characters or fewer');

/** Dismisses a card with a reason. */
export async function dismissReview(actor: Actor, triggerId: string, reason: unknown, now = new Date()): Promise<ReviewResult> {
  const before = await loadTrigger(triggerId);
  if (!before) return { status: 'not-found' };
  if (!(await mayReview(actor))) return { status: 'not-permitted' };
  const parsed = dismissReasonSchema.safeParse(reason);
  if (!parsed.success) {
    const error = parsed.error.issues[0]!.message;
    return { status: 'invalid', error, view: await triggerView(before, { reasonError: error }) };
  }
  const after = await ReviewTrigger.findOneAndUpdate(
    { _id: before._id, status: 'open' },
    { $set: { status: 'dismissed', dismissedReason: parsed.data, by: by(actor), decidedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!after) return { status: 'already', view: await triggerView((await loadTrigger(triggerId))!) };
  await audit({ actor, action: 'review-trigger.dismissed', entityType: 'provider', entityId: String(after.providerId), before: { status: 'open' }, after: { status: 'dismissed', triggerId, reason: parsed.data } });
  return { status: 'done', view: await triggerView(after) };
}

/** The card as it stands, for a form that needs the provider's name. */
export async function reviewTriggerCard(triggerId: string): Promise<ReviewTriggerView | undefined> {
  const trigger = await loadTrigger(triggerId);
  return trigger ? triggerView(trigger) : undefined;
}

import { Types } from 'mongoose';
import { z } from 'zod';
import { Provider, RatingHistory, RiskState } from '../../../models/index.js';
import type { RatingFormView } from '../../../cards/viewModels.js';
import type { ClientGroup } from '../../core/vocabulary.js';
import type { Actor } from '../actor.js';
import { audit } from '../audit.js';
import { rolesOf } from '../users.js';
import { ratingFormView } from '../views/riskViews.js';
import { formatDate } from '../views/formatting.js';
import { announceRatingChange, decidedEventKey } from './alerts.js';
import { riskConfig } from './settings.js';

// The decided rating: set by the meeting chair, with a rationale (000; 003 §11.1). The computed score
// is advice; this is what the council acts on. Optimistic concurrency: the form carries the version it
// was opened at, and a save over a newer version is refused and shown back with the answers kept.

export const RATIONALE_MAX = 1000;

function inputSchema(scale: readonly string[]) {
  return z.object({
    rating: z.string({ error: 'Choose a rating' }).refine((r) => scale.includes(r), 'Choose a rating'),
    rationale: z
      .string({ error: 'Say why you chose this rating' })
      .trim()
      .min(1, 'Say why you chose this rating')
      .max(RATIONALE_MAX, `Keep the rationale to ${RATIONALE_MAX} characters or fewer`),
    expectedVersion: z.coerce.number().int().min(0),
  });
}

export interface RatingInput {
  rating?: unknown;
  rationale?: unknown;
  expectedVersion?: unknown;
}

export type SetRatingResult =
  | { status: 'saved'; rating: string; providerName: string; version: number; duplicate: boolean; notified: Promise<void> }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'invalid'; form: RatingFormView }
  | { status: 'conflict'; form: RatingFormView };

async function isChair(actor: Actor): Promise<boolean> {
  return (await rolesOf(actor)).roles.includes('chair');
}

type StateDoc = {
  version?: number | null;
  decided?: { rating?: string | null; rationale?: string | null; by?: { userId?: string | null; platform?: string | null; name?: string | null } | null; at?: Date | null } | null;
  computed?: { rating?: string | null; score?: number | null } | null;
};

function formFor(provider: { _id: Types.ObjectId; name: string }, state: StateDoc | null, extra: Partial<Parameters<typeof ratingFormView>[0]> = {}): RatingFormView {
  const decided = state?.decided?.rating ? state.decided : undefined;
  return ratingFormView({
    providerId: String(provider._id),
    providerName: provider.name,
    scale: riskConfig().scale,
    decided: decided ? { rating: decided.rating!, by: decided.by?.name ?? undefined, at: decided.at ?? undefined } : undefined,
    computed: state?.computed?.rating ? { rating: state.computed.rating, score: state.computed.score ?? 0 } : undefined,
    expectedVersion: state?.version ?? 0,
    ...extra,
  });
}

async function load(providerId: string) {
  if (!Types.ObjectId.isValid(providerId)) return undefined;
  const provider = await Provider.findById(providerId, { name: 1, clientGroup: 1 }).lean();
  if (!provider) return undefined;
  const state = (await RiskState.findById(provider._id, { version: 1, decided: 1, computed: 1 }).lean()) as StateDoc | null;
  return { provider, state };
}

export type OpenFormResult = { status: 'form'; form: RatingFormView } | { status: 'not-permitted' } | { status: 'not-found' };

/** The set-rating form, for the chair only. */
export async function openRatingForm(actor: Actor, providerId: string): Promise<OpenFormResult> {
  if (!(await isChair(actor))) return { status: 'not-permitted' };
  const loaded = await load(providerId);
  if (!loaded) return { status: 'not-found' };
  return { status: 'form', form: formFor(loaded.provider, loaded.state) };
}

/** Sets the decided rating. Needs the chair role, a rating on the scale, a rationale and the version the form was opened at. */
export async function setDecidedRating(actor: Actor, providerId: string, input: RatingInput, now = new Date()): Promise<SetRatingResult> {
  if (!(await isChair(actor))) return { status: 'not-permitted' };
  const loaded = await load(providerId);
  if (!loaded) return { status: 'not-found' };
  const { provider, state } = loaded;
  const typed = {
    ...(typeof input.rating === 'string' ? { rating: input.rating } : {}),
    ...(typeof input.rationale === 'string' ? { rationale: input.rationale } : {}),
  };
  const parsed = inputSchema(riskConfig().scale.map((r) => r.name)).safeParse(input);
  if (!parsed.success) {
    const errors: RatingFormView['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'rating' || field === 'rationale') errors[field] ??= issue.message;
    }
    if (!errors.rating && !errors.rationale) return { status: 'invalid', form: formFor(provider, state, { values: typed, formError: 'This form is out of date. Close it and open it again.' }) };
    return { status: 'invalid', form: formFor(provider, state, { values: typed, errors, expectedVersion: Number(input.expectedVersion) || 0 }) };
  }
  const { rating, rationale, expectedVersion } = parsed.data;
  const currentVersion = state?.version ?? 0;
  const decided = state?.decided;

  // The same person's same answer arriving again (a retry or double click) is the save they already made.
  const sameAgain = () =>
    decided?.rating === rating && decided?.rationale === rationale && decided?.by?.userId === actor.userId && currentVersion === expectedVersion + 1;
  const conflict = (latest: StateDoc | null): SetRatingResult => {
    const d = latest?.decided;
    const who = d?.by?.name ?? 'someone else';
    return {
      status: 'conflict',
      form: formFor(provider, latest, {
        values: { rating, rationale },
        formError: `The rating changed while you had this form open. It is now ${d?.rating ?? 'not set'}, set by ${who}${d?.at ? ` on ${formatDate(d.at)}` : ''}. Your answers are below: check them and save again.`,
      }),
    };
  };
  const saved = (version: number, duplicate: boolean, notified: Promise<void> = Promise.resolve()): SetRatingResult => ({
    status: 'saved',
    rating,
    providerName: provider.name,
    version,
    duplicate,
    notified,
  });

  if (currentVersion !== expectedVersion) return sameAgain() ? saved(currentVersion, true) : conflict(state);

  const by = { platform: actor.platform, userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) };
  let after;
  try {
    after = await RiskState.findOneAndUpdate(
      // A state made by a recompute may have no version yet: that counts as 0.
      { _id: provider._id, version: expectedVersion === 0 ? { $in: [0, null] } : expectedVersion },
      { $set: { decided: { rating, rationale, by, at: now } }, $inc: { version: 1 }, $setOnInsert: { providerId: provider._id } },
      { upsert: expectedVersion === 0, returnDocument: 'after' },
    ).lean();
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    after = null; // someone else created the state first
  }
  if (!after) {
    const latest = await load(providerId);
    const d = latest?.state?.decided;
    if (d?.rating === rating && d?.rationale === rationale && d?.by?.userId === actor.userId) return saved(latest?.state?.version ?? 0, true);
    return conflict(latest?.state ?? null);
  }
  const version = after.version ?? expectedVersion + 1;
  const from = decided?.rating ?? undefined;
  await RatingHistory.create({ key: `${provider._id}:decided:v${version}`, providerId: provider._id, kind: 'decided', from, to: rating, score: state?.computed?.score ?? undefined, why: rationale, by, at: now, version });
  await audit({
    actor,
    action: 'rating.decided',
    entityType: 'provider',
    entityId: String(provider._id),
    before: { rating: from ?? null, version: expectedVersion },
    after: { rating, rationale, version },
  });
  const notified =
    from === rating
      ? Promise.resolve()
      : announceRatingChange(provider.clientGroup as ClientGroup, decidedEventKey(String(provider._id), version), {
          providerId: String(provider._id),
          providerName: provider.name,
          kind: 'decided',
          from,
          to: rating,
          score: state?.computed?.score ?? undefined,
          drivers: ((after.computed?.drivers ?? []) as Array<{ label: string; points: number }>),
          decidedBy: actor.name,
          rationale,
          at: now,
        });
  return saved(version, false, notified);
}

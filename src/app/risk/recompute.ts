import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { Provider, RatingHistory, Restriction, RiskState } from '../../../models/index.js';
import {
  computeRisk,
  decideBandAlert,
  emptyBandState,
  thresholdTriggers,
  type BandState,
  type IntelligenceItem,
  type RestrictionKind,
  type RiskConfig,
  type RiskResult,
} from '../../core/risk/index.js';
import type { ClientGroup } from '../../core/vocabulary.js';
import { log } from '../../log.js';
import { announceRatingChange, computedEventKey } from './alerts.js';
import { intelligenceItemsByProvider } from './intelligenceCounts.js';
import { overdueActionCounts } from './overdueActions.js';
import { raiseReviewTriggers } from './reviewTriggers.js';
import { riskConfig } from './settings.js';

// Recomputes the Risk Matrix: counts come from the database (intelligenceCounts.ts), the score from
// the pure core. A provider's state is only written when something changed, and only over the state
// it was read from (the `rev` token), so two recomputes racing cannot announce the same change twice.

const TOP_DRIVERS = 5;
const TREND_MONTHS = 13;

const PROVIDER_FIELDS = { name: 1, clientGroup: 1, cqcRatings: 1, hoursCommissioned: 1, inArea: 1 } as const;
type ProviderFacts = {
  _id: Types.ObjectId;
  name: string;
  clientGroup: ClientGroup;
  cqcRatings?: Record<string, string | null | undefined> | null;
  hoursCommissioned?: number | null;
};
type StoredState = {
  _id: Types.ObjectId;
  rev?: string | null;
  computed?: { score?: number | null; rating?: string | null; drivers?: Array<{ kind: string; label: string; points: number }> | null } | null;
  band?: BandState | null;
  trend?: Array<{ month?: string | null; score?: number | null; rating?: string | null }> | null;
};

interface Plan {
  provider: ProviderFacts;
  state: StoredState | null;
  result: RiskResult;
  unchanged: boolean;
  filter: Record<string, unknown>;
  update: Record<string, unknown>;
  token: string;
  announce?: { from: string; to: string };
  ratingChanged?: { from: string | undefined; to: string };
}

export interface RecomputeStats {
  providers: number;
  changed: number;
  announced: number;
  ms: number;
}

function bandOf(state: StoredState | null): BandState {
  const band = state?.band;
  return band ? { announced: band.announced ?? null, pending: band.pending ?? null } : emptyBandState;
}

const sameBand = (a: BandState, b: BandState) => JSON.stringify(a) === JSON.stringify(b);

function nextTrend(trend: StoredState['trend'], now: Date, score: number, rating: string) {
  const month = now.toISOString().slice(0, 7);
  const kept = (trend ?? []).filter((t) => t.month && t.month !== month).map((t) => ({ month: t.month!, score: t.score ?? 0, rating: t.rating ?? '' }));
  return [...kept, { month, score, rating }].sort((a, b) => a.month.localeCompare(b.month)).slice(-TREND_MONTHS);
}

function computeFor(provider: ProviderFacts, items: IntelligenceItem[], restrictions: RestrictionKind[], overdue: number, config: RiskConfig, now: Date): RiskResult {
  return computeRisk(
    {
      intelligence: items,
      cqc: provider.cqcRatings ?? {},
      restrictions,
      overdueActions: overdue,
      hoursCommissioned: provider.hoursCommissioned ?? 0,
    },
    config,
    now,
  );
}

function plan(provider: ProviderFacts, state: StoredState | null, result: RiskResult, config: RiskConfig, now: Date): Plan {
  const band = bandOf(state);
  const decision = decideBandAlert(band, result.rating, now, config.alerts.settleHours);
  const drivers = result.drivers.slice(0, TOP_DRIVERS).map(({ kind, label, points }) => ({ kind, label, points }));
  const trend = nextTrend(state?.trend, now, result.score, result.rating);
  const previous = state?.computed;
  const unchanged =
    !!state &&
    previous?.score === result.score &&
    previous?.rating === result.rating &&
    JSON.stringify((previous?.drivers ?? []).map(({ kind, label, points }) => ({ kind, label, points }))) === JSON.stringify(drivers) &&
    sameBand(band, decision.state) &&
    JSON.stringify(state.trend ?? []) === JSON.stringify(trend);
  const token = randomUUID();
  const filter = state
    ? { _id: state._id, ...(state.rev ? { rev: state.rev } : { rev: { $exists: false } }) }
    : { providerId: provider._id, rev: { $exists: false } };
  return {
    provider,
    state,
    result,
    unchanged,
    token,
    filter,
    update: {
      $set: { computed: { score: result.score, rating: result.rating, drivers, computedAt: now }, band: decision.state, trend, checkedAt: now, rev: token },
      ...(state ? {} : { $setOnInsert: { version: 0 } }),
    },
    ...(decision.announce ? { announce: { from: decision.from, to: decision.to } } : {}),
    ...(previous?.rating !== result.rating ? { ratingChanged: { from: previous?.rating ?? undefined, to: result.rating } } : {}),
  };
}

/** History and alerts, once a plan's write has won. */
async function afterWrite(p: Plan, now: Date): Promise<boolean> {
  const providerId = String(p.provider._id);
  if (p.ratingChanged) {
    await RatingHistory.create({
      providerId: p.provider._id,
      kind: 'computed',
      from: p.ratingChanged.from,
      to: p.ratingChanged.to,
      score: p.result.score,
      why: p.result.drivers.slice(0, 3).map((d) => d.label).join('; '),
      by: { platform: 'system', userId: 'risk-matrix' },
      at: now,
    });
  }
  if (!p.announce) return false;
  await announceRatingChange(p.provider.clientGroup, computedEventKey(providerId, p.announce.from, p.announce.to, now), {
    providerId,
    providerName: p.provider.name,
    kind: 'computed',
    from: p.announce.from,
    to: p.announce.to,
    score: p.result.score,
    drivers: p.result.drivers,
    at: now,
  });
  return true;
}

async function activeRestrictions(providerIds?: Types.ObjectId[]): Promise<Map<string, RestrictionKind[]>> {
  const rows = await Restriction.find({ status: 'active', ...(providerIds ? { providerId: { $in: providerIds } } : {}) }, { providerId: 1, kind: 1 }).lean();
  const byProvider = new Map<string, RestrictionKind[]>();
  for (const row of rows) byProvider.set(String(row.providerId), [...(byProvider.get(String(row.providerId)) ?? []), row.kind as RestrictionKind]);
  return byProvider;
}

export interface RecomputeOptions {
  /** Check the threshold triggers too. On after new intelligence; off for the nightly run, so old data never floods channels. */
  triggers?: boolean;
}

/** Recomputes one provider now. Returns undefined if the provider no longer exists. */
export async function recomputeProvider(providerId: string | Types.ObjectId, options: RecomputeOptions = {}, now = new Date()): Promise<RiskResult | undefined> {
  const config = riskConfig();
  const id = new Types.ObjectId(String(providerId));
  const provider = (await Provider.findById(id, PROVIDER_FIELDS).lean()) as ProviderFacts | null;
  if (!provider) return undefined;
  const [itemsBy, restrictionsBy, overdueBy] = await Promise.all([
    intelligenceItemsByProvider(config, now, [id]),
    activeRestrictions([id]),
    overdueActionCounts([id], now),
  ]);
  const items = itemsBy.get(String(id)) ?? [];
  const result = computeFor(provider, items, restrictionsBy.get(String(id)) ?? [], overdueBy.get(String(id)) ?? 0, config, now);

  for (let attempt = 0; attempt < 3; attempt++) {
    const state = (await RiskState.findOne({ providerId: id }).lean()) as StoredState | null;
    const p = plan(provider, state, result, config, now);
    if (p.unchanged) {
      await RiskState.updateOne({ _id: state!._id }, { $set: { checkedAt: now } });
      break;
    }
    try {
      const res = await RiskState.updateOne(p.filter, p.update, { upsert: !state });
      if (res.matchedCount === 0 && res.upsertedCount === 0) continue;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue;
      throw error;
    }
    await afterWrite(p, now);
    break;
  }
  if (options.triggers) {
    const fired = thresholdTriggers(items, config, now);
    if (fired.length) await raiseReviewTriggers(provider, fired, config, now);
  }
  return result;
}

/** Recomputes every provider: one aggregation pass over intelligence, then only changed states are written. */
export async function recomputeAll(now = new Date()): Promise<RecomputeStats> {
  const started = Date.now();
  const config = riskConfig();
  const [providers, itemsBy, restrictionsBy, overdueBy, states] = await Promise.all([
    Provider.find({}, PROVIDER_FIELDS).lean() as Promise<ProviderFacts[]>,
    intelligenceItemsByProvider(config, now),
    activeRestrictions(),
    overdueActionCounts(undefined, now),
    RiskState.find({}, { providerId: 1, rev: 1, computed: 1, band: 1, trend: 1 }).lean(),
  ]);
  const stateBy = new Map(states.map((s) => [String(s.providerId), s as unknown as StoredState]));
  const plans = providers.map((provider) => {
    const id = String(provider._id);
    const result = computeFor(provider, itemsBy.get(id) ?? [], restrictionsBy.get(id) ?? [], overdueBy.get(id) ?? 0, config, now);
    return plan(provider, stateBy.get(id) ?? null, result, config, now);
  });

  const unchanged = plans.filter((p) => p.unchanged).map((p) => p.state!._id);
  const changed = plans.filter((p) => !p.unchanged);
  if (unchanged.length) await RiskState.updateMany({ _id: { $in: unchanged } }, { $set: { checkedAt: now } });
  if (changed.length) {
    try {
      await RiskState.bulkWrite(
        changed.map((p) => ({ updateOne: { filter: p.filter, update: p.update, upsert: !p.state } })),
        { ordered: false },
      );
    } catch (error) {
      // Duplicate keys mean another recompute created the state first; those providers are retried below.
      if ((error as { code?: number }).code !== 11000 && !String((error as Error).message).includes('E11000')) throw error;
    }
  }
  // Which writes won? A state whose token is ours was written by us.
  const written = changed.length
    ? await RiskState.find({ providerId: { $in: changed.map((p) => p.provider._id) } }, { providerId: 1, rev: 1 }).lean()
    : [];
  const tokenBy = new Map(written.map((s) => [String(s.providerId), s.rev]));
  let announced = 0;
  for (const p of changed) {
    if (tokenBy.get(String(p.provider._id)) === p.token) {
      if (await afterWrite(p, now)) announced++;
    } else {
      await recomputeProvider(p.provider._id, {}, now).catch((error) => log.error('Could not recompute a provider', error));
    }
  }
  return { providers: providers.length, changed: changed.length, announced, ms: Date.now() - started };
}

/**
 * Band changes wait (alerts.settleHours) before they are announced. This finds the providers whose
 * pending change has waited long enough, and recomputes them so the alert goes out.
 */
export async function settlePendingBands(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - riskConfig().alerts.settleHours * 3_600_000);
  const due = await RiskState.find({ 'band.pending.since': { $lte: cutoff } }, { providerId: 1 }).lean();
  for (const state of due) {
    await recomputeProvider(state.providerId, {}, now).catch((error) => log.error('Could not settle a rating change', error));
  }
  return due.length;
}

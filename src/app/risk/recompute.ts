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
// the pure core. A provider's state is written only when something changed, always by _id (the
// provider's id), which FerretDB v1 looks up without scanning. Two recomputes racing may both decide
// to announce the same change: the alert's event key and the history key are derived from the state
// both read, so the channel is posted once and the history records the change once.

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
  computed?: { score?: number | null; rating?: string | null; computedAt?: Date | null; drivers?: Array<{ kind: string; label: string; points: number }> | null } | null;
  band?: BandState | null;
  trend?: Array<{ month?: string | null; score?: number | null; rating?: string | null }> | null;
};

interface Plan {
  provider: ProviderFacts;
  state: StoredState | null;
  result: RiskResult;
  unchanged: boolean;
  update: Record<string, unknown>;
  /** The announced band this change follows, so racers announcing it derive the same event key. */
  announce?: { from: string; to: string; after: string };
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
  const ratingChanged = previous?.rating !== result.rating;
  return {
    provider,
    state,
    result,
    unchanged,
    update: {
      $set: { computed: { score: result.score, rating: result.rating, drivers, computedAt: now }, band: decision.state, trend },
      $setOnInsert: { providerId: provider._id, version: 0 },
    },
    ...(decision.announce ? { announce: { from: decision.from, to: decision.to, after: band.announced?.at ? new Date(band.announced.at).toISOString() : 'first' } } : {}),
    ...(ratingChanged ? { ratingChanged: { from: previous?.rating ?? undefined, to: result.rating } } : {}),
  };
}

/** The history entry for a change of computed rating. Its key is the same for every recompute that read the same state. */
function historyEntry(p: Plan, now: Date): Record<string, unknown> | undefined {
  if (!p.ratingChanged) return undefined;
  const providerId = String(p.provider._id);
  const after = p.state?.computed?.computedAt ? new Date(p.state.computed.computedAt).toISOString() : 'first';
  return {
    key: `${providerId}:computed:${p.ratingChanged.from ?? 'none'}>${p.ratingChanged.to}:${after}`,
    providerId: p.provider._id,
    kind: 'computed',
    from: p.ratingChanged.from,
    to: p.ratingChanged.to,
    score: p.result.score,
    why: p.result.drivers.slice(0, 3).map((d) => d.label).join('; '),
    by: { platform: 'system', userId: 'risk-matrix' },
    at: now,
  };
}

/** Announces a settled band change. Returns true if there was one to announce. */
async function announce(p: Plan, now: Date): Promise<boolean> {
  if (!p.announce) return false;
  const providerId = String(p.provider._id);
  await announceRatingChange(p.provider.clientGroup, computedEventKey(providerId, p.announce.from, p.announce.to, p.announce.after), {
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

const WRITE_CONCURRENCY = 8;

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Appends to the rating history once per key: a racing recompute recording the same change adds nothing. */
async function recordHistory(entries: Array<Record<string, unknown> | undefined>): Promise<void> {
  const fresh = entries.filter((e): e is Record<string, unknown> => Boolean(e));
  if (fresh.length === 0) return;
  try {
    await RatingHistory.insertMany(fresh, { ordered: false });
  } catch (error) {
    const duplicates = (error as { code?: number; writeErrors?: Array<{ code?: number; err?: { code?: number } }> });
    const onlyDuplicates = duplicates.code === 11000 || (duplicates.writeErrors ?? []).every((w) => (w.code ?? w.err?.code) === 11000);
    if (!onlyDuplicates) throw error;
  }
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

  const state = (await RiskState.findById(id).lean()) as StoredState | null;
  const p = plan(provider, state, result, config, now);
  if (!p.unchanged) {
    await RiskState.updateOne({ _id: id }, p.update, { upsert: true });
    await recordHistory([historyEntry(p, now)]);
    await announce(p, now);
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
    RiskState.find({}, { computed: 1, band: 1, trend: 1 }).lean(),
  ]);
  const stateBy = new Map(states.map((s) => [String(s._id), s as unknown as StoredState]));
  const plans = providers.map((provider) => {
    const id = String(provider._id);
    const result = computeFor(provider, itemsBy.get(id) ?? [], restrictionsBy.get(id) ?? [], overdueBy.get(id) ?? 0, config, now);
    return plan(provider, stateBy.get(id) ?? null, result, config, now);
  });

  const changed = plans.filter((p) => !p.unchanged);
  // Scores decay a little every day, so most providers change each night. One updateOne per provider,
  // a few at a time: bulkWrite updates of existing documents stall on FerretDB v1 (see docs/risk-matrix-bot.md).
  await eachLimited(changed, WRITE_CONCURRENCY, (p) => RiskState.updateOne({ _id: p.provider._id }, p.update, { upsert: true }));
  await recordHistory(changed.map((p) => historyEntry(p, now)));
  let announced = 0;
  for (const p of changed) if (await announce(p, now)) announced++;
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

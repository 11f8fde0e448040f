import { Types } from 'mongoose';
import { Intelligence } from '../../../models/index.js';
import { DAY_MS, type IntelligenceItem, type IntelligenceOutcome, type Level, type RiskConfig, type RiskSource } from '../../core/risk/index.js';
import type { Sentiment } from '../../core/vocabulary.js';

// The database does the counting: one $match + $group over the intelligence collection gives, per
// provider, how many items share a source, sentiment, outcome, likelihood, impact and date. Nothing
// else about an item changes its score, and items share a date (eventDate is a calendar day), so the
// rows are far fewer and far smaller than the items. They are expanded back into items for the pure
// computeRisk, which then gives exactly the score it would give for the real items.
//
// Portable on purpose: FerretDB v1 (our offline dev/CI database) has no $lookup, $cond, $min or $max
// and only $sum/$count accumulators, so the pipeline uses $match, $group and $sum only.

/** Items older than this many half-lives add under 0.025% of their weight each: left out. */
export const HORIZON_HALF_LIVES = 12;

interface GroupRow {
  _id: { p: Types.ObjectId; s: RiskSource; m: Sentiment; o?: IntelligenceOutcome; l?: number; i?: number; d: Date };
  n: number;
}

/** The oldest date that still counts: the decay horizon, or the longest trigger window if that is longer. */
export function countingSince(config: RiskConfig, now: Date): Date {
  const longestTrigger = Math.max(0, ...config.triggers.map((t) => t.withinDays));
  const days = Math.max(config.decay.halfLifeDays * HORIZON_HALF_LIVES, longestTrigger);
  return new Date(now.getTime() - days * DAY_MS);
}

const level = (value: number | undefined): Level | undefined => (value === 1 || value === 2 || value === 3 || value === 4 ? value : undefined);

/**
 * Scoring facts of every provider's intelligence, keyed by provider id. `providerIds` limits it to
 * some providers; without it, every provider with intelligence is counted in one pass.
 */
export async function intelligenceItemsByProvider(config: RiskConfig, now: Date, providerIds?: Types.ObjectId[]): Promise<Map<string, IntelligenceItem[]>> {
  const match: Record<string, unknown> = { eventDate: { $gte: countingSince(config, now) } };
  if (providerIds) match.providerId = providerIds.length === 1 ? providerIds[0] : { $in: providerIds };
  const rows = await Intelligence.aggregate<GroupRow>([
    { $match: match },
    {
      $group: {
        _id: { p: '$providerId', s: '$source', m: '$sentiment', o: '$outcome', l: '$likelihood', i: '$impact', d: '$eventDate' },
        n: { $sum: 1 },
      },
    },
  ]);
  const byProvider = new Map<string, IntelligenceItem[]>();
  for (const { _id: key, n } of rows) {
    const providerId = String(key.p);
    const items = byProvider.get(providerId) ?? [];
    const base = `${key.s}:${key.m}:${key.o ?? ''}:${key.l ?? ''}:${key.i ?? ''}:${new Date(key.d).getTime()}`;
    const likelihood = level(key.l);
    const impact = level(key.i);
    for (let k = 0; k < n; k++) {
      items.push({
        // Stands for one item in the group; threshold triggers look up the real items when they fire.
        id: `${base}#${k}`,
        source: key.s,
        sentiment: key.m,
        receivedAt: new Date(key.d),
        ...(key.o ? { outcome: key.o } : {}),
        ...(likelihood ? { likelihood } : {}),
        ...(impact ? { impact } : {}),
      });
    }
    byProvider.set(providerId, items);
  }
  return byProvider;
}

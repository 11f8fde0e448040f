import type { Sentiment } from '../vocabulary.js';
import { concernBandFor, isLevel } from './concernScore.js';
import { countedSource, KEY_QUESTION_NAMES, plural, RESTRICTION_LABELS, withinPhrase } from './labels.js';
import { KEY_QUESTIONS, type RestrictionKind, type RiskConfig, type RiskSource } from './riskConfig.js';
import { ageInDays, cqcRatingKey, decayFactor, isExcluded, type CqcRatings, type IntelligenceItem } from './signals.js';

// The automatic Risk Matrix score (003 §11.1). It is advice only: the meeting decides the rating (000).
//
// score = max(0, sum of signal points) x exposure multiplier, rounded to 1 decimal place.
// Adverse items only ever add and positive items only ever subtract, the floor is applied once
// at the end and the multiplier is at least 1 and does not depend on intelligence, so adding
// adverse intelligence never lowers the score and adding positive intelligence never raises it.

export type { CqcRatings, IntelligenceItem } from './signals.js';

export interface RiskInput {
  intelligence: readonly IntelligenceItem[];
  cqc?: CqcRatings | undefined;
  /** Restrictions in force now; each kind counts once. */
  restrictions?: readonly RestrictionKind[] | undefined;
  /** Improvement-plan actions past their target date. */
  overdueActions?: number | undefined;
  /** Hours a week this council commissions from the service. */
  hoursCommissioned?: number | undefined;
}

export type DriverKind = 'intelligence' | 'cqc' | 'restriction' | 'overdue-actions' | 'exposure';

export interface RiskDriver {
  kind: DriverKind;
  /** Plain English, for example "2 adverse safeguarding concerns in the last 90 days". */
  label: string;
  /** Points to 1 decimal place; negative for good news. */
  points: number;
}

export interface RiskResult {
  score: number;
  /** A name from config.scale, for example 'Amber'. */
  rating: string;
  /** Every signal that moved the score, largest first. Show the top few. */
  drivers: RiskDriver[];
  /** Items kept on record but left out of the score (provider not liable). */
  excludedItemIds: string[];
  /** 1 or more; already applied to the score. */
  exposureMultiplier: number;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** min(max, 1 + factor x log10(1 + hours / referenceHours)): grows slowly with exposure and is capped. */
export function exposureMultiplier(hours: number | undefined, config: RiskConfig): number {
  const h = typeof hours === 'number' && Number.isFinite(hours) && hours > 0 ? hours : 0;
  const { referenceHours, factor, maxMultiplier } = config.exposure;
  return Math.max(1, Math.min(maxMultiplier, 1 + factor * Math.log10(1 + h / referenceHours)));
}

/** The score's rating: the band with the highest minScore at or below the score. */
export function ratingForScore(score: number, config: RiskConfig): string {
  let best = config.bands.find((b) => b.minScore === 0)!;
  for (const band of config.bands) if (band.minScore <= score && band.minScore > best.minScore) best = band;
  return best.rating;
}

/** Points for one item before its sign: weight x recency x (adverse only) outcome and concern severity. */
function itemPoints(item: IntelligenceItem, config: RiskConfig, now: Date): number {
  // Data from storage may hold a source this config does not know: count it as 0, not NaN.
  const weight = (config.weights[item.sentiment]?.[item.source] ?? 0) * decayFactor(item.receivedAt, now, config);
  if (item.sentiment === 'positive') return weight;
  const outcome = item.outcome && item.outcome !== 'not-liable' ? config.outcomeMultipliers[item.outcome] : 1;
  const severity =
    isLevel(item.likelihood) && isLevel(item.impact)
      ? concernBandFor(item.likelihood * item.impact, config).weightMultiplier
      : 1;
  return weight * outcome * severity;
}

function intelligenceDrivers(items: readonly IntelligenceItem[], config: RiskConfig, now: Date): RiskDriver[] {
  const groups = new Map<string, { source: RiskSource; sentiment: Sentiment; count: number; oldest: number; points: number }>();
  for (const item of items) {
    const key = `${item.sentiment}:${item.source}`;
    const group = groups.get(key) ?? { source: item.source, sentiment: item.sentiment, count: 0, oldest: 0, points: 0 };
    const points = itemPoints(item, config, now);
    group.count += 1;
    group.oldest = Math.max(group.oldest, ageInDays(item.receivedAt, now));
    group.points += item.sentiment === 'adverse' ? points : -points;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    kind: 'intelligence' as const,
    label: `${countedSource(g.count, g.source, g.sentiment)} ${withinPhrase(g.oldest)}`,
    points: g.points,
  }));
}

function cqcDrivers(cqc: CqcRatings, config: RiskConfig): RiskDriver[] {
  const drivers: RiskDriver[] = [];
  const overall = cqcRatingKey(cqc.overall);
  drivers.push({
    kind: 'cqc',
    label: overall === 'unrated' ? 'No published CQC rating' : `CQC rated the service as ${overall.toLowerCase()} overall`,
    points: config.cqc.overall[overall],
  });
  for (const question of KEY_QUESTIONS) {
    const rating = cqcRatingKey(cqc[question]);
    if (rating === 'unrated') continue;
    drivers.push({
      kind: 'cqc',
      label: `CQC rated ${KEY_QUESTION_NAMES[question]} as ${rating.toLowerCase()}`,
      points: config.cqc.keyQuestions[question][rating],
    });
  }
  return drivers;
}

export function computeRisk(input: RiskInput, config: RiskConfig, now: Date): RiskResult {
  const counted = input.intelligence.filter((item) => !isExcluded(item));
  const overdue = Math.max(0, Math.floor(input.overdueActions ?? 0));
  const signals: RiskDriver[] = [
    ...intelligenceDrivers(counted, config, now),
    ...cqcDrivers(input.cqc ?? {}, config),
    ...[...new Set(input.restrictions ?? [])].map((kind) => ({
      kind: 'restriction' as const,
      label: RESTRICTION_LABELS[kind],
      points: config.restrictions[kind],
    })),
  ];
  if (overdue > 0) {
    signals.push({
      kind: 'overdue-actions',
      label: `${plural(overdue, 'improvement action', 'improvement actions')} overdue`,
      points: Math.min(config.overdueActions.maxPoints, overdue * config.overdueActions.pointsEach),
    });
  }

  // Floor once, at the end, so good news can cancel bad news but never push the score below 0.
  const floored = Math.max(0, signals.reduce((sum, s) => sum + s.points, 0));
  const multiplier = exposureMultiplier(input.hoursCommissioned, config);
  const total = floored * multiplier;
  if (total > floored) {
    signals.push({
      kind: 'exposure',
      label: `${round1(input.hoursCommissioned ?? 0)} commissioned hours a week (score x ${Math.round(multiplier * 100) / 100})`,
      points: total - floored,
    });
  }

  const score = round1(total);
  const drivers = signals
    .filter((s) => round1(s.points) !== 0)
    .sort((a, b) => b.points - a.points || a.label.localeCompare(b.label))
    .map((s) => ({ ...s, points: round1(s.points) }));
  return {
    score,
    rating: ratingForScore(score, config),
    drivers,
    excludedItemIds: input.intelligence.filter(isExcluded).map((item) => item.id),
    exposureMultiplier: multiplier,
  };
}

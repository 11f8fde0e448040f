import type { Sentiment } from '../vocabulary.js';
import type { CqcRatingKey, KeyQuestion, RiskConfig, RiskSource } from './riskConfig.js';

// The facts the Risk Matrix reads, shared by the score and the threshold triggers.

export type Level = 1 | 2 | 3 | 4;
export type IntelligenceOutcome = 'not-liable' | 'upheld' | 'partly-upheld' | 'pending';

export interface IntelligenceItem {
  id: string;
  source: RiskSource;
  sentiment: Sentiment;
  receivedAt: Date;
  outcome?: IntelligenceOutcome | undefined;
  /** 1 Unlikely to 4 Almost certain (004 Appendix H). */
  likelihood?: Level | undefined;
  /** 1 Insignificant to 4 Major (004 Appendix H). */
  impact?: Level | undefined;
}

/** CQC strings as published ('Inadequate', 'Requires improvement', 'Good', 'Outstanding', 'No published rating'). */
export type CqcRatings = Partial<Record<'overall' | KeyQuestion, string | null | undefined>>;

export const DAY_MS = 86_400_000;

/** 003 §11.1: a concern the provider was in no way liable for is taken out of the matrix (kept, never deleted). */
export function isExcluded(item: IntelligenceItem): boolean {
  return item.outcome === 'not-liable';
}

/** Age in days. An item dated in the future, or with a broken date, counts as received now (in full). */
export function ageInDays(receivedAt: Date, now: Date): number {
  const days = (now.getTime() - receivedAt.getTime()) / DAY_MS;
  return Number.isFinite(days) ? Math.max(0, days) : 0;
}

/** Halves an item's weight every halfLifeDays, so recent intelligence counts most. */
export function decayFactor(receivedAt: Date, now: Date, config: RiskConfig): number {
  return 0.5 ** (ageInDays(receivedAt, now) / config.decay.halfLifeDays);
}

/** Unknown or missing CQC strings (for example 'No published rating') count as unrated. */
export function cqcRatingKey(rating: string | null | undefined): CqcRatingKey {
  const text = (rating ?? '').trim().toLowerCase();
  if (text === 'inadequate') return 'Inadequate';
  if (text === 'requires improvement') return 'Requires improvement';
  if (text === 'good') return 'Good';
  if (text === 'outstanding') return 'Outstanding';
  return 'unrated';
}

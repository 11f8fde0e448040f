import { defaultRiskConfig, type RiskConfig } from './riskConfig.js';
import type { Level } from './signals.js';

// Per-concern score from 004 Appendix H: likelihood (1-4) x impact (1-4) = 1-16.
// The seed gives the grid but not the colours, so the bands come from config.concernBands.

export const LIKELIHOOD_LABELS: Record<Level, string> = { 1: 'Unlikely', 2: 'Possible', 3: 'Likely', 4: 'Almost certain' };
export const IMPACT_LABELS: Record<Level, string> = { 1: 'Insignificant', 2: 'Minor', 3: 'Moderate', 4: 'Major' };

export type ConcernBand = RiskConfig['concernBands'][number];

export interface ConcernScore {
  /** 1 to 16. */
  score: number;
  /** Colour from config.concernBands, for example 'Red'. */
  band: string;
}

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The band with the highest minScore at or below the score. Config always has a band at 1. */
export function concernBandFor(score: number, config: RiskConfig = defaultRiskConfig): ConcernBand {
  let best: ConcernBand | undefined;
  for (const band of config.concernBands) {
    if (band.minScore <= score && (!best || band.minScore > best.minScore)) best = band;
  }
  return best ?? config.concernBands[0]!;
}

/** Throws a RangeError if either value is not a whole number from 1 to 4. */
export function concernScore(likelihood: number, impact: number, config: RiskConfig = defaultRiskConfig): ConcernScore {
  if (!isLevel(likelihood)) throw new RangeError(`Likelihood must be a whole number from 1 to 4, not ${likelihood}`);
  if (!isLevel(impact)) throw new RangeError(`Impact must be a whole number from 1 to 4, not ${impact}`);
  const score = likelihood * impact;
  return { score, band: concernBandFor(score, config).band };
}

// The Risk Matrix domain core: pure functions, no I/O. See docs/risk-matrix.md.
export * from './riskConfig.js';
export * from './signals.js';
export * from './concernScore.js';
export {
  computeRisk,
  exposureMultiplier,
  ratingForScore,
  type DriverKind,
  type RiskDriver,
  type RiskInput,
  type RiskResult,
} from './computeRisk.js';
export * from './restrictionCriteria.js';
export * from './thresholds.js';
export * from './bandCrossing.js';

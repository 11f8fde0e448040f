// Risk Matrix use-cases: recompute, alerts, decided ratings, review triggers, the matrix list.
export { loadRiskConfig, riskConfig, setRiskConfig, RiskConfigError } from './settings.js';
export { recomputeProvider, recomputeAll, settlePendingBands, type RecomputeStats } from './recompute.js';
export { intelligenceItemsByProvider, countingSince, HORIZON_HALF_LIVES } from './intelligenceCounts.js';
export { openRatingForm, setDecidedRating, type SetRatingResult } from './decidedRating.js';
export { openReview, dismissReview, reviewTriggerCard, raiseReviewTriggers, mayReview, REVIEW_ROLES } from './reviewTriggers.js';
export { ratingFormFor, submitRating, reviewOpen, reviewDismiss, RATING_NOT_PERMITTED, REVIEW_NOT_PERMITTED } from './riskActions.js';
export { matrixView, matrixExport, matrixCsv, ratingOnScale, parseExportValue, type MatrixFilter } from './matrix.js';
export { riskPanel, withRiskPanel } from './providerRisk.js';
export { setOverdueActionCounter } from './overdueActions.js';
export { recomputeAfterIntelligence } from './hooks.js';

import { KEY_QUESTION_NAMES, plural } from './labels.js';
import { defaultRiskConfig, KEY_QUESTIONS, type RiskConfig } from './riskConfig.js';
import { cqcRatingKey, type CqcRatings } from './signals.js';

// West Berkshire's usual criteria for an Embargo (003 §16.2) and Place with Caution (§16.3).
// The bot only suggests: a named person decides (003 §18; UK GDPR Article 22).

export interface RestrictionFacts {
  cqc?: CqcRatings | undefined;
  /** The provider's Risk Matrix rating (computed or decided), a name from config.scale. */
  matrixRating?: string | undefined;
  /** 'suspected' counts for an embargo (§16.2); 'under-investigation' for place with caution (§16.3). */
  organisationalSafeguarding?: 'suspected' | 'under-investigation' | undefined;
  /** Reviews at which the provider failed to meet most of its improvement plan. */
  improvementPlanFailedReviews?: number | undefined;
  defaultNoticeIssued?: boolean | undefined;
  /** Currently embargoed but improved enough that an embargo is no longer appropriate. */
  improvedFromEmbargo?: boolean | undefined;
  /** The service is outside this council's area. Host council criteria apply only then. */
  outOfArea?: boolean | undefined;
  /** What the council where the service is based has done. */
  hostCouncil?: 'embargo' | 'red' | 'place-with-caution' | 'amber' | undefined;
  /** Whether this council is satisfied with the host council's reasons. Unknown still suggests. */
  hostCouncilReasonsAccepted?: boolean | undefined;
}

export interface RestrictionCriteria {
  /** Plain-English reasons, each citing its section. Empty means no criteria met. */
  embargo: string[];
  placeWithCaution: string[];
}

/** True if the rating is the named one or more severe on the configured scale. */
function atLeast(rating: string | undefined, threshold: string, config: RiskConfig): boolean {
  const names = config.scale.map((r) => r.name.toLowerCase());
  const at = names.indexOf((rating ?? '').toLowerCase());
  const limit = names.indexOf(threshold.toLowerCase());
  return at !== -1 && limit !== -1 && at <= limit;
}

export function restrictionCriteriaMet(facts: RestrictionFacts, config: RiskConfig = defaultRiskConfig): RestrictionCriteria {
  const cqc = facts.cqc ?? {};
  const questions = KEY_QUESTIONS.map((q) => ({ q, rating: cqcRatingKey(cqc[q]) }));
  const inadequate = questions.filter((x) => x.rating === 'Inadequate').length;
  const requiresImprovement = questions.filter((x) => x.rating === 'Requires improvement').length;
  const failedReviews = Math.max(0, facts.improvementPlanFailedReviews ?? 0);
  const host = facts.outOfArea && facts.hostCouncilReasonsAccepted !== false ? facts.hostCouncil : undefined;
  const matrix = facts.matrixRating;

  const embargo: string[] = [];
  if (facts.defaultNoticeIssued) embargo.push('Default notice issued (16.2)');
  if (cqcRatingKey(cqc.safe) === 'Inadequate') embargo.push('CQC rated Safe as inadequate (16.2)');
  if (inadequate >= 3) embargo.push(`CQC rated ${inadequate} key questions as inadequate (16.2)`);
  if (facts.organisationalSafeguarding === 'suspected') embargo.push('Organisational safeguarding suspected (16.2)');
  if (failedReviews > 3) embargo.push(`Most of the improvement plan not met at ${failedReviews} reviews (16.2)`);
  if (host === 'embargo' || host === 'red') embargo.push('Host council has an embargo or red rating (16.2)');
  // Red or amber on the matrix adds weight only when another embargo criterion applies.
  if (embargo.length > 0 && atLeast(matrix, 'Amber', config)) {
    embargo.push(`Rated ${matrix} on the Risk Matrix, with other embargo criteria met (16.2)`);
  }

  const caution: string[] = [];
  if (facts.improvedFromEmbargo) caution.push('Improved enough that an embargo is no longer needed (16.3)');
  if (requiresImprovement >= 3) {
    caution.push(`CQC rated ${requiresImprovement} key questions as requires improvement (16.3)`);
  }
  if (inadequate >= 1) {
    const names = questions.filter((x) => x.rating === 'Inadequate').map((x) => KEY_QUESTION_NAMES[x.q]);
    caution.push(`CQC rated ${plural(inadequate, 'key question', 'key questions')} as inadequate: ${names.join(', ')} (16.3)`);
  } else if (cqcRatingKey(cqc.overall) === 'Inadequate') {
    caution.push('CQC rated the service as inadequate overall (16.3)');
  }
  const red = atLeast(matrix, 'Red', config);
  if (red) caution.push(`Rated ${matrix} on the Risk Matrix (16.3)`);
  if (host === 'place-with-caution' || host === 'amber') caution.push('Host council has a place with caution or amber rating (16.3)');
  if (facts.organisationalSafeguarding === 'under-investigation') caution.push('Organisational safeguarding under investigation (16.3)');
  if (failedReviews >= 1) caution.push('Improvement plan requirements not met (16.3)');
  if (!red && caution.length > 0 && atLeast(matrix, 'Amber', config)) {
    caution.push(`Rated ${matrix} on the Risk Matrix, with other caution criteria met (16.3)`);
  }

  return { embargo, placeWithCaution: caution };
}

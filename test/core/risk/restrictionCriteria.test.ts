import { describe, expect, it } from 'vitest';
import { parseRiskConfig } from '../../../src/core/risk/riskConfig.js';
import { restrictionCriteriaMet } from '../../../src/core/risk/restrictionCriteria.js';

const good = { overall: 'Good', safe: 'Good', effective: 'Good', caring: 'Good', responsive: 'Good', wellLed: 'Good' };

describe('restrictionCriteriaMet', () => {
  it('finds nothing for a good provider rated Green', () => {
    expect(restrictionCriteriaMet({ cqc: good, matrixRating: 'Green' })).toEqual({ embargo: [], placeWithCaution: [] });
  });

  it('suggests an embargo when CQC rates Safe as inadequate (16.2), and caution for any inadequate (16.3)', () => {
    expect(restrictionCriteriaMet({ cqc: { ...good, safe: 'Inadequate' } })).toEqual({
      embargo: ['CQC rated Safe as inadequate (16.2)'],
      placeWithCaution: ['CQC rated 1 key question as inadequate: Safe (16.3)'],
    });
  });

  it('suggests an embargo for 3 or more inadequate key questions', () => {
    const result = restrictionCriteriaMet({
      cqc: { ...good, effective: 'Inadequate', caring: 'Inadequate', wellLed: 'Inadequate' },
    });
    expect(result.embargo).toEqual(['CQC rated 3 key questions as inadequate (16.2)']);
    expect(result.placeWithCaution).toEqual(['CQC rated 3 key questions as inadequate: Effective, Caring, Well-led (16.3)']);
  });

  it('suggests caution for 3 or more requires improvement, but not for 2', () => {
    const two = { ...good, safe: 'Requires improvement', effective: 'Requires improvement' };
    expect(restrictionCriteriaMet({ cqc: two }).placeWithCaution).toEqual([]);
    expect(restrictionCriteriaMet({ cqc: { ...two, caring: 'Requires improvement' } }).placeWithCaution).toEqual([
      'CQC rated 3 key questions as requires improvement (16.3)',
    ]);
  });

  it('uses an inadequate overall rating when no key question is inadequate', () => {
    expect(restrictionCriteriaMet({ cqc: { overall: 'Inadequate' } }).placeWithCaution).toEqual([
      'CQC rated the service as inadequate overall (16.3)',
    ]);
  });

  it('treats Red or worse on the matrix as a caution criterion (16.3)', () => {
    expect(restrictionCriteriaMet({ matrixRating: 'Red' }).placeWithCaution).toEqual(['Rated Red on the Risk Matrix (16.3)']);
    expect(restrictionCriteriaMet({ matrixRating: 'Blue' }).placeWithCaution).toEqual(['Rated Blue on the Risk Matrix (16.3)']);
    expect(restrictionCriteriaMet({ matrixRating: 'Amber' })).toEqual({ embargo: [], placeWithCaution: [] });
  });

  it('reads "Red or worse" from the configured scale', () => {
    const config = parseRiskConfig({ preset: 'red-amber-yellow-green' });
    expect(restrictionCriteriaMet({ matrixRating: 'Red' }, config).placeWithCaution).toEqual(['Rated Red on the Risk Matrix (16.3)']);
    expect(restrictionCriteriaMet({ matrixRating: 'Yellow' }, config).placeWithCaution).toEqual([]);
  });

  it('adds Red or Amber on the matrix only alongside other criteria', () => {
    expect(restrictionCriteriaMet({ matrixRating: 'Amber', defaultNoticeIssued: true }).embargo).toEqual([
      'Default notice issued (16.2)',
      'Rated Amber on the Risk Matrix, with other embargo criteria met (16.2)',
    ]);
    expect(restrictionCriteriaMet({ matrixRating: 'Amber', improvementPlanFailedReviews: 1 }).placeWithCaution).toEqual([
      'Improvement plan requirements not met (16.3)',
      'Rated Amber on the Risk Matrix, with other caution criteria met (16.3)',
    ]);
  });

  it('separates organisational safeguarding suspected (embargo) from under investigation (caution)', () => {
    expect(restrictionCriteriaMet({ organisationalSafeguarding: 'suspected' })).toEqual({
      embargo: ['Organisational safeguarding suspected (16.2)'],
      placeWithCaution: [],
    });
    expect(restrictionCriteriaMet({ organisationalSafeguarding: 'under-investigation' })).toEqual({
      embargo: [],
      placeWithCaution: ['Organisational safeguarding under investigation (16.3)'],
    });
  });

  it('needs more than 3 failed reviews for an embargo', () => {
    expect(restrictionCriteriaMet({ improvementPlanFailedReviews: 3 }).embargo).toEqual([]);
    expect(restrictionCriteriaMet({ improvementPlanFailedReviews: 4 })).toEqual({
      embargo: ['Most of the improvement plan not met at 4 reviews (16.2)'],
      placeWithCaution: ['Improvement plan requirements not met (16.3)'],
    });
  });

  it('follows the host council only for out-of-area providers whose reasons are not rejected', () => {
    expect(restrictionCriteriaMet({ outOfArea: true, hostCouncil: 'embargo' }).embargo).toEqual([
      'Host council has an embargo or red rating (16.2)',
    ]);
    expect(restrictionCriteriaMet({ outOfArea: true, hostCouncil: 'amber' }).placeWithCaution).toEqual([
      'Host council has a place with caution or amber rating (16.3)',
    ]);
    expect(restrictionCriteriaMet({ outOfArea: false, hostCouncil: 'embargo' }).embargo).toEqual([]);
    expect(restrictionCriteriaMet({ outOfArea: true, hostCouncil: 'red', hostCouncilReasonsAccepted: false }).embargo).toEqual([]);
  });

  it('suggests caution when a provider has improved from an embargo', () => {
    expect(restrictionCriteriaMet({ improvedFromEmbargo: true }).placeWithCaution).toEqual([
      'Improved enough that an embargo is no longer needed (16.3)',
    ]);
  });
});

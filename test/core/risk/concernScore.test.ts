import { describe, expect, it } from 'vitest';
import { concernScore, IMPACT_LABELS, LIKELIHOOD_LABELS } from '../../../src/core/risk/concernScore.js';
import { parseRiskConfig } from '../../../src/core/risk/riskConfig.js';

describe('concernScore', () => {
  it('matches the 004 Appendix H grid and the default colour bands', () => {
    // Rows: likelihood 4 (Almost certain) down to 1 (Unlikely); columns: impact 1 to 4.
    const grid = [4, 3, 2, 1].map((l) => [1, 2, 3, 4].map((i) => concernScore(l, i)));
    expect(grid.map((row) => row.map((c) => c.score))).toEqual([
      [4, 8, 12, 16],
      [3, 6, 9, 12],
      [2, 4, 6, 8],
      [1, 2, 3, 4],
    ]);
    expect(grid.map((row) => row.map((c) => c.band))).toEqual([
      ['Yellow', 'Amber', 'Red', 'Red'],
      ['Green', 'Yellow', 'Amber', 'Red'],
      ['Green', 'Yellow', 'Yellow', 'Amber'],
      ['Green', 'Green', 'Green', 'Yellow'],
    ]);
  });

  it('has the labels from the seed', () => {
    expect(Object.values(LIKELIHOOD_LABELS)).toEqual(['Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(Object.values(IMPACT_LABELS)).toEqual(['Insignificant', 'Minor', 'Moderate', 'Major']);
  });

  it('uses configured bands', () => {
    const config = parseRiskConfig({
      concernBands: [
        { minScore: 9, band: 'Red' },
        { minScore: 1, band: 'Green' },
      ],
    });
    expect(concernScore(3, 3, config)).toEqual({ score: 9, band: 'Red' });
    expect(concernScore(2, 4, config)).toEqual({ score: 8, band: 'Green' });
  });

  it.each([
    [0, 1],
    [5, 1],
    [2.5, 2],
    [1, Number.NaN],
  ])('refuses likelihood %s and impact %s', (l, i) => {
    expect(() => concernScore(l, i)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { computeRisk, exposureMultiplier, ratingForScore } from '../../../src/core/risk/computeRisk.js';
import { defaultRiskConfig, parseRiskConfig } from '../../../src/core/risk/riskConfig.js';
import { NOW, workedExample } from './workedExample.js';

const config = defaultRiskConfig;

describe('computeRisk: worked example in docs/risk-matrix.md', () => {
  const result = computeRisk(workedExample, config, NOW);

  it('scores 35.9, rated Red', () => {
    expect(result.score).toBe(35.9);
    expect(result.rating).toBe('Red');
    expect(result.exposureMultiplier).toBe(1.25);
  });

  it('lists the drivers, largest first', () => {
    expect(result.drivers).toEqual([
      { kind: 'cqc', label: 'CQC rated the service as requires improvement overall', points: 8 },
      { kind: 'exposure', label: '90 commissioned hours a week (score x 1.25)', points: 7.2 },
      { kind: 'intelligence', label: '2 adverse safeguarding concerns in the last 90 days', points: 6 },
      { kind: 'intelligence', label: '1 CQ1 concern report in the last 30 days', points: 4 },
      { kind: 'overdue-actions', label: '2 improvement actions overdue', points: 4 },
      { kind: 'cqc', label: 'CQC rated Safe as requires improvement', points: 4 },
      { kind: 'cqc', label: 'CQC rated Well-led as requires improvement', points: 3 },
      { kind: 'intelligence', label: '1 complaint in the last 180 days', points: 0.8 },
      { kind: 'intelligence', label: '1 compliment in the last 30 days', points: -1 },
    ]);
  });

  it('leaves out the CQ1 the provider was not liable for, but reports it', () => {
    expect(result.excludedItemIds).toEqual(['cq1-2']);
    const withoutIt = computeRisk(
      { ...workedExample, intelligence: workedExample.intelligence.filter((i) => i.id !== 'cq1-2') },
      config,
      NOW,
    );
    expect(withoutIt.score).toBe(result.score);
    expect(withoutIt.excludedItemIds).toEqual([]);
  });
});

describe('computeRisk', () => {
  it('gives an empty record the unrated CQC points only, rated Green', () => {
    const result = computeRisk({ intelligence: [] }, config, NOW);
    expect(result).toEqual({
      score: 2,
      rating: 'Green',
      drivers: [{ kind: 'cqc', label: 'No published CQC rating', points: 2 }],
      excludedItemIds: [],
      exposureMultiplier: 1,
    });
  });

  it('never goes below 0 however much good news there is', () => {
    const praise = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      source: 'compliment' as const,
      sentiment: 'positive' as const,
      receivedAt: NOW,
    }));
    const result = computeRisk({ intelligence: praise, cqc: { overall: 'Good' } }, config, NOW);
    expect(result.score).toBe(0);
    expect(result.rating).toBe('Green');
  });

  it('counts each restriction kind once', () => {
    const result = computeRisk(
      { intelligence: [], cqc: { overall: 'Good' }, restrictions: ['embargo', 'embargo', 'default-notice'] },
      config,
      NOW,
    );
    expect(result.score).toBe(50);
    expect(result.rating).toBe('Blue');
  });

  it('caps overdue action points', () => {
    const result = computeRisk({ intelligence: [], cqc: { overall: 'Good' }, overdueActions: 40 }, config, NOW);
    expect(result.score).toBe(10);
  });

  it('treats CQC strings it does not know as unrated', () => {
    const result = computeRisk(
      { intelligence: [], cqc: { overall: 'Insufficient evidence to rate', safe: 'No published rating' } },
      config,
      NOW,
    );
    expect(result.score).toBe(2);
  });

  it('halves an item every half-life', () => {
    const at = (days: number) =>
      computeRisk(
        {
          intelligence: [
            { id: 'a', source: 'safeguarding', sentiment: 'adverse', receivedAt: new Date(NOW.getTime() - days * 86_400_000) },
          ],
          cqc: { overall: 'Good' },
        },
        config,
        NOW,
      ).score;
    expect([at(0), at(90), at(180), at(270)]).toEqual([4, 2, 1, 0.5]);
  });

  it('uses the 004 scale when that preset is chosen', () => {
    const yellow = parseRiskConfig({ preset: 'red-amber-yellow-green' });
    expect(computeRisk({ intelligence: [], cqc: { overall: 'Requires improvement', safe: 'Requires improvement' } }, yellow, NOW).rating).toBe('Yellow');
  });
});

describe('exposureMultiplier', () => {
  it('is 1 with no hours and grows slowly up to the cap', () => {
    expect(exposureMultiplier(undefined, config)).toBe(1);
    expect(exposureMultiplier(0, config)).toBe(1);
    expect(exposureMultiplier(-5, config)).toBe(1);
    expect(exposureMultiplier(90, config)).toBe(1.25);
    expect(exposureMultiplier(990, config)).toBe(1.5);
    expect(exposureMultiplier(100_000, config)).toBe(1.5);
  });
});

describe('ratingForScore', () => {
  it('uses the band with the highest minScore at or below the score', () => {
    expect([0, 9.9, 10, 24.9, 25, 44.9, 45, 500].map((s) => ratingForScore(s, config))).toEqual([
      'Green',
      'Green',
      'Amber',
      'Amber',
      'Red',
      'Red',
      'Blue',
      'Blue',
    ]);
  });
});

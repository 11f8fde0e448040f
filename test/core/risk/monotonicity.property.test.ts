import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRisk, type RiskInput } from '../../../src/core/risk/computeRisk.js';
import { CQC_RATING_KEYS, defaultRiskConfig, parseRiskConfig, RESTRICTION_KINDS, RISK_SOURCES } from '../../../src/core/risk/riskConfig.js';
import type { IntelligenceItem } from '../../../src/core/risk/signals.js';

const NOW = new Date('2025-06-30T12:00:00Z');
const level = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);

const item = (sentiment?: 'adverse' | 'positive'): fc.Arbitrary<IntelligenceItem> =>
  fc.record(
    {
      id: fc.uuid(),
      source: fc.constantFrom(...RISK_SOURCES),
      sentiment: sentiment ? fc.constant(sentiment) : fc.constantFrom('adverse' as const, 'positive' as const),
      // Up to three years old, or a little in the future (clock skew).
      receivedAt: fc.integer({ min: -2 * 86_400_000, max: 3 * 365 * 86_400_000 }).map((ms) => new Date(NOW.getTime() - ms)),
      outcome: fc.constantFrom('not-liable' as const, 'upheld' as const, 'partly-upheld' as const, 'pending' as const),
      likelihood: level,
      impact: level,
    },
    { requiredKeys: ['id', 'source', 'sentiment', 'receivedAt'] },
  );

const cqcValue = fc.option(fc.constantFrom(...CQC_RATING_KEYS, 'No published rating'), { nil: undefined });
const input: fc.Arbitrary<RiskInput> = fc.record({
  intelligence: fc.array(item(), { maxLength: 25 }),
  cqc: fc.record({
    overall: cqcValue,
    safe: cqcValue,
    effective: cqcValue,
    caring: cqcValue,
    responsive: cqcValue,
    wellLed: cqcValue,
  }),
  restrictions: fc.subarray([...RESTRICTION_KINDS]),
  overdueActions: fc.integer({ min: 0, max: 12 }),
  hoursCommissioned: fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: undefined }),
});

// Also try a config where good news outweighs everything, so the floor at 0 is exercised.
const configs = [
  defaultRiskConfig,
  parseRiskConfig({ weights: { positive: { compliment: 40, feedback: 25 } }, decay: { halfLifeDays: 7 } }),
];

// Insert at any position: order must not matter either.
const withItem = (base: RiskInput, extra: IntelligenceItem, at: number): RiskInput => {
  const list = [...base.intelligence];
  list.splice(at % (list.length + 1), 0, extra);
  return { ...base, intelligence: list };
};

describe('score monotonicity', () => {
  it.each(configs.map((c, i) => [i, c] as const))('adding adverse intelligence never lowers the score (config %i)', (_, config) => {
    fc.assert(
      fc.property(input, item('adverse'), fc.nat(), (base, extra, at) => {
        const before = computeRisk(base, config, NOW).score;
        const after = computeRisk(withItem(base, extra, at), config, NOW).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it.each(configs.map((c, i) => [i, c] as const))('adding positive intelligence never raises the score (config %i)', (_, config) => {
    fc.assert(
      fc.property(input, item('positive'), fc.nat(), (base, extra, at) => {
        const before = computeRisk(base, config, NOW).score;
        const after = computeRisk(withItem(base, extra, at), config, NOW).score;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('score is never negative and always has a rating on the scale', () => {
    const names = defaultRiskConfig.scale.map((r) => r.name);
    fc.assert(
      fc.property(input, (base) => {
        const result = computeRisk(base, defaultRiskConfig, NOW);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(names).toContain(result.rating);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { defaultRiskConfig, parseRiskConfig, RISK_SOURCES } from '../../../src/core/risk/riskConfig.js';

describe('defaultRiskConfig', () => {
  it('uses the Blue/Red/Amber/Green scale from 000, most severe first', () => {
    expect(defaultRiskConfig.scale.map((r) => r.name)).toEqual(['Blue', 'Red', 'Amber', 'Green']);
  });

  it('has a weight for every source, adverse and positive', () => {
    for (const source of RISK_SOURCES) {
      expect(defaultRiskConfig.weights.adverse[source]).toBeGreaterThanOrEqual(0);
      expect(defaultRiskConfig.weights.positive[source]).toBeGreaterThanOrEqual(0);
    }
  });

  it('has the default triggers: 3 adverse items in 90 days, 2 safeguarding concerns in 30 days', () => {
    expect(defaultRiskConfig.triggers).toEqual([
      { id: 'adverse-items', sources: [], count: 3, withinDays: 90 },
      { id: 'safeguarding', sources: ['safeguarding'], count: 2, withinDays: 30 },
    ]);
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (defaultRiskConfig.weights.adverse as Record<string, number>).safeguarding = 99;
    }).toThrow(TypeError);
  });
});

describe('parseRiskConfig', () => {
  it('fills in everything a council file leaves out', () => {
    const config = parseRiskConfig({ weights: { adverse: { safeguarding: 6 } }, decay: { halfLifeDays: 30 } });
    expect(config.weights.adverse.safeguarding).toBe(6);
    expect(config.weights.adverse.complaint).toBe(defaultRiskConfig.weights.adverse.complaint);
    expect(config.decay.halfLifeDays).toBe(30);
    expect(config.bands).toEqual(defaultRiskConfig.bands);
  });

  it('offers the Red/Amber/Yellow/Green scale from 004 as a preset', () => {
    const config = parseRiskConfig({ preset: 'red-amber-yellow-green' });
    expect(config.scale.map((r) => r.name)).toEqual(['Red', 'Amber', 'Yellow', 'Green']);
    expect(config.bands.map((b) => b.rating)).toEqual(['Red', 'Amber', 'Yellow', 'Green']);
  });

  it.each([
    [{ bands: [{ minScore: 0, rating: 'Green' }, { minScore: '10', rating: 'Amber' }] }, 'RISK_CONFIG: bands.1.minScore: expected number'],
    [{ weigths: {} }, 'RISK_CONFIG: weigths: unknown key'],
    [{ weights: { adverse: { safeguarding: -1 } } }, 'RISK_CONFIG: weights.adverse.safeguarding: too small'],
    [{ decay: { halfLifeDays: 'ninety' } }, 'RISK_CONFIG: decay.halfLifeDays: expected number'],
    [{ cqc: { keyQuestions: { safe: { Inadequate: null } } } }, 'RISK_CONFIG: cqc.keyQuestions.safe.Inadequate: expected number'],
    [{ preset: 'traffic-lights' }, 'RISK_CONFIG: preset: invalid option'],
    [{ bands: [{ minScore: 0, rating: 'Green' }, { minScore: 10, rating: 'Purple' }] }, 'RISK_CONFIG: bands.1.rating: "Purple" is not on the scale'],
    [{ bands: [{ minScore: 5, rating: 'Green' }] }, 'RISK_CONFIG: bands: needs a band with minScore 0'],
    [{ bands: [{ minScore: 0, rating: 'Blue' }, { minScore: 10, rating: 'Green' }] }, 'RISK_CONFIG: bands.1.rating: a higher minScore must not give a less severe rating'],
    [{ triggers: [{ id: 'x', count: 0, withinDays: 30 }] }, 'RISK_CONFIG: triggers.0.count: too small'],
    [{ triggers: [{ id: 'x', sources: ['gossip'], count: 2, withinDays: 30 }] }, 'RISK_CONFIG: triggers.0.sources.0: invalid option'],
    [{ concernBands: [{ minScore: 17, band: 'Red' }] }, 'RISK_CONFIG: concernBands.0.minScore: too big'],
    [{ exposure: { maxMultiplier: 0.5 } }, 'RISK_CONFIG: exposure.maxMultiplier: too small'],
    [[], 'RISK_CONFIG: (root): expected object'],
  ])('names the key path: %j', (input, message) => {
    expect(() => parseRiskConfig(input)).toThrow(message);
  });

  it('reports every problem, not just the first', () => {
    expect(() => parseRiskConfig({ decay: { halfLifeDays: 0 }, overdueActions: { pointsEach: 'two' } })).toThrow(
      /decay\.halfLifeDays: .*; overdueActions\.pointsEach: expected number/,
    );
  });
});

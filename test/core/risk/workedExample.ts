import type { RiskInput } from '../../../src/core/risk/computeRisk.js';

// The worked example in docs/risk-matrix.md. Keep the two in step.
export const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

export const workedExample: RiskInput = {
  intelligence: [
    { id: 'sg-1', source: 'safeguarding', sentiment: 'adverse', receivedAt: daysAgo(0) },
    { id: 'sg-2', source: 'safeguarding', sentiment: 'adverse', receivedAt: daysAgo(90) },
    { id: 'cq1-1', source: 'cq1', sentiment: 'adverse', receivedAt: daysAgo(0), likelihood: 3, impact: 4 },
    { id: 'cq1-2', source: 'cq1', sentiment: 'adverse', receivedAt: daysAgo(30), outcome: 'not-liable' },
    { id: 'comp-1', source: 'complaint', sentiment: 'adverse', receivedAt: daysAgo(180), outcome: 'upheld' },
    { id: 'thanks-1', source: 'compliment', sentiment: 'positive', receivedAt: daysAgo(0) },
  ],
  cqc: {
    overall: 'Requires improvement',
    safe: 'Requires improvement',
    effective: 'Good',
    caring: 'Good',
    responsive: 'Good',
    wellLed: 'Requires improvement',
  },
  restrictions: [],
  overdueActions: 2,
  hoursCommissioned: 90,
};

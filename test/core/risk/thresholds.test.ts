import { describe, expect, it } from 'vitest';
import { defaultRiskConfig, parseRiskConfig } from '../../../src/core/risk/riskConfig.js';
import type { IntelligenceItem } from '../../../src/core/risk/signals.js';
import { thresholdTriggers } from '../../../src/core/risk/thresholds.js';

const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const adverse = (id: string, source: IntelligenceItem['source'], days: number, extra: Partial<IntelligenceItem> = {}): IntelligenceItem => ({
  id,
  source,
  sentiment: 'adverse',
  receivedAt: daysAgo(days),
  ...extra,
});

describe('thresholdTriggers', () => {
  it('fires nothing below the thresholds', () => {
    const items = [adverse('a', 'complaint', 10), adverse('b', 'safeguarding', 20)];
    expect(thresholdTriggers(items, defaultRiskConfig, NOW)).toEqual([]);
  });

  it('fires on 3 adverse items in 90 days, listing them oldest first', () => {
    const items = [adverse('c', 'complaint', 1), adverse('a', 'cq1', 90), adverse('b', 'police', 45), adverse('old', 'visit', 91)];
    expect(thresholdTriggers(items, defaultRiskConfig, NOW)).toEqual([
      { id: 'adverse-items', label: '3 adverse items in the last 90 days', count: 3, withinDays: 90, itemIds: ['a', 'b', 'c'] },
    ]);
  });

  it('fires on 2 safeguarding concerns in 30 days', () => {
    const items = [adverse('s1', 'safeguarding', 29), adverse('s2', 'safeguarding', 3)];
    expect(thresholdTriggers(items, defaultRiskConfig, NOW)).toEqual([
      { id: 'safeguarding', label: '2 safeguarding concerns in the last 30 days', count: 2, withinDays: 30, itemIds: ['s1', 's2'] },
    ]);
  });

  it('can fire both triggers at once', () => {
    const items = [adverse('s1', 'safeguarding', 5), adverse('s2', 'safeguarding', 3), adverse('c1', 'complaint', 60)];
    expect(thresholdTriggers(items, defaultRiskConfig, NOW).map((t) => t.id)).toEqual(['adverse-items', 'safeguarding']);
  });

  it('ignores positive items, not-liable items and items dated in the future', () => {
    const items: IntelligenceItem[] = [
      adverse('a', 'complaint', 1),
      adverse('b', 'complaint', 2),
      adverse('nl', 'cq1', 3, { outcome: 'not-liable' }),
      { id: 'p', source: 'compliment', sentiment: 'positive', receivedAt: daysAgo(1) },
      adverse('future', 'complaint', -1),
    ];
    expect(thresholdTriggers(items, defaultRiskConfig, NOW)).toEqual([]);
  });

  it('uses configured triggers', () => {
    const config = parseRiskConfig({ triggers: [{ id: 'whistle', sources: ['whistleblowing'], count: 1, withinDays: 7 }] });
    expect(thresholdTriggers([adverse('w', 'whistleblowing', 2)], config, NOW)).toEqual([
      { id: 'whistle', label: '1 whistleblowing report in the last 7 days', count: 1, withinDays: 7, itemIds: ['w'] },
    ]);
  });
});

import { countedSource } from './labels.js';
import type { RiskConfig } from './riskConfig.js';
import { DAY_MS, isExcluded, type IntelligenceItem } from './signals.js';

// Threshold triggers: a burst of adverse intelligence prompts a review whatever the score says.
// Defaults: 3 adverse items in 90 days, or 2 safeguarding concerns in 30 days.
// Only adverse items count, and never one the provider was found not liable for (003 §11.1).

export interface FiredTrigger {
  /** The trigger's id from config.triggers. */
  id: string;
  /** Plain English, for example "2 safeguarding concerns in the last 30 days". */
  label: string;
  count: number;
  withinDays: number;
  /** The items inside the window, oldest first. */
  itemIds: string[];
}

export function thresholdTriggers(items: readonly IntelligenceItem[], config: RiskConfig, now: Date): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  for (const trigger of config.triggers) {
    const since = now.getTime() - trigger.withinDays * DAY_MS;
    const inWindow = items
      .filter((item) => item.sentiment === 'adverse' && !isExcluded(item))
      .filter((item) => trigger.sources.length === 0 || trigger.sources.includes(item.source))
      .filter((item) => item.receivedAt.getTime() >= since && item.receivedAt.getTime() <= now.getTime())
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    if (inWindow.length < trigger.count) continue;
    const what =
      trigger.sources.length === 1
        ? countedSource(inWindow.length, trigger.sources[0]!)
        : `${inWindow.length} adverse ${inWindow.length === 1 ? 'item' : 'items'}`;
    fired.push({
      id: trigger.id,
      label: `${what} in the last ${trigger.withinDays} days`,
      count: inWindow.length,
      withinDays: trigger.withinDays,
      itemIds: inWindow.map((item) => item.id),
    });
  }
  return fired;
}

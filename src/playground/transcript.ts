import { randomUUID } from 'node:crypto';

// What has been said in the playground channel, in order, held in memory while the server runs.
// The page reads it with a watermark (the count it has already seen), as Direct Line does.

export type PlaygroundActivity = Record<string, unknown> & { id: string; timestamp: string };

/** Enough for a long walk-through; the oldest messages drop off after this. */
const KEEP = 500;

export class Transcript {
  private activities: PlaygroundActivity[] = [];
  /** How many have ever been added; the watermark counts from here, so it never goes backwards. */
  private total = 0;

  add(activity: Record<string, unknown>): PlaygroundActivity {
    const stored = { ...activity, id: randomUUID(), timestamp: new Date().toISOString() };
    this.activities.push(stored);
    this.total++;
    if (this.activities.length > KEEP) this.activities.shift();
    return stored;
  }

  /** Everything after the watermark, and the new watermark. */
  since(watermark: number): { activities: PlaygroundActivity[]; watermark: number } {
    const firstKept = this.total - this.activities.length;
    const from = Math.max(0, Math.min(watermark, this.total) - firstKept);
    return { activities: this.activities.slice(from), watermark: this.total };
  }

  clear(): void {
    this.activities = [];
  }

  get length(): number {
    return this.activities.length;
  }
}

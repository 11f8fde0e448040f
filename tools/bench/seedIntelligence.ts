import { Types } from 'mongoose';
import { Intelligence, Provider } from '../../models/index.js';
import { CQ1_OUTCOMES, INTELLIGENCE_SOURCES, SENTIMENTS, URGENCIES } from '../../src/core/vocabulary.js';

const DAY_MS = 86_400_000;
const BATCH = 5_000;

/** A fixed-seed generator, so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

let sequence = 0;

/** One fictional intelligence item for a provider, dated within the last `days` days. */
export function benchItem(providerId: Types.ObjectId, next: () => number, now: Date, days: number) {
  const n = ++sequence;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const scored = next() < 0.3;
  return {
    reference: `BENCH-${n}`,
    idempotencyKey: `bench:${n}:${Date.now()}`,
    providerId,
    source: pick(INTELLIGENCE_SOURCES),
    sentiment: next() < 0.7 ? SENTIMENTS[0] : SENTIMENTS[1],
    themes: [],
    eventDate: new Date(Math.floor((now.getTime() - next() * days * DAY_MS) / DAY_MS) * DAY_MS),
    summary: 'Fictional item for the benchmark.',
    urgency: pick(URGENCIES),
    outcome: pick(CQ1_OUTCOMES),
    ...(scored ? { likelihood: 1 + Math.floor(next() * 4), impact: 1 + Math.floor(next() * 4) } : {}),
    loggedBy: { platform: 'slack', userId: 'UBENCH' },
    createdAt: now,
    updatedAt: now,
  };
}

/** `count` items spread over every provider and the last three years, inserted in batches with insertMany. */
export async function seedBenchIntelligence(count: number, now: Date): Promise<Types.ObjectId[]> {
  const providerIds = (await Provider.find({}, { _id: 1 }).lean()).map((p) => p._id);
  const next = random(42);
  for (let done = 0; done < count; done += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - done) }, () => benchItem(providerIds[Math.floor(next() * providerIds.length)]!, next, now, 3 * 365));
    await Intelligence.collection.insertMany(docs, { ordered: false });
  }
  return providerIds;
}

export { random };

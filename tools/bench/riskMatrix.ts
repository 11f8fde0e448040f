import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import mongoose, { type Types } from 'mongoose';
import { Intelligence } from '../../models/index.js';
import { benchItem, random, seedBenchIntelligence } from './seedIntelligence.js';
import { seedBenchProviders } from './seedProviders.js';
import { ms, percentile, ratio } from './stats.js';

// The recompute is loaded at run time, so the bench still runs (and prints "skipped") where it is missing.
interface RiskModule {
  recomputeAll(now?: Date): Promise<{ providers: number; changed: number }>;
  recomputeProvider(providerId: string | Types.ObjectId, options?: { triggers?: boolean }, now?: Date): Promise<unknown>;
}

const RISK_MODULE = fileURLToPath(new URL('../../src/app/risk/index.ts', import.meta.url));

async function loadRecompute(): Promise<RiskModule | undefined> {
  if (!existsSync(RISK_MODULE)) return undefined;
  const mod = (await import(pathToFileURL(RISK_MODULE).href)) as Partial<RiskModule>;
  return typeof mod.recomputeAll === 'function' && typeof mod.recomputeProvider === 'function' ? (mod as RiskModule) : undefined;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

export interface RiskOptions {
  providers: number;
  items: number;
  singleRuns: number;
}

/**
 * On an empty database: the whole matrix for `providers` providers and `items` intelligence items,
 * against one countDocuments pass; then one provider after one new item, `singleRuns` times.
 */
export async function benchRiskMatrix(options: RiskOptions): Promise<void> {
  const risk = await loadRecompute();
  if (!risk) {
    console.log('risk recompute skipped: matrix recompute not built yet');
    return;
  }
  // Empty every collection but keep the indexes: the recompute relies on them.
  await Promise.all(Object.values(mongoose.models).map((model) => model.collection.deleteMany({})));
  await seedBenchProviders(options.providers);
  const now = new Date();
  const [seedMs, providerIds] = await timed(() => seedBenchIntelligence(options.items, now));
  console.log(`risk seeded ${options.items} intelligence items for ${providerIds.length} providers in ${ms(seedMs)}`);

  await Intelligence.countDocuments({}); // warm the collection
  const [countMs] = await timed(() => Intelligence.countDocuments({}));

  const [firstMs, first] = await timed(() => risk.recomputeAll(now));
  const [againMs] = await timed(() => risk.recomputeAll(now));
  console.log(
    `risk recompute all first=${ms(firstMs)} (${first.changed} of ${first.providers} states written) again=${ms(againMs)} | ` +
      `countDocuments=${ms(countMs)} | ratio first=${ratio(firstMs, countMs)} again=${ratio(againMs, countMs)}`,
  );

  // As after a saved form: one new item, then that provider is recomputed with its triggers checked.
  const next = random(7);
  const singles: number[] = [];
  for (let i = 0; i < options.singleRuns; i++) {
    const providerId = providerIds[Math.floor(next() * providerIds.length)]!;
    await Intelligence.collection.insertOne(benchItem(providerId, next, new Date(), 30));
    singles.push((await timed(() => risk.recomputeProvider(providerId, { triggers: true })))[0]);
  }
  console.log(`risk recompute one provider after one new item p50=${ms(percentile(singles, 50))} p99=${ms(percentile(singles, 99))} max=${ms(Math.max(...singles))} over ${options.singleRuns} runs`);
}

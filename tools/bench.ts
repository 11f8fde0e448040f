/**
 * npm run bench: performance figures for the issues that set goals.
 *   1. /cq1 ack latency, ours against a bare Bolt app (goal: ratio <= 1.5, p99 well under 3000 ms).
 *   2. Risk Matrix recompute, all providers against one countDocuments pass, and one provider after one new item
 *      (prints "skipped" where src/app/risk is missing).
 * Loopback only, bounded, cleans up after itself. See docs/bench.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import mongoose from 'mongoose';
// Models first: src/db/connect.ts turns off command buffering when it loads, and a model compiled
// after that fails its automatic init before the connection opens (npm start has the same problem).
import '../models/index.js';
import { resolveDatabase, type ResolvedDatabase } from '../src/db/resolveDatabase.js';
import { connectMongoose } from '../src/db/connect.js';
import { benchAckLatency, printAckFigures } from './bench/ackLatency.js';
import { seedBenchProviders } from './bench/seedProviders.js';
import { benchRiskMatrix } from './bench/riskMatrix.js';

const ROUNDS = 20;
const CONCURRENCY = 20;
const WARMUP_ROUNDS = 2;
const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 2_000);
// The Risk Matrix at full size needs MongoDB. The offline server (FerretDB/SQLite) takes about 0.2 ms
// per document per pass, so there it runs smaller to stay within about two minutes.
const RISK_SCALE = {
  full: { providers: 2_000, items: 100_000, singleRuns: 200 },
  offline: { providers: 200, items: 2_000, singleRuns: 30 },
};
// `npm run bench -- ack` or `-- risk` runs one section.
const sections = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['ack', 'risk']);

async function main(): Promise<number> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'pq-bench-db-'));
  let database: ResolvedDatabase | undefined;
  // Ctrl-C still stops the database and removes the temporary folder.
  const interrupted = async () => {
    await database?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    database = await resolveDatabase({
      dataDir,
      ...(process.env.MONGODB_URI ? { uriFromEnv: process.env.MONGODB_URI } : {}),
      log: (line) => console.log(line),
    });
    await connectMongoose(database.uri, `bench_${randomBytes(4).toString('hex')}`);
    console.log(`machine: ${availableParallelism()} cores, node ${process.version}, database ${database.kind}`);

    if (sections.has('ack')) {
      await seedBenchProviders(PROVIDERS);
      console.log(`--- /cq1 ack latency (${ROUNDS} rounds of ${CONCURRENCY} concurrent signed requests, ${WARMUP_ROUNDS} warm-up rounds, ${PROVIDERS} providers) ---`);
      const figures = await benchAckLatency({ rounds: ROUNDS, concurrency: CONCURRENCY, warmupRounds: WARMUP_ROUNDS });
      printAckFigures(figures, CONCURRENCY);
    }

    if (sections.has('risk')) {
      const base = database.kind === 'offline' ? RISK_SCALE.offline : RISK_SCALE.full;
      const scale = {
        providers: Number(process.env.BENCH_RISK_PROVIDERS ?? base.providers),
        items: Number(process.env.BENCH_ITEMS ?? base.items),
        singleRuns: Number(process.env.BENCH_SINGLE_RUNS ?? base.singleRuns),
      };
      console.log(`--- Risk Matrix recompute (${scale.providers} providers, ${scale.items} intelligence items) ---`);
      if (database.kind === 'offline' && scale.items < RISK_SCALE.full.items) {
        console.log(`risk scaled down from ${RISK_SCALE.full.providers} providers and ${RISK_SCALE.full.items} items on the offline database; set MONGODB_URI for the full run`);
      }
      await benchRiskMatrix(scale);
    }
    console.log(`bench finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return 0;
  } finally {
    if (mongoose.connection.readyState === 1) {
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    }
    await database?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

/**
 * What-if for the /cq1 ack investigation (docs/bench.md), not part of npm run bench:
 *   npx tsx tools/bench/ackWhatIf.ts
 * Interleaved rounds of 20 concurrent /cq1 against: a bare Bolt app (ack, then a tiny views.open),
 * our real server, and Bolt apps that rebuild our /cq1 path with one proposed change each, or all three:
 * no provider query for the Slack modal (it uses an external select), the retry claim written after the ack,
 * and a setImmediate before the post-ack work. Prints ack and modal-open (views.open) latency.
 */
import '../../models/index.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import mongoose from 'mongoose';
import { App, ExpressReceiver, LogLevel, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import { resolveDatabase } from '../../src/db/resolveDatabase.js';
import { connectMongoose } from '../../src/db/connect.js';
import { seedBenchProviders } from './seedProviders.js';
import { intelligenceFormView } from '../../src/app/views/intelligenceViews.js';
import { noteDisplayName } from '../../src/app/users.js';
import { formModal } from '../../src/adapters/slack/render.js';
import { claimOnce } from '../../models/index.js';
import { FakeSlack } from '../../test/helpers/fakeSlack.js';
import { SIGNING_SECRET, slackSignature, slashCommandBody } from '../../test/helpers/slackRequests.js';
import { listen } from './bareBolt.js';
import { percentile } from './stats.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/http/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pq-diag-'));
const db = await resolveDatabase({ dataDir, log: () => {} });
await connectMongoose(db.uri, 'diag4');
await seedBenchProviders(Number(process.env.BENCH_PROVIDERS ?? 2000));

// Proposed dropRepeats: a first attempt's claim is written after the ack has gone (a retry comes 3 s later at the soonest).
const claimAfterAck: Middleware<AnyMiddlewareArgs> = async ({ body, context, next, ...rest }) => {
  const b = body as Record<string, unknown>;
  const key = typeof b.trigger_id === 'string' ? `slack:trigger:${b.trigger_id}` : undefined;
  if (!key) return next();
  if (context.retryNum) {
    if (!(await claimOnce(key).catch(() => true))) { const ack = (rest as { ack?: () => Promise<void> }).ack; if (ack) await ack(); return; }
    return next();
  }
  setImmediate(() => void claimOnce(key).catch(() => undefined));
  await next();
};

type V = { name: string; url: string; fake: FakeSlack; opens: number; times: number[]; modal: number[]; sent: Map<string, number> };
const variants: V[] = [];
async function addVariant(name: string, build: (fakeUrl: string) => Promise<string>) {
  const fake = await new FakeSlack().start();
  const v: V = { name, url: '', fake, opens: 0, times: [], modal: [], sent: new Map() };
  fake.answers.set('views.open', (b) => { const s = v.sent.get(String(b.trigger_id)); if (s !== undefined) v.modal.push(performance.now() - s); return { json: { ok: true } }; });
  v.url = await build(fake.url);
  variants.push(v);
}
function bolt(fakeUrl: string) {
  const ex = express();
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', app: ex, logLevel: LogLevel.ERROR });
  const app = new App({ token: 'xoxb-x', receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fakeUrl, retryConfig: { retries: 0 } } });
  return { ex, app };
}
await addVariant('bare', async (u) => { const { ex, app } = bolt(u); app.command('/cq1', async ({ ack, client, command }) => { await ack(); await client.views.open({ trigger_id: command.trigger_id, view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } }); }); return (await listen(ex)).baseUrl; });
await addVariant('ours', async (u) => (await listen(createServer(loadConfig({ NODE_ENV: 'test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-x', SLACK_API_URL: u }), { slackWebApiRetries: 0 }).expressApp)).baseUrl);
const proposed = (deferClaim: boolean, skipProviders: boolean, yieldFirst: boolean) => async (u: string) => {
  const { ex, app } = bolt(u);
  app.use(deferClaim ? claimAfterAck : (await import('../../src/adapters/slack/dropRepeats.js')).dropRepeats);
  app.command('/cq1', async ({ ack, client, command }) => {
    await ack();
    if (yieldFirst) await new Promise((r) => setImmediate(r));
    const view = skipProviders
      ? intelligenceFormView({ kind: 'cq1', formId: randomUUID(), providerChoices: [], values: { eventDate: new Date().toISOString().slice(0, 10) } } as never)
      : await (await import('../../src/app/intelligence.js')).openIntelligenceForm('cq1');
    await client.views.open({ trigger_id: command.trigger_id, view: formModal(view) as never });
    await noteDisplayName({ platform: 'slack', userId: command.user_id, name: command.user_name });
  });
  return (await listen(ex)).baseUrl;
};
await addVariant('no provider query', proposed(false, true, false));
await addVariant('claim after ack', proposed(true, false, false));
await addVariant('all three', proposed(true, true, true));

const one = async (v: V) => {
  const body = slashCommandBody('/cq1', ''); const ts = Math.floor(Date.now() / 1000);
  const trig = new URLSearchParams(body).get('trigger_id')!;
  const s = performance.now(); v.sent.set(trig, s);
  const r = await fetch(`${v.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(body, ts) } });
  await r.arrayBuffer(); return performance.now() - s;
};
const ROUNDS = Number(process.env.DIAG_ROUNDS ?? 12);
for (let round = 0; round < ROUNDS + 2; round++) {
  const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
  for (const v of order) {
    const t = await Promise.all(Array.from({ length: 20 }, () => one(v)));
    v.opens += 20; await v.fake.waitFor('views.open', v.opens, 60000); await sleep(50);
    if (round >= 2) v.times.push(...t); else v.modal.length = 0;
  }
}
const bare = variants[0]!;
for (const v of variants) console.log(v.name.padEnd(20), 'ack p50', percentile(v.times, 50).toFixed(1), 'p99', percentile(v.times, 99).toFixed(1), '| ratio p50', (percentile(v.times, 50) / percentile(bare.times, 50)).toFixed(2), 'p99', (percentile(v.times, 99) / percentile(bare.times, 99)).toFixed(2), '| modal p50', percentile(v.modal, 50).toFixed(0), 'p99', percentile(v.modal, 99).toFixed(0));
await mongoose.connection.db?.dropDatabase();
await mongoose.disconnect();
await db.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

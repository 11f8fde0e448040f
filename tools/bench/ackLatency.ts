import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/http/server.js';
import { FakeSlack } from '../../test/helpers/fakeSlack.js';
import { SIGNING_SECRET, slackSignature, slashCommandBody } from '../../test/helpers/slackRequests.js';
import { listen, startBareBolt, type RunningServer } from './bareBolt.js';
import { cpuNow, cpuSince } from './cpu.js';
import { ms, percentile, ratio } from './stats.js';

export interface AckOptions {
  rounds: number;
  concurrency: number;
  warmupRounds: number;
}

interface Side {
  acks: number[];
  /** CPU used while the burst's acks were outstanding: this process, and the database server if it is our child. */
  cpuNode: number;
  cpuDb: number;
}

export interface AckFigures {
  ours: Side;
  bare: Side;
  /** Ours only: from sending /cq1 to views.open reaching the fake Slack. Slack's trigger_id lasts 3 seconds. */
  modalOpens: number[];
  rounds: number;
}

interface Sent {
  body: string;
  triggerId: string;
  headers: Record<string, string>;
}

function signedSlashCommand(): Sent {
  const body = slashCommandBody('/cq1', '');
  const triggerId = new URLSearchParams(body).get('trigger_id')!;
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(body, timestamp, SIGNING_SECRET),
  };
  return { body, triggerId, headers };
}

/**
 * Sends `n` signed /cq1 requests at once. Each time runs until the whole HTTP response has arrived:
 * the ack, which is what Slack's 3-second clock sees.
 */
async function burst(baseUrl: string, n: number, side: Side, sentAt: Map<string, number>): Promise<void> {
  const requests = Array.from({ length: n }, signedSlashCommand);
  const cpuStart = cpuNow();
  const times = await Promise.all(
    requests.map(async ({ body, triggerId, headers }) => {
      const start = performance.now();
      sentAt.set(triggerId, start);
      const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/cq1 answered ${response.status}`);
      return performance.now() - start;
    }),
  );
  const cpu = cpuSince(cpuStart);
  side.acks.push(...times);
  side.cpuNode += cpu.node;
  side.cpuDb += cpu.children;
}

/**
 * Our real server (Bolt, dropRepeats, the /cq1 listener, MongoDB behind it) against a bare Bolt app
 * that only acks. Rounds alternate which server goes first, and each round waits for our post-ack work
 * (views.open to the fake Slack) to finish, so neither side pays for the other's leftovers.
 */
export async function benchAckLatency(options: AckOptions): Promise<AckFigures> {
  const fakeSlack = await new FakeSlack().start();
  const servers: RunningServer[] = [];
  const sentAt = new Map<string, number>();
  const modalOpens: number[] = [];
  fakeSlack.answers.set('views.open', (body) => {
    const start = sentAt.get(String(body.trigger_id));
    if (start !== undefined) modalOpens.push(performance.now() - start);
    return { json: { ok: true } };
  });
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: fakeSlack.url,
    });
    const ours = await listen(createServer(config, { slackWebApiRetries: 0 }).expressApp);
    servers.push(ours);
    const bare = await startBareBolt(SIGNING_SECRET, fakeSlack.url);
    servers.push(bare);

    const oursSide: Side = { acks: [], cpuNode: 0, cpuDb: 0 };
    const bareSide: Side = { acks: [], cpuNode: 0, cpuDb: 0 };
    let expectedOpens = 0;
    const runOurs = async (side: Side) => {
      await burst(ours.baseUrl, options.concurrency, side, sentAt);
      expectedOpens += options.concurrency;
      await fakeSlack.waitFor('views.open', expectedOpens, 60_000);
      await sleep(50); // noteDisplayName's write comes just after views.open
    };
    const runBare = async (side: Side) => {
      await burst(bare.baseUrl, options.concurrency, side, sentAt);
      await sleep(50);
    };

    const discard = (): Side => ({ acks: [], cpuNode: 0, cpuDb: 0 });
    for (let i = 0; i < options.warmupRounds; i++) {
      await runOurs(discard());
      await runBare(discard());
    }
    modalOpens.length = 0;

    for (let i = 0; i < options.rounds; i++) {
      if (i % 2 === 0) {
        await runOurs(oursSide);
        await runBare(bareSide);
      } else {
        await runBare(bareSide);
        await runOurs(oursSide);
      }
    }
    return { ours: oursSide, bare: bareSide, modalOpens, rounds: options.rounds };
  } finally {
    for (const server of servers) await server.close();
    await fakeSlack.stop();
  }
}

/** Prints the figures; true when the goal is met. */
export function printAckFigures(f: AckFigures, concurrency: number): boolean {
  const o = { p50: percentile(f.ours.acks, 50), p99: percentile(f.ours.acks, 99), max: Math.max(...f.ours.acks) };
  const b = { p50: percentile(f.bare.acks, 50), p99: percentile(f.bare.acks, 99), max: Math.max(...f.bare.acks) };
  console.log(
    `cq1 ack ours p50=${ms(o.p50)} p99=${ms(o.p99)} | bare p50=${ms(b.p50)} p99=${ms(b.p99)} | ` +
      `ratio p50=${ratio(o.p50, b.p50)} p99=${ratio(o.p99, b.p99)} (goal <= 1.5)`,
  );
  console.log(`cq1 ack ours max=${ms(o.max)} | bare max=${ms(b.max)} | ${f.ours.acks.length} requests each, ${concurrency} at a time (goal: p99 well under 3000ms)`);
  const perRound = (v: number) => ms(v / f.rounds);
  console.log(
    `cq1 cpu while acks outstanding, per round: ours node=${perRound(f.ours.cpuNode)} db=${perRound(f.ours.cpuDb)} | ` +
      `bare node=${perRound(f.bare.cpuNode)} db=${perRound(f.bare.cpuDb)} (db counted only for a database this bench started)`,
  );
  const m50 = percentile(f.modalOpens, 50);
  const m99 = percentile(f.modalOpens, 99);
  console.log(`cq1 modal ours views.open after p50=${ms(m50)} p99=${ms(m99)} (Slack's trigger_id expires after 3000ms)`);
  const met = o.p50 / b.p50 <= 1.5 && o.p99 / b.p99 <= 1.5 && o.p99 < 3000;
  console.log(`cq1 ack goal ${met ? 'met' : 'NOT met'}${m99 >= 3000 ? '; modal p99 is past the trigger_id expiry' : ''}`);
  return met;
}

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearCollections, useDatabase } from './database.js';
import { FakeSlack } from './fakeSlack.js';
import { FakeTeamsConnector } from './fakeTeams.js';
import { startBot, type RunningBot } from './botServer.js';
import { seedProviders } from './seed.js';

export interface BotHarness {
  slack: FakeSlack;
  teams: FakeTeamsConnector;
  bot: RunningBot;
  providers: Awaited<ReturnType<typeof seedProviders>>;
}

/**
 * The real bot server with fake Slack and Teams platforms, for one test file: started once, and with
 * an empty database plus the fictional seed providers before every test. Fields are filled in by the hooks.
 */
export function useBotHarness(env: Record<string, string> = {}): BotHarness {
  useDatabase();
  const harness = {} as BotHarness;
  beforeAll(async () => {
    harness.slack = await new FakeSlack().start();
    harness.teams = await new FakeTeamsConnector().start();
    harness.bot = await startBot(harness.slack.url, env);
  });
  afterAll(async () => {
    await harness.bot.close();
    await Promise.all([harness.slack.stop(), harness.teams.stop()]);
  });
  beforeEach(async () => {
    await clearCollections();
    harness.slack.reset();
    harness.teams.reset();
    harness.providers = await seedProviders();
  });
  return harness;
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createServer, type BotServer } from '../../src/http/server.js';
import { clearPosters, retryPolicy } from '../../src/app/notify.js';
import { SIGNING_SECRET } from './slackRequests.js';

export interface RunningBot extends BotServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server (Bolt + CloudAdapter in local mode) on a free port, with Slack's API pointed at a fake. */
export async function startBot(slackApiUrl: string, env: Record<string, string> = {}): Promise<RunningBot> {
  retryPolicy.firstDelayMs = 10;
  clearPosters();
  const config = loadConfig({
    NODE_ENV: 'test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slackApiUrl,
    ...env,
  });
  const bot = createServer(config, { slackWebApiRetries: 0 });
  const server: Server = await new Promise((resolve) => {
    const s = bot.expressApp.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { ...bot, baseUrl, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

import express, { type Application } from 'express';
import type { App as BoltApp } from '@slack/bolt';
import type { CloudAdapter } from 'botbuilder';
import type { AppConfig } from '../config.js';
import { createSlackApp } from '../adapters/slack/slackApp.js';
import { slackPoster } from '../adapters/slack/poster.js';
import { createTeamsAdapter } from '../adapters/teams/teamsAdapter.js';
import { ProviderQualityBot } from '../adapters/teams/teamsBot.js';
import { teamsPoster } from '../adapters/teams/poster.js';
import { registerPoster } from '../app/notify.js';
import { databaseReachable } from '../db/connect.js';
import { DOWNLOAD_PATH } from '../app/downloads.js';
import { downloadsRouter } from './downloads.js';
import { createPlaygroundRouter, playgroundEnabled, PLAYGROUND_PATH } from '../playground/index.js';

export interface BotServer {
  expressApp: Application;
  slack?: BoltApp;
  teamsAdapter: CloudAdapter;
}

/** One HTTP server: POST /slack/events, POST /api/messages, GET /healthz. */
export function createServer(config: AppConfig, options: { slackWebApiRetries?: number } = {}): BotServer {
  const expressApp = express();
  expressApp.disable('x-powered-by');

  let slack: BoltApp | undefined;
  if (config.slackEnabled) {
    slack = createSlackApp({ config, expressApp, ...(options.slackWebApiRetries !== undefined ? { webApiRetries: options.slackWebApiRetries } : {}) });
    registerPoster('slack', slackPoster(slack.client));
  }

  const teamsAdapter = createTeamsAdapter(config);
  const bot = new ProviderQualityBot(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {});
  registerPoster('teams', teamsPoster(teamsAdapter, config.MICROSOFT_APP_ID));
  expressApp.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await teamsAdapter.process(req, res, (context) => bot.run(context));
  });

  expressApp.use(DOWNLOAD_PATH, downloadsRouter());

  // The browser playground: local mode only, never in production.
  if (playgroundEnabled(config)) expressApp.use(PLAYGROUND_PATH, createPlaygroundRouter());

  expressApp.get('/healthz', async (_req, res) => {
    const database = (await databaseReachable()) ? 'up' : 'down';
    res.status(database === 'up' ? 200 : 503).json({ status: database === 'up' ? 'ok' : 'degraded', database, slack: Boolean(slack), teams: config.teamsLocalMode ? 'local mode' : 'on' });
  });

  return { expressApp, teamsAdapter, ...(slack ? { slack } : {}) };
}

import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { log } from '../../log.js';
import type { Application } from 'express';
import type { AppConfig } from '../../config.js';
import { registerCommands } from './commands.js';
import { registerFormListeners } from './form.js';
import { registerActions } from './actions.js';
import { dropRepeats } from './dropRepeats.js';
import { registerHome } from './home.js';

export interface SlackOptions {
  config: AppConfig;
  /** The one HTTP server's express app: Bolt adds POST /slack/events to it. */
  expressApp: Application;
  /** Tests: 0, so a failing fake fails fast instead of retrying for half an hour. */
  webApiRetries?: number;
}

/** The Bolt app: commands, modals, buttons and shortcuts, all on POST /slack/events. */
export function createSlackApp({ config, expressApp, webApiRetries }: SlackOptions): App {
  const receiver = new ExpressReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    endpoints: '/slack/events',
    app: expressApp,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: config.SLACK_BOT_TOKEN!,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, '/') } : {}),
      ...(webApiRetries !== undefined ? { retryConfig: { retries: webApiRetries } } : {}),
    },
  });
  app.use(dropRepeats);
  registerCommands(app);
  registerFormListeners(app);
  registerActions(app);
  registerHome(app);
  app.error(async (error) => {
    // Bolt reports listener failures here; the listener has already answered the person.
    log.error(`Slack listener failed (${error.code ?? 'no code'})`, error);
  });
  return app;
}

import { existsSync, mkdirSync } from 'node:fs';
import { loadConfig, ConfigError } from './config.js';
import { connectMongoose } from './db/connect.js';
import { resolveDatabase } from './db/resolveDatabase.js';
import { createServer } from './http/server.js';
import { ensureBootstrapAdmins } from './app/users.js';
import { log } from './log.js';
import { loadRiskConfig } from './app/risk/settings.js';
import { startJobs } from './jobs.js';
import { playgroundEnabled, preparePlayground, PLAYGROUND_PATH } from './playground/index.js';

/** Reads .env when there is one; real environment variables win. */
function loadDotEnv(): void {
  if (!existsSync('.env')) return;
  process.loadEnvFile('.env');
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  // A bad Risk Matrix file stops start-up here, naming the setting to fix.
  try {
    loadRiskConfig(config.RISK_CONFIG_FILE);
  } catch (error) {
    throw new ConfigError(`Configuration error: ${(error as Error).message}`);
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const database = await resolveDatabase({
    dataDir: config.DATA_DIR,
    ...(config.MONGODB_URI ? { uriFromEnv: config.MONGODB_URI } : {}),
    log: (line) => log.info(line),
  });
  await connectMongoose(database.uri, config.MONGODB_DB_NAME);
  await ensureBootstrapAdmins(config.BOOTSTRAP_ADMINS);
  const agenda = config.JOBS_ENABLED ? await startJobs() : undefined;
  if (playgroundEnabled(config)) await preparePlayground();

  const { expressApp } = createServer(config);
  const server = expressApp.listen(config.PORT, () => {
    log.info(`Listening on http://localhost:${config.PORT}`);
    log.info(config.slackEnabled ? 'Slack: on, at POST /slack/events' : 'Slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on)');
    if (config.teamsLocalMode) {
      log.warn('*** Teams: LOCAL MODE. /api/messages accepts requests without authentication. Set MICROSOFT_APP_ID for real use. ***');
      if (playgroundEnabled(config)) console.log(`Playground: http://localhost:${config.PORT}${PLAYGROUND_PATH}`);
    } else {
      log.info('Teams: on, at POST /api/messages');
    }
  });

  const shutdown = async () => {
    server.close();
    await agenda?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});

import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { AppConfig } from '../../config.js';
import { log } from '../../log.js';

/**
 * The Bot Framework adapter. With no MICROSOFT_APP_ID it runs in local mode: requests are not
 * authenticated, which is only for a laptop or tests (config refuses it in production).
 */
export function createTeamsAdapter(config: AppConfig): CloudAdapter {
  const auth = config.teamsLocalMode
    ? new ConfigurationBotFrameworkAuthentication({})
    : new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
      });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('Teams turn failed', error);
    if (context.activity.type === 'message') {
      await context.sendActivity('Something went wrong, so nothing happened. Try again in a minute.').catch(() => undefined);
    }
  };
  return adapter;
}

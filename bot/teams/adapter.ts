import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { INTERNAL_ERROR_MESSAGE } from '../errors';
import type { Logger } from '../log';

/**
 * The Bot Framework adapter. Token validation is on whenever a bot id is configured; with none (local mode) the
 * service accepts unauthenticated activities, as the Agents Playground sends them.
 */
export function createAdapter(bot: AppConfig['bot'], log: Logger): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: bot.id,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
  });
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: bot.id, MicrosoftAppTenantId: bot.tenantId }, credentials);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('bot turn failed', { error, activityType: context.activity.type, conversationId: context.activity.conversation?.id });
    if (context.activity.type === 'message') {
      await context.sendActivity(INTERNAL_ERROR_MESSAGE).catch((sendError: unknown) => log.warn('could not tell the user about the error', { error: sendError }));
    }
  };
  return adapter;
}

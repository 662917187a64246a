import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { INTERNAL_ERROR_MESSAGE } from '../errors';
import type { Logger } from '../log';

/** CloudAdapter with its turn runner public, so the bot endpoint can answer errors itself (activityEndpoint.ts). */
export class MentoringUpAdapter extends CloudAdapter {
  runActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter. Token validation is on whenever a bot id is configured; with none (local mode) the
 * service accepts unauthenticated activities, as the Agents Playground sends them.
 */
export function createAdapter(bot: AppConfig['bot'], log: Logger): MentoringUpAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: bot.id,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
  });
  const auth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: bot.id, MicrosoftAppTenantId: bot.tenantId, ...(bot.openIdMetadataUrl ? publicCloudWithKeysFrom(bot.openIdMetadataUrl) : {}) },
    credentials,
  );
  const adapter = new MentoringUpAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('bot turn failed', { error, activityType: context.activity.type, conversationId: context.activity.conversation?.id });
    if (context.activity.type === 'message') {
      await context.sendActivity(INTERNAL_ERROR_MESSAGE).catch((sendError: unknown) => log.warn('could not tell the user about the error', { error: sendError }));
    }
  };
  return adapter;
}

/**
 * The SDK's public-cloud settings with another key discovery document. Once any of these is given the SDK takes all of
 * them as given, so every one is spelled out (the values of the SDK's AuthenticationConstants).
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

import { createRemoteJWKSet } from 'jose';
import type { AppConfig } from '../../config';
import type { TokenRules } from './tokenValidator';

/** Token rules for Entra ID SSO tokens from teams-js getAuthToken (v1 and v2 tokens, either audience form). */
export function entraTokenRules(sso: AppConfig['sso']): TokenRules {
  const keys = createRemoteJWKSet(new URL(`${sso.authorityHost}/${sso.tenantId}/discovery/v2.0/keys`), { cooldownDuration: 30_000 });
  return {
    keys,
    issuers: [`${sso.authorityHost}/${sso.tenantId}/v2.0`, `https://sts.windows.net/${sso.tenantId}/`],
    audiences: [sso.clientId, sso.applicationIdUri],
    tenantId: sso.tenantId,
    requiredScope: 'access_as_user',
  };
}

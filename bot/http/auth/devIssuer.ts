import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { AppConfig } from '../../config';
import type { TokenRules } from './tokenValidator';

/**
 * Local mode only: signs tokens shaped like Entra ID's for a person picked in the tab's "sign in as" list. They are
 * checked by the same validator as production tokens, against this issuer's own key (made fresh at every start).
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly rules: TokenRules,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static async create(sso: AppConfig['sso'], publicUrl: string): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'dev', alg: 'RS256', use: 'sig' };
    const issuer = `${publicUrl}/dev-issuer/${sso.tenantId}/v2.0`;
    const rules: TokenRules = {
      keys: createLocalJWKSet({ keys: [jwk] }),
      issuers: [issuer],
      audiences: [sso.clientId],
      tenantId: sso.tenantId,
      requiredScope: 'access_as_user',
    };
    return new DevIssuer(privateKey, rules, issuer, sso.clientId);
  }

  async issue(person: { id: string; name: string }, lifetimeSeconds = 8 * 3600): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ oid: person.id, name: person.name, tid: this.rules.tenantId, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'dev' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(person.id)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.privateKey);
    return { token, expiresAt: new Date((now + lifetimeSeconds) * 1000).toISOString() };
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** The issuer of every token the Bot Framework (the Bot Connector) signs for a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * A loopback stand-in for the Bot Framework's key discovery, as the SDK reads it: an OpenID configuration document at
 * /v1/.well-known/openidconfiguration naming a JWKS (keys with their channel endorsements), and the tokens the Bot
 * Connector puts in `Authorization` when it posts an activity. `failWith` makes the document answer that status.
 */
export class BotFrameworkDouble {
  private server?: http.Server;
  private privateKey!: KeyLike;
  private jwk!: JWK;
  failWith?: number;

  get openIdMetadataUrl(): string {
    return `${this.base()}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'bot-framework-key-1', use: 'sig', endorsements: ['msteams'] } as JWK;
    this.server = http.createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (this.failWith) return send(this.failWith, { error: 'unavailable' });
      if (req.url === '/v1/.well-known/openidconfiguration')
        return send(200, { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.base()}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      if (req.url === '/v1/keys') return send(200, { keys: [this.jwk] });
      return send(404, { error: 'not_found' });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A Bot Connector token for the bot `audience`, bound to the activity's serviceUrl; `key` forges one. */
  async token(options: { audience: string; serviceUrl: string; key?: KeyLike; kid?: string }): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: options.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'bot-framework-key-1', typ: 'JWT' })
      .setIssuer(BOT_FRAMEWORK_ISSUER)
      .setAudience(options.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(options.key ?? this.privateKey);
  }

  private base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/**
 * A loopback stand-in for Entra ID's key discovery: serves the tenant's signing keys at
 * /{tenant}/discovery/v2.0/keys (the JWKS format Entra uses) and signs access tokens shaped like the ones Teams SSO
 * (getAuthToken) yields.
 */
export class EntraDouble {
  private server?: http.Server;
  private privateKey!: KeyLike;
  private jwk!: JWK;
  keyRequests = 0;

  constructor(readonly tenantId: string) {}

  get authorityHost(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'entra-key-1', use: 'sig', alg: 'RS256' };
    this.server = http.createServer((req, res) => {
      if (req.url === `/${this.tenantId}/discovery/v2.0/keys`) {
        this.keyRequests++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.jwk] }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A v2 access token for the person; override any claim, or sign with another key to forge one. */
  async token(
    person: { id: string; name: string },
    options: { audience: string; claims?: Record<string, unknown>; expiresInSeconds?: number; issuer?: string; key?: KeyLike },
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: person.id, name: person.name, tid: this.tenantId, scp: 'access_as_user', ver: '2.0', ...options.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-key-1', typ: 'JWT' })
      .setIssuer(options.issuer ?? `${this.authorityHost}/${this.tenantId}/v2.0`)
      .setAudience(options.audience)
      .setSubject(person.id)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.key ?? this.privateKey);
  }
}

export async function otherSigningKey(): Promise<KeyLike> {
  return (await generateKeyPair('RS256')).privateKey;
}

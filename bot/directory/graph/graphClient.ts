import { Client, HTTPMessageHandler, type AuthenticationProvider, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { RetryAfterHandler, type RetryPolicy } from './retryAfterHandler';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  /** `managedIdentity`: clientId is the service's user-assigned managed identity, which holds the Graph app roles. */
  credential?: 'secret' | 'certificate' | 'managedIdentity';
  clientSecret?: string;
  certificatePath?: string;
  /** Where Entra ID issues tokens; the public cloud by default. */
  authorityHost?: string;
}

/** The app's own identity (application permission User.Read.All, and GroupMember.Read.All for role groups). */
export function appCredential(app: GraphAppCredentials): TokenCredential {
  if (app.credential === 'managedIdentity') return new ManagedIdentityCredential({ clientId: app.clientId });
  const options = app.authorityHost ? { authorityHost: app.authorityHost } : {};
  if (app.clientSecret) return new ClientSecretCredential(app.tenantId, app.clientId, app.clientSecret, options);
  if (app.certificatePath) return new ClientCertificateCredential(app.tenantId, app.clientId, { certificatePath: app.certificatePath }, options);
  throw new Error('Graph needs a client secret or a certificate.');
}

export interface GraphClientOptions {
  /** Graph's base URL with its version, e.g. https://graph.microsoft.com/v1.0 (a loopback double in tests). */
  baseUrl: string;
  credential: TokenCredential;
  retry?: Partial<RetryPolicy>;
}

/**
 * A Graph client (`@microsoft/microsoft-graph-client`) with our own middleware chain:
 * - the bearer token from the TokenCredential is attached to every request to the configured Graph origin. The SDK's
 *   AuthenticationHandler only does so for https Graph hosts, which would leave a loopback double unauthenticated;
 *   requests anywhere else are refused, so a token never leaves for another host;
 * - 429, 503 and 504 are retried after Retry-After, a bounded number of times (the SDK's RetryHandler does the same but
 *   sleeps on its own timer, which a test cannot observe);
 * - the SDK's HTTPMessageHandler sends the request with fetch.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const auth = new TokenCredentialAuthenticationProvider(options.credential, { scopes: [GRAPH_SCOPE] });
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: '', // the version is part of baseUrl
    middleware: [new BearerTokenHandler(auth, new URL(baseUrl).origin), new RetryAfterHandler(options.retry), new HTTPMessageHandler()],
  });
}

/**
 * The path of a Graph link (`@odata.nextLink`, `@odata.deltaLink`) relative to the base URL, as the client's `api()`
 * takes it. Links to any other place are refused.
 */
export function relativeGraphPath(link: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (!link.toLowerCase().startsWith(`${base.toLowerCase()}/`)) throw new Error(`Graph returned a link outside ${base}: ${new URL(link).origin}`);
  return link.slice(base.length);
}

class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly auth: AuthenticationProvider,
    private readonly origin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    // RequestInfo is a DOM type, which the service does not compile against.
    const url = typeof context.request === 'string' ? context.request : (context.request as { url: string }).url;
    if (new URL(url).origin !== this.origin) throw new Error(`Refusing to send a Graph token to ${new URL(url).origin}.`);
    const token = await this.auth.getAccessToken();
    context.options = { ...context.options, headers: { ...(context.options?.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` } };
    if (!this.next) throw new Error('BearerTokenHandler must not be the last middleware.');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

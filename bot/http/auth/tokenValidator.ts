import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../errors';

/** The person a valid token speaks for. */
export interface Principal {
  id: string;
  name: string;
  tenantId: string;
}

export interface TokenRules {
  keys: JWTVerifyGetKey;
  issuers: string[];
  audiences: string[];
  tenantId: string;
  requiredScope: string;
}

export type TokenValidator = (token: string) => Promise<Principal>;

/**
 * Validates an Entra ID access token (or one from the local dev issuer, which signs the same shape): signature against
 * the issuer's keys, issuer, audience, expiry, tenant and the delegated scope. Anything else is a 401.
 */
export function createTokenValidator(rules: TokenRules): TokenValidator {
  return async (token) => {
    let payload: JWTPayload & { tid?: unknown; oid?: unknown; scp?: unknown; name?: unknown; preferred_username?: unknown };
    try {
      ({ payload } = await jwtVerify(token, rules.keys, {
        issuer: rules.issuers,
        audience: rules.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (error) {
      throw new AppError('Unauthorized', unauthorizedMessage(error), `token rejected: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (payload.tid !== rules.tenantId) throw new AppError('Unauthorized', 'This account belongs to another organization.', `tenant ${String(payload.tid)}`);
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(rules.requiredScope)) throw new AppError('Unauthorized', 'Your sign-in did not grant access to Mentoring Up. Please sign in again.', 'missing scope');
    if (typeof payload.oid !== 'string') throw new AppError('Unauthorized', 'Your sign-in is not valid. Please sign in again.', 'oid missing');
    const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : payload.oid;
    return { id: payload.oid, name, tenantId: payload.tid };
  };
}

function unauthorizedMessage(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Your sign-in has expired. Please reload the tab.';
  return 'Your sign-in is not valid. Please reload the tab to sign in again.';
}

/** Takes the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new AppError('Unauthorized', 'Please sign in to use Mentoring Up.', 'no bearer token');
  return match[1];
}

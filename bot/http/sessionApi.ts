import { z } from 'zod';
import { endpoint, returns } from '../contract/endpoint';
import { fields, id } from '../contract/fields';
import type { Role } from '../contract/roles';

/** The session's wire contract (SDK-free; the tab compiles it): how to sign in, who am I, and local mode's "sign in as". */

export interface SessionInfo {
  mode: 'local' | 'production';
  ssoClientId: string;
  tenantId: string;
}

export interface Me {
  id: string;
  name: string;
  jobTitle?: string;
  department?: string;
  roles: Role[];
}

/** A person offered by local mode's "sign in as". */
export type DevPerson = Me;

export interface DevToken {
  token: string;
  expiresAt: string;
}

export const getSession = endpoint({ method: 'get', path: '/api/session', response: returns<SessionInfo>() });

export const getMe = endpoint({ method: 'get', path: '/api/me', response: returns<Me>() });

/** Local mode only: the personas, or people whose name matches `search`. */
export const listDevPeople = endpoint({
  method: 'get',
  path: '/api/dev/people',
  query: z.object({ search: z.string().optional() }),
  response: returns<{ people: DevPerson[] }>(),
});

/** Local mode only: a token signed by the dev issuer for that person. */
export const issueDevToken = endpoint({
  method: 'post',
  path: '/api/dev/token',
  body: fields({ personId: id('Choose a person to sign in as.') }),
  response: returns<DevToken>(),
});

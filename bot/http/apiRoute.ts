import type { Principal } from './auth/tokenValidator';
import type { Role } from '../program/roles';

/** A tab API route as data: its method, path, who may call it, and a handler free of restify. */
export type Access = Role | 'signed-in' | 'public';

export interface ApiRequest {
  /** Set for every route but public ones: the caller, from the validated token. */
  principal?: Principal;
  roles: Role[];
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

export interface ApiResponse {
  status?: number;
  body?: unknown;
  /** For downloads such as CSV. */
  contentType?: string;
}

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  path: string;
  access: Access;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

/** The principal of a route that is not public (the auth layer guarantees it). */
export function callerOf(request: ApiRequest): Principal {
  if (!request.principal) throw new Error('callerOf used on a public route');
  return request.principal;
}

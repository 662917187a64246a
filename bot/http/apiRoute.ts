import type { z } from 'zod';
import type { BodyOut, EndpointSpec, PathParams, QueryOut, ResponseOf } from '../contract/endpoint';
import { firstProblem } from '../contract/fields';
import type { Role } from '../contract/roles';
import { AppError } from '../errors';
import type { Principal } from './auth/tokenValidator';

/** Who may call a route: one role, anyone signed in, or anyone at all. */
export type Access = Role | 'signed-in' | 'public';

/** A request as `mountRoutes` hands it over, after the token and the role were checked; nothing else is checked yet. */
export interface IncomingRequest {
  /** Set for every route but public ones: the caller, from the validated token. */
  principal?: Principal;
  roles: Role[];
  params: Readonly<Record<string, string>>;
  query: unknown;
  body: unknown;
  /** The `If-Match` header, when sent. */
  ifMatch: string | undefined;
}

/** A request as a handler sees it: the body and query parsed by the endpoint's schemas, If-Match there when required. */
export interface ApiRequest<E extends EndpointSpec> {
  principal?: Principal;
  roles: Role[];
  params: PathParams<E['path']>;
  query: QueryOut<E>;
  body: BodyOut<E>;
  /** The version the client read, for an endpoint that updates what it read. */
  ifMatch: E['ifMatch'] extends true ? string : undefined;
}

export interface ApiResponse<T> {
  status?: number;
  body: T;
  /** For downloads such as CSV (the body is then the text sent). */
  contentType?: string;
}

export type Handler<E extends EndpointSpec> = (request: ApiRequest<E>) => Promise<ApiResponse<ResponseOf<E>>>;

/** A tab API route: its endpoint (bot/contract/endpoint.ts), who may call it, and a handler free of restify. */
export interface ApiRoute {
  readonly endpoint: EndpointSpec;
  readonly access: Access;
  handle(request: IncomingRequest): Promise<ApiResponse<unknown>>;
}

/** Serves `endpoint` with `handle`, whose request is parsed by the endpoint's schemas and whose answer has its type. */
export function route<const E extends EndpointSpec>(endpoint: E, access: Access, handle: Handler<E>): ApiRoute {
  return { endpoint, access, handle: (incoming) => handle(readRequest(endpoint, incoming)) };
}

/**
 * Checks what the endpoint asks of a request, in order: If-Match (428), then the query and the body (400 naming the
 * first field that is wrong). Unknown body fields are dropped by the schemas.
 */
function readRequest<E extends EndpointSpec>(endpoint: E, incoming: IncomingRequest): ApiRequest<E> {
  const ifMatch = incoming.ifMatch?.trim();
  // `*` would mean "whatever is there now", which is the overwrite If-Match is here to prevent.
  const hasVersion = ifMatch !== undefined && ifMatch !== '' && ifMatch !== '*';
  if (endpoint.ifMatch && !hasVersion) {
    throw new AppError('PreconditionRequired', 'This change needs the version you are looking at. Please reload and try again.', 'no If-Match');
  }
  const request = {
    principal: incoming.principal,
    roles: incoming.roles,
    params: incoming.params,
    query: endpoint.query ? parsed(endpoint.query, incoming.query ?? {}) : undefined,
    body: endpoint.body ? parsed(endpoint.body, incoming.body ?? {}) : undefined,
    ifMatch: endpoint.ifMatch ? ifMatch : undefined,
  };
  // The schemas above produced exactly the types ApiRequest<E> names; TypeScript cannot follow a schema held in a generic.
  return request as ApiRequest<E>;
}

function parsed(schema: z.ZodTypeAny, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('BadRequest', firstProblem(result.error), `invalid request: ${JSON.stringify(result.error.issues[0]?.path ?? [])}`);
  return result.data;
}

/** The principal of a route that is not public (the auth layer guarantees it). */
export function callerOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new Error('callerOf used on a public route');
  return request.principal;
}

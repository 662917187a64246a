import { pathOf, queryString, type EndpointSpec, type Method, type RequestParts, type ResponseOf } from '../../bot/contract/endpoint';
import { isErrorCode, type ErrorCode } from '../../bot/contract/errors';

/**
 * The tab's client of the service's JSON API. Every endpoint is described once in a contract module that the service
 * compiles too (each stage's api.ts under bot/); `call(endpoint, parts)` sends it and answers its typed response.
 * Every failure surfaces as an ApiError with a code to decide on and a sentence a person can read.
 */

/** The service's error codes, and the client's own: the service could not be reached, or answered something unreadable. */
export type ApiErrorCode = ErrorCode | 'Network' | 'UnexpectedResponse';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whether `error` is the service's answer with that code (a stale version is 'Conflict', say). */
export function isApiError(error: unknown, code: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** Supplies the bearer token for a call; undefined for the calls that need none. */
export type TokenSource = () => Promise<string | undefined>;

export interface CallOptions {
  token?: TokenSource;
  signal?: AbortSignal;
}

const noToken: TokenSource = async () => undefined;

const HTTP_METHODS: Record<Method, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

/** Resolves `/api/...` against the page, so the tab works wherever the service mounts it (`/tab/` -> `/api/...`). */
function apiUrl(path: string): string {
  return new URL(`..${path}`, document.baseURI).toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The service always answers errors as `{ error: { code, message } }`; anything else gets a generic sentence. */
function errorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === 'string' && error.message.length > 0) {
    return new ApiError(error.message, isErrorCode(error.code) ? error.code : 'UnexpectedResponse');
  }
  return new ApiError(`Mentoring Up could not complete that request (HTTP ${status}). Please try again in a moment.`, 'UnexpectedResponse');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The parts of any call, as `send` handles them (RequestParts narrows them per endpoint for the caller). */
interface AnyParts extends CallOptions {
  params?: Readonly<Record<string, string>>;
  body?: unknown;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  ifMatch?: string;
}

/** Sends a call with the bearer token; a network failure or an error answer becomes an ApiError with a sentence. */
async function send(spec: EndpointSpec, parts: AnyParts): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await (parts.token ?? noToken)();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (parts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (parts.ifMatch !== undefined) headers['If-Match'] = parts.ifMatch;

  let response: Response;
  try {
    response = await fetch(apiUrl(pathOf(spec, parts.params ?? {}) + queryString(parts.query)), {
      method: HTTP_METHODS[spec.method],
      headers,
      body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      signal: parts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('Mentoring Up could not reach its service. Check your connection and try again.', 'Network');
  }
  if (!response.ok) throw errorFrom(response.status, await readJson(response));
  return response;
}

/** Calls an endpoint of the contract and answers its response, typed by the contract. */
export async function call<const E extends EndpointSpec>(spec: E, parts: RequestParts<E> & CallOptions): Promise<ResponseOf<E>> {
  const response = await send(spec, parts);
  const body = await readJson(response);
  if (body === undefined) throw errorFrom(response.status, body);
  // The one place the tab trusts the service: the contract module that types this answer is compiled by both.
  return body as ResponseOf<E>;
}

/** Fetches a file with the signed-in person's token (a plain link could not carry it) and saves it as `fileName`. */
export async function downloadFile<const E extends EndpointSpec>(spec: E, parts: RequestParts<E> & CallOptions, fileName: string): Promise<void> {
  const response = await send(spec, parts);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the browser's download; the object URL is no longer needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Errors that are not ApiErrors are bugs; people still get a sentence rather than a stack trace. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong in Mentoring Up. Please reload the tab.';
}

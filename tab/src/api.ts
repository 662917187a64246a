/** The tab's view of the service's JSON API. Every failure surfaces as an ApiError with a sentence a person can read. */

export type Role = 'taskforce' | 'executive' | 'employee';

export interface SessionInfo {
  mode: 'local' | 'production';
  ssoClientId: string;
  tenantId: string;
}

export interface DevPerson {
  id: string;
  name: string;
  jobTitle?: string;
  department?: string;
  roles: Role[];
}

export interface DevToken {
  token: string;
  expiresAt: string;
}

export interface Me {
  id: string;
  name: string;
  roles: Role[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the service could not be reached at all. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Supplies the bearer token for a call; undefined for the calls that need none. */
export type TokenSource = () => Promise<string | undefined>;

const noToken: TokenSource = async () => undefined;

/** Resolves API paths against the page, so the tab works wherever the service mounts it (`/tab/` -> `/api/...`). */
function apiUrl(path: string): string {
  return new URL(`../api/${path}`, document.baseURI).toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The service always answers errors as `{ error: { code, message } }`; anything else gets a generic sentence. */
function errorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.message === 'string' && error.message.length > 0) {
    return new ApiError(error.message, status, typeof error.code === 'string' ? error.code : 'Error');
  }
  return new ApiError(
    `Mentoring Up could not complete that request (HTTP ${status}). Please try again in a moment.`,
    status,
    'UnexpectedResponse',
  );
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

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: TokenSource;
  signal?: AbortSignal;
}

/** Sends a call with the bearer token; a network failure or an error answer becomes an ApiError with a sentence. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await (options.token ?? noToken)();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('Mentoring Up could not reach its service. Check your connection and try again.', 0, 'Network');
  }
  if (!response.ok) throw errorFrom(response.status, await readJson(response));
  return response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body = await readJson(response);
  if (body === undefined) throw errorFrom(response.status, body);
  // The service is the one source of these shapes; the tab trusts its own API's JSON.
  return body as T;
}

/** Fetches a file with the signed-in person's token (a plain link could not carry it) and saves it as `fileName`. */
export async function downloadFile(path: string, fileName: string, token: TokenSource): Promise<void> {
  const response = await send(path, { token });
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

export function getSession(): Promise<SessionInfo> {
  return request<SessionInfo>('session');
}

export async function searchDevPeople(search: string, signal?: AbortSignal): Promise<DevPerson[]> {
  const query = new URLSearchParams({ search }).toString();
  const result = await request<{ people: DevPerson[] }>(`dev/people?${query}`, { signal });
  return result.people;
}

export function issueDevToken(personId: string): Promise<DevToken> {
  return request<DevToken>('dev/token', { method: 'POST', body: { personId } });
}

export function getMe(token: TokenSource): Promise<Me> {
  return request<Me>('me', { token });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Errors that are not ApiErrors are bugs; people still get a sentence rather than a stack trace. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong in Mentoring Up. Please reload the tab.';
}

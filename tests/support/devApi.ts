// The service's API called outside the browser, as a given person: to set a scene, to compare a page against the
// service's own answer, or to be "someone else" changing data while a page is open. Local mode only: the token comes
// from `POST /api/dev/token`.

/** A token for `personId`, issued by local mode's dev endpoint. */
export async function tokenFor(baseUrl: string, personId: string): Promise<string> {
  const issued = await fetch(`${baseUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (issued.status !== 200) throw new Error(`POST /api/dev/token for ${personId} answered ${issued.status}: ${await issued.text()}`);
  return ((await issued.json()) as { token: string }).token;
}

export interface ApiRequest {
  /** GET unless told. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** The `If-Match` header: the version of what a change updates. */
  ifMatch?: string;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * Calls `path` (`/api/...`) as `personId` and answers the status and the JSON body, whatever the status, for the test to
 * check. A body that is not JSON fails, quoting the status and the body.
 */
export async function apiAnswerAs<T>(baseUrl: string, personId: string, path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
  const response = await send(baseUrl, personId, path, request);
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as T };
  } catch {
    throw new Error(`${request.method ?? 'GET'} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
}

/** Calls `path` (`/api/...`) as `personId` and answers the JSON body; any answer but a success fails, quoting it. */
export async function apiAs<T>(baseUrl: string, personId: string, path: string, request: ApiRequest = {}): Promise<T> {
  const response = await send(baseUrl, personId, path, request);
  if (!response.ok) throw new Error(`${request.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function send(baseUrl: string, personId: string, path: string, request: ApiRequest): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(baseUrl, personId)}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.ifMatch !== undefined) headers['if-match'] = request.ifMatch;
  return fetch(`${baseUrl}${path}`, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
}

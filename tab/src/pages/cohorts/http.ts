import { ApiError, type TokenSource } from '../../api';

/**
 * The two calls `request()` in api.ts does not make: a JSON PUT (it speaks GET and POST only) and a download that is
 * not JSON. Errors become ApiErrors carrying the service's sentence, exactly as `request()` does.
 */

function apiUrl(path: string): string {
  return new URL(`../api/${path}`, document.baseURI).toString();
}

async function failureOf(response: Response): Promise<ApiError> {
  let message: string | undefined;
  let code = 'UnexpectedResponse';
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.message === 'string' && body.error.message.length > 0) message = body.error.message;
    if (typeof body.error?.code === 'string') code = body.error.code;
  } catch {
    // Not JSON: the generic sentence below.
  }
  return new ApiError(
    message ?? `Mentoring Up could not complete that request (HTTP ${response.status}). Please try again in a moment.`,
    response.status,
    message ? code : 'UnexpectedResponse',
  );
}

async function send(path: string, init: RequestInit, token: TokenSource): Promise<Response> {
  const bearer = await token();
  const headers = new Headers(init.headers);
  if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers });
  } catch {
    throw new ApiError('Mentoring Up could not reach its service. Check your connection and try again.', 0, 'Network');
  }
  if (!response.ok) throw await failureOf(response);
  return response;
}

export async function putJson<T>(path: string, body: unknown, token: TokenSource): Promise<T> {
  const response = await send(
    path,
    { method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    token,
  );
  return (await response.json()) as T;
}

/** Fetches a file with the signed-in person's token (a plain link could not carry it) and saves it as `fileName`. */
export async function downloadFile(path: string, fileName: string, token: TokenSource): Promise<void> {
  const response = await send(path, { method: 'GET' }, token);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
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

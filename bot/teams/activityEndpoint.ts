import type { Activity, TurnContext } from 'botbuilder';
import { INTERNAL_ERROR_MESSAGE } from '../errors';
import type { Logger } from '../log';
import { activityProblem } from './activityGate';
import type { MentoringUpAdapter } from './adapter';

/** What POST /api/messages answers: the invoke response, or an error body with a sentence and no library text. */
export interface ActivityAnswer {
  status: number;
  body?: unknown;
}

const NOT_AUTHENTICATED = 'This request is not signed by the Bot Framework.';
const KEYS_UNREACHABLE = 'Mentoring Up cannot check who sent this right now. Please try again in a moment.';

/**
 * The bot endpoint: checks the activity's shape (400), lets the adapter check its token (401) and run the turn, and
 * answers without the SDK's own error texts, which name internal hosts and library details. CloudAdapter.process would
 * answer 500 with `err.message` when the signing keys cannot be fetched, and print every refused token's stack.
 */
export async function answerActivity(
  adapter: MentoringUpAdapter,
  authorization: string,
  body: unknown,
  logic: (context: TurnContext) => Promise<void>,
  log: Logger,
): Promise<ActivityAnswer> {
  const problem = activityProblem(body);
  if (problem) return { status: 400, body: { error: { code: 'BadRequest', message: problem } } };
  try {
    const invoke = await adapter.runActivity(authorization, withDates(body as Activity), logic);
    return { status: invoke?.status ?? 200, body: invoke?.body };
  } catch (error) {
    return refusal(error, log);
  }
}

function refusal(error: unknown, log: Logger): ActivityAnswer {
  const status = (error as { statusCode?: unknown }).statusCode;
  const reason = error instanceof Error ? error.message : String(error);
  // The SDK's AuthenticationError carries 401 for a missing or unacceptable token, and jsonwebtoken's own errors (a bad
  // signature) come through as they are. Both are expected, so no stack.
  if (status === 401 || isTokenError(error)) {
    log.info('activity refused: not authenticated', { reason });
    return { status: 401, body: { error: { code: 'Unauthorized', message: NOT_AUTHENTICATED } } };
  }
  // The same error with a 5xx status when the key discovery document answered badly, or a network error reaching it.
  if ((typeof status === 'number' && status >= 500) || isNetworkError(error)) {
    log.warn('activity not checked: the Bot Framework signing keys are unreachable', { reason });
    return { status: 503, body: { error: { code: 'Unavailable', message: KEYS_UNREACHABLE } } };
  }
  log.error('activity failed', { error });
  return { status: 500, body: { error: { code: 'Internal', message: INTERNAL_ERROR_MESSAGE } } };
}

function isTokenError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError';
}

/** node-fetch's FetchError (type "system") and Node's socket errors. */
function isNetworkError(error: unknown): boolean {
  const { name, type, code } = (error ?? {}) as { name?: unknown; type?: unknown; code?: unknown };
  return (name === 'FetchError' && type === 'system') || (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR)/.test(code));
}

/** As the SDK's own endpoint does: timestamps arrive as strings, handlers expect Dates (and keep the raw text). */
function withDates(activity: Activity): Activity {
  const fixed = { ...activity } as Activity & Record<string, unknown>;
  for (const key of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = fixed[key] as unknown;
    if (typeof value === 'string') {
      fixed[`raw${key[0].toUpperCase()}${key.slice(1)}`] = value;
      (fixed as Record<string, unknown>)[key] = new Date(value);
    }
  }
  return fixed;
}

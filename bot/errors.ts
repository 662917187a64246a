import { ERROR_STATUS, type ErrorBody, type ErrorCode } from './contract/errors';

export type { ErrorBody, ErrorCode };

/**
 * Errors the service reports to people. Each has a code (for logs, tests and API clients) and a kind sentence for users;
 * details go to the log, never to the user.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Shown to the user as is: one kind, plain sentence. */
    readonly userMessage: string,
    /** For the log only. */
    readonly detail?: string,
  ) {
    super(`${code}: ${detail ?? userMessage}`);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: { error: { code: error.code, message: error.userMessage } } };
  return { status: 500, body: { error: { code: 'Internal', message: INTERNAL_ERROR_MESSAGE } } };
}

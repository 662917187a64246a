/**
 * Errors the service reports to people. Each has a code (for logs, tests and API clients) and a kind sentence for users;
 * details go to the log, never to the user.
 */
export type ErrorCode =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'Conflict'
  | 'UnknownVerb'
  | 'UnknownCommand'
  | 'Unreachable'
  | 'TooLarge'
  | 'Internal';

const httpStatus: Record<ErrorCode, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  UnknownVerb: 400,
  UnknownCommand: 400,
  Unreachable: 422,
  TooLarge: 413,
  Internal: 500,
};

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
    return httpStatus[this.code];
  }
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

/** The body every JSON error has. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: { error: { code: error.code, message: error.userMessage } } };
  return { status: 500, body: { error: { code: 'Internal', message: INTERNAL_ERROR_MESSAGE } } };
}

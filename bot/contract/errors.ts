/**
 * The error codes of the API, with the HTTP status each one answers with. Shared by the service and the tab: the tab
 * decides what to show by `error.code`, never by a status number.
 */
export const ERROR_STATUS = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  /** An update sent without the `If-Match` header naming the version the client read. */
  PreconditionRequired: 428,
  UnknownVerb: 400,
  UnknownCommand: 400,
  Unreachable: 422,
  TooLarge: 413,
  Internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every JSON error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

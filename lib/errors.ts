/** The one error type the app throws on purpose; the access wrapper maps it to a message or an HTTP status. */

export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "closed"
  | "expired"
  | "rate_limited";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  closed: 410,
  expired: 410,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  /** With "rate_limited": seconds until a new attempt may go ahead (the Retry-After header). */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>, options?: { retryAfterSeconds?: number }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: AppErrorCode; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };
